"""Inspections in figures, for dashboards and the aggregated report."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from theodoi.documents.models import Document
from theodoi.inspections.models import Finding, FindingState, Inspection


@dataclass(frozen=True)
class InspectionSummary:
    inspections: list[Inspection]
    units_inspected: int
    by_assessment: dict[str, int]
    open_recommendations: list[Finding]
    overdue_recommendations: list[Finding]
    closed_recommendations: int


def inspection_summary(
    document: Document,
    today: datetime.date,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
) -> InspectionSummary:
    """Inspections of ``document`` that began within [start, end] (all when
    not given), their findings by assessment and the follow-ups due."""
    inspections = Inspection.objects.filter(document=document).prefetch_related("units")
    if start is not None:
        inspections = inspections.filter(starts_on__gte=start)
    if end is not None:
        inspections = inspections.filter(starts_on__lte=end)
    chosen = list(inspections.order_by("starts_on", "pk"))
    findings = list(Finding.objects.filter(inspection__in=chosen).select_related("unit", "task"))
    open_ones = [f for f in findings if f.state in (FindingState.OPEN, FindingState.RESPONDED)]
    return InspectionSummary(
        inspections=chosen,
        units_inspected=len({unit.pk for item in chosen for unit in item.units.all()}),
        by_assessment=dict(Counter(f.assessment for f in findings)),
        open_recommendations=open_ones,
        overdue_recommendations=[f for f in open_ones if f.is_overdue(today)],
        closed_recommendations=sum(f.state == FindingState.CLOSED for f in findings),
    )
