"""Login and the account page (password, API tokens). The home page lives
with the dashboards (theodoi/dashboards/home_views.py)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from theodoi.accounts.forms import ChangePasswordForm, LoginForm, TokenForm
from theodoi.api.access import get_token_for_user, tokens_for_user
from theodoi.api.actions import create_token, revoke_token
from theodoi.audit.actions import record


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


class PasswordChangeView(auth_views.PasswordChangeView):
    """Every user changes their own password (Django's validators apply)."""

    template_name = "accounts/password_change.html"
    form_class = ChangePasswordForm
    success_url = reverse_lazy("account")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        user: Any = self.request.user  # login_required: never anonymous here
        record(user, "account.password_change", user, {})
        messages.success(self.request, _("Đã đổi mật khẩu."))
        return response


@login_required
def account(request: HttpRequest) -> HttpResponse:
    """The account page: change the password; make and revoke API tokens."""
    context = {
        "tokens": list(tokens_for_user(request.user)),
        "form": TokenForm(),
        "new_secret": request.session.pop("new_api_token", ""),
    }
    return render(request, "accounts/account.html", context)


@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST)
    if form.is_valid():
        _token, secret = create_token(request.user, form.cleaned_data["name"])
        # Shown once, on the next page, then gone: only its digest is stored.
        request.session["new_api_token"] = secret
    else:
        messages.error(request, _("Hãy đặt tên cho khóa API."))
    return redirect("account")


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_token_for_user(request.user, pk)
    revoke_token(request.user, token)
    messages.success(request, _("Đã thu hồi khóa API “%(name)s”.") % {"name": token.name})
    return redirect("account")
