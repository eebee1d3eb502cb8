"""The aggregated report through the API: request a version of a plan's
report for a period (with the narrative parts rewritten, if wanted), follow
its generation, download its files.

The same access as the report workspace page (``reports.access``): focal
officers and leaders, for plans they may see; a unit officer gets 403. The
version is made by the same background task as the page's, so the API and
the page share versions: every one is kept. ``format`` names the file the
client wants: .docx, .xlsx and .csv are always written, the .pdf (printed
by LibreOffice, slower) only when it is asked for.
"""

from __future__ import annotations

import datetime
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import Field

from theodoi.api.errors import ERRORS
from theodoi.api.idempotency import once
from theodoi.api.params import MAX_ID, Id
from theodoi.api.reports import IdempotencyKey
from theodoi.dashboards import access as dashboard_access
from theodoi.dashboards.report_data import Narrative
from theodoi.dashboards.report_formats import CONTENT_TYPES
from theodoi.reporting import clock
from theodoi.reports import access
from theodoi.reports.actions import request_report
from theodoi.reports.models import FILE_KINDS, GenerationState, ReportVersion

router = Router(tags=["report versions"])

Kind = Literal["docx", "pdf", "xlsx", "csv"]
Part = Field("", max_length=20000)


class NarrativeIn(Schema):
    """The free-text parts of the report; empty: the generated text."""

    addressee: str = Part
    opening: str = Part
    situation: str = Part
    assessment: str = Part
    limitations: str = Part
    difficulties_summary: str = Part
    next_steps: str = Part
    leadership_proposals: str = Part
    closing: str = Part
    recipients: str = Part
    signature: str = Part
    signer: str = Field("", max_length=200)


class VersionRequest(Schema):
    document_id: int = Field(ge=1, le=MAX_ID)
    period_id: int = Field(ge=1, le=MAX_ID)
    format: Kind = "docx"
    narrative: NarrativeIn | None = None


class VersionOut(Schema):
    id: int
    document_id: int
    period_id: int
    number: int
    state: str
    progress: int
    step: str
    error: str
    as_of: datetime.date
    with_pdf: bool
    requested_at: datetime.datetime
    finished_at: datetime.datetime | None
    narrative: dict[str, str]
    files: dict[str, str]  # kind → download path, once generated


def version_out(version: ReportVersion) -> VersionOut:
    files = {
        kind: reverse("api:report_version_file", kwargs={"version_id": version.pk, "kind": kind})
        for kind, _name in version.files()
    }
    return VersionOut(
        id=version.pk,
        document_id=version.document_id,
        period_id=version.period_id,
        number=version.number,
        state=version.state,
        progress=version.progress,
        step=version.step,
        error=version.error,
        as_of=version.as_of,
        with_pdf=version.with_pdf,
        requested_at=version.requested_at,
        finished_at=version.finished_at,
        narrative=Narrative.from_dict(version.narrative).as_dict(),
        files=files if version.state == GenerationState.DONE else {},
    )


def _version_for(request: HttpRequest, version_id: int) -> ReportVersion:
    if not dashboard_access.can_download_report(request.user):
        raise PermissionDenied(_("Chỉ cơ quan đầu mối và lãnh đạo tạo được báo cáo tổng hợp."))
    return access.get_version_for_user(request.user, version_id)


@router.post("/report-versions", response={202: VersionOut, **ERRORS})
def create_version(
    request: HttpRequest, payload: VersionRequest, idempotency_key: IdempotencyKey = None
) -> Status:
    """Queue a new version of the report (202); follow it with the GET below."""

    def run() -> tuple[int, VersionOut]:
        document, period = access.get_plan_period_for_user(
            request.user, payload.document_id, payload.period_id
        )
        version = request_report(
            request.user,
            document,
            period,
            Narrative.from_dict(payload.narrative.model_dump() if payload.narrative else {}),
            today=clock.today(),
            now=clock.now(),
            with_pdf=payload.format == "pdf",
        )
        return 202, version_out(version)

    return once(request, run)


@router.get("/report-versions/{version_id}", response={200: VersionOut, **ERRORS})
def get_version(request: HttpRequest, version_id: Id) -> VersionOut:
    """State and progress of a version, and its files once made."""
    return version_out(_version_for(request, version_id))


FILE_RESPONSE = {
    "responses": {
        "200": {
            "description": "The file (.docx, .pdf, .xlsx or .csv).",
            "content": {
                CONTENT_TYPES[f".{kind}"].split(";")[0]: {
                    "schema": {"type": "string", "format": "binary"}
                }
                for kind in FILE_KINDS
            },
        }
    }
}


@router.get(
    "/report-versions/{version_id}/files/{kind}",
    response=ERRORS,
    url_name="report_version_file",
    openapi_extra=FILE_RESPONSE,
)
def download_version_file(request: HttpRequest, version_id: Id, kind: Kind) -> FileResponse:
    """A file of a generated version (404 while it is being made or if not asked for)."""
    version = _version_for(request, version_id)
    stored = getattr(version, kind)
    if version.state != GenerationState.DONE or not stored:
        raise Http404(_("Không có tệp này."))
    return FileResponse(
        stored.open("rb"),
        as_attachment=True,
        filename=version.download_name(kind),
        content_type=CONTENT_TYPES[f".{kind}"],
    )
