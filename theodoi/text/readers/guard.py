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
import re
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
    """Refuse a PDF whose streams decode to more than the caps allow.

    Streams are found by scanning the bytes (fast: no object parsing); a file
    the scan cannot read with certainty (encrypted, a stream length stored in
    a compressed object, an LZW or run-length stream) goes through pypdf's
    full object parser instead.
    """
    streams = raw_streams(data)
    if streams is None:
        _check_with_pypdf(data, stream_cap, total_cap)
        return
    if _within_caps(streams, stream_cap, total_cap):
        return
    total = 0  # some stream may break a cap: measure each in order, for the message
    for number, filters, raw in streams:
        size = _decoded_size(filters, raw, min(stream_cap, total_cap - total) + 1)
        total = _count(number, size, total, stream_cap, total_cap)


#: Deflate writes at most 258 bytes for every 2 bits (a length and a distance
#: code of one bit each), so a Flate stream inflates at most 1032-fold.
_FLATE_MAX_RATIO = 1032


def _within_caps(
    streams: list[tuple[int, list[str], bytes]], stream_cap: int, total_cap: int
) -> bool:
    """Can no stream, nor all of them, decode past the caps? True only when certain.

    Each Flate stream counts for what it could inflate to at most, until that
    bound breaks a cap: then it is inflated and counted for its real size,
    largest bound first. Most files are settled on their bounds alone, or by
    inflating their few big streams (fonts, images), not every page's content.
    """
    flate = [_is_flate(filters) for _n, filters, _raw in streams]
    sizes = [
        _FLATE_MAX_RATIO * (len(raw) + 1) if is_flate else len(raw)
        for is_flate, (_n, _f, raw) in zip(flate, streams, strict=True)
    ]
    total = sum(sizes)
    for index in sorted(range(len(sizes)), key=sizes.__getitem__, reverse=True):
        if total <= total_cap and sizes[index] <= stream_cap:
            return True  # every later bound is smaller still
        if not flate[index]:
            return False  # its size is exact already: let the full count say which cap
        size = _inflated_size(streams[index][2], stream_cap + 1)
        if size > stream_cap:
            return False
        total += size - sizes[index]
        sizes[index] = size
    return total <= total_cap


def _count(number: int, size: int, total: int, stream_cap: int, total_cap: int) -> int:
    if size > stream_cap:
        raise InputError(
            f"the PDF looks like a decompression bomb: object {number} decodes to more "
            f"than {stream_cap // 1048576} MB"
        )
    total += size
    if total > total_cap:
        raise InputError(
            "the PDF looks like a decompression bomb: its streams decode to more "
            f"than {total_cap // 1048576} MB"
        )
    return total


_STREAM_KEYWORD = re.compile(rb"stream(?:\r\n|\n|\r)")
_OBJ_NUMBERS = re.compile(rb"(\d+)\s+\d+\s+$")
_LENGTH = re.compile(rb"/Length\s+(\d+)(?:\s+(\d+)\s+R)?")
_FILTER = re.compile(rb"/Filter\s*(?:\[(?P<list>[^\]]*)\]|(?P<one>/[A-Za-z0-9]+))")
_NAME = re.compile(rb"/[A-Za-z0-9]+")
#: How far back from "stream" the object's header may start (its dictionary).
_HEAD_WINDOW = 65536


def raw_streams(data: bytes) -> list[tuple[int, list[str], bytes]] | None:
    """Every stream of the file as (object number, filters, raw bytes), read off
    the bytes; None when the bytes alone cannot say (the caller parses fully)."""
    if b"/Encrypt" in data:
        return None
    found: list[tuple[int, list[str], bytes]] = []
    integers = _IntegerObjects(data)
    position = 0
    while (keyword := _STREAM_KEYWORD.search(data, position)) is not None:
        start = keyword.start()
        if not data[max(0, start - 64) : start].rstrip().endswith(b">>"):
            position = keyword.end()  # "endstream", or the word inside some text
            continue
        head = _object_head(data, start)
        if head is None:
            return None
        number, dictionary = head[0], data[head[1] : start]
        length = _stream_length(dictionary, integers)
        filters = _filter_names(dictionary)
        if length is None or (filters and filters[0] not in _SCANNABLE_FILTERS):
            return None
        found.append((number, filters, data[keyword.end() : keyword.end() + length]))
        position = keyword.end() + length
    return found


#: Filters whose output size the scan measures itself (images are not inflated by readers).
_SCANNABLE_FILTERS = frozenset(
    {
        "/FlateDecode",
        "/Fl",
        "/DCTDecode",
        "/DCT",
        "/JPXDecode",
        "/CCITTFaxDecode",
        "/CCF",
        "/JBIG2Decode",
        "/ASCIIHexDecode",
        "/AHx",
        "/ASCII85Decode",
        "/A85",
        "/Crypt",
    }
)


def _object_head(data: bytes, start: int) -> tuple[int, int] | None:
    """(object number, offset after "obj") of the object whose stream starts at
    ``start``: the nearest "N G obj" before it (scanned backwards, in linear time)."""
    low = max(0, start - _HEAD_WINDOW)
    end = start
    while (at := data.rfind(b"obj", low, end)) >= 0:
        numbers = _OBJ_NUMBERS.search(data, max(0, at - 32), at)
        if numbers is not None and data[at + 3 : at + 4] in (b"", b" ", b"\r", b"\n", b"\t", b"<"):
            return int(numbers.group(1)), at + 3
        end = at
    return None


def _stream_length(dictionary: bytes, integers: _IntegerObjects) -> int | None:
    found = _LENGTH.search(dictionary)
    if found is None:
        return None
    if found.group(2) is None:
        return int(found.group(1))
    return integers.get(found.group(1), found.group(2))


_INTEGER_OBJECT = re.compile(rb"(?<!\d)(\d+)\s+(\d+)\s+obj\s*(\d+)\s*endobj")


class _IntegerObjects:
    """The file's objects that hold a bare integer ("12 0 obj 3456 endobj"), by
    number and generation as written: where LibreOffice and others store
    stream lengths. Found in one pass over the bytes, on the first question,
    the first definition of each kept (as a search from the start finds it)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self._values: dict[tuple[bytes, bytes], int] | None = None

    def get(self, number: bytes, generation: bytes) -> int | None:
        if self._values is None:
            self._values = {}
            for match in _INTEGER_OBJECT.finditer(self.data):
                self._values.setdefault((match[1], match[2]), int(match[3]))
        return self._values.get((number, generation))


def _filter_names(dictionary: bytes) -> list[str]:
    found = _FILTER.search(dictionary)
    if found is None:
        return []
    names = found.group("list") if found.group("list") is not None else found.group("one")
    return [name.decode("ascii") for name in _NAME.findall(names)]


def _check_with_pypdf(data: bytes, stream_cap: int, total_cap: int) -> None:
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
        cap = min(stream_cap, total_cap - total) + 1
        filters = _filters(obj)
        if filters and filters[0] in ("/LZWDecode", "/LZW", "/RunLengthDecode", "/RL"):
            size = _pypdf_decoded_size(obj, bytes(raw), cap)
        else:
            size = _decoded_size(filters, bytes(raw), cap)
        total = _count(num, size, total, stream_cap, total_cap)


def _filters(obj: Any) -> list[str]:
    value = obj.get("/Filter")
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [str(item) for item in items]


def _decoded_size(filters: list[str], raw: bytes, cap: int) -> int:
    """Bytes the stream's first filter produces, counted up to ``cap``."""
    if _is_flate(filters):
        return _inflated_size(raw, cap)
    return len(raw)  # images (DCT, JPX, CCITT, JBIG2) are not inflated by text readers


def _is_flate(filters: list[str]) -> bool:
    """Is the first filter Flate, the one filter the caps inflate to measure?"""
    return bool(filters) and filters[0] in ("/FlateDecode", "/Fl")


def _pypdf_decoded_size(obj: Any, raw: bytes, cap: int) -> int:
    """pypdf's own LZW and run-length decoders stop at its output limit (75 MB)."""
    try:
        from pypdf.filters import decode_stream_data

        return len(decode_stream_data(obj))
    except Exception as exc:
        if "limit" in str(exc).lower():
            return cap + 1
        return len(raw)


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
