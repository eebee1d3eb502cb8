"""The leader's own pages: the units in their charge across the plans, the
difficulties waiting for their direction; and the assignment page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from theodoi.accounts.models import Role, User
from theodoi.accounts.roles import can_manage_documents, is_leader
from theodoi.dashboards.lookups import default_period
from theodoi.dashboards.metrics import UnitRow, unit_status
from theodoi.dashboards.report_tables import Column, SheetTable, xlsx_response
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


def _plans(user: Any, units: Any) -> list[PlanUnits]:
    """Each followed plan with the rows of the units ``user`` is in charge of."""
    unit_ids = set(units.values_list("pk", flat=True))
    today = clock.today()
    plans: list[PlanUnits] = []
    for document in followed_documents(user).order_by("-date", "pk")[:20]:
        period = default_period(document, today)
        if period is None:
            continue
        rows = [row for row in unit_status(document, period) if row.unit_id in unit_ids]
        if rows:
            plans.append(PlanUnits(document, period, rows))
    return plans


@login_required
@require_GET
def plan_units_xlsx(request: HttpRequest, plan: int) -> HttpResponse:
    """One plan's table of the leader's dashboard (the units in their charge) as .xlsx."""
    if not is_leader(request.user):
        raise PermissionDenied(_("Trang này dành cho lãnh đạo."))
    found = next(
        (p for p in _plans(request.user, units_in_charge(request.user)) if p.document.pk == plan),
        None,
    )
    if found is None:
        raise Http404(_("Không có bảng này."))
    columns = (
        Column("Đơn vị", 40, lambda u: u.name),
        Column("Nhiệm vụ phải báo cáo", 14, lambda u: u.tasks_expected),
        Column("Đã báo cáo", 12, lambda u: u.tasks_sent),
        Column("Đã hoàn thành", 12, lambda u: u.tasks_done),
    )
    title = f"Đơn vị phụ trách — {found.document} — {found.period.label}"
    table = SheetTable("Đơn vị phụ trách", title, columns, found.units)
    return xlsx_response(f"don-vi-phu-trach-{plan}-{found.period.year}.xlsx", table)


@login_required
def leader_dashboard(request: HttpRequest) -> HttpResponse:
    if not is_leader(request.user):
        raise PermissionDenied(_("Trang này dành cho lãnh đạo."))
    units = units_in_charge(request.user)
    plans = _plans(request.user, units)
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
