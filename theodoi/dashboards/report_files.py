"""One entry point for every format of the aggregated report.

The format follows the file's extension, for the command line and the web
alike: ``.docx`` (the report), ``.xlsx`` (its annex), ``.csv`` (the annex
rows for other systems) and ``.pdf`` (the report printed by LibreOffice
headless, through the text core's conversion helper).
"""

from __future__ import annotations

import datetime
import tempfile
from pathlib import Path

from theodoi.documents.models import Document
from theodoi.reporting.models import ReportingPeriod

from .report_data import Narrative, ReportData, collect
from .report_docx import build_docx
from .report_formats import FormatError, format_of
from .report_xlsx import build_csv, build_xlsx

#: LibreOffice's first start on a machine takes a while.
PDF_TIMEOUT_S = 180.0


def docx_to_pdf(docx: bytes) -> bytes:
    from theodoi.text.readers.convert import convert_with_libreoffice

    with tempfile.TemporaryDirectory(prefix="theodoi-report-") as tmp:
        source = Path(tmp) / "bao-cao.docx"
        source.write_bytes(docx)
        return convert_with_libreoffice(source, "pdf", Path(tmp), PDF_TIMEOUT_S).read_bytes()


def render_data(data: ReportData, suffix: str) -> bytes:
    if suffix == ".docx":
        return build_docx(data)
    if suffix == ".xlsx":
        return build_xlsx(data)
    if suffix == ".csv":
        return build_csv(data)
    if suffix == ".pdf":
        return docx_to_pdf(build_docx(data))
    raise FormatError(f"unknown report format {suffix}")


def render(
    document: Document,
    period: ReportingPeriod,
    today: datetime.date,
    suffix: str,
    narrative: Narrative | None = None,
) -> bytes:
    """The report (or its annex) in the format ``suffix`` names."""
    return render_data(collect(document, period, today, narrative), format_of(f"x{suffix}"))
