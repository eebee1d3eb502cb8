"""Difficulties raised in reports (vướng mắc) and what became of them."""

from __future__ import annotations

import datetime
from typing import Literal

from django.http import HttpRequest
from ninja import Query, Router, Schema

from theodoi.api.errors import ERRORS
from theodoi.api.params import Id, OptId, Page
from theodoi.monitoring.access import escalations_for_user, get_escalation_for_user
from theodoi.monitoring.models import Escalation

router = Router(tags=["escalations"])


class EscalationOut(Schema):
    id: int
    report_id: int
    task_id: int
    unit_id: int
    period_id: int
    summary: str
    to_unit_id: int | None
    state: str
    response: str
    created_at: datetime.datetime
    resolved_at: datetime.datetime | None


def escalation_out(item: Escalation) -> EscalationOut:
    return EscalationOut(
        id=item.pk,
        report_id=item.report_id,
        task_id=item.report.task_id,
        unit_id=item.report.unit_id,
        period_id=item.report.period_id,
        summary=item.summary,
        to_unit_id=item.to_unit_id,
        state=item.state,
        response=item.response,
        created_at=item.created_at,
        resolved_at=item.resolved_at,
    )


@router.get("/escalations", response={200: list[EscalationOut], **ERRORS})
def list_escalations(
    request: HttpRequest,
    page: Query[Page],
    state: Literal["open", "forwarded", "resolved"] | None = None,
    period: OptId = None,
) -> list[EscalationOut]:
    items = escalations_for_user(request.user).select_related("report")
    if state is not None:
        items = items.filter(state=state)
    if period is not None:
        items = items.filter(report__period_id=period)
    return [escalation_out(e) for e in items.order_by("-created_at", "-id")[page.slice()]]


@router.get("/escalations/{escalation_id}", response={200: EscalationOut, **ERRORS})
def get_escalation(request: HttpRequest, escalation_id: Id) -> EscalationOut:
    return escalation_out(get_escalation_for_user(request.user, escalation_id))
