"""Reporting periods (kỳ báo cáo) the caller follows or reports in."""

from __future__ import annotations

import datetime
from typing import Annotated

from django.http import HttpRequest
from ninja import Query, Router, Schema

from theodoi.api.errors import ERRORS
from theodoi.api.params import Id, OptId, Page
from theodoi.reporting import access
from theodoi.reporting.models import ReportingPeriod

router = Router(tags=["periods"])
Year = Annotated[int | None, Query(ge=1900, le=9999)]


class PeriodOut(Schema):
    id: int
    document_id: int
    recurrence: str
    label: str
    year: int
    start: datetime.date
    end: datetime.date
    due_date: datetime.date
    request_note: str


def period_out(period: ReportingPeriod) -> PeriodOut:
    return PeriodOut(
        id=period.pk,
        document_id=period.obligation.document_id,
        recurrence=period.obligation.recurrence,
        label=period.label,
        year=period.year,
        start=period.start,
        end=period.end,
        due_date=period.due_date,
        request_note=period.request_note,
    )


@router.get("/periods", response={200: list[PeriodOut], **ERRORS})
def list_periods(
    request: HttpRequest, page: Query[Page], document: OptId = None, year: Year = None
) -> list[PeriodOut]:
    periods = access.periods_for_user(request.user).select_related("obligation")
    if document is not None:
        periods = periods.filter(obligation__document_id=document)
    if year is not None:
        periods = periods.filter(year=year)
    rows = periods.order_by("due_date", "id")[page.slice()]
    return [period_out(period) for period in rows]


@router.get("/periods/{period_id}", response={200: PeriodOut, **ERRORS})
def get_period(request: HttpRequest, period_id: Id) -> PeriodOut:
    return period_out(access.get_period_for_user(request.user, period_id))
