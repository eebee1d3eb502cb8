"""Demo follow-up: reminders sent, difficulties escalated, notifications."""

from __future__ import annotations

import datetime

from django.utils import timezone

from theodoi.accounts.models import Role, User
from theodoi.monitoring.models import (
    Escalation,
    EscalationState,
    Reminder,
    ReminderKind,
)
from theodoi.notifications.models import Notification
from theodoi.reporting.models import ReportingPeriod, ReviewState, TaskReport


def _at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def load_follow_up(periods: list[ReportingPeriod], today: datetime.date, focal: User) -> None:
    """Only when none exists yet, so a second load adds nothing."""
    if Reminder.objects.filter(period__in=periods).exists():
        return
    for period in periods:
        _reminders(period, today, focal)
    _escalations(periods, focal, today)
    _notifications(focal)


def _reminders(period: ReportingPeriod, today: datetime.date, focal: User) -> None:
    drafts = TaskReport.objects.filter(period=period, review_state=ReviewState.DRAFT)
    unit_ids = sorted(set(drafts.values_list("unit_id", flat=True)))
    if today > period.due_date:
        kind, day = ReminderKind.OVERDUE, period.due_date + datetime.timedelta(days=3)
    else:
        kind, day = ReminderKind.UPCOMING, max(period.start, today - datetime.timedelta(days=2))
    Reminder.objects.bulk_create(
        Reminder(
            period=period,
            unit_id=unit_id,
            kind=kind,
            sent_by=focal,
            sent_at=_at(day),
            day=day,
            message=f"Đề nghị đơn vị gửi báo cáo {period.label} trước ngày "
            f"{period.due_date:%d/%m/%Y}.",
        )
        for unit_id in unit_ids
    )


def _escalations(periods: list[ReportingPeriod], focal: User, today: datetime.date) -> None:
    with_difficulties = (
        TaskReport.objects.filter(period__in=periods, review_state=ReviewState.ACCEPTED)
        .exclude(difficulties="")
        .select_related("period", "unit")
        .order_by("period__due_date", "id")[:4]
    )
    for number, report in enumerate(with_difficulties):
        escalation = Escalation.objects.create(
            report=report,
            summary=report.difficulties,
            to_unit=report.period.obligation.to_unit,
            raised_by=focal,
            state=EscalationState.RESOLVED if number == 0 else EscalationState.OPEN,
        )
        if number == 0:
            escalation.response = "UBND tỉnh đã giao Sở Tài chính cân đối, bổ sung kinh phí."
            escalation.resolved_at = _at(
                min(today, report.period.due_date + datetime.timedelta(days=30))
            )
            escalation.save(update_fields=["response", "resolved_at"])


def _notifications(focal: User) -> None:
    waiting = TaskReport.objects.filter(review_state=ReviewState.SUBMITTED).count()
    Notification.objects.create(
        recipient=focal, verb="reports.waiting", title=f"{waiting} báo cáo đang chờ duyệt"
    )
    returned = TaskReport.objects.filter(review_state=ReviewState.RETURNED).select_related("unit")
    officers = {u.org_unit_id: u for u in User.objects.filter(role=Role.UNIT_OFFICER)}
    for unit_id in sorted({r.unit_id for r in returned}):
        if unit_id in officers:
            Notification.objects.create(
                recipient=officers[unit_id],
                verb="report.returned",
                title="Có báo cáo bị trả lại, đề nghị bổ sung",
            )
