"""Named changes to reporting data: one transaction each, the acting user
passed in, the audit trail written."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from theodoi.audit.actions import record
from theodoi.plans.models import Assignment
from theodoi.reporting.models import (
    ReportingObligation,
    ReportingPeriod,
    ReviewState,
    TaskReport,
)
from theodoi.reporting.periods import generate_periods
from theodoi.reporting.status import Completion


@transaction.atomic
def ensure_periods(
    obligation: ReportingObligation, first_year: int, last_year: int, actor: Any
) -> list[ReportingPeriod]:
    """Create the obligation's periods for the years given; existing ones are kept."""
    specs = generate_periods(
        obligation.recurrence,
        first_year,
        last_year,
        due_month=obligation.due_month,
        due_day=obligation.due_day,
        cutoff_day=obligation.effective_cutoff_day,
    )
    periods, created = [], []
    for spec in specs:
        period, is_new = ReportingPeriod.objects.get_or_create(
            obligation=obligation,
            start=spec.start,
            end=spec.end,
            defaults={
                "label": spec.label,
                "year": spec.year,
                "index": spec.index,
                "due_date": spec.due_date,
            },
        )
        periods.append(period)
        if is_new:
            created.append(spec.label)
    if created:
        record(actor, "periods.generate", obligation, {"created": created})
    return periods


@transaction.atomic
def open_period_reports(period: ReportingPeriod, actor: Any) -> int:
    """Create a draft report for every task × unit that must report in this period.

    Returns how many were created; reports that exist are left alone, so this
    may be run again after new assignments.
    """
    assignments = (
        Assignment.objects.filter(
            task__document=period.obligation.document, task__is_active=True, must_report=True
        )
        .values_list("task_id", "unit_id")
        .distinct()
    )
    existing = set(TaskReport.objects.filter(period=period).values_list("task_id", "unit_id"))
    existing |= _finished_earlier(period)
    new = [
        TaskReport(task_id=task_id, unit_id=unit_id, period=period)
        for task_id, unit_id in set(assignments) - existing
    ]
    TaskReport.objects.bulk_create(new)
    if new:
        record(actor, "reports.open", period, {"created": len(new)})
    return len(new)


def _finished_earlier(period: ReportingPeriod) -> set[tuple[int, int]]:
    """(task, unit) pairs with a deadline of their own that the unit finished,
    and had accepted, in an earlier period: they are not asked about again."""
    earlier = TaskReport.objects.filter(
        period__obligation=period.obligation,
        period__end__lt=period.start,
        completion=Completion.DONE,
        review_state=ReviewState.ACCEPTED,
    ).exclude(task__timing_kind__in=["continuous", "annual", "unspecified"])
    return set(earlier.values_list("task_id", "unit_id"))
