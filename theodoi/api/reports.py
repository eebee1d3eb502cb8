"""Reports through the API: list, read, create, update, submit, review.

Each endpoint reads through ``reporting.access`` and changes through
``reporting.actions``, exactly as the report form and the review page do, so
a unit officer may write only their own unit's reports and only the focal
agency may accept or return them. Create and submit take an
``Idempotency-Key`` header: a retried request never acts twice.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Header, Query, Router, Schema, Status
from pydantic import Field

from theodoi.api.errors import ERRORS
from theodoi.api.idempotency import once
from theodoi.api.params import MAX_ID, Id, OptId, Page
from theodoi.reporting import access, actions, clock
from theodoi.reporting.models import TaskReport
from theodoi.reporting.status import Completion

router = Router(tags=["reports"])

#: Documents the header in the schema; ``idempotency.once`` reads it.
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        max_length=255,
        description="Send the same key when retrying: the request acts once.",
    ),
]

CompletionValue = Literal["not_started", "in_progress", "done"]


class FigureIn(Schema):
    label: str = Field(max_length=200)
    value: str = Field(max_length=100)
    unit: str = Field("", max_length=50)


class ReportFields(Schema):
    completion: CompletionValue = "not_started"
    completed_on: datetime.date | None = None
    result: str = Field("", max_length=20000)
    figures: list[FigureIn] = Field(default_factory=list, max_length=100)
    difficulties: str = Field("", max_length=20000)
    proposals: str = Field("", max_length=20000)

    def data(self) -> actions.ReportData:
        return actions.ReportData(
            completion=Completion(self.completion),
            completed_on=self.completed_on,
            result=self.result,
            figures=[figure.model_dump() for figure in self.figures],
            difficulties=self.difficulties,
            proposals=self.proposals,
        )


class ReportCreate(ReportFields):
    period_id: int = Field(ge=1, le=MAX_ID)
    task_id: int = Field(ge=1, le=MAX_ID)


class ReviewIn(Schema):
    decision: Literal["accept", "return"]
    comment: str = Field("", max_length=5000)


class ReportOut(Schema):
    id: int
    period_id: int
    task_id: int
    unit_id: int
    unit: str
    task_path: str
    completion: str
    completed_on: datetime.date | None
    result: str
    figures: list[dict[str, str | int | float | None]]
    difficulties: str
    proposals: str
    review_state: str
    review_comment: str
    awaiting_head_approval: bool
    submitted_at: datetime.datetime | None
    submitted_late: bool
    reviewed_at: datetime.datetime | None
    updated_at: datetime.datetime


def report_out(report: TaskReport) -> ReportOut:
    return ReportOut(
        id=report.pk,
        period_id=report.period_id,
        task_id=report.task_id,
        unit_id=report.unit_id,
        unit=report.unit.name,
        task_path=report.task.path,
        completion=report.completion,
        completed_on=report.completed_on,
        result=report.result,
        figures=list(report.figures or []),
        difficulties=report.difficulties,
        proposals=report.proposals,
        review_state=report.review_state,
        review_comment=report.review_comment,
        awaiting_head_approval=report.awaiting_head_approval,
        submitted_at=report.submitted_at,
        submitted_late=report.submitted_late,
        reviewed_at=report.reviewed_at,
        updated_at=report.updated_at,
    )


def _reread(user: object, report: TaskReport) -> ReportOut:
    return report_out(access.get_report_for_user(user, report.pk))


StateValue = Literal["draft", "submitted", "returned", "accepted"]


@router.get("/reports", response={200: list[ReportOut], **ERRORS})
def list_reports(
    request: HttpRequest,
    page: Query[Page],
    period: OptId = None,
    task: OptId = None,
    unit: OptId = None,
    state: StateValue | None = None,
) -> list[ReportOut]:
    reports = access.reports_for_user(request.user).select_related("task", "unit")
    if period is not None:
        reports = reports.filter(period_id=period)
    if task is not None:
        reports = reports.filter(task_id=task)
    if unit is not None:
        reports = reports.filter(unit_id=unit)
    if state is not None:
        reports = reports.filter(review_state=state)
    return [
        report_out(r)
        for r in reports.order_by("period_id", "task_id", "unit_id", "id")[page.slice()]
    ]


@router.get("/reports/{report_id}", response={200: ReportOut, **ERRORS})
def get_report(request: HttpRequest, report_id: Id) -> ReportOut:
    return report_out(access.get_report_for_user(request.user, report_id))


@router.post("/reports", response={201: ReportOut, 200: ReportOut, **ERRORS})
def create_report(
    request: HttpRequest, payload: ReportCreate, idempotency_key: IdempotencyKey = None
) -> Status:
    """Write (or rewrite) the draft of the caller's unit for a task × period."""

    def run() -> tuple[int, ReportOut]:
        period, task, existing = access.get_slot_for_user(
            request.user, payload.period_id, payload.task_id
        )
        report = actions.save_draft(request.user, period, task, payload.data(), now=clock.now())
        return (200 if existing else 201), _reread(request.user, report)

    return once(request, run)


@router.put("/reports/{report_id}", response={200: ReportOut, **ERRORS})
def update_report(request: HttpRequest, report_id: Id, payload: ReportFields) -> ReportOut:
    report = access.get_report_for_user(request.user, report_id)
    if report.unit_id != getattr(request.user, "org_unit_id", None):
        raise PermissionDenied(_("Bạn không được sửa báo cáo này."))
    saved = actions.save_draft(
        request.user, report.period, report.task, payload.data(), now=clock.now()
    )
    return _reread(request.user, saved)


@router.post("/reports/{report_id}/submit", response={200: ReportOut, **ERRORS})
def submit_report(
    request: HttpRequest, report_id: Id, idempotency_key: IdempotencyKey = None
) -> Status:
    """Send the report to the unit head or the focal agency, as the form's "Gửi" does."""

    def run() -> tuple[int, ReportOut]:
        report = access.get_report_for_user(request.user, report_id)
        sent = actions.submit_report(request.user, report, now=clock.now())
        return 200, _reread(request.user, sent)

    return once(request, run)


@router.post("/reports/{report_id}/review", response={200: ReportOut, **ERRORS})
def review_report(request: HttpRequest, report_id: Id, payload: ReviewIn) -> ReportOut:
    """The focal agency accepts the report or returns it with what to fix."""
    report = access.get_report_for_reviewer(request.user, report_id)
    if payload.decision == "accept":
        done = actions.accept_report(request.user, report, payload.comment, now=clock.now())
    else:
        done = actions.return_report(request.user, report, payload.comment, now=clock.now())
    return _reread(request.user, done)
