"""Finding the plan and the period a dashboard is about.

Shared by the web views and the ``theodoi status`` / ``theodoi report``
commands, so "2705/KH-UBND --period 2025" means the same thing everywhere.
"""

from __future__ import annotations

import datetime

from django.db.models import QuerySet

from theodoi.documents.models import Document, DocumentState, number_key
from theodoi.reporting.models import Recurrence, ReportingPeriod


class NotFoundError(LookupError):
    """The document or period asked for does not exist (message says which)."""


def find_document(reference: str) -> Document:
    """A document by database id ("12") or by number ("2705/KH-UBND")."""
    reference = reference.strip()
    documents = Document.objects.exclude(state=DocumentState.PLACEHOLDER)
    if reference.isdigit():
        found = documents.filter(pk=int(reference)).first()
        if found:
            return found
    matches = list(documents.filter(number_key=number_key(reference))[:2])
    if not matches:
        raise NotFoundError(f"Không tìm thấy văn bản {reference!r} (theo mã số hoặc số ký hiệu).")
    if len(matches) > 1:
        raise NotFoundError(f"Có nhiều văn bản số {reference!r}; hãy dùng mã số (id) của văn bản.")
    return matches[0]


def periods_of(document: Document) -> QuerySet[ReportingPeriod]:
    return (
        ReportingPeriod.objects.filter(obligation__document=document)
        .select_related("obligation")
        .order_by("end", "pk")
    )


def _preference(period: ReportingPeriod) -> tuple[int, datetime.date, int]:
    """Annual periods first, then the one that ends latest."""
    annual = period.obligation.recurrence == Recurrence.ANNUAL
    return (0 if annual else 1, -period.end.toordinal(), -period.pk)  # type: ignore[return-value]


def period_for_year(document: Document, year: int) -> ReportingPeriod:
    """The period of ``year``: the annual one when the plan has one."""
    candidates = [p for p in periods_of(document).filter(year=year)]
    if not candidates:
        known = sorted({p.year for p in periods_of(document)})
        listed = ", ".join(str(y) for y in known) or "không có kỳ nào"
        raise NotFoundError(
            f"Văn bản {document.number or document.pk} không có kỳ báo cáo năm {year} "
            f"(các năm có kỳ báo cáo: {listed})."
        )
    return min(candidates, key=_preference)


def default_period(document: Document, today: datetime.date) -> ReportingPeriod | None:
    """The period to show first: the earliest not yet due (the one units work
    on), else the latest; annual periods preferred."""
    periods = list(periods_of(document))
    if not periods:
        return None
    annual = [p for p in periods if p.obligation.recurrence == Recurrence.ANNUAL] or periods
    upcoming = [p for p in annual if p.due_date >= today and p.start <= today]
    if upcoming:
        return min(upcoming, key=lambda p: (p.due_date, p.pk))
    started = [p for p in annual if p.start <= today] or annual
    return max(started, key=lambda p: (p.end, p.pk))
