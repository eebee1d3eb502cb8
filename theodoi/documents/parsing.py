"""Running the text core on an uploaded file, for the importer.

The text core enforces its own size and time limits and raises
``InputError`` for anything a person can get wrong; here that becomes
``ImportInputError`` so the CLI, the web and the API report one kind of
error. The file is read once: the reader's text is both what the parser
works on and what the review screen shows beside the extracted tree.
"""

from __future__ import annotations

import importlib
import unicodedata
from pathlib import Path
from typing import Any

from theodoi.documents.importing import ImportInputError


def parse_path(path: str | Path) -> tuple[dict[str, Any], str]:
    """The parse result (JSON contract) and the document's plain text."""
    path = Path(path)
    try:
        parse_module = importlib.import_module("theodoi.text.parse")
    except ImportError as exc:
        raise ImportInputError(f"the document parser is not available: {exc}") from exc
    from theodoi.documents.adaptation import configure_restorer
    from theodoi.text.source import InputError

    configure_restorer()
    try:
        source = parse_module.read_source(path)
        if not source.plain_text().strip():
            raise InputError("the document contains no text")
        result = parse_module.parse_source(source, source_name=path.name)
        data = result.to_json_dict()
    except InputError as exc:
        message = str(exc)
        raise ImportInputError(
            message if path.name in message else f"{path.name}: {message}"
        ) from exc
    return data, unicodedata.normalize("NFC", source.plain_text())
