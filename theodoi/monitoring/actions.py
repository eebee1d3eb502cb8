"""Named changes to monitoring data: one transaction each, the acting user
passed in, the audit trail written (see theodoi/audit/actions.py)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from theodoi.accounts.models import Role, User
from theodoi.accounts.roles import check_focal
from theodoi.audit.actions import record
from theodoi.leadership.lookups import leader_of
from theodoi.monitoring.models import Escalation, EscalationState, Reminder, ReminderKind
from theodoi.monitoring.reminders import deliver, reminder_text
from theodoi.notifications.delivery import notify, site_language, unit_people
from theodoi.orgunits.models import OrgUnit
from theodoi.reporting import scope
from theodoi.reporting.access import periods_for_user, reports_for_user
from theodoi.reporting.models import ReportingPeriod, TaskReport


class MonitoringError(ValueError):
    """The change is not allowed as asked; the message tells the user why."""


def send_manual_reminder(
    actor: Any,
    period: ReportingPeriod,
    unit: OrgUnit,
    message: str = "",
    *,
    now: datetime.datetime | None = None,
) -> list[Reminder]:
    """The focal officer urges one unit now (the "Đôn đốc" button)."""
    now = now or timezone.now()
    check_focal(actor)
    if not periods_for_user(actor).filter(pk=period.pk).exists():
        raise PermissionDenied(_("Kỳ báo cáo không thuộc kế hoạch do cơ quan của bạn theo dõi."))
    missing = scope.units_not_reported(period).get(unit.pk)
    if missing is None:
        raise MonitoringError(
            _("%(unit)s đã gửi đủ báo cáo kỳ này, không cần đôn đốc.") % {"unit": unit.name}
        )
    text = message.strip() or reminder_text(period, unit, ReminderKind.MANUAL, missing)
    logged = deliver(period, unit, ReminderKind.MANUAL, text, now=now, sent_by=actor)
    if not logged:
        raise MonitoringError(_("Không gửi được thư điện tử đôn đốc; hãy thử lại sau."))
    with transaction.atomic():
        record(actor, "reminder.manual", period, {"unit": unit.pk, "message": text}, now=now)
    return logged


def _leaders_for(report: TaskReport) -> list[Any]:
    """The leader in charge of the report's unit (or task); every leader
    when none is named."""
    in_charge = leader_of(report.unit, report.task_id)
    if in_charge is not None:
        return [in_charge]
    return list(User.objects.filter(role=Role.LEADER, is_active=True))


@transaction.atomic
def escalate_difficulty(
    actor: Any,
    report: TaskReport,
    summary: str,
    *,
    to_unit: OrgUnit | None = None,
    now: datetime.datetime | None = None,
) -> Escalation:
    """Take a difficulty raised in a report up to the leadership."""
    now = now or timezone.now()
    check_focal(actor)
    if not reports_for_user(actor).filter(pk=report.pk).exists():
        raise PermissionDenied(_("Báo cáo không thuộc kế hoạch do cơ quan của bạn theo dõi."))
    summary = summary.strip() or report.difficulties.strip()
    if not summary:
        raise MonitoringError(_("Hãy ghi nội dung vướng mắc cần kiến nghị."))
    escalation = Escalation.objects.create(
        report=report,
        summary=summary,
        to_unit=to_unit,
        state=EscalationState.FORWARDED if to_unit else EscalationState.OPEN,
        raised_by=actor,
    )
    Escalation.objects.filter(pk=escalation.pk).update(created_at=now)
    url = reverse("monitoring:escalations")
    with site_language():
        title = _("Vướng mắc cần cho ý kiến: %(unit)s") % {"unit": report.unit.display_name}
    notify(_leaders_for(report), "escalation.raised", title, summary, url, now=now)
    record(actor, "escalation.raise", escalation, {"report": report.pk}, now=now)
    return escalation


@transaction.atomic
def resolve_escalation(
    actor: Any, escalation: Escalation, response: str, *, now: datetime.datetime | None = None
) -> Escalation:
    """Record the answer the leadership gave to an escalated difficulty."""
    now = now or timezone.now()
    check_focal(actor)
    if not response.strip():
        raise MonitoringError(_("Hãy ghi nội dung trả lời, xử lý."))
    escalation = (
        Escalation.objects.select_for_update().select_related("report").get(pk=escalation.pk)
    )
    if escalation.state == EscalationState.RESOLVED:
        raise MonitoringError(_("Vướng mắc này đã được trả lời."))
    escalation.state = EscalationState.RESOLVED
    escalation.response = response.strip()
    escalation.resolved_at = now
    escalation.resolved_by = actor
    escalation.save()
    report = escalation.report
    with site_language():
        title = _("Vướng mắc đã được trả lời: %(summary)s") % {"summary": escalation.summary[:80]}
    url = reverse("reporting:report_form", args=[report.period_id, report.task_id])
    notify(
        unit_people(report.unit_id), "escalation.resolved", title, escalation.response, url, now=now
    )
    record(actor, "escalation.resolve", escalation, {"response": escalation.response}, now=now)
    return escalation
