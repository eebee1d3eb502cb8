"""Running the text core on an uploaded file, for the importer.

The text core (``theodoi.text.parse``) enforces its own size and time limits
and raises ``InputError`` for anything a person can get wrong; here that
becomes ``ImportInputError`` so the CLI, the web and the API report one kind
of error. The source text shown on the review screen comes from the same
parse when the core exposes it, else from a second, cheap read (never for
scans: OCR is too slow to run twice).
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from theodoi.documents.importing import ImportInputError

#: Kinds read again for the review screen's source panel (no OCR involved).
REREAD_KINDS = frozenset({"text", "docx", "doc"})


def parse_path(path: str | Path) -> tuple[dict[str, Any], str]:
    """The parse result (JSON contract) and the document's plain text."""
    try:
        parse_module = importlib.import_module("theodoi.text.parse")
    except ImportError as exc:
        raise ImportInputError(f"the document parser is not available: {exc}") from exc
    from theodoi.text.source import InputError

    try:
        result = parse_module.parse_file(path)
        data = result.to_json_dict()
    except InputError as exc:
        raise ImportInputError(f"{Path(path).name}: {exc}") from exc
    return data, _source_text(result, Path(path))


def _source_text(result: Any, path: Path) -> str:
    source = getattr(result, "source_text", None)
    if isinstance(source, str):
        return source
    if source is not None and hasattr(source, "plain_text"):
        return str(source.plain_text())
    from theodoi.text.readers import detect_kind, read_document
    from theodoi.text.source import InputError

    try:
        if detect_kind(path.read_bytes()) not in REREAD_KINDS:
            return ""
        return read_document(path).plain_text()
    except (InputError, OSError):
        return ""
