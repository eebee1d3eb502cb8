"""PDF with a text layer → SourceText; pages the text layer does not cover go to OCR.

pypdfium2 (PDFium) reads each page's text and character boxes at about a
hundred pages per second, ten to twenty times pdfminer's speed. Tables are
found with pdfplumber's geometry (ruling lines → intersections → cells →
tables), redone in :mod:`.ruling` and here with the same results and less
work, fed with the ruling lines PDFium reports, so no page is parsed twice.

- Lines come from PDFium's own line breaks; only the first and last
  character of a line, a character in its middle (size, font) and, on lines
  that look too wide for their text, the gaps at its spaces are asked for
  boxes: a wide gap splits two columns (the header block "ỦY BAN NHÂN DÂN … |
  CỘNG HÒA XÃ HỘI …"), pieces on one baseline with a small gap are one line.
- Page furniture goes: lines repeated at the same place on many pages, the
  gazette running head "CÔNG BÁO/Số …", lone page numbers, e-signature stamps.
- Footnotes are the small-type lines at the foot of a page that start with a
  number; superscript note marks glued to words are dropped.
- Lines are re-joined into paragraphs unless the next line is indented,
  starts with a list label, follows a short (paragraph-ending) line, a larger
  gap, or a change of size or weight.
- Tables: cells from the ruling lines; a cell's text keeps its line breaks;
  merged cells repeated; a table continued on the next page under a repeated
  header row is joined back.
- Coverage: a page whose text layer does not hold its content — a scan under
  a signature stamp ("Người ký: … Cơ quan: …"), or a text layer whose font
  has no usable Unicode map (mojibake) — is OCR'd, page by page.
"""

from __future__ import annotations

import bisect
import ctypes
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import repeat
from typing import Any

from theodoi.text.encodings import convert_legacy, detect_legacy_in_unicode, font_encoding
from theodoi.text.encodings.syllables import vietnamese_score_reaches
from theodoi.text.readers.clean import clean_text
from theodoi.text.readers.limits import Deadline
from theodoi.text.readers.lines import join_wrapped, starts_with_label
from theodoi.text.readers.ocr import OcrEngine, ocr_pdf, ocr_pdf_pages
from theodoi.text.readers.ruling import cells_to_tables, edges_to_intersections, merge_edges
from theodoi.text.source import Block, InputError, Paragraph, SourceText, Table

MIN_CHARS_PER_PAGE = 25  # below this on average, the PDF is a scan
SCANNED_PAGE_CHARS = 200  # a page this empty, under a full-page image, is scanned
MOJIBAKE_SCORE = 0.35  # below this share of Vietnamese syllables, the text layer is garbage
_MARGIN_ZONE = 0.11  # top/bottom share of the page where running heads live
_GAZETTE_HEAD = re.compile(r"^C[ÔO]NG\s+B[ÁA]O\s*/?\s*(S[ốô]|$)", re.IGNORECASE)
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:Trang\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*[-–—])?$", re.I
)
_STAMP_START = re.compile(r"^Ký\s+bởi\s*:", re.IGNORECASE)
_STAMP_LINE = re.compile(
    r"^(Ký\s+bởi|Cơ\s+quan|Ngày\s+ký|Thời\s+gian\s+ký|Email|Người\s+ký)\s*:", re.I
)
_BARE_LABEL = re.compile(
    r"(?:[IVXLC]{1,6}|\d{1,3}(?:\.\d{1,3}){0,4}|[a-zđ])[.)]|\d{1,3}(?:\.\d{1,3})+"
    r"|[-–—•*+▪·]|\(\d{1,3}\)|\([a-zđ]\)"
)
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi|,b\b", re.IGNORECASE)
_LINE = re.compile(r"[^\r\n]+")
_SMALL_NUMBER_START = re.compile(r"^\d{1,3}[).]?(\s|$)")
_DIGITS = re.compile(r"\d+")
_NOTE_NUMBER = re.compile(r"^\d{1,3}[).]?\s*")
_NOTE_START = re.compile(r"^\d{1,3}[).]?(\s|[^\d\s])")
_NUMBER_WORD = re.compile(r"^\d{1,3}\s")
_NOTE_MARK = re.compile(r"(?:(?<=[^\W\d_])|(?<=[.,;:)\]”\"]))\d{1,3}(?=[\s,.;:)]|$)")
_PATH, _IMAGE, _FORM = 2, 3, 5  # FPDF_PAGEOBJ_* types
_RULING_KINDS = frozenset((_PATH, _IMAGE, _FORM))
# PDFium reports a (soft) hyphen it cannot place as U+FFFE or U+0002 ("23/NQ\ufffeCP").
_HYPHENS = str.maketrans({"\ufffe": "-", "\x02": "-"})


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    page: int
    first_word_small_digits: bool = False


@dataclass
class _Page:
    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    tables: list[tuple[float, Table]] = field(default_factory=list)
    rules: list[float] = field(default_factory=list)  # short rules: footnote separators
    scanned: bool = False  # the text layer does not hold the page's content


@cache
def _word_encoding(fontname: str) -> tuple[str, bool] | None:
    name = fontname.split("+", 1)[-1]
    found = font_encoding(name)
    if found is None and name.lower().startswith("vn") and not name.lower().startswith("vni"):
        found = font_encoding("." + name)
    return found


def read_pdf_bytes(data: bytes, deadline: Deadline, ocr: OcrEngine | None) -> SourceText:
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(data)
    except InputError:
        raise
    except Exception as exc:
        raise _open_error(exc) from exc
    try:
        count = len(pdf)
        if not count:
            raise InputError("the PDF has no pages (damaged or truncated file)")
        parsed: list[_Page] = []
        total_chars = 0
        for index in range(count):
            deadline.check("reading the PDF")
            try:
                page = _read_page(pdf, index)
            except InputError:
                raise
            except Exception as exc:
                raise InputError(
                    f"the PDF is damaged: page {index + 1} cannot be read ({exc})"
                ) from exc
            parsed.append(page)
            if not page.scanned:
                total_chars += sum(len(line.text) for line in page.lines)
                total_chars += sum(
                    len(cell) for _top, t in page.tables for row in t.rows for cell in row
                )
    finally:
        pdf.close()
    scanned = [p.number for p in parsed if p.scanned]
    if total_chars < MIN_CHARS_PER_PAGE * len(parsed) or len(scanned) == len(parsed):
        return ocr_pdf(data, len(parsed), deadline, ocr)
    source = _assemble([p for p in parsed if not p.scanned])
    if scanned:
        _insert_ocr_pages(source, ocr_pdf_pages(data, scanned, deadline, ocr))
    return source


def _insert_ocr_pages(source: SourceText, pages: dict[int, list[Block]]) -> None:
    """Put OCR text of scanned pages among the text-layer blocks, in page order."""
    blocks: list[Block] = []
    pending = dict(sorted(pages.items()))
    for block in source.blocks:
        page = block.page or 0
        for number in [n for n in pending if n < page]:
            blocks.extend(pending.pop(number))
        blocks.append(block)
    for rest in pending.values():
        blocks.extend(rest)
    source.blocks = blocks
    source.ocr = True
    source.warnings.append(f"OCR on pages {', '.join(map(str, sorted(pages)))}")


def _open_error(exc: Exception) -> InputError:
    if "password" in str(exc).lower():
        return InputError(
            "the PDF is password-protected (encrypted); remove the password and upload it again"
        )
    return InputError(
        f"the PDF is damaged or truncated and cannot be read ({type(exc).__name__}: {exc})"
    )


# --- one page -----------------------------------------------------------------


class _Chars:
    """Lazy access to PDFium's per-character data, in top-down page coordinates."""

    def __init__(self, textpage: Any, height: float) -> None:
        import pypdfium2.raw as pdfium_c

        self.c = pdfium_c
        self.textpage = textpage
        self.raw = textpage.raw
        self.height = height
        self._name = ctypes.create_string_buffer(128)
        self._flags = ctypes.c_int()
        self._matrix = pdfium_c.FS_MATRIX()
        self._values = [ctypes.c_double() for _ in range(4)]  # left, right, bottom, top
        self._box = [ctypes.byref(v) for v in self._values]
        self._first: dict[int, tuple[float, float, float, float]] = {}
        self._runs: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}
        self._fonts: dict[int, str] = {}  # a line's style character is asked twice
        self._sizes: dict[int, float] = {}

    def box(self, index: int) -> tuple[float, float, float, float]:
        b = self._box
        self.c.FPDFText_GetCharBox(self.raw, index, b[0], b[1], b[2], b[3])
        v = self._values  # left, right, bottom, top
        return v[0].value, self.height - v[3].value, v[1].value, self.height - v[2].value

    def first_box(self, start: int) -> tuple[float, float, float, float]:
        """The box of a line's first character, kept for the page's other tables."""
        found = self._first.get(start)
        if found is None:
            found = self._first[start] = self.box(start)
        return found

    def runs(self, start: int, end: int) -> list[tuple[float, float, float, float]]:
        """The glyph boxes of ``[start, end)`` by text object, one PDFium call each.

        PDFium's selection rectangles: each is the union of the character
        boxes (as :meth:`box` gives them) of a run of consecutive characters
        drawn by one text object; characters PDFium generated (spaces, line
        breaks) and empty boxes are left out. Every glyph centre of the range
        lies in its run's box, so a run inside one table cell needs no call
        per character. Empty when PDFium has no box for the range.
        """
        key = (start, end)
        found = self._runs.get(key)
        if found is not None:
            return found
        c, raw, b, v, height = self.c, self.raw, self._box, self._values, self.height
        found = []
        for k in range(c.FPDFText_CountRects(raw, start, end - start)):
            c.FPDFText_GetRect(raw, k, b[0], b[3], b[1], b[2])  # left, top, right, bottom
            left, right, bottom, top = v[0].value, v[1].value, v[2].value, v[3].value
            if left == right == bottom == top == 0.0:  # PDFium's rectangle for "no glyph"
                found = []
                break
            found.append((left, height - top, right, height - bottom))
        self._runs[key] = found
        return found

    def run_start(self, start: int, end: int, run: int, lowest: int) -> int:
        """Index of the first character of run number ``run`` (``run`` ≥ 1) of
        :meth:`runs`, at or after ``lowest``: a binary search on PDFium's count
        of runs in ever longer prefixes of the range."""
        count, raw = self.c.FPDFText_CountRects, self.raw
        lo, hi = lowest - start + 1, end - start
        while lo < hi:
            middle = (lo + hi) // 2
            if count(raw, start, middle) > run:
                hi = middle
            else:
                lo = middle + 1
        return start + lo - 1

    def size(self, index: int) -> float:
        """The size as drawn: the font size times the text matrix's scale
        (many producers set size 1 and scale the matrix)."""
        size = self._sizes.get(index)
        if size is None:
            size = float(self.c.FPDFText_GetFontSize(self.raw, index))
            if self.c.FPDFText_GetMatrix(self.raw, index, ctypes.byref(self._matrix)):
                size *= math.hypot(self._matrix.c, self._matrix.d) or 1.0
            self._sizes[index] = size
        return size

    def font(self, index: int) -> str:
        found = self._fonts.get(index)
        if found is None:
            got = self.c.FPDFText_GetFontInfo(
                self.raw, index, self._name, 128, ctypes.byref(self._flags)
            )
            found = self._name.value.decode("latin-1", "replace") if got else ""
            self._fonts[index] = found
        return found

    def bold(self, index: int) -> bool:
        if self.c.FPDFText_GetFontWeight(self.raw, index) >= 600:
            return True
        return _bold_name(self.font(index))


@cache
def _bold_name(fontname: str) -> bool:
    """Does the font's name say bold ("TimesNewRomanPS-BoldMT", "Arial,Bold")?"""
    return _BOLD_FONT.search(fontname) is not None


@dataclass
class _Piece:
    """A run of characters on one baseline (PDFium line, or part of one)."""

    start: int
    end: int  # exclusive index into the page text
    x0: float
    x1: float
    top: float
    bottom: float


def _read_page(pdf: Any, index: int) -> _Page:
    page = pdf[index]
    try:
        width, height = (float(v) for v in page.get_size())
        result = _Page(number=index + 1, width=width, height=height)
        edges, image_area = _page_objects(page, height)
        textpage = page.get_textpage()
        try:
            count = textpage.count_chars()
            text = _page_text(textpage, count)
            if len(text) != count:  # surrogate pairs etc.: indices would not line up
                text = text[:count].ljust(count)
            chars = _Chars(textpage, height)
            boxes = _tables(result, edges, text, chars) if len(edges) >= 4 else []
            result.lines = _lines(text, chars, result.number, boxes)
        finally:
            textpage.close()
    finally:
        page.close()
    result.rules = [
        e["top"]
        for e in edges
        if e["orientation"] == "h" and 25 < e["width"] < 0.45 * width and e["top"] > 0.4 * height
    ]
    body = " ".join(line.text for line in result.lines)
    if (
        image_area > 0.5 * width * height
        and (len(body) < SCANNED_PAGE_CHARS or _only_stamp(result.lines))
    ) or _mojibake(body):
        result.scanned = True
    return result


def _page_text(textpage: Any, count: int) -> str:
    """The page's text, PDFium's stand-ins for hyphens replaced."""
    if count <= 0:
        return ""
    text: str = textpage.get_text_range(0, count)
    return text.translate(_HYPHENS) if "\ufffe" in text or "\x02" in text else text


def _only_stamp(lines: list[Line]) -> bool:
    """Is the text nothing but a digital signature stamp?"""
    texts = [ln.text.strip() for ln in lines if ln.text.strip()]
    return bool(texts) and sum(1 for t in texts if _STAMP_LINE.match(t)) >= len(texts) / 2


def _mojibake(text: str) -> bool:
    """A text layer whose glyphs map to the wrong characters (no usable ToUnicode)."""
    sample = text[:1500]  # a page's worth of words is plenty to tell
    letters = sum(map(str.isalpha, sample))
    if letters < 80 or vietnamese_score_reaches(sample, MOJIBAKE_SCORE):
        return False
    # Text in a legacy 8-bit encoding (TCVN3 printed with a substitute font)
    # also fails the test, but decodes: that is text, not garbage.
    return detect_legacy_in_unicode(sample) is None


def _page_objects(page: Any, height: float) -> tuple[list[dict[str, Any]], float]:
    """Ruling lines as pdfplumber-style edges, and the area under images."""
    import pypdfium2.raw as pdfium_c

    edges: list[dict[str, Any]] = []
    image_area = 0.0
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    refs = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    raw = page.raw
    get_bounds = pdfium_c.FPDFPageObj_GetBounds
    # Mostly text objects, skipped: the loop over them stays in C (map), one call each.
    objects = list(
        map(pdfium_c.FPDFPage_GetObject, repeat(raw), range(pdfium_c.FPDFPage_CountObjects(raw)))
    )
    for obj, kind in zip(objects, map(pdfium_c.FPDFPageObj_GetType, objects), strict=True):
        if kind not in _RULING_KINDS:
            continue
        if not get_bounds(obj, *refs):
            continue
        x0, x1 = left.value, right.value
        y0, y1 = height - top.value, height - bottom.value
        if kind != _PATH:
            image_area = max(image_area, (x1 - x0) * (y1 - y0))
            continue
        w, h = x1 - x0, y1 - y0
        if h < 2.0 and w > 2.0:
            edges.append(_edge("h", x0, x1, (y0 + y1) / 2, (y0 + y1) / 2))
        elif w < 2.0 and h > 2.0:
            edges.append(_edge("v", (x0 + x1) / 2, (x0 + x1) / 2, y0, y1))
        elif w >= 2.0 and h >= 2.0:  # a rectangle: its four sides, as pdfplumber does
            edges += [
                _edge("h", x0, x1, y0, y0),
                _edge("h", x0, x1, y1, y1),
                _edge("v", x0, x0, y0, y1),
                _edge("v", x1, x1, y0, y1),
            ]
    return edges, image_area


def _edge(orientation: str, x0: float, x1: float, top: float, bottom: float) -> dict[str, Any]:
    return {
        "orientation": orientation,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
        "object_type": "line",
    }


def _lines(
    text: str, chars: _Chars, page: int, table_boxes: list[tuple[float, float, float, float]]
) -> list[Line]:
    pieces: list[_Piece] = []
    for match in _LINE.finditer(text):
        start, end = _stripped(text, *match.span())
        if start < end and not (table_boxes and _in_table(chars, start, end, table_boxes)):
            pieces.extend(_split_gaps(text, chars, start, end))
    if table_boxes:
        pieces = [p for p in pieces if not _inside(p, table_boxes)]
    pieces.sort(key=lambda p: (round(p.top), p.x0))
    rows: list[list[_Piece]] = []
    for piece in pieces:  # pieces of one baseline, as pdfplumber's words were
        middle = (piece.top + piece.bottom) / 2
        for row in rows[-3:]:
            if row[0].top - 0.5 <= middle <= row[0].bottom + 0.5:
                row.append(piece)
                break
        else:
            rows.append([piece])
    lines: list[Line] = []
    for row in rows:
        row.sort(key=lambda p: p.x0)
        group: list[_Piece] = [row[0]]
        for piece in row[1:]:
            size = chars.size(group[-1].start) or 10.0
            gap = piece.x0 - group[-1].x1
            lone_label = len(group) == 1 and _BARE_LABEL.fullmatch(
                text[group[0].start : group[0].end]
            )
            motto = gap > 0.6 * size and _motto(text[piece.start : piece.end])
            if (gap > 1.4 * size and not lone_label) or motto:
                lines.append(_make_line(text, chars, group, page))
                group = []
            group.append(piece)
        lines.append(_make_line(text, chars, group, page))
    lines.sort(key=lambda ln: (round(ln.top), ln.x0))
    return lines


def _split_gaps(text: str, chars: _Chars, start: int, end: int) -> list[_Piece]:
    """One PDFium line, cut where a wide blank shows two columns on one baseline."""
    x0, top0, _r, bottom0 = chars.first_box(start)
    _l, top1, x1, bottom1 = chars.box(end - 1)
    size = chars.size(start) or 10.0
    piece = _Piece(start, end, x0, x1, min(top0, top1), max(bottom0, bottom1))
    # Text runs at about half an em per character; much wider means a gap.
    if x1 - x0 <= 0.55 * size * (end - start) or " " not in text[start:end]:
        return [piece]
    out: list[_Piece] = []
    begin, left = start, x0
    for k in range(start + 1, end - 1):
        if text[k] != " " or text[k - 1] == " ":
            continue
        before = chars.box(k - 1)
        after = chars.box(k + 1)
        gap = after[0] - before[2]
        lone_label = _BARE_LABEL.fullmatch(text[begin:k]) is not None
        if (gap > 1.4 * size and not lone_label) or (
            gap > 0.6 * size and _motto(text[k + 1 : end])
        ):
            out.append(_Piece(begin, k, left, before[2], piece.top, piece.bottom))
            begin, left = k + 1, after[0]
    out.append(_Piece(begin, end, left, x1, piece.top, piece.bottom))
    return out


def _motto(text: str) -> bool:
    """The state motto opens the right column of every header block."""
    joined = text.replace(" ", "")[:10].upper()
    return joined.startswith(("CỘNGHÒA", "CỘNGHOÀ", "ĐỘCLẬP"))


def _in_table(
    chars: _Chars, start: int, end: int, boxes: list[tuple[float, float, float, float]]
) -> bool:
    """Is the whole line inside a table (so none of its pieces can be body text)?

    Asked only of lines whose first glyph is in a table's rows; the line's
    text-object runs were mostly fetched already for the table's cells.
    """
    _l, top, _r, bottom = chars.first_box(start)
    if not any(box[1] <= top and bottom <= box[3] for box in boxes):
        return False
    runs = chars.runs(start, end)
    if not runs:
        return False
    x0, top, x1, bottom = _around(runs)
    return any(b[0] <= x0 and x1 <= b[2] and b[1] <= top and bottom <= b[3] for b in boxes)


def _inside(piece: _Piece, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx = (piece.x0 + piece.x1) / 2
    cy = (piece.top + piece.bottom) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _make_line(text: str, chars: _Chars, group: list[_Piece], page: int) -> Line:
    raw = " ".join(text[p.start : p.end] for p in group)
    first = group[0].start
    label = _BARE_LABEL.match(raw)
    styled = first  # the style of a line is that of its text, not of its label
    if label and group[0].start + label.end() + 1 < group[0].end:
        styled = group[0].start + label.end() + 1
    last = group[-1].end - 1
    middle = (group[0].start + group[0].end) // 2
    while middle < group[0].end - 1 and text[middle].isspace():
        middle += 1  # a space PDFium generated has no font
    size = chars.size(middle) or chars.size(first) or 10.0
    bold = chars.bold(styled) and chars.bold(last)
    body = _drop_note_marks(raw, text, chars, group, size)
    first_small = bool(
        _SMALL_NUMBER_START.match(body) and (chars.size(first) < 0.8 * size or " " in body)
    )
    legacy = _word_encoding(chars.font(styled))
    if legacy is not None:
        body = convert_legacy(body, legacy[0])
        if legacy[1]:
            body = body.upper()
    return Line(
        text=body,
        x0=float(group[0].x0),
        x1=float(group[-1].x1),
        top=float(min(p.top for p in group)),
        bottom=float(max(p.bottom for p in group)),
        size=float(size),
        bold=bold,
        page=page,
        first_word_small_digits=first_small,
    )


def _drop_note_marks(raw: str, text: str, chars: _Chars, group: list[_Piece], size: float) -> str:
    """Superscript footnote marks glued to words ("tỉnh1") are not text."""
    if len(group) != 1 or not any(map(str.isdigit, raw)):
        return raw
    start = group[0].start
    cut: list[tuple[int, int]] = []
    for match in _NOTE_MARK.finditer(raw):
        if chars.size(start + match.start()) < 0.8 * size:
            cut.append(match.span())
    for a, b in reversed(cut):
        raw = raw[:a] + raw[b:]
    return raw


# --- tables -------------------------------------------------------------------


class _Row:
    def __init__(self, cells: list[tuple[float, float, float, float] | None]) -> None:
        self.cells = cells
        present = [c for c in cells if c is not None]
        self.bbox = (
            min(c[0] for c in present),
            min(c[1] for c in present),
            max(c[2] for c in present),
            max(c[3] for c in present),
        )


_MIXED = (-1.0, -1.0, -1.0, -1.0)  # a run whose glyphs fall in different cells
_SLACK = 1.0  # points across that PDFium's generated spaces may sit off their part's glyphs


def _around(
    boxes: list[tuple[float, float, float, float]],
) -> tuple[float, float, float, float]:
    """The box around text-object runs, ``_SLACK`` wider on each side."""
    if len(boxes) == 1:  # the usual case: a line drawn by one text object
        x0, top, x1, bottom = boxes[0]
        return x0 - _SLACK, top, x1 + _SLACK, bottom
    lefts, tops, rights, bottoms = zip(*boxes, strict=True)
    return min(lefts) - _SLACK, min(tops), max(rights) + _SLACK, max(bottoms)


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the white space at its ends (all white: ``(end, end)``)."""
    part = text[start:end]
    kept = part.lstrip()
    if not kept:
        return end, end
    return end - len(kept), end - (len(kept) - len(kept.rstrip()))


class _Found:
    """A table from the ruling lines: pdfplumber's row layout, PDFium's glyphs.

    A glyph belongs to the cell holding its centre (as in pdfplumber): PDFium's
    own "text in a rectangle" takes every glyph that touches it, so descenders
    and tone marks of the neighbouring rows would come along.
    """

    def __init__(self, cells: list[tuple[float, float, float, float]]) -> None:
        self.cells = cells
        self.bbox = (
            min(c[0] for c in cells),
            min(c[1] for c in cells),
            max(c[2] for c in cells),
            max(c[3] for c in cells),
        )
        xs = sorted({c[0] for c in cells})
        by_top: dict[float, dict[float, tuple[float, float, float, float]]] = {}
        for cell in sorted(cells, key=lambda c: (c[1], c[0])):
            by_top.setdefault(cell[1], {})[cell[0]] = cell
        self.rows = [_Row([row.get(x) for x in xs]) for row in by_top.values()]
        # Horizontal bands between all cell borders; each band lists the cells over it.
        self._ys = sorted({c[1] for c in cells} | {c[3] for c in cells})
        self._bands: list[list[tuple[float, float, float, float]]] = [[] for _ in self._ys]
        for cell in cells:
            for k in range(
                bisect.bisect_left(self._ys, cell[1]), bisect.bisect_left(self._ys, cell[3])
            ):
                self._bands[k].append(cell)

    def cell_at(self, cx: float, cy: float) -> tuple[float, float, float, float] | None:
        k = bisect.bisect_right(self._ys, cy) - 1
        if k < 0 or k >= len(self._bands):
            return None
        for cell in self._bands[k]:
            if cell[0] <= cx <= cell[2]:
                return cell
        return None

    def cell_of(
        self, box: tuple[float, float, float, float]
    ) -> tuple[float, float, float, float] | None:
        """The cell :meth:`cell_at` gives every point of ``box`` (None: no cell),
        or ``_MIXED`` when the points of the box do not all get the same answer."""
        x0, top, x1, bottom = box
        ys, bands = self._ys, self._bands
        found: tuple[float, float, float, float] | None = None
        first = True
        for k in range(bisect.bisect_right(ys, top) - 1, bisect.bisect_right(ys, bottom)):
            hit = None
            if 0 <= k < len(bands):
                for cell in bands[k]:
                    if cell[0] <= x1 and x0 <= cell[2]:  # the first cell under the box
                        if not cell[0] <= x0 <= x1 <= cell[2]:
                            return _MIXED
                        hit = cell
                        break
            if first:
                found, first = hit, False
            elif hit != found:
                return _MIXED
        return found

    def _parts(
        self, chars: _Chars, start: int, end: int
    ) -> list[tuple[tuple[float, float, float, float] | None, int, int]]:
        """``[start, end)`` cut where its runs change cell: (cell, first, last)
        with cell None (outside the table) or ``_MIXED`` (decide per character).

        A glyph's centre lies in its run's box, so the run's cell is the
        glyph's. The spaces PDFium generates between runs sit on the baseline
        right after a glyph: inside the box of their part's runs, give or take
        ``_SLACK`` across, which the whole part must also lie in. A part that
        does not fit one cell (a text object across a column border, tone marks
        over a ruling line) is looked at again in halves.
        """
        if start >= end:
            return []
        runs = chars.runs(start, end)
        if not runs:
            return [(_MIXED, start, end)]
        whole = self.cell_of(_around(runs))
        if whole is not _MIXED:  # the usual case: the line lies in one cell
            return [(whole, start, end)]
        cells = [self.cell_of(run) for run in runs]
        groups = [0] + [k for k in range(1, len(runs)) if cells[k] != cells[k - 1]]
        out: list[tuple[tuple[float, float, float, float] | None, int, int]] = []
        first = start
        for g, k in enumerate(groups):
            stop = groups[g + 1] if g + 1 < len(groups) else len(runs)
            last = chars.run_start(start, end, stop, first) if stop < len(runs) else end
            cell = cells[k]
            if cell is not _MIXED and self.cell_of(_around(runs[k:stop])) != cell:
                cell = _MIXED
            if cell is _MIXED and last - first > 3 and (first, last) != (start, end):
                out += self._parts(chars, first, last)  # fewer runs, smaller boxes
            elif cell is _MIXED and last - first > 3:
                middle = (first + last) // 2
                out += self._parts(chars, first, middle) + self._parts(chars, middle, last)
            else:
                out.append((cell, first, last))
            first = last
        return out

    def extract_with(self, text: str, chars: _Chars) -> list[list[str | None]]:
        """Each cell's text, line breaks kept.

        PDFium joins the cells of a table row that share a baseline into one
        line; the line's text-object runs (:meth:`_Chars.runs`) say which cell
        each part belongs to, so only a run across a column border (or one
        PDFium has no box for) costs a call per character.
        """
        owner: dict[tuple[float, float, float, float], list[str]] = {c: [] for c in self.cells}
        state: list[Any] = [None, -2]  # the bucket written last, and the last index written

        def put(cell: tuple[float, float, float, float], start: int, end: int) -> None:
            bucket = owner[cell]
            if bucket is state[0] and start != state[1] + 1:
                bucket.append("\n")  # a line break inside the cell
            elif bucket is not state[0] and bucket:
                bucket.append("\n")
            bucket.append(text[start:end])
            state[0], state[1] = bucket, end - 1

        def one(index: int) -> None:
            left, top, right, bottom = chars.box(index)
            if right > left:
                cell = self.cell_at((left + right) / 2, (top + bottom) / 2)
            elif text[index] == " ":
                cell = self.cell_at(left, (top + bottom) / 2)
            else:
                return
            if cell is not None:
                put(cell, index, index + 1)

        area = self.bbox
        for match in _LINE.finditer(text):
            start, end = match.span()
            _a, line_top, _b, line_bottom = chars.first_box(start)
            if line_bottom < area[1] - 2 or line_top > area[3] + 2:
                continue
            inner, stop = _stripped(text, start, end)
            for index in range(start, inner):
                one(index)
            for cell, first, last in self._parts(chars, inner, stop):
                if cell is _MIXED:
                    for index in range(first, last):
                        one(index)
                elif cell is not None:
                    put(cell, first, last)
            for index in range(stop, end):
                one(index)
        out: list[list[str | None]] = []
        for row in self.rows:
            texts: list[str | None] = []
            for box in row.cells:
                if box is None:
                    texts.append(None)
                    continue
                joined = "".join(owner[box])
                texts.append("\n".join(t.strip() for t in joined.split("\n") if t.strip()))
            out.append(texts)
        return out


def _cells(points: dict[Any, dict[str, list[Any]]]) -> list[tuple[float, float, float, float]]:
    """The smallest closed rectangles between ruling-line intersections.

    pdfplumber's ``intersections_to_cells`` rebuilds edge sets for every pair of
    points it tries; here each point's edges are a set of ids computed once,
    and only points on its own row and column are tried.
    """
    h_ids = {p: {id(e) for e in v["h"]} for p, v in points.items()}
    v_ids = {p: {id(e) for e in v["v"]} for p, v in points.items()}
    by_row: dict[float, list[float]] = {}
    by_col: dict[float, list[float]] = {}
    for x, y in points:
        by_row.setdefault(y, []).append(x)
        by_col.setdefault(x, []).append(y)
    for values in (*by_row.values(), *by_col.values()):
        values.sort()
    cells: list[tuple[float, float, float, float]] = []
    for x, y in sorted(points, key=lambda p: (p[1], p[0])):
        here_h, here_v = h_ids[(x, y)], v_ids[(x, y)]
        # The points to the right joined to this one by a ruling line do not
        # depend on the point below: found once, and none means no cell here.
        rights: list[float] = []
        for right in by_row[y][bisect.bisect_right(by_row[y], x) :]:
            if here_h.isdisjoint(h_ids[(right, y)]):
                break
            rights.append(right)
        if not rights:
            continue
        found = None
        for below in by_col[x][bisect.bisect_right(by_col[x], y) :]:
            if here_v.isdisjoint(v_ids[(x, below)]):
                break
            for right in rights:
                corner = (right, below)
                if (
                    corner in points
                    and not h_ids[corner].isdisjoint(h_ids[(x, below)])
                    and not v_ids[corner].isdisjoint(v_ids[(right, y)])
                ):
                    found = (x, y, right, below)
                    break
            if found:
                break
        if found:
            cells.append(found)
    return cells


def _tables(
    result: _Page, edges: list[dict[str, Any]], text: str, chars: _Chars
) -> list[tuple[float, float, float, float]]:
    """Find the page's tables; their rows go to ``result.tables``, their boxes are returned."""
    merged = merge_edges(edges, 3)
    merged = [e for e in merged if (e["width"] if e["orientation"] == "h" else e["height"]) >= 3]
    if len(merged) < 4:
        return []
    points = edges_to_intersections(merged, 3, 3)
    cells = _cells(points)
    boxes: list[tuple[float, float, float, float]] = []
    for group in cells_to_tables(cells):
        if len(group) < 2:
            continue
        found = _Found(group)
        table = _table_rows(found, found.extract_with(text, chars))
        if table is None or _layout_table(table):
            continue  # its text stays body text
        boxes.append(found.bbox)
        result.tables.append((float(found.bbox[1]), table))
    return boxes


def _table_rows(found: _Found, texts: list[list[str | None]]) -> Table | None:
    """Rows of a found table on the columns of its header row.

    Word draws rows whose inner borders do not line up, so pdfplumber's
    finer grid is folded back onto the header's columns: a cell covering
    several columns is repeated in each (as in the .docx reader); a column
    split into sub-rows while its neighbours span them (one task, several
    results) stays one row, the sub-cells joined by newlines.
    """
    rows = list(found.rows)
    if not rows:
        return None
    header = max(rows[:3], key=lambda r: sum(1 for c in r.cells if c))
    columns = [(c[0], c[2]) for c in header.cells if c]
    if len(columns) < 2:  # one column: a framed box of text, not a table
        return None
    centers = [(x0 + x1) / 2 for x0, x1 in columns]
    width = len(columns)
    out: list[list[str]] = []
    last_bbox: list[tuple[float, float, float, float] | None] = [None] * width
    for row, row_texts in zip(rows, texts, strict=False):
        values: list[list[str]] = [[] for _ in range(width)]
        present = [False] * width
        top = row.bbox[1]
        boxes: list[tuple[float, float, float, float] | None] = [None] * width
        for bbox, text in zip(row.cells, row_texts, strict=False):
            if bbox is None:
                continue
            cell = _cell_text(text or "")
            for k, center in enumerate(centers):
                if bbox[0] - 1 <= center <= bbox[2] + 1:
                    present[k] = True
                    boxes[k] = bbox
                    if cell:
                        values[k].append(cell)
        covered = [not present[k] and _bottom(last_bbox[k]) > top + 1.0 for k in range(width)]
        cells = [" ".join(v) for v in values]
        if out and any(covered) and (covered[0] or not cells[0] or not out[-1][0]):
            # Sub-rows of one logical row: a cell spans them, and the number
            # cell (first column) is empty in one of them.
            for k in range(width):
                if present[k] and cells[k]:
                    out[-1][k] = _join_cell(out[-1][k], cells[k])
        else:
            if out:  # a cell merged down from the row above is repeated
                cells = [out[-1][k] if covered[k] else cells[k] for k in range(width)]
            out.append(cells)
        for k in range(width):
            if present[k]:
                last_bbox[k] = boxes[k]
    out = _merge_wrapped_rows(out)
    keep = [k for k in range(width) if any(r[k] for r in out)]  # drop empty columns
    rows_out = tuple(tuple(r[k] for k in keep) for r in out if any(r))
    return Table(rows=rows_out) if rows_out and len(keep) >= 2 else None


def _bottom(bbox: tuple[float, float, float, float] | None) -> float:
    return bbox[3] if bbox is not None else float("-inf")


def _layout_table(table: Table) -> bool:
    """A frame drawn around prose (a whole page in one box), not a table of data.

    Most of its rows hold a single text spanning every column; in a task
    table only the section rows do.
    """
    single = sum(1 for row in table.rows if len({c for c in row if c}) <= 1)
    return len(table.rows) >= 3 and single > 0.5 * len(table.rows)


def _merge_wrapped_rows(rows: list[list[str]]) -> list[list[str]]:
    """Join a row that only carries on the text of the row above.

    Without a ruling line between them, pdfplumber can cut one task row in
    two: the number (vertically centred) lands in the second half, and every
    other cell of that half continues a word or sentence in lower case.
    """
    merged: list[list[str]] = []
    for row in rows:
        if merged and len(merged) > 1:
            prev = merged[-1]
            rest = [c for c in row[1:] if c]
            lower = sum(1 for c in rest if c[:1].islower())
            continues = bool(rest) and rest[0][:1].islower() and 2 * lower >= len(rest)
            spanning = len(set(prev)) == 1 and len(set(row)) == 1
            split_number = not prev[0] and any(prev[1:])
            tail = not row[0] and bool(prev[0]) and len(set(prev)) > 1
            if continues and (spanning or split_number or tail):
                merged[-1] = [
                    join_wrapped(a, b) if b and (b != a or spanning) else (a or b)
                    for a, b in zip(prev, row, strict=False)
                ]
                if split_number:
                    merged[-1][0] = row[0]
                continue
        merged.append(list(row))
    return merged


def _join_cell(before: str, after: str) -> str:
    """Text continued in a sub-row: wrapped words join, new items get a line."""
    if not before:
        return after
    if after[:1].islower():
        return join_wrapped(before, after)
    return f"{before}\n{after}"


def _cell_text(text: str) -> str:
    joined = ""
    for line in text.split("\n"):
        line = line.strip()
        if line:
            joined = join_wrapped(joined, line)
    return joined  # cleaned in _assemble, after any legacy decoding


# --- whole-document assembly ------------------------------------------------


def _furniture_keys(pages: list[_Page]) -> set[str]:
    counts: Counter[str] = Counter()
    for page in pages:
        seen = set()
        for line in page.lines:
            if _in_margin(line, page):
                seen.add(_key(line))
        counts.update(seen)
    need = max(2, int(0.5 * len(pages) + 0.5))
    return {key for key, n in counts.items() if n >= need} if len(pages) >= 2 else set()


def _key(line: Line) -> str:
    return _DIGITS.sub("#", line.text.lower()) + f"@{round(line.top / 8)}"


def _in_margin(line: Line, page: _Page) -> bool:
    return line.top < _MARGIN_ZONE * page.height or line.bottom > (1 - _MARGIN_ZONE) * page.height


def _drop_furniture(pages: list[_Page]) -> None:
    repeated = _furniture_keys(pages)
    for page in pages:
        kept: list[Line] = []
        stamp_left = 0
        for line in page.lines:
            text = line.text.strip()
            if _STAMP_START.match(text):
                stamp_left = 4
                continue
            if stamp_left and _STAMP_LINE.match(text):
                stamp_left -= 1
                continue
            stamp_left = 0
            margin = _in_margin(line, page)
            if margin and (_key(line) in repeated or _PAGE_NUMBER.match(text)):
                continue
            if _GAZETTE_HEAD.match(text) and line.top < 0.2 * page.height:
                continue
            kept.append(line)
        page.lines = kept


def _body_size(pages: list[_Page]) -> float:
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 12.0


def _take_footnotes(page: _Page, body_size: float) -> list[str]:
    """Remove the page's footnote zone and return its notes.

    The zone is what lies under a short separator rule, or else the run of
    small-type lines at the foot of the page; either way it must open with a
    note number.
    """
    zone_start = len(page.lines)
    for rule in sorted(page.rules):
        below = [i for i, line in enumerate(page.lines) if line.top > rule]
        if below and _footnote_start(page.lines[below[0]], relaxed=True):
            zone_start = below[0]
            break
    if zone_start == len(page.lines):
        for index in range(len(page.lines) - 1, -1, -1):
            line = page.lines[index]
            if line.size <= body_size - 1.0 and line.top > 0.45 * page.height:
                zone_start = index
            else:
                break
    zone = page.lines[zone_start:]
    if not zone or not _footnote_start(zone[0]):
        return []
    notes: list[str] = []
    for line in zone:
        if _footnote_start(line):
            notes.append(_NOTE_NUMBER.sub("", line.text))
        else:
            notes[-1] = join_wrapped(notes[-1], line.text)
    page.lines = page.lines[:zone_start]
    return [n.strip() for n in notes if n.strip()]


def _footnote_start(line: Line, relaxed: bool = False) -> bool:
    if not _NOTE_START.match(line.text + " "):
        return False
    return relaxed or line.first_word_small_digits or bool(_NUMBER_WORD.match(line.text))


def _assemble(pages: list[_Page]) -> SourceText:
    _drop_furniture(pages)
    body_size = _body_size(pages)
    footnotes: list[str] = []
    for page in pages:
        footnotes.extend(_take_footnotes(page, body_size))
    blocks = _paragraphs(pages, body_size)
    warnings: list[str] = []
    # Decide on legacy text before any normalisation: normalize_text would
    # take TCVN3's "ñ" (ủ) for an n with a tilde and move the "tone".
    encoding = detect_legacy_in_unicode(
        "\n".join(b.text for b in blocks[:400] if isinstance(b, Paragraph))
    )
    if encoding is not None:
        warnings.append(f"text was in the legacy encoding {encoding}")
    blocks = [_finish_block(b, encoding) for b in blocks]
    blocks = [b for b in blocks if not isinstance(b, Paragraph) or b.text]
    footnotes = [_finish_text(f, encoding) for f in footnotes]
    if not blocks:
        raise InputError("the PDF holds no readable text")
    return SourceText(blocks=blocks, input_kind="pdf", footnotes=footnotes, warnings=warnings)


def _finish_text(text: str, encoding: str | None) -> str:
    return clean_text(convert_legacy(text, encoding) if encoding else text)


def _finish_block(block: Block, encoding: str | None) -> Block:
    if isinstance(block, Paragraph):
        return Paragraph(
            _finish_text(block.text, encoding),
            block.label,
            block.bold,
            block.all_caps_style,
            block.page,
        )
    rows = tuple(tuple(_finish_text(c, encoding) for c in row) for row in block.rows)
    return Table(rows, block.page)


def _margins(page: _Page) -> tuple[float, float]:
    lefts = Counter(round(line.x0) for line in page.lines if len(line.text) > 20)
    if not lefts:
        return 0.0, page.width
    left = min(x for x, n in lefts.items() if n >= max(1, lefts.most_common(1)[0][1] // 3))
    rights = sorted(line.x1 for line in page.lines if len(line.text) > 20)
    right = rights[int(0.9 * (len(rights) - 1))]
    return float(left), float(right)


def _paragraphs(pages: list[_Page], body_size: float) -> list[Block]:
    blocks: list[Block] = []
    gaps = [
        b.top - a.bottom
        for page in pages
        for a, b in zip(page.lines, page.lines[1:], strict=False)
        if 0 <= b.top - a.bottom < 2 * body_size
    ]
    normal_gap = statistics.median(gaps) if gaps else body_size * 0.3
    current: list[Line] = []
    table_end_page = -1

    def flush() -> None:
        if current:
            text = ""
            for line in current:
                text = join_wrapped(text, line.text.strip())
            cleaned = text.strip()  # cleaned in _assemble, after any legacy decoding
            if cleaned:
                blocks.append(
                    Paragraph(cleaned, bold=all(ln.bold for ln in current), page=current[0].page)
                )
            current.clear()

    margins = {page.number: _margins(page) for page in pages}
    for page in pages:
        items: list[tuple[float, int, Line | Table]] = [(ln.top, 0, ln) for ln in page.lines]
        items += [(top, 1, table) for top, table in page.tables]
        items.sort(key=lambda item: (round(item[0]), item[1]))
        for _top, _kind, item in items:
            if isinstance(item, Table):
                flush()
                _append_table(blocks, Table(item.rows, page=page.number), table_end_page)
                table_end_page = page.number
                continue
            if current and not _continues(current[-1], item, margins, normal_gap):
                flush()
            current.append(item)
    flush()
    return blocks


def _centered(line: Line, left: float, right: float) -> bool:
    before, after = line.x0 - left, right - line.x1
    return before > 0.6 * line.size and abs(before - after) < max(8.0, 0.04 * (right - left))


def _continues(prev: Line, line: Line, margins: dict[int, tuple[float, float]], gap: float) -> bool:
    """Does ``line`` carry on the paragraph that ``prev`` belongs to?"""
    text = line.text.strip()
    if starts_with_label(text):
        return False
    if abs(prev.size - line.size) > 1.0 or prev.bold != line.bold:
        return False
    if _caps(prev.text) != _caps(text):  # "QUYẾT ĐỊNH" above "Ban hành …"
        return False
    left, right = margins[line.page]
    prev_left, prev_right = margins[prev.page]
    width = max(right - left, 1.0)
    if line.page == prev.page:
        if line.top < prev.bottom - 1.0:  # a second column on the same row
            return False
        if line.top - prev.bottom > gap + 0.5 * line.size:
            return False
    elif prev.text.rstrip().endswith((".", ":", ";", "!", "?")):
        return False
    if _centered(prev, prev_left, prev_right) and _centered(line, left, right):
        return line.page == prev.page
    if line.x0 > left + 0.6 * line.size:  # indented first line, or a centred line
        return False
    # A short previous line ended its paragraph.
    return prev.x1 >= prev_right - 0.12 * width


@lru_cache(maxsize=4096)  # each line is asked twice, as the line and as the one before
def _caps(text: str) -> bool:
    letters = list(filter(str.isalpha, text))
    return len(letters) > 5 and all(map(str.isupper, letters))


def _join_split_cell(above: str, below: str) -> str:
    """The two halves of a cell cut by a page break: one more line of the cell (as
    the cell's own wrapped lines are, so bodies printed one per line stay apart),
    or glued when the cut fell inside a word or number ("52-" / "CT/TW")."""
    if not above:
        return below
    glued = join_wrapped(above, below)
    return glued if glued == above + below else f"{above}\n{below}"


def _append_table(blocks: list[Block], table: Table, previous_end: int) -> bool:
    """Join a table continued from the previous page into one Table."""
    previous = blocks[-1] if blocks else None
    if (
        isinstance(previous, Table)
        and table.page is not None
        and table.page == previous_end + 1
        and previous.rows
        and table.rows
        and len(previous.rows[0]) == len(table.rows[0])
    ):
        rows = list(table.rows)
        if rows[0] == previous.rows[0]:
            rows = rows[1:]  # repeated header row
        if rows and not rows[0][0] and previous.rows[-1][0] and len(previous.rows) > 1:
            # A row broken by the page: its first cell (the number) is empty.
            merged = tuple(
                _join_split_cell(a, b) if b and b != a else a
                for a, b in zip(previous.rows[-1], rows[0], strict=False)
            )
            rows[0] = merged
            prior = list(previous.rows[:-1])
        else:
            prior = list(previous.rows)
        blocks[-1] = Table(tuple(prior + rows), page=previous.page)
        return True
    blocks.append(table)
    return False
