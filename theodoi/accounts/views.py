"""Login. The home page lives with the dashboards (theodoi/dashboards/home_views.py)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views

from theodoi.accounts.forms import LoginForm


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
