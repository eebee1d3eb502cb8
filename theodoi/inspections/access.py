"""Who sees which inspections and findings: oversight roles those of the
plans they follow (the reports' rule), a unit the inspections that visit it
(or the units under it) and its own findings."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from theodoi.inspections.models import Finding, Inspection
from theodoi.reporting.access import document_filter


def _unit(user: Any) -> Any:
    return getattr(user, "org_unit", None) if getattr(user, "is_authenticated", False) else None


def inspections_for_user(user: Any) -> QuerySet[Inspection]:
    oversight = document_filter(user, "document")
    if oversight is not None:
        return Inspection.objects.filter(oversight)
    unit = _unit(user)
    if unit is None:
        return Inspection.objects.none()
    return Inspection.objects.filter(
        pk__in=Inspection.objects.filter(units__tree_path__startswith=unit.tree_path).values("pk")
    )


def findings_for_user(user: Any) -> QuerySet[Finding]:
    oversight = document_filter(user, "inspection__document")
    if oversight is not None:
        return Finding.objects.filter(oversight)
    unit = _unit(user)
    if unit is None:
        return Finding.objects.none()
    return Finding.objects.filter(unit__tree_path__startswith=unit.tree_path)


def get_inspection_for_user(user: Any, pk: int) -> Inspection:
    found = (
        inspections_for_user(user)
        .select_related("document", "inspecting_unit")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404("Không tìm thấy đợt kiểm tra.")
    return found


def get_finding_for_user(user: Any, pk: int) -> Finding:
    found = findings_for_user(user).select_related("inspection", "unit").filter(pk=pk).first()
    if found is None:
        raise Http404("Không tìm thấy kết quả kiểm tra.")
    return found
