"""Readers: any plan document (text, .docx, .doc, .pdf, scan, image) → SourceText.

The kind of file is decided from its bytes (:mod:`.detect`), never its name.
Every failure a person can cause — empty, huge, damaged, encrypted, not a
document, too slow — ends in :class:`~theodoi.text.source.InputError` with a
message naming the problem; nothing else escapes.

    >>> from theodoi.text.readers import read_document
    >>> source = read_document("ke-hoach.docx")       # doctest: +SKIP
"""

from __future__ import annotations

import logging
from pathlib import Path

from theodoi.text.readers.detect import detect_kind
from theodoi.text.readers.guard import check_file
from theodoi.text.readers.limits import (
    Deadline,
    alarm,
    check_size,
    max_upload_bytes,
    time_limit_seconds,
)
from theodoi.text.readers.ocr import OcrEngine
from theodoi.text.source import InputError, SourceText

logger = logging.getLogger(__name__)

__all__ = ["InputError", "OcrEngine", "detect_kind", "read_bytes", "read_document"]


def read_document(
    path: str | Path,
    *,
    max_bytes: int | None = None,
    time_limit: float | None = None,
    ocr: OcrEngine | None = None,
) -> SourceText:
    """Read the document at ``path``.

    ``max_bytes`` (default: env THEODOI_MAX_UPLOAD_MB, else 50 MB) is checked
    before the file is read; ``time_limit`` seconds (default: env
    THEODOI_READ_TIME_LIMIT, else 300) bounds the whole read, OCR included.
    ``ocr`` replaces the Tesseract engine used for scans and images.
    """
    path = Path(path)
    limit = max_upload_bytes(max_bytes)
    try:
        if not path.is_file():
            raise InputError(
                f"no such file: {path}" if not path.exists() else f"not a file: {path}"
            )
        check_size(path.stat().st_size, limit)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return read_bytes(data, name=path.name, max_bytes=limit, time_limit=time_limit, ocr=ocr)


def read_bytes(
    data: bytes,
    *,
    name: str = "",
    max_bytes: int | None = None,
    time_limit: float | None = None,
    ocr: OcrEngine | None = None,
) -> SourceText:
    """Read a document held in memory (an upload); ``name`` is only for messages."""
    check_size(len(data), max_upload_bytes(max_bytes))
    deadline = Deadline(time_limit_seconds(time_limit))
    try:
        with alarm(deadline):
            return _dispatch(data, deadline, ocr, name)
    except InputError as exc:
        if name and name not in str(exc):
            raise type(exc)(f"{name}: {exc}") from exc
        raise
    except RecursionError as exc:
        raise InputError(f"{name or 'the document'}: structure nested too deeply to read") from exc
    except MemoryError as exc:
        raise InputError(f"{name or 'the document'}: too large to read in memory") from exc
    except Exception as exc:
        # A file malformed in a way no check foresaw: still a message, never a
        # traceback for the person who uploaded it; the log keeps the details.
        logger.exception("unexpected failure reading %s", name or "a document")
        raise InputError(
            f"{name or 'the document'}: the file is malformed and cannot be read "
            f"({type(exc).__name__}: {exc})"
        ) from exc


def _dispatch(data: bytes, deadline: Deadline, ocr: OcrEngine | None, name: str = "") -> SourceText:
    kind = check_file(data, name)  # kind by content; zip and PDF bombs refused first
    if kind == "text":
        from theodoi.text.readers.textfile import read_text_bytes

        return read_text_bytes(data)
    if kind == "docx":
        from theodoi.text.readers.docx import read_docx_bytes

        return read_docx_bytes(data, deadline)
    if kind in ("doc", "odt", "rtf"):
        from theodoi.text.readers.convert import read_via_libreoffice

        return read_via_libreoffice(data, kind, deadline)
    if kind == "pdf":
        from theodoi.text.readers.pdf import read_pdf_bytes

        return read_pdf_bytes(data, deadline, ocr)
    from theodoi.text.readers.ocr import read_image_bytes

    return read_image_bytes(data, deadline, ocr)
