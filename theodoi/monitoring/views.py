"""Views of the monitoring app: parse input, call an access helper or an
action, render. The reminder log with the "Đôn đốc" button,
and the register of escalated difficulties."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from theodoi.accounts.roles import can_follow_up, can_review_reports
from theodoi.dashboards.report_tables import Column, SheetTable, xlsx_response
from theodoi.monitoring import access, actions
from theodoi.monitoring.models import EscalationState, Reminder
from theodoi.orgunits.access import get_unit_for_user
from theodoi.orgunits.models import OrgUnit
from theodoi.project.params import id_param
from theodoi.reporting import clock, scope
from theodoi.reporting.access import get_period_for_user, get_report_for_user
from theodoi.reporting.models import ReportingPeriod
from theodoi.reporting.views import refuse_with_message


@login_required
@refuse_with_message
def reminders(request: HttpRequest) -> HttpResponse:
    """The log of every reminder sent, newest first."""
    items, period_id = _reminders(request)
    page = Paginator(items, 50).get_page(request.GET.get("trang"))
    export_url = reverse("monitoring:reminders_xlsx") + (f"?ky={period_id}" if period_id else "")
    context = {"page": page, "period_id": period_id, "export_url": export_url}
    return render(request, "monitoring/reminders.html", context)


def _reminders(request: HttpRequest) -> tuple[QuerySet[Reminder], str]:
    items = access.reminders_for_user(request.user).select_related(
        "unit", "period", "period__obligation__document", "sent_by"
    )
    chosen = id_param(request.GET.get("ky"))
    period_id = str(chosen) if chosen is not None else ""
    if chosen is not None:
        items = items.filter(period_id=chosen)
    return items.order_by("-sent_at", "-id"), period_id


@login_required
@require_GET
@refuse_with_message
def reminders_xlsx(request: HttpRequest) -> HttpResponse:
    """The reminder log (every row, the same filter) as .xlsx."""
    items, period_id = _reminders(request)
    columns = (
        Column("Thời điểm", 18, lambda r: f"{timezone.localtime(r.sent_at):%d/%m/%Y %H:%M}"),
        Column("Đơn vị", 40, lambda r: r.unit.display_name),
        Column("Kỳ báo cáo", 40, lambda r: f"{r.period.label} — {r.period.obligation.document}"),
        Column("Loại", 16, lambda r: r.get_kind_display()),
        Column("Kênh", 14, lambda r: r.get_channel_display()),
        Column("Người nhận", 30, lambda r: r.recipients or "—"),
        Column("Người gửi", 24, lambda r: str(r.sent_by) if r.sent_by else "hệ thống"),
    )
    table = SheetTable("Nhật ký đôn đốc", "Nhật ký đôn đốc báo cáo", columns, items)
    return xlsx_response(f"nhat-ky-don-doc{'-' + period_id if period_id else ''}.xlsx", table)


def _period_rows(request: HttpRequest, pk: int) -> tuple[ReportingPeriod, list[dict[str, Any]]]:
    if not can_follow_up(request.user):
        raise PermissionDenied(_("Trang này dành cho cơ quan đầu mối và lãnh đạo."))
    period = get_period_for_user(request.user, pk)
    missing = scope.units_not_reported(period)
    units = OrgUnit.objects.in_bulk(list(missing))
    last = {}
    for reminder in (
        access.reminders_for_user(request.user).filter(period=period).order_by("sent_at")
    ):
        last[reminder.unit_id] = reminder
    rows = [
        {"unit": units[unit_id], "missing": count, "last": last.get(unit_id)}
        for unit_id, count in sorted(missing.items(), key=lambda item: units[item[0]].tree_path)
    ]
    return period, rows


@login_required
@require_GET
@refuse_with_message
def period_units_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    """Units that still owe reports in a period, as .xlsx."""
    period, rows = _period_rows(request, pk)

    def last(row: dict[str, Any]) -> str:
        sent = row["last"]
        if sent is None:
            return "—"
        return f"{timezone.localtime(sent.sent_at):%d/%m/%Y %H:%M} ({sent.get_kind_display()})"

    columns = (
        Column("Đơn vị", 40, lambda row: row["unit"].name),
        Column("Nhiệm vụ chưa gửi", 14, lambda row: row["missing"]),
        Column("Lần đôn đốc gần nhất", 30, last),
    )
    title = f"Đơn vị chưa gửi đủ báo cáo — {period.label} — {period.obligation.document}"
    table = SheetTable("Đơn vị chưa gửi đủ", title, columns, rows)
    return xlsx_response(f"don-vi-chua-gui-{period.pk}.xlsx", table)


@login_required
@refuse_with_message
def period_units(request: HttpRequest, pk: int) -> HttpResponse:
    """Units that still owe reports in a period, each with a "Đôn đốc" button."""
    period, rows = _period_rows(request, pk)
    today = clock.today()
    context = {
        "period": period,
        "rows": rows,
        "today": today,
        "overdue": today > period.due_date,
        "locked": scope.is_locked(period, today),
        "can_remind": can_review_reports(request.user),
    }
    return render(request, "monitoring/period_units.html", context)


@login_required
@require_POST
@refuse_with_message
def remind_unit(request: HttpRequest, pk: int, unit_id: int) -> HttpResponse:
    """The focal officer's "Đôn đốc" button for one unit."""
    period = get_period_for_user(request.user, pk)
    unit = get_unit_for_user(request.user, unit_id)
    try:
        actions.send_manual_reminder(
            request.user, period, unit, request.POST.get("message", ""), now=clock.now()
        )
        messages.success(request, _("Đã đôn đốc %(unit)s.") % {"unit": unit.name})
    except actions.MonitoringError as exc:
        messages.error(request, str(exc))
    return redirect("monitoring:period_units", period.pk)


STATE_FILTERS = {
    "cho-xu-ly": EscalationState.OPEN,
    "da-chuyen": EscalationState.FORWARDED,
    "da-tra-loi": EscalationState.RESOLVED,
}


@login_required
def escalations(request: HttpRequest) -> HttpResponse:
    items = access.escalations_for_user(request.user).select_related(
        "report__unit", "report__task", "report__period", "to_unit", "raised_by"
    )
    state_key = request.GET.get("trang-thai", "")
    if state_key in STATE_FILTERS:
        items = items.filter(state=STATE_FILTERS[state_key])
    page = Paginator(items.order_by("-created_at", "-id"), 30).get_page(request.GET.get("trang"))
    context = {
        "page": page,
        "state_key": state_key,
        "filters": STATE_FILTERS,
        "can_resolve": can_review_reports(request.user),
    }
    return render(request, "monitoring/escalations.html", context)


@login_required
@require_POST
@refuse_with_message
def escalate(request: HttpRequest, report_id: int) -> HttpResponse:
    report = get_report_for_user(request.user, report_id)
    try:
        actions.escalate_difficulty(
            request.user, report, request.POST.get("summary", ""), now=clock.now()
        )
        messages.success(request, _("Đã kiến nghị vướng mắc lên lãnh đạo."))
    except actions.MonitoringError as exc:
        messages.error(request, str(exc))
    return redirect("reporting:review_detail", report.pk)


@login_required
@require_POST
@refuse_with_message
def resolve(request: HttpRequest, pk: int) -> HttpResponse:
    escalation = access.get_escalation_for_user(request.user, pk, for_change=True)
    try:
        actions.resolve_escalation(
            request.user, escalation, request.POST.get("response", ""), now=clock.now()
        )
        messages.success(request, _("Đã ghi nhận trả lời vướng mắc."))
    except actions.MonitoringError as exc:
        messages.error(request, str(exc))
    return redirect("monitoring:escalations")
