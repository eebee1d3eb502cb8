"""A unit's to-do list: every report it owes now, started or not.

A report is owed in each period of a tracked plan that has begun and still
takes changes (or was reopened for the unit after the lock), for every task
the unit must report on (``scope.expected_pairs``). Reports not yet started
have no row in the database; they are listed all the same, with the link to
the form that creates them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.urls import reverse

from theodoi.plans.models import Task
from theodoi.reporting import scope
from theodoi.reporting.access import EDITABLE_STATES
from theodoi.reporting.models import ReportingPeriod, TaskReport


@dataclass(frozen=True)
class ToDo:
    period: ReportingPeriod
    task: Task
    report: TaskReport | None

    @property
    def url(self) -> str:
        return reverse("reporting:report_form", args=[self.period.pk, self.task.pk])

    @property
    def state(self) -> str:
        return self.report.review_state if self.report else "not_started"

    def is_late(self, today: datetime.date) -> bool:
        return today > self.period.due_date


@dataclass(frozen=True)
class DueForm:
    """A period with reports still owed, and the one form that answers them all."""

    period: ReportingPeriod
    left: int

    @property
    def url(self) -> str:
        return reverse("reporting:period_form", args=[self.period.pk])


def due_forms(items: list[ToDo]) -> list[DueForm]:
    """The to-do list's periods, soonest due first, each with how many of
    its reports are owed (no query: the to-do list already holds them)."""
    counts: dict[int, int] = {}
    periods: dict[int, ReportingPeriod] = {}
    for item in items:
        counts[item.period.pk] = counts.get(item.period.pk, 0) + 1
        periods.setdefault(item.period.pk, item.period)
    return [DueForm(periods[pk], counts[pk]) for pk in periods]


def _owed(report: TaskReport | None) -> bool:
    if report is None:
        return True
    return report.review_state in EDITABLE_STATES and not report.awaiting_head_approval


def unit_to_do(unit_id: int, today: datetime.date) -> list[ToDo]:
    """Every report ``unit_id`` still has to send, soonest due first."""
    periods = [
        period
        for period in scope.periods_for_unit(unit_id, today)
        if not scope.is_locked(period, today)
    ]
    reports = {
        (report.period_id, report.task_id): report
        for report in TaskReport.objects.filter(unit_id=unit_id).filter(period__in=periods)
        | TaskReport.objects.filter(unit_id=unit_id, reopened_until__gte=today)
    }
    reopened = {
        period_id for (period_id, _task), r in reports.items() if scope.is_reopened(r, today)
    }
    extra = ReportingPeriod.objects.filter(pk__in=reopened - {p.pk for p in periods})
    pairs: list[tuple[ReportingPeriod, int]] = []
    for period in periods:
        pairs += [
            (period, task_id) for task_id, unit in scope.expected_pairs(period) if unit == unit_id
        ]
    for period in extra.select_related("obligation", "obligation__document"):
        pairs += [
            (period, task_id)
            for (period_id, task_id), report in reports.items()
            if period_id == period.pk and scope.is_reopened(report, today)
        ]
    tasks = Task.objects.in_bulk({task_id for _period, task_id in pairs})
    items = [
        ToDo(period, tasks[task_id], reports.get((period.pk, task_id)))
        for period, task_id in pairs
        if _owed(reports.get((period.pk, task_id)))
    ]
    return sorted(
        items, key=lambda item: (item.period.due_date, item.period.pk, item.task.position)
    )
