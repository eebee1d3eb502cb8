"""The leader's own pages: the units in their charge across the plans, the
difficulties waiting for their direction; and the assignment page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from theodoi.accounts.models import Role, User
from theodoi.accounts.roles import can_manage_documents, is_leader
from theodoi.dashboards.lookups import default_period
from theodoi.dashboards.metrics import UnitRow, unit_status
from theodoi.documents.models import Document
from theodoi.leadership import actions
from theodoi.leadership.lookups import units_in_charge
from theodoi.leadership.models import LeaderInCharge
from theodoi.monitoring.access import escalations_for_user
from theodoi.monitoring.models import EscalationState
from theodoi.orgunits.models import OrgUnit
from theodoi.project.params import id_param
from theodoi.reporting import clock
from theodoi.reporting.access import followed_documents
from theodoi.reporting.models import ReportingPeriod


@dataclass(frozen=True)
class PlanUnits:
    document: Document
    period: ReportingPeriod
    units: list[UnitRow]


@login_required
def leader_dashboard(request: HttpRequest) -> HttpResponse:
    if not is_leader(request.user):
        raise PermissionDenied(_("Trang này dành cho lãnh đạo."))
    units = units_in_charge(request.user)
    unit_ids = set(units.values_list("pk", flat=True))
    today = clock.today()
    plans: list[PlanUnits] = []
    for document in followed_documents(request.user).order_by("-date", "pk")[:20]:
        period = default_period(document, today)
        if period is None:
            continue
        rows = [row for row in unit_status(document, period) if row.unit_id in unit_ids]
        if rows:
            plans.append(PlanUnits(document, period, rows))
    pending = (
        escalations_for_user(request.user)
        .filter(report__unit__in=units)
        .exclude(state=EscalationState.RESOLVED)
        .select_related("report__unit", "report__task", "report__period")
        .order_by("created_at")
    )
    return render(
        request,
        "leadership/dashboard.html",
        {"units": units.order_by("tree_path"), "plans": plans, "pending": pending},
    )


@login_required
@require_POST
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    escalation = escalations_for_user(request.user).filter(pk=pk).first()
    if escalation is None:
        raise PermissionDenied(_("Không tìm thấy vướng mắc."))
    try:
        actions.answer_escalation(request.user, escalation, request.POST.get("answer", ""))
    except actions.LeadershipError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Đã gửi ý kiến chỉ đạo tới đơn vị và cơ quan đầu mối."))
    return redirect("leadership:dashboard")


@login_required
def assignments(request: HttpRequest) -> HttpResponse:
    """One line per unit: who directs it."""
    if not can_manage_documents(request.user):
        raise PermissionDenied(_("Chỉ quản trị và cơ quan đầu mối được phân công lãnh đạo."))
    leaders = User.objects.filter(role=Role.LEADER, is_active=True).order_by("full_name", "pk")
    units = OrgUnit.objects.filter(is_active=True).order_by("tree_path")
    if request.method == "POST":
        unit = units.filter(pk=_int(request.POST.get("unit"))).first()
        chosen = leaders.filter(pk=_int(request.POST.get("leader_id"))).first()
        if unit is None:
            messages.error(request, _("Hãy chọn đơn vị."))
        else:
            try:
                actions.assign_leader(request.user, unit, chosen)
            except actions.LeadershipError as error:
                messages.error(request, str(error))
            else:
                messages.success(
                    request, _("Đã cập nhật lãnh đạo phụ trách %(unit)s.") % {"unit": unit}
                )
        return redirect("leadership:assignments")
    current = {
        item.unit_id: item.leader_id for item in LeaderInCharge.objects.filter(task__isnull=True)
    }
    rows: list[tuple[Any, Any]] = [(unit, current.get(unit.pk)) for unit in units]
    return render(request, "leadership/assignments.html", {"rows": rows, "leaders": list(leaders)})


def _int(value: str | None) -> int:
    return id_param(value) or 0
