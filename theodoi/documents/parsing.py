"""Running the text core on an uploaded file, for the importer.

The text core enforces its own size and time limits and raises
``InputError`` for anything a person can get wrong; here that becomes
``ImportInputError`` so the CLI, the web and the API report one kind of
error. The file is read once: the reader's text is both what the parser
works on and what the review screen shows beside the extracted tree. The
child process hands back the JSON contract; it is read into the core's
typed ``ParseResult`` here, at the boundary, for the importer.
"""

from __future__ import annotations

import importlib
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from theodoi.documents.importing import ImportInputError, read_parse_result

if TYPE_CHECKING:
    from theodoi.text.model import ParseResult


def parse_path(
    path: str | Path, on_progress: Callable[[int, int], None] | None = None
) -> tuple[ParseResult, str]:
    """The parse result and the document's plain text;
    ``on_progress(done, total)`` hears of each OCR page of a scan.

    The file is read in a child process under memory and CPU limits
    (``theodoi.text.sandbox``): an upload that a reader cannot cope with
    stops the child, never the web process or the worker.
    """
    path = Path(path)
    try:
        sandbox = importlib.import_module("theodoi.text.sandbox")
    except ImportError as exc:
        raise ImportInputError(f"the document parser is not available: {exc}") from exc
    from theodoi.documents.adaptation import configure_restorer
    from theodoi.text.source import InputError

    if path.suffix.lower() in (".xlsx", ".csv"):  # a task list kept in a spreadsheet
        return _parse_task_sheet(path)
    configure_restorer()
    try:
        data, text = sandbox.parse_isolated(path, on_progress=on_progress)
    except InputError as exc:
        message = str(exc)
        raise ImportInputError(
            message if path.name in message else f"{path.name}: {message}"
        ) from exc
    return read_parse_result(data), unicodedata.normalize("NFC", text)


def _parse_task_sheet(path: Path) -> tuple[ParseResult, str]:
    from theodoi.text.readers.zipsafe import check_zip
    from theodoi.text.source import InputError
    from theodoi.text.tasklist import read_task_sheet

    try:
        if path.suffix.lower() == ".xlsx":  # a zip: refuse a bomb before openpyxl opens it
            check_zip(path.read_bytes(), "Excel workbook")
        result = read_task_sheet(path)
    except InputError as exc:
        message = str(exc)
        raise ImportInputError(
            message if path.name in message else f"{path.name}: {message}"
        ) from exc
    text = "\n".join(f"{task.path}. {task.text}" for task in result.tasks)
    return result, unicodedata.normalize("NFC", text)
