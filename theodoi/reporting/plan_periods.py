"""Which of a plan's reporting duties give units periods, and over which years.

A plan states several duties: units report to the focal agency ("các sở,
ngành … gửi Sở Nội vụ trước ngày 15/12"), and the focal agency reports upward
("Sở Nội vụ tổng hợp, báo cáo UBND tỉnh"). Only the first kind are periods
units file in; the focal agency's own report upward is its obligation and
gets no periods, or every unit would file each task twice. When a plan
states only the upward duty (or none with a regime), the units still owe the
focal agency what it needs for it: one yearly line from the units is made
from the upward duty's regime.

The years come from the plan's window (``timeline.plan_window``), stored on
the document so the officer can correct them on the review screen.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.db import transaction

from theodoi.audit.actions import record
from theodoi.documents.models import Document
from theodoi.orgunits.names import body_key
from theodoi.reporting.models import Recurrence, ReportingObligation, ReportingPeriod
from theodoi.reporting.periods import PeriodError, periods_in_window
from theodoi.reporting.timeline import Window, plan_window

#: Regimes that give periods (on-request duties are asked for one by one).
REGULAR = (
    Recurrence.ANNUAL,
    Recurrence.SEMIANNUAL,
    Recurrence.QUARTERLY,
    Recurrence.MONTHLY,
    Recurrence.ONCE,
    Recurrence.PERIODIC,
)


def plan_years() -> int:
    """Years a plan without a stated horizon is tracked (``THEODOI_PLAN_YEARS``)."""
    return int(getattr(settings, "PLAN_YEARS", 5))


def document_window(document: Document, today: datetime.date) -> Window:
    """The plan's window: as the officer set it, else read from the plan."""
    window = plan_window(
        date=document.date,
        title=document.title,
        source_text=document.source_text,
        today=today,
        default_years=plan_years(),
    )
    start = document.tracked_from or window.start
    end = document.tracked_until or max(window.end, start)
    return Window(
        start,
        end,
        "officer" if document.tracked_from else window.start_source,
        "officer" if document.tracked_until else window.end_source,
    )


def is_upward(obligation: ReportingObligation, focal_id: int | None, focal_names: set[str]) -> bool:
    """The focal agency's own report upward: it is the only sender."""
    if obligation.from_groups.exists():
        return False
    senders = set(obligation.from_units.values_list("pk", flat=True))
    if senders:
        return focal_id is not None and senders == {focal_id}
    key = body_key(obligation.from_text) if obligation.from_text.strip() else ""
    return bool(key) and key in focal_names


def _focal_names(document: Document) -> set[str]:
    names = {document.focal_agency_text}
    if document.focal_agency is not None:
        names |= {document.focal_agency.name, document.focal_agency.short_name}
    return {body_key(name) for name in names if name and name.strip()}


def _shape(obligation: ReportingObligation) -> tuple[str, int | None]:
    """Duties of one shape would ask units for the same reports twice."""
    recurrence = str(obligation.recurrence)
    if recurrence == Recurrence.PERIODIC:
        recurrence = Recurrence.ANNUAL
    month = obligation.due_month if recurrence == Recurrence.SEMIANNUAL else None
    return recurrence, month


def units_lines(document: Document) -> list[ReportingObligation]:
    """The duties that give units periods: one per regime, units' lines first.

    Creates the units' yearly line from the upward duty when the plan
    states none, so every plan with a reporting duty gets periods.
    """
    focal_id = document.focal_agency_id
    names = _focal_names(document)
    obligations = list(document.reporting_obligations.exclude(recurrence=Recurrence.ON_REQUEST))
    upward = [o for o in obligations if is_upward(o, focal_id, names)]
    lines: dict[tuple[str, int | None], ReportingObligation] = {}
    for obligation in obligations:
        if obligation in upward or obligation.recurrence not in REGULAR:
            continue
        lines.setdefault(_shape(obligation), obligation)
    if lines or not document.reporting_obligations.exists():
        return list(lines.values())
    model = next((o for o in upward if o.recurrence in REGULAR), None)
    implicit = ReportingObligation.objects.create(
        document=document,
        from_text="",
        to_text=(document.focal_agency_text or str(document.focal_agency or ""))[:255],
        to_unit=document.focal_agency,
        recurrence=model.recurrence if model else Recurrence.ANNUAL,
        due_month=model.due_month if model else None,
        due_day=model.due_day if model else None,
    )
    return [implicit]


def _specs(obligation: ReportingObligation, window: Window) -> list[Any]:
    return periods_in_window(
        str(obligation.recurrence),
        window.start,
        window.end,
        close_at_end=window.end_source == "days",
        due_month=obligation.due_month if obligation.due_day else None,
        due_day=obligation.due_day,
        cutoff_day=obligation.effective_cutoff_day,
    )


@transaction.atomic
def rebuild_periods(
    document: Document, today: datetime.date, actor: Any = None
) -> list[ReportingPeriod]:
    """Make the plan's periods match its window and its units' lines.

    Periods that already hold reports are kept whatever happens (a report
    is never lost); the others are replaced. Returns the units' periods.
    """
    window = document_window(document, today)
    lines = units_lines(document)
    line_ids = {line.pk for line in lines}
    stale = ReportingPeriod.objects.filter(obligation__document=document).exclude(
        obligation__recurrence=Recurrence.ON_REQUEST
    )
    stale.filter(task_reports__isnull=True).delete()
    periods: list[ReportingPeriod] = []
    for obligation in document.reporting_obligations.all():
        if obligation.recurrence == Recurrence.ON_REQUEST:
            continue
        obligation.start_year, obligation.end_year = window.years
        obligation.save(update_fields=["start_year", "end_year"])
        if obligation.pk not in line_ids:
            continue
        try:
            specs = _specs(obligation, window)
        except PeriodError:
            continue
        for spec in specs:
            period, _created = ReportingPeriod.objects.get_or_create(
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
    if actor is not None:
        record(
            actor,
            "periods.rebuild",
            document,
            {
                "from": window.start.isoformat(),
                "until": window.end.isoformat(),
                "periods": [p.label for p in periods],
            },
        )
    return periods


def period_years(document: Document) -> list[int]:
    """The years the units' periods of a plan close in (for ``theodoi import``)."""
    years = (
        ReportingPeriod.objects.filter(obligation__document=document)
        .exclude(obligation__recurrence=Recurrence.ON_REQUEST)
        .values_list("year", flat=True)
        .distinct()
    )
    return sorted(set(years))
