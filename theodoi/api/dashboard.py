"""Dashboard numbers of a plan for a period: the same ``metrics.plan_status``
the dashboard page and ``theodoi status --json`` use, behind the same
permission check as the plan-wide dashboard page."""

from __future__ import annotations

import datetime

from django.http import Http404, HttpRequest
from ninja import Router, Schema

from theodoi.api.errors import ERRORS
from theodoi.api.params import Id, OptId
from theodoi.dashboards import access
from theodoi.dashboards.lookups import default_period
from theodoi.dashboards.metrics import plan_status
from theodoi.reporting import clock

router = Router(tags=["dashboards"])


class DashboardOut(Schema):
    document_id: int
    period_id: int
    period: str
    today: datetime.date
    units_expected: int
    units_reported: int
    reported_on_time: int
    tasks: dict[str, int]
    difficulties_open: int


@router.get("/dashboards/{document_id}", response={200: DashboardOut, **ERRORS})
def plan_numbers(request: HttpRequest, document_id: Id, period: OptId = None) -> DashboardOut:
    """Figures for ``period`` (default: the one the dashboard opens on)."""
    document = access.get_plan_dashboard_for_user(request.user, document_id)
    today = clock.today()
    chosen = (
        access.get_period_for_plan(document, period)
        if period is not None
        else default_period(document, today)
    )
    if chosen is None:
        raise Http404("the plan has no reporting periods yet")
    status = plan_status(document, chosen, today, with_trend=False)
    numbers = status.as_json()
    return DashboardOut(
        document_id=document.pk,
        period_id=chosen.pk,
        period=chosen.label,
        today=today,
        units_expected=int(numbers["units_expected"]),  # type: ignore[call-overload]
        units_reported=int(numbers["units_reported"]),  # type: ignore[call-overload]
        reported_on_time=int(numbers["reported_on_time"]),  # type: ignore[call-overload]
        tasks=dict(numbers["tasks"]),  # type: ignore[call-overload]
        difficulties_open=int(numbers["difficulties_open"]),  # type: ignore[call-overload]
    )
