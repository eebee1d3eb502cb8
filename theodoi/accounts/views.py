"""Login and the home page. The home page shows what the user's role needs
first; the figures come from ``home.py``, not from here."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from theodoi.accounts.forms import LoginForm
from theodoi.accounts.home import home_context
from theodoi.reporting import clock


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        if settings.SHOW_DEMO_LOGINS:
            from theodoi.demo.people import DEMO_PASSWORD, SPECIAL_USERS

            context["demo_logins"] = [name for name, *_ in SPECIAL_USERS] + [
                "cb.so-tu-phap",
                "ld.so-tu-phap",
                "cb.ubnd-h-dong-son",
            ]
            context["demo_password"] = DEMO_PASSWORD
        return context


@login_required
def home(request: HttpRequest) -> HttpResponse:
    today: datetime.date = clock.today()  # the reporting clock, which tests fix
    context = home_context(request.user, today)
    return render(request, "accounts/home.html", context)
