"""Who may see which dashboard: one place, used by every dashboard view.

- Leaders and administrators see every tracked plan (read-only: dashboards
  have no actions).
- Focal officers see the plans their agency follows (``focal_agency`` in
  their unit's subtree) and plans with no focal agency yet.
- Unit officers and unit heads see only their own unit's view (their unit
  and the units under it) of plans that assign them tasks; the plan-wide
  dashboard is not theirs (403).

A plan one may not see is a 404, so numbers and titles do not leak.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from theodoi.accounts.models import Role
from theodoi.accounts.roles import UNIT_ROLES
from theodoi.documents.models import Document, DocumentState
from theodoi.orgunits.models import OrgUnit
from theodoi.plans.models import Assignment
from theodoi.reporting.models import ReportingPeriod

#: Plans that have dashboards: published or archived (drafts have no reports).
DASHBOARD_STATES = (DocumentState.PUBLISHED, DocumentState.ARCHIVED)
#: A superseded version keeps its dashboard (the reports left on its removed
#: tasks and its earlier rounds are history worth reading), but it is only
#: reached from its newer version, never listed beside it.
HISTORY_STATES = (*DASHBOARD_STATES, DocumentState.SUPERSEDED)


def _role(user: Any) -> str | None:
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return None
    return Role.ADMIN if getattr(user, "is_superuser", False) else str(user.role)


def _unit_path(user: Any) -> str | None:
    unit = getattr(user, "org_unit", None)
    return unit.tree_path if unit is not None else None


def is_plan_viewer(user: Any) -> bool:
    """Sees plan-wide dashboards (of the plans ``plans_for_user`` allows)."""
    return _role(user) in {Role.ADMIN, Role.LEADER, Role.FOCAL_OFFICER}


def is_unit_viewer(user: Any) -> bool:
    return _role(user) in UNIT_ROLES and _unit_path(user) is not None


def plans_for_user(user: Any, *, history: bool = False) -> QuerySet[Document]:
    """Plans whose dashboard (or own-unit view) ``user`` may open; with
    ``history`` also the versions newer ones replaced."""
    plans = Document.objects.filter(state__in=HISTORY_STATES if history else DASHBOARD_STATES)
    role = _role(user)
    if role in {Role.ADMIN, Role.LEADER}:
        return plans
    path = _unit_path(user)
    if path is None:
        return plans.none()
    if role == Role.FOCAL_OFFICER:
        return plans.filter(
            Q(focal_agency__isnull=True) | Q(focal_agency__tree_path__startswith=path)
        )
    if role in UNIT_ROLES:
        assigned = Assignment.objects.filter(unit__tree_path__startswith=path).values(
            "task__document_id"
        )
        return plans.filter(pk__in=assigned)
    return plans.none()


def get_plan_for_user(user: Any, pk: int) -> Document:
    """A plan ``user`` may see (404 otherwise)."""
    try:
        return plans_for_user(user, history=True).get(pk=pk)
    except Document.DoesNotExist:
        raise Http404("Không tìm thấy kế hoạch.") from None


def get_plan_dashboard_for_user(user: Any, pk: int) -> Document:
    """A plan whose plan-wide dashboard ``user`` may see (404 / 403)."""
    document = get_plan_for_user(user, pk)
    if not is_plan_viewer(user):
        raise PermissionDenied("Bảng theo dõi toàn kế hoạch dành cho cơ quan đầu mối và lãnh đạo.")
    return document


def get_period_for_plan(document: Document, pk: int) -> ReportingPeriod:
    try:
        return ReportingPeriod.objects.select_related("obligation").get(
            pk=pk, obligation__document=document
        )
    except ReportingPeriod.DoesNotExist:
        raise Http404("Không tìm thấy kỳ báo cáo.") from None


def get_unit_for_dashboard(user: Any, document: Document, pk: int) -> OrgUnit:
    """A unit whose view of ``document`` ``user`` may see: any unit for plan
    viewers, their own unit (or one under it) for unit people; 404 otherwise."""
    units = OrgUnit.objects.all()
    if not is_plan_viewer(user):
        path = _unit_path(user)
        if path is None:
            raise Http404("Không tìm thấy đơn vị.")
        units = units.filter(tree_path__startswith=path)
    try:
        return units.get(pk=pk)
    except OrgUnit.DoesNotExist:
        raise Http404("Không tìm thấy đơn vị.") from None


def can_download_report(user: Any) -> bool:
    """The aggregated report draft is for plan viewers (it covers every unit)."""
    return is_plan_viewer(user)
