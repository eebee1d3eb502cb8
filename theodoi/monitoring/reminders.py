"""Urging units that have not reported (đôn đốc), run once a day.

For every open period the job finds units that still owe reports and, on the
configured days, sends them an "upcoming" reminder (N days before the due
date) or an "overdue" one (the day after the due date, then every few days
until the period locks). Every reminder is logged in ``Reminder``; the log
(and a unique constraint) makes a second run on the same day send nothing.

Settings (read with defaults, so the job works before they are configured):

- ``REMINDER_DAYS_BEFORE``: days before the due date, e.g. ``[7, 1]``;
- ``REMINDER_OVERDUE_EVERY_DAYS``: interval between overdue reminders.
"""

from __future__ import annotations

import datetime
import logging
import smtplib
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from theodoi.accounts.models import User
from theodoi.monitoring.models import Channel, Reminder, ReminderKind
from theodoi.notifications.delivery import (
    emails_of,
    notify,
    site_language,
    unit_people,
    wants_email_now,
)
from theodoi.orgunits.models import OrgUnit
from theodoi.reporting import scope
from theodoi.reporting.models import ReportingPeriod

logger = logging.getLogger(__name__)


def days_before() -> list[int]:
    return sorted({int(day) for day in getattr(settings, "REMINDER_DAYS_BEFORE", [7, 1])})


def overdue_every() -> int:
    return max(1, int(getattr(settings, "REMINDER_OVERDUE_EVERY_DAYS", 3)))


def reminder_kind(period: ReportingPeriod, today: datetime.date) -> str | None:
    """Which automatic reminder ``period`` calls for ``today``, if any."""
    if scope.is_locked(period, today):
        return None
    days_left = (period.due_date - today).days
    if days_left >= 0:
        return ReminderKind.UPCOMING if days_left in days_before() else None
    if (-days_left - 1) % overdue_every() == 0:
        return ReminderKind.OVERDUE
    return None


@dataclass(frozen=True)
class PlannedReminder:
    period: ReportingPeriod
    unit: OrgUnit
    kind: str
    tasks_missing: int

    def as_dict(self) -> dict[str, object]:
        return {
            "period_id": self.period.pk,
            "period": self.period.label,
            "document": self.period.obligation.document.number,
            "unit_id": self.unit.pk,
            "unit": self.unit.name,
            "kind": self.kind,
            "tasks_missing": self.tasks_missing,
            "due_date": self.period.due_date.strftime("%d/%m/%Y"),
        }


def plan_reminders(today: datetime.date) -> list[PlannedReminder]:
    """Reminders due ``today`` that have not been sent yet."""
    planned: list[tuple[ReportingPeriod, int, str, int]] = []
    for period in scope.open_periods(today):
        kind = reminder_kind(period, today)
        if kind is None:
            continue
        already = set(
            Reminder.objects.filter(period=period, kind=kind, day=today).values_list(
                "unit_id", flat=True
            )
        )
        for unit_id, missing in sorted(scope.units_not_reported(period).items()):
            if unit_id not in already:
                planned.append((period, unit_id, kind, missing))
    units = OrgUnit.objects.in_bulk({unit_id for _p, unit_id, _k, _m in planned})
    return [
        PlannedReminder(period, units[unit_id], kind, missing)
        for period, unit_id, kind, missing in planned
    ]


def reminder_text(period: ReportingPeriod, unit: OrgUnit, kind: str, missing: int) -> str:
    with site_language():
        return _reminder_text(period, unit, kind, missing)


def _reminder_text(period: ReportingPeriod, unit: OrgUnit, kind: str, missing: int) -> str:
    document = period.obligation.document
    values = {
        "unit": unit.name,
        "period": period.label,
        "document": str(document),
        "n": missing,
        "due": period.due_date.strftime("%d/%m/%Y"),
    }
    if kind == ReminderKind.OVERDUE:
        return (
            _(
                "%(unit)s chưa gửi báo cáo %(period)s thực hiện %(document)s "
                "(còn %(n)s nhiệm vụ), đã quá hạn %(due)s. Đề nghị khẩn trương báo cáo."
            )
            % values
        )
    return (
        _(
            "%(unit)s chưa gửi báo cáo %(period)s thực hiện %(document)s "
            "(còn %(n)s nhiệm vụ). Hạn báo cáo: %(due)s."
        )
        % values
    )


def deliver(
    period: ReportingPeriod,
    unit: OrgUnit,
    kind: str,
    message: str,
    *,
    now: datetime.datetime,
    sent_by: User | None = None,
    day: datetime.date | None = None,
) -> list[Reminder]:
    """Notify the unit's people in the application and by e-mail (those who
    chose it, and the unit's mailbox); log both.

    Runs in its own transaction; an automatic reminder already logged for the
    day (another worker got there first) is skipped, not sent again, and a
    failed e-mail rolls the whole reminder back so the next run retries it.
    """
    people = list(unit_people(unit.pk))
    # People who chose the daily digest (or no e-mail) are not mailed here.
    addresses = sorted({*emails_of(wants_email_now(people)), unit.email} - {""})
    with site_language():
        title = (
            _("Đôn đốc báo cáo: %(period)s") % {"period": period.label}
            if kind != ReminderKind.UPCOMING
            else _("Sắp đến hạn báo cáo: %(period)s") % {"period": period.label}
        )
    url = reverse("reporting:inbox") + f"?ky={period.pk}"
    common = {"period": period, "unit": unit, "kind": kind, "message": message}
    logged: list[Reminder] = []
    try:
        with transaction.atomic():
            logged.append(
                Reminder.objects.create(
                    **common,
                    channel=Channel.IN_APP,
                    sent_by=sent_by,
                    sent_at=now,
                    day=day,
                    recipients=", ".join(person.username for person in people),
                )
            )
            if addresses:
                logged.append(
                    Reminder.objects.create(
                        **common,
                        channel=Channel.EMAIL,
                        sent_by=sent_by,
                        sent_at=now,
                        day=day,
                        recipients=", ".join(addresses),
                    )
                )
            notify(people, f"reminder.{kind}", title, message, url, now=now, email=False)
            if addresses:
                # Inside the transaction: a failed send leaves no log row, so
                # the next run tries again instead of believing it was sent.
                send_mail(title, message, None, addresses, fail_silently=False)
    except IntegrityError:
        logger.info("Reminder for unit %s, period %s already sent today", unit.pk, period.pk)
        return []
    except (OSError, smtplib.SMTPException):
        logger.exception("E-mail reminder to unit %s failed; will retry on the next run", unit.pk)
        return []
    return logged


def send_reminders(now: datetime.datetime | None = None, *, dry_run: bool = False) -> list[dict]:
    """Send today's reminders (or, with ``dry_run``, only list them)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    planned = plan_reminders(today)
    if dry_run:
        return [item.as_dict() for item in planned]
    sent = []
    for item in planned:
        message = reminder_text(item.period, item.unit, item.kind, item.tasks_missing)
        if deliver(item.period, item.unit, item.kind, message, now=now, day=today):
            sent.append(item.as_dict())
    return sent
