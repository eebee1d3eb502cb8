"""The API has no access rules of its own for domain data: endpoints call the
apps' helpers (``documents.access``, ``plans.access``, ``reporting.access``),
so the API and the pages always agree on who sees what. Only the tokens are
the API's own: a person sees and revokes only their own."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from theodoi.api.models import ApiToken


def tokens_for_user(user: Any) -> QuerySet[ApiToken]:
    if not getattr(user, "is_authenticated", False):
        return ApiToken.objects.none()
    return ApiToken.objects.filter(user=user)


def get_token_for_user(user: Any, pk: int) -> ApiToken:
    try:
        return tokens_for_user(user).get(pk=pk)
    except ApiToken.DoesNotExist:
        raise Http404(_("Không tìm thấy khóa API.")) from None
