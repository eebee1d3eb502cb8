"""API tokens in the Django admin: listed, and revoked with an action; the
secret is never shown (only its digest is stored)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from theodoi.api.actions import revoke_token
from theodoi.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["name", "user__username", "prefix"]
    readonly_fields = ["user", "name", "prefix", "created_at", "last_used_at", "revoked_at"]
    exclude = ["digest"]
    actions = ["revoke"]

    def has_add_permission(self, request: Any) -> bool:
        return False  # made on the account page, where the secret is shown once

    @admin.action(description=_("Thu hồi các khóa đã chọn"))
    def revoke(self, request: Any, queryset: Any) -> None:
        for token in queryset:
            revoke_token(request.user, token)
