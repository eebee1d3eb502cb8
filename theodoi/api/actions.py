"""Changes to API data: making and revoking tokens. Endpoints that change
domain data call the apps' own ``actions.py`` functions, never the ORM."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone

from theodoi.api.models import ApiToken
from theodoi.audit.actions import record

TOKEN_PREFIX = "td_"


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@transaction.atomic
def create_token(actor: Any, name: str) -> tuple[ApiToken, str]:
    """A new token for ``actor``; the secret is returned once and never stored."""
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=actor,
        name=(name.strip() or "API")[:100],
        prefix=secret[:10],
        digest=token_digest(secret),
    )
    record(actor, "api.token_create", token, {"name": token.name, "prefix": token.prefix})
    return token, secret


@transaction.atomic
def revoke_token(actor: Any, token: ApiToken) -> ApiToken:
    """Revoke the token: requests carrying it are refused from now on."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record(actor, "api.token_revoke", token, {"name": token.name, "prefix": token.prefix})
    return token


def user_for_token(secret: str) -> Any:
    """The active owner of an active token, else ``None``."""
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 200:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=token_digest(secret), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
