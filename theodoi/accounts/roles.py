"""Capabilities per role, in one place so views and templates never decide.

Each function answers one question about what a user may do; access helpers
(``access.py`` in every app) build on them.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from theodoi.accounts.models import Role

OVERSIGHT_ROLES = frozenset({Role.ADMIN, Role.FOCAL_OFFICER, Role.LEADER})
UNIT_ROLES = frozenset({Role.UNIT_OFFICER, Role.UNIT_HEAD})


def _role(user: Any) -> str | None:
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return None
    if getattr(user, "is_superuser", False):
        return Role.ADMIN
    return str(user.role)


def is_signed_in(user: Any) -> bool:
    return _role(user) is not None


def is_admin(user: Any) -> bool:
    return _role(user) == Role.ADMIN


def sees_everything(user: Any) -> bool:
    """Admins, focal officers and leaders see every unit's reports."""
    return _role(user) in OVERSIGHT_ROLES


def can_manage_documents(user: Any) -> bool:
    """Import, review and publish plans; assign tasks."""
    return _role(user) in {Role.ADMIN, Role.FOCAL_OFFICER}


def can_review_reports(user: Any) -> bool:
    """Accept or return a unit's report."""
    return _role(user) in {Role.ADMIN, Role.FOCAL_OFFICER}


def can_write_reports(user: Any) -> bool:
    """Fill in the reports of one's own unit."""
    return _role(user) in UNIT_ROLES and user.org_unit_id is not None


def can_submit_reports(user: Any) -> bool:
    """Send the unit's reports to the focal agency (unit heads and officers)."""
    return can_write_reports(user)


def is_leader(user: Any) -> bool:
    """Provincial leaders: they direct units and answer escalations."""
    return _role(user) == Role.LEADER


def is_unit_head(user: Any) -> bool:
    """Approves the unit's reports before they go to the focal agency."""
    return _role(user) == Role.UNIT_HEAD


def can_follow_up(user: Any) -> bool:
    """See which units still owe reports (focal officers, admins, leaders)."""
    return sees_everything(user)


def can_approve_delegated_tasks(user: Any) -> bool:
    """Approve the tasks a unit's sub-plan gives to other units (the focal agency)."""
    return _role(user) in {Role.ADMIN, Role.FOCAL_OFFICER}


def check_focal(user: Any) -> None:
    """Refuse (403) an action only the focal agency may take: follow-ups,
    recognition, inspections."""
    if not can_review_reports(user):
        raise PermissionDenied(_("Chỉ cơ quan đầu mối được thực hiện thao tác này."))
