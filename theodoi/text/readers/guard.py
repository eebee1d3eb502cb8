"""Checks every file passes before any reader touches it.

- The kind comes from the content (:func:`detect_kind`), and a file whose
  name promises a document (.pdf, .docx …) but holds plain text or a web
  page is refused: an HTML page renamed ``ke-hoach.pdf`` is not a plan.
  A page named .htm/.html is accepted: agencies publish plans as Word's
  "Save as Web Page", which the HTML reader reads as its paragraphs (never
  its scripts).
- Zip-based files are checked by :mod:`.zipsafe` inside ``detect_kind``.
- A PDF's streams are inflated here, in chunks, with the output thrown away,
  to measure what they decode to: past a per-stream or total cap the file is
  refused before the PDF reader (whatever library it uses) inflates anything.
"""

from __future__ import annotations

import io
import logging
import zlib
from typing import Any

from theodoi.text.readers.detect import Kind, detect_kind
from theodoi.text.source import InputError

logger = logging.getLogger(__name__)

MAX_PDF_STREAM_DECODED = 128 * 1024 * 1024
MAX_PDF_TOTAL_DECODED = 512 * 1024 * 1024
_CHUNK = 64 * 1024

#: Name endings that promise a binary document; text in them is refused.
_DOCUMENT_ENDINGS = (".pdf", ".docx", ".doc", ".odt", ".rtf", ".xlsx", ".xls", ".jpg", ".png")
_MARKUP_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<script", b"<svg", b"<?xml")


def looks_like_markup(data: bytes) -> bool:
    """A web page or XML file (after any BOM and leading blanks)."""
    head = data[:512].lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n").lower()
    head = head.replace(b"\x00", b"")  # UTF-16 text
    return head.startswith(_MARKUP_STARTS)


def check_file(data: bytes, name: str = "") -> Kind:
    """The file's kind, once it has passed every check; InputError otherwise."""
    kind = detect_kind(data)
    ending = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    if kind == "text":
        if looks_like_markup(data) and ending not in ("htm", "html"):
            raise InputError(
                "the file is a web page (HTML/XML), not a plan document: "
                "save it as .docx or .pdf and upload that"
            )
        if f".{ending}" in _DOCUMENT_ENDINGS:
            raise InputError(
                f"the file is named .{ending} but holds plain text, not a .{ending} document"
            )
    if kind == "pdf":
        check_pdf_streams(data)
    return kind


def check_pdf_streams(
    data: bytes,
    *,
    stream_cap: int = MAX_PDF_STREAM_DECODED,
    total_cap: int = MAX_PDF_TOTAL_DECODED,
) -> None:
    """Refuse a PDF whose streams decode to more than the caps allow."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError
    from pypdf.generic import IndirectObject

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return  # unreadable without a password: the reader refuses it with that message
        numbers = [(num, gen) for gen, objects in reader.xref.items() for num in objects]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        logger.info("PDF guard could not list the objects (%s); the reader decides", exc)
        return
    total = 0
    for num, gen in numbers:
        try:
            obj = reader.get_object(IndirectObject(num, gen, reader))
        except Exception:
            continue
        raw = getattr(obj, "_data", None)
        if not isinstance(raw, bytes | bytearray) or not hasattr(obj, "get"):
            continue
        size = _decoded_size(obj, bytes(raw), min(stream_cap, total_cap - total) + 1)
        if size > stream_cap:
            raise InputError(
                f"the PDF looks like a decompression bomb: object {num} decodes to more "
                f"than {stream_cap // 1048576} MB"
            )
        total += size
        if total > total_cap:
            raise InputError(
                "the PDF looks like a decompression bomb: its streams decode to more "
                f"than {total_cap // 1048576} MB"
            )


def _filters(obj: Any) -> list[str]:
    value = obj.get("/Filter")
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [str(item) for item in items]


def _decoded_size(obj: Any, raw: bytes, cap: int) -> int:
    """Bytes the stream's first filter produces, counted up to ``cap``."""
    filters = _filters(obj)
    if not filters:
        return len(raw)
    first = filters[0]
    if first in ("/FlateDecode", "/Fl"):
        return _inflated_size(raw, cap)
    if first in ("/LZWDecode", "/LZW", "/RunLengthDecode", "/RL"):
        # pypdf's own decoders stop at its configured output limit (75 MB).
        try:
            from pypdf.filters import decode_stream_data

            return len(decode_stream_data(obj))
        except Exception as exc:
            if "limit" in str(exc).lower():
                return cap + 1
            return len(raw)
    return len(raw)  # images (DCT, JPX, CCITT, JBIG2) are not inflated by text readers


def _inflated_size(raw: bytes, cap: int) -> int:
    inflater = zlib.decompressobj()
    produced = 0
    view = memoryview(raw)
    try:
        for offset in range(0, len(raw), _CHUNK):
            pending = view[offset : offset + _CHUNK].tobytes()
            while pending and produced <= cap:
                produced += len(inflater.decompress(pending, _CHUNK))
                pending = inflater.unconsumed_tail
                if inflater.eof:
                    return produced
            if produced > cap:
                return produced
    except zlib.error:
        return produced  # a damaged stream: the reader will say so
    return produced
