"""Who is calling: a signed-in browser (the session) or another system (a
per-user token, ``Authorization: Bearer td_…``). A token acts as its owner:
``request.user`` is set, so every access helper applies unchanged."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, django_auth

from theodoi.api.actions import user_for_token


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = user_for_token(token.strip())
        if user is not None:
            request.user = user
        return user


#: Token first (no CSRF needed: no cookie is involved), then the session.
AUTH = [TokenAuth(), django_auth]
