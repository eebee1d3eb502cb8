"""Rows behind the drill-down pages: one unit's tasks, the overdue list and
the difficulties register. Each is one or two queries whatever the size of
the plan; long lists are paginated by the views."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet, Subquery

from theodoi.documents.models import Document
from theodoi.monitoring.models import Escalation, EscalationState
from theodoi.orgunits.models import OrgUnit
from theodoi.plans.models import Assignment
from theodoi.plans.timing import task_deadline
from theodoi.reporting.models import ReportingPeriod, ReviewState, TaskReport
from theodoi.reporting.status import Completion, StatusLabel, derive_status

from .metrics import (
    SENT_STATES,
    Scope,
    TaskRow,
    difficulty_reports,
    expected_assignments,
    period_deadline,
    scope_of,
)

REVIEW_LABELS = dict(ReviewState.choices)
COMPLETION_LABELS = dict(Completion.choices)
ESCALATION_LABELS = dict(EscalationState.choices)


@dataclass(frozen=True)
class UnitTask:
    """One task a unit owes in a period, with its report (if any)."""

    assignment: Assignment
    report: TaskReport | None
    deadline: datetime.date
    label: StatusLabel
    overdue: bool

    @property
    def sent(self) -> bool:
        return self.report is not None and self.report.review_state in SENT_STATES

    @property
    def label_text(self) -> str:
        return str(self.label.label)


def unit_tasks(
    document: Document, period: ReportingPeriod, unit: OrgUnit, today: datetime.date
) -> list[UnitTask]:
    """Every task ``unit`` owes in ``period`` (two queries). Unsent reports
    count as not started, as on the plan dashboard."""
    scope = scope_of(period)
    assignments = list(
        expected_assignments(document, scope)
        .filter(unit=unit)
        .select_related("task")
        .order_by("task__position", "task_id", "role")
    )
    reports = {
        report.task_id: report
        for report in TaskReport.objects.filter(
            period=period, unit=unit, task__document=document
        ).only(
            "task_id",
            "completion",
            "completed_on",
            "result",
            "difficulties",
            "proposals",
            "review_state",
            "submitted_at",
            "submitted_late",
            "unit_id",
            "period_id",
        )
    }
    rows, seen = [], set()
    for assignment in assignments:
        if assignment.task_id in seen:
            continue  # a unit both lead and implementing owes one report
        seen.add(assignment.task_id)
        task = assignment.task
        report = reports.get(task.pk)
        own = task_deadline(
            task.timing_kind, task.due_date, task.due_year, task.due_quarter, task.due_month
        )
        deadline = period_deadline(own, period)
        sent = report is not None and report.review_state in SENT_STATES
        completion = Completion(report.completion) if sent and report else Completion.NOT_STARTED
        status = derive_status(
            completion, report.completed_on if sent and report else None, deadline, today
        )
        rows.append(UnitTask(assignment, report, deadline, status.label, status.overdue))
    return rows


def overdue_pairs(document: Document, period: ReportingPeriod, overdue_tasks: list[TaskRow]):  # type: ignore[no-untyped-def]
    """(unit, task) id pairs past their deadline and not reported done: the
    urging list, as a light query the view paginates. ``overdue_tasks`` are
    the task rows already judged overdue (``metrics.task_status``), so the
    deadline rule lives in one place."""
    done = TaskReport.objects.filter(
        period=period,
        task_id=OuterRef("task_id"),
        unit_id=OuterRef("unit_id"),
        review_state__in=SENT_STATES,
        completion=Completion.DONE,
    )
    return (
        expected_assignments(document, scope_of(period))
        .filter(task_id__in=[row.task_id for row in overdue_tasks])
        .exclude(Exists(done))
        .values_list("unit_id", "task_id", "unit__tree_path", "task__position")
        .order_by("unit__tree_path", "task__position", "task_id")
        .distinct()
    )


@dataclass(frozen=True)
class OverdueRow:
    unit: OrgUnit
    task: TaskRow
    report: TaskReport | None

    @property
    def review_label(self) -> str:
        return str(REVIEW_LABELS[self.report.review_state]) if self.report else ""

    @property
    def completion_label(self) -> str:
        return str(COMPLETION_LABELS[self.report.completion]) if self.report else ""


def overdue_rows_for_page(
    period: ReportingPeriod, pairs: Sequence[tuple[int, int, str, int]], tasks: list[TaskRow]
) -> list[OverdueRow]:
    """The page's pairs with their unit and current report (two queries)."""
    unit_ids = {unit_id for unit_id, *_ in pairs}
    task_ids = {task_id for _, task_id, *_ in pairs}
    units = OrgUnit.objects.in_bulk(unit_ids)
    reports = {
        (r.unit_id, r.task_id): r
        for r in TaskReport.objects.filter(
            period=period, unit_id__in=unit_ids, task_id__in=task_ids
        ).only("unit_id", "task_id", "review_state", "completion", "period_id")
    }
    by_id = {row.task_id: row for row in tasks}
    return [
        OverdueRow(units[unit_id], by_id[task_id], reports.get((unit_id, task_id)))
        for unit_id, task_id, *_ in pairs
    ]


def difficulties_register(
    document: Document, period: ReportingPeriod, scope: Scope | None = None
) -> QuerySet[TaskReport]:
    """The difficulties raised in the period with their latest escalation."""
    latest = Escalation.objects.filter(report_id=OuterRef("pk")).order_by("-created_at", "-pk")
    return (
        difficulty_reports(document, period, scope)
        .annotate(
            escalation_response=Subquery(latest.values("response")[:1]),
            escalation_summary=Subquery(latest.values("summary")[:1]),
        )
        .select_related("task", "unit")
        .order_by("unit__tree_path", "task__position", "pk")
    )
