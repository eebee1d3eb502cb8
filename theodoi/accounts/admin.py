from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from theodoi.accounts.models import LoginFailure, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "full_name", "role", "org_unit", "is_active"]
    list_filter = ["role", "is_active", "is_staff"]
    search_fields = ["username", "full_name", "email", "org_unit__name"]
    autocomplete_fields = ["org_unit"]
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        (
            _("Đơn vị và vai trò"),
            {"fields": ("full_name", "role", "org_unit", "position", "phone")},
        ),
    )
    add_fieldsets = (
        *BaseUserAdmin.add_fieldsets,
        (_("Đơn vị và vai trò"), {"fields": ("full_name", "role", "org_unit")}),
    )


@admin.register(LoginFailure)
class LoginFailureAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Recent wrong passwords; deleting a name's rows lifts its lock-out."""

    list_display = ["username", "ip", "at"]
    search_fields = ["username", "ip"]
    readonly_fields = ["username", "ip", "at"]

    def has_add_permission(self, request: object) -> bool:
        return False
