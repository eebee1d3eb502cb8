"""Views of the monitoring app: parse input, call an access helper or an
action, render. The reminder log with the "Đôn đốc" button,
and the register of escalated difficulties."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from theodoi.accounts.roles import can_follow_up, can_review_reports
from theodoi.monitoring import access, actions
from theodoi.monitoring.models import EscalationState
from theodoi.orgunits.access import get_unit_for_user
from theodoi.orgunits.models import OrgUnit
from theodoi.project.params import id_param
from theodoi.reporting import clock, scope
from theodoi.reporting.access import get_period_for_user, get_report_for_user
from theodoi.reporting.views import refuse_with_message


@login_required
@refuse_with_message
def reminders(request: HttpRequest) -> HttpResponse:
    """The log of every reminder sent, newest first."""
    items = access.reminders_for_user(request.user).select_related(
        "unit", "period", "period__obligation__document", "sent_by"
    )
    chosen = id_param(request.GET.get("ky"))
    period_id = str(chosen) if chosen is not None else ""
    if chosen is not None:
        items = items.filter(period_id=chosen)
    page = Paginator(items.order_by("-sent_at", "-id"), 50).get_page(request.GET.get("trang"))
    return render(request, "monitoring/reminders.html", {"page": page, "period_id": period_id})


@login_required
@refuse_with_message
def period_units(request: HttpRequest, pk: int) -> HttpResponse:
    """Units that still owe reports in a period, each with a "Đôn đốc" button."""
    if not can_follow_up(request.user):
        raise PermissionDenied(_("Trang này dành cho cơ quan đầu mối và lãnh đạo."))
    period = get_period_for_user(request.user, pk)
    today = clock.today()
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
