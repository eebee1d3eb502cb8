"""The formats the aggregated report is written in, by file extension.

Free of Django imports: ``theodoi report`` checks the output name before it
sets Django up (a wrong extension fails fast, without a database)."""

from __future__ import annotations

from pathlib import Path

FORMATS = (".docx", ".xlsx", ".csv", ".pdf")
CONTENT_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".csv": "text/csv; charset=utf-8",
    ".pdf": "application/pdf",
}


class FormatError(ValueError):
    """The requested file type is not one the report is written in."""


def format_of(name: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix not in FORMATS:
        raise FormatError(
            f"{name}: the report is written as {', '.join(FORMATS)}; "
            f"“{suffix or 'no extension'}” is not one of them"
        )
    return suffix
