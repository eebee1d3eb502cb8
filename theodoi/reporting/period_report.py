"""What the one-form period report needs besides the reports themselves:
the plan's indicators, the unit's previous period, and what is due.

Plain queries, no request or form: the views and the inbox call these."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Count

from theodoi.plans.models import Assignment
from theodoi.reporting import scope
from theodoi.reporting.models import PeriodSummary, PlanIndicator, ReportingPeriod, TaskReport


@dataclass(frozen=True)
class Indicator:
    label: str
    unit: str = ""


def plan_indicators(document_id: int) -> list[Indicator]:
    """The focal agency's indicators for the plan plus every figure label
    (with its unit) already reported on it, each once, sorted."""
    found = {
        Indicator(label, unit)
        for label, unit in PlanIndicator.objects.filter(document_id=document_id).values_list(
            "label", "unit"
        )
    }
    for label, unit in _reported_labels(document_id):
        if str(label).strip():
            found.add(Indicator(str(label).strip(), str(unit or "").strip()))
    return sorted(found, key=lambda i: (i.label.casefold(), i.unit))


def _reported_labels(document_id: int) -> Iterable[tuple[Any, Any]]:
    """(label, unit) of every figure reported on the plan, as stored (each
    pair at least once; a figure without a label is left out).

    Every report's figures on every form page: on PostgreSQL the database
    takes the arrays apart and returns each distinct pair once, instead of
    sending (and Python decoding) every report's whole JSON."""
    stored = TaskReport.objects.filter(task__document_id=document_id).exclude(figures=[])
    if connection.vendor == "postgresql" and not _PYTHON_LABELS:
        sql, params = stored.values("figures").query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT DISTINCT (item -> 'label')::text, (item -> 'unit')::text"
                f" FROM ({sql}) AS stored (figures),"
                " jsonb_array_elements(CASE jsonb_typeof(stored.figures)"
                " WHEN 'array' THEN stored.figures ELSE '[]'::jsonb END) AS item"
                " WHERE jsonb_typeof(item) = 'object' AND item ? 'label'",
                params,
            )
            return [(_json(label), _json(unit)) for label, unit in cursor.fetchall()]
    return [
        (item["label"], item.get("unit"))
        for figures in stored.values_list("figures", flat=True).iterator()
        if isinstance(figures, list)
        for item in figures
        if isinstance(item, dict) and "label" in item
    ]


def _json(value: str | None) -> Any:
    """A jsonb value cast to text (None: the key is absent)."""
    return None if value is None else json.loads(value)


#: Read every report's figures in Python on every database (the test that
#: both ways give the same indicators, and bench/request_cpu.py --compare).
_PYTHON_LABELS = False


def summaries_for(pairs: set[tuple[int, int]]) -> dict[tuple[int, int], PeriodSummary]:
    """The units' summaries of (period id, unit id) pairs, in one query: the
    review queue shows each unit's summary beside its task reports."""
    if not pairs:
        return {}
    found = PeriodSummary.objects.filter(
        period_id__in={period for period, _unit in pairs},
        unit_id__in={unit for _period, unit in pairs},
    ).select_related("unit", "period")
    return {
        (summary.period_id, summary.unit_id): summary
        for summary in found
        if (summary.period_id, summary.unit_id) in pairs
        and (summary.results.strip() or summary.difficulties.strip())
    }


def earlier_periods(period: ReportingPeriod) -> Any:
    """Periods of the same plan due before ``period``, latest first."""
    return ReportingPeriod.objects.filter(
        obligation__document_id=period.obligation.document_id, due_date__lt=period.due_date
    ).order_by("-due_date", "-id")


def previous_reports(
    period: ReportingPeriod, unit_id: int, task_ids: list[int]
) -> dict[int, TaskReport]:
    """Per task, the unit's report in the latest earlier period of the plan
    that has one (a task reported two years ago still counts)."""
    found: dict[int, TaskReport] = {}
    reports = (
        TaskReport.objects.filter(
            unit_id=unit_id, task_id__in=task_ids, period__in=earlier_periods(period)
        )
        .select_related("period")
        .order_by("task_id", "-period__due_date", "-period_id")
    )
    for report in reports:
        found.setdefault(report.task_id, report)
    return found


def previous_summary(period: ReportingPeriod, unit_id: int) -> PeriodSummary | None:
    return (
        PeriodSummary.objects.filter(unit_id=unit_id, period__in=earlier_periods(period))
        .order_by("-period__due_date", "-period_id")
        .first()
    )


@dataclass(frozen=True)
class DuePeriod:
    period: ReportingPeriod
    total: int
    left: int
    locked: bool


def due_periods(unit_id: int, periods: list[ReportingPeriod], today: Any) -> list[DuePeriod]:
    """Per period, how many tasks the unit must answer and how many it has
    not sent yet, in a fixed number of queries (ad hoc periods aside)."""
    sent: dict[int, int] = dict(
        TaskReport.objects.filter(
            unit_id=unit_id, period__in=periods, review_state__in=scope.SENT_STATES
        )
        .values("period_id")
        .annotate(n=Count("id"))
        .values_list("period_id", "n")
    )
    regular = [p for p in periods if not scope.is_ad_hoc(p)]
    per_document: dict[int, int] = dict(
        Assignment.objects.filter(
            unit_id=unit_id,
            must_report=True,
            task__is_active=True,
            awaiting_approval=False,
            task__document_id__in={p.obligation.document_id for p in regular},
        )
        .values("task__document_id")
        .annotate(n=Count("task_id", distinct=True))
        .values_list("task__document_id", "n")
    )
    rows = []
    for period in periods:
        if scope.is_ad_hoc(period):
            total = (
                scope.expected_assignments(period)
                .filter(unit_id=unit_id)
                .values("task_id")
                .distinct()
                .count()
            )
        else:
            total = per_document.get(period.obligation.document_id, 0)
        done = min(sent.get(period.pk, 0), total)
        rows.append(DuePeriod(period, total, total - done, scope.is_locked(period, today)))
    return rows
