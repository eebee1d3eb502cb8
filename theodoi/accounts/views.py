"""Login and the home page. The home page shows what the user's role needs
first; the figures come from ``home.py``, not from here."""

from __future__ import annotations

import datetime

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from theodoi.accounts.forms import LoginForm
from theodoi.accounts.home import home_context


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


@login_required
def home(request: HttpRequest) -> HttpResponse:
    today: datetime.date = timezone.localdate()
    context = home_context(request.user, today)
    return render(request, "accounts/home.html", context)
