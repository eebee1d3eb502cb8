"""The background task that makes a report version: gather, write the
.docx, the .xlsx and the .csv (and the .pdf, printed by LibreOffice, when
asked for), render the preview, each step noted on the version so the page
shows progress. A failure is kept on the version with its reason; nothing
half-made is offered for download (files are saved only at the end)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django_tasks import task

from theodoi.reporting import clock

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
    from theodoi.dashboards.report_docx import effective_narrative

    texts = effective_narrative(data)

    def lines(text: str) -> list[str]:
        return [line.strip() for line in text.splitlines() if line.strip()]

    return {
        "data": data,
        "subject": subject_line(data),
        "parts": {name: lines(value) for name, value in texts.as_dict().items()},
        "addressees": [line.lstrip("-+ ").rstrip(".;,") for line in lines(texts.addressee)],
        "assessment": lines(texts.assessment),
        "proposals": lines(texts.leadership_proposals),
        "signature": lines(texts.signature),
    }


@task()
def generate_report(version_id: int) -> str:
    from theodoi.dashboards.report_data import Narrative, collect
    from theodoi.dashboards.report_docx import build_docx
    from theodoi.dashboards.report_files import docx_to_pdf
    from theodoi.dashboards.report_xlsx import build_csv, build_xlsx

    version = ReportVersion.objects.select_related("document", "period").get(pk=version_id)
    if version.state == GenerationState.DONE:
        return "already done"
    try:
        _note(version, 10, "Tổng hợp số liệu")
        narrative = Narrative.from_dict(version.narrative)
        data = collect(version.document, version.period, version.as_of, narrative)
        _note(version, 35, "Soạn báo cáo (.docx)")
        files = {"docx": build_docx(data)}
        _note(version, 50, "Lập phụ lục (.xlsx, .csv)")
        files["xlsx"] = build_xlsx(data)
        files["csv"] = build_csv(data)
        if version.with_pdf:
            _note(version, 65, "In bản PDF (LibreOffice)")
            files["pdf"] = docx_to_pdf(files["docx"])
        _note(version, 90, "Tạo bản xem trước")
        preview = render_to_string("reports/_preview.html", preview_context(data))
        with transaction.atomic():
            for kind, content in files.items():
                getattr(version, kind).save(
                    version.download_name(kind), ContentFile(content), save=False
                )
            version.preview = preview
            version.state, version.progress, version.step = GenerationState.DONE, 100, ""
            version.finished_at = clock.now()  # the reporting clock, as requested_at
            version.save()
    except Exception as exc:
        log.exception("report version %s failed", version_id)
        ReportVersion.objects.filter(pk=version_id).update(
            state=GenerationState.FAILED, error=f"{exc.__class__.__name__}: {exc}"[:2000]
        )
        raise
    return "done"
