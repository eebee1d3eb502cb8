"""The background task that makes a report version: gather, write the
.docx and the .xlsx, render the preview, each step noted on the version so
the page shows progress. A failure is kept on the version with its reason;
nothing half-made is offered for download (files are saved only at the end)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from .models import GenerationState, ReportVersion

if TYPE_CHECKING:
    from theodoi.dashboards.report_data import ReportData

log = logging.getLogger(__name__)


def _note(version: ReportVersion, progress: int, step: str) -> None:
    version.progress, version.step = progress, step
    ReportVersion.objects.filter(pk=version.pk).update(
        state=GenerationState.RUNNING, progress=progress, step=step
    )


def preview_context(data: ReportData) -> dict[str, Any]:
    from theodoi.dashboards.report_data import subject_line
    from theodoi.dashboards.report_docx import (
        generated_assessment,
        generated_proposals,
        signature_lines,
    )

    assessment = data.narrative.assessment.strip() or generated_assessment(data)
    proposals = data.narrative.leadership_proposals.strip() or generated_proposals(data)
    return {
        "data": data,
        "subject": subject_line(data),
        "assessment": [line for line in assessment.splitlines() if line.strip()],
        "proposals": [line for line in proposals.splitlines() if line.strip()],
        "signature": signature_lines(data),
    }


@task()
def generate_report(version_id: int) -> str:
    from theodoi.dashboards.report_data import Narrative, collect
    from theodoi.dashboards.report_docx import build_docx, report_filename
    from theodoi.dashboards.report_xlsx import build_xlsx

    version = ReportVersion.objects.select_related("document", "period").get(pk=version_id)
    if version.state == GenerationState.DONE:
        return "already done"
    try:
        _note(version, 10, "Tổng hợp số liệu")
        narrative = Narrative(**{k: str(v) for k, v in version.narrative.items()})
        data = collect(version.document, version.period, version.as_of, narrative)
        _note(version, 45, "Soạn báo cáo (.docx)")
        docx = build_docx(data)
        _note(version, 70, "Lập phụ lục (.xlsx)")
        xlsx = build_xlsx(data)
        _note(version, 90, "Tạo bản xem trước")
        preview = render_to_string("reports/_preview.html", preview_context(data))
        name = report_filename(version.document, version.period, "")
        with transaction.atomic():
            version.docx.save(f"{name}-v{version.number}.docx", ContentFile(docx), save=False)
            version.xlsx.save(
                f"{name}-v{version.number}-phu-luc.xlsx", ContentFile(xlsx), save=False
            )
            version.preview = preview
            version.state, version.progress, version.step = GenerationState.DONE, 100, ""
            version.finished_at = timezone.now()
            version.save()
    except Exception as exc:
        log.exception("report version %s failed", version_id)
        ReportVersion.objects.filter(pk=version_id).update(
            state=GenerationState.FAILED, error=f"{exc.__class__.__name__}: {exc}"[:2000]
        )
        raise
    return "done"
