"""Login throttling and lock-out, shared by the login page and /admin/.

After ``LOGIN_FAILURE_LIMIT`` wrong passwords for one user name within
``LOGIN_LOCKOUT_MINUTES``, that name cannot sign in, even with the right
password, until fewer than that many failures fall within the window (a
failure while locked out counts too); the same for
one address after ``LOGIN_IP_FAILURE_LIMIT`` failures on any names (guessing
across many accounts). Failures live in the database, so every web process
and machine sees the same count. A successful login clears the name's count.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils import timezone

from theodoi.accounts.models import LoginFailure


def _window() -> datetime.timedelta:
    return datetime.timedelta(minutes=int(getattr(settings, "LOGIN_LOCKOUT_MINUTES", 15)))


def client_ip(request: HttpRequest | None) -> str:
    """The address the request came from. Behind the HTTPS reverse proxy
    (``SECURE_COOKIES`` on) every request comes from the proxy, so the
    right-most X-Forwarded-For entry is used: the one the proxy itself
    appended (nginx's ``$proxy_add_x_forwarded_for``); entries a client sent
    sit to its left and are ignored. Otherwise REMOTE_ADDR."""
    if request is None:
        return ""
    if getattr(settings, "LOGIN_TRUST_FORWARDED_FOR", False):
        forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")[-1].strip()
        if forwarded:
            return forwarded[:45]
    return str(request.META.get("REMOTE_ADDR", ""))[:45]


def _key(username: str) -> str:
    return username.strip().lower()[:150]


def is_locked_out(username: str, request: HttpRequest | None) -> bool:
    since = timezone.now() - _window()
    recent = LoginFailure.objects.filter(at__gte=since)
    by_name = recent.filter(username=_key(username)).count()
    if by_name >= int(getattr(settings, "LOGIN_FAILURE_LIMIT", 5)):
        return True
    ip = client_ip(request)
    ip_limit = int(getattr(settings, "LOGIN_IP_FAILURE_LIMIT", 30))
    return bool(ip) and recent.filter(ip=ip).count() >= ip_limit


def lockout_minutes() -> int:
    return int(getattr(settings, "LOGIN_LOCKOUT_MINUTES", 15))


class ThrottledModelBackend(ModelBackend):
    """Refuse every password for a locked-out name or address (the admin's
    login form included), before the password is even checked."""

    def authenticate(  # type: ignore[override]
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        name = username if username is not None else kwargs.get("username", "")
        if request is not None and is_locked_out(str(name or ""), request):
            raise PermissionDenied("locked out")  # stops the chain: no other backend tries
        return super().authenticate(request, username=username, password=password, **kwargs)

    def get_user(self, user_id: Any) -> Any:
        """The signed-in person of each request, with their unit in the same
        query: nearly every page asks for it (menus, access checks)."""
        UserModel = get_user_model()
        try:
            user = UserModel._default_manager.select_related("org_unit").get(pk=user_id)
        except UserModel.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None


@receiver(user_login_failed)
def _remember_failure(
    sender: Any, credentials: dict[str, Any], request: Any = None, **_: Any
) -> None:
    LoginFailure.objects.create(
        username=_key(str(credentials.get("username", ""))),
        ip=client_ip(request),
        at=timezone.now(),
    )
    # Old rows are of no use; drop them now and then, cheaply.
    LoginFailure.objects.filter(at__lt=timezone.now() - 4 * _window()).delete()


@receiver(user_logged_in)
def _forget_failures(sender: Any, request: Any, user: Any, **_: Any) -> None:
    LoginFailure.objects.filter(username=_key(user.get_username())).delete()
