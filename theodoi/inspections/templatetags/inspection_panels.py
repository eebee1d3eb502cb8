"""``{% inspection_panel document today unit %}``: the plan's inspections on
the dashboards (all units) and on a unit's page (that unit only), so what was
found on the spot sits next to what the units reported."""

from __future__ import annotations

import datetime
from typing import Any

from django import template

from theodoi.documents.models import Document
from theodoi.inspections.models import Finding, FindingState, Inspection
from theodoi.orgunits.models import OrgUnit

register = template.Library()


@register.inclusion_tag("inspections/_panel.html")
def inspection_panel(
    document: Document, today: datetime.date, unit: OrgUnit | None = None
) -> dict[str, Any]:
    inspections = Inspection.objects.filter(document=document)
    findings = Finding.objects.filter(inspection__document=document).select_related(
        "unit", "inspection"
    )
    if unit is not None:
        inspections = inspections.filter(units=unit)
        findings = findings.filter(unit=unit)
    found = list(findings)
    open_ones = [f for f in found if f.state in (FindingState.OPEN, FindingState.RESPONDED)]
    return {
        "inspections": list(inspections.order_by("-starts_on", "-pk")[:10]),
        "findings_total": len(found),
        "open_findings": open_ones,
        "overdue": sum(f.is_overdue(today) for f in open_ones),
        "today": today,
    }
