"""Who must report what in a period, and when a period stops taking changes.

A regular period expects a report from every unit assigned (``must_report``)
to an active task of the plan. An ad hoc (đột xuất) period narrows that to the
units and tasks the focal agency chose. Everything takes ``today`` so tests
fix the date instead of patching the clock.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, Q, QuerySet

from theodoi.documents.models import Document, DocumentState
from theodoi.plans.models import Assignment
from theodoi.reporting.models import Recurrence, ReportingPeriod, ReviewState, TaskReport

#: Review states in which the focal agency has the report in hand.
SENT_STATES = (ReviewState.SUBMITTED, ReviewState.ACCEPTED)
#: Plans whose periods take reports.
TRACKED_STATES = (DocumentState.PUBLISHED,)


def lock_days() -> int:
    """Days after the due date during which late reports are still taken."""
    return int(getattr(settings, "REPORTING_LOCK_DAYS", 30))


def locks_on(period: ReportingPeriod) -> datetime.date:
    """The last day reports of ``period`` may be changed."""
    if period.locks_on is not None:
        return period.locks_on
    return period.due_date + datetime.timedelta(days=lock_days())


def is_locked(period: ReportingPeriod, today: datetime.date) -> bool:
    return today > locks_on(period)


def reopen_days() -> int:
    """Days a unit has to fix a report returned after its period locked."""
    return int(getattr(settings, "REPORTING_REOPEN_DAYS", 10))


def is_reopened(report: TaskReport | None, today: datetime.date) -> bool:
    return (
        report is not None and report.reopened_until is not None and today <= report.reopened_until
    )


def report_locked(period: ReportingPeriod, report: TaskReport | None, today: datetime.date) -> bool:
    """Locked for this report: the period is locked and the report was not
    reopened for its unit (``return_report`` in a locked period)."""
    return is_locked(period, today) and not is_reopened(report, today)


def is_ad_hoc(period: ReportingPeriod) -> bool:
    return period.obligation.recurrence == Recurrence.ON_REQUEST


@dataclass(frozen=True)
class Scope:
    """Which tasks and units a period covers: every one (empty tuples) for a
    regular period; an ad hoc (đột xuất) period narrows both to its choice."""

    task_ids: tuple[int, ...] = ()
    unit_ids: tuple[int, ...] = ()

    def tasks(self, qs: QuerySet, prefix: str = "") -> QuerySet:  # type: ignore[type-arg]
        return qs.filter(**{f"{prefix}id__in": self.task_ids}) if self.task_ids else qs

    def units(self, qs: QuerySet, field_name: str) -> QuerySet:  # type: ignore[type-arg]
        return qs.filter(**{f"{field_name}__in": self.unit_ids}) if self.unit_ids else qs


def scope_of(period: ReportingPeriod) -> Scope:
    if not is_ad_hoc(period):
        return Scope()
    return Scope(
        tuple(period.tasks.values_list("pk", flat=True)),
        tuple(period.units.values_list("pk", flat=True)),
    )


def plan_assignments(document: Document | int, scope: Scope = Scope()) -> QuerySet[Assignment]:
    """The assignments of a plan that owe a report, within ``scope``: the one
    definition every page counts from (reporting, home page, dashboards)."""
    document_id = document if isinstance(document, int) else document.pk
    assignments = Assignment.objects.filter(
        task__document_id=document_id,
        task__is_active=True,
        must_report=True,
        awaiting_approval=False,
    )
    assignments = scope.units(assignments, "unit_id")
    return scope.tasks(assignments, "task__")


def expected_assignments(period: ReportingPeriod) -> QuerySet[Assignment]:
    """The assignments that owe a report in ``period``."""
    return plan_assignments(period.obligation.document_id, scope_of(period))


def expected_pairs(period: ReportingPeriod) -> set[tuple[int, int]]:
    """``{(task_id, unit_id)}`` that must be reported in ``period``."""
    return set(expected_assignments(period).values_list("task_id", "unit_id").distinct())


def is_expected(period: ReportingPeriod, task_id: int, unit_id: int) -> bool:
    """Does the unit owe a report on the task in the period? One query, ad
    hoc periods too (``scope_of`` would read their tasks and units first):
    every report form request asks, twice when it saves."""
    owed = plan_assignments(period.obligation.document_id).filter(task_id=task_id, unit_id=unit_id)
    if is_ad_hoc(period):
        tasks = ReportingPeriod.tasks.through.objects.filter(reportingperiod_id=period.pk)
        units = ReportingPeriod.units.through.objects.filter(reportingperiod_id=period.pk)
        # An empty choice means every task (every unit), as in Scope.
        owed = owed.filter(
            (~Exists(tasks) | Exists(tasks.filter(task_id=task_id)))
            & (~Exists(units) | Exists(units.filter(orgunit_id=unit_id)))
        )
    return owed.exists()


def units_not_reported(period: ReportingPeriod) -> dict[int, int]:
    """``{unit_id: number of tasks still not sent}`` for units that owe reports.

    A report counts as sent once the focal agency has it (submitted or
    accepted); drafts, returned reports and reports waiting for the unit
    head's approval still count as missing.
    """
    sent = set(
        TaskReport.objects.filter(period=period, review_state__in=SENT_STATES).values_list(
            "task_id", "unit_id"
        )
    )
    missing: dict[int, int] = {}
    for _task_id, unit_id in expected_pairs(period) - sent:
        missing[unit_id] = missing.get(unit_id, 0) + 1
    return missing


def open_periods(today: datetime.date) -> QuerySet[ReportingPeriod]:
    """Periods of tracked plans that have started and are not locked yet.

    The lock date depends on a setting, so the query keeps every period due
    within the lock window and ``is_locked`` decides per period.
    """
    earliest_due = today - datetime.timedelta(days=lock_days())
    return (
        ReportingPeriod.objects.filter(
            start__lte=today, obligation__document__state__in=TRACKED_STATES
        )
        .filter(Q(due_date__gte=earliest_due) | Q(locks_on__gte=today))
        .select_related("obligation", "obligation__document")
    )


def periods_for_unit(unit_id: int, today: datetime.date) -> list[ReportingPeriod]:
    """Periods (started, of tracked plans) in which ``unit_id`` owes any report."""
    documents = (
        Assignment.objects.filter(
            unit_id=unit_id, must_report=True, task__is_active=True, awaiting_approval=False
        )
        .values_list("task__document_id", flat=True)
        .distinct()
    )
    candidates = (
        ReportingPeriod.objects.filter(
            obligation__document_id__in=documents,
            obligation__document__state__in=TRACKED_STATES,
            start__lte=today,
        )
        .select_related("obligation", "obligation__document")
        .prefetch_related("units")
        .order_by("-due_date", "-id")
    )
    return [period for period in candidates if _period_concerns_unit(period, unit_id)]


def _period_concerns_unit(period: ReportingPeriod, unit_id: int) -> bool:
    if period.obligation.recurrence != Recurrence.ON_REQUEST:
        return True
    unit_ids = [unit.pk for unit in period.units.all()]
    return not unit_ids or unit_id in unit_ids


def default_period(
    periods: Iterable[ReportingPeriod], today: datetime.date
) -> ReportingPeriod | None:
    """The period a unit works on now: the unlocked one due soonest, else the latest."""
    periods = list(periods)
    unlocked = [period for period in periods if not is_locked(period, today)]
    if unlocked:
        return min(unlocked, key=lambda period: (period.due_date, period.pk))
    return periods[0] if periods else None
