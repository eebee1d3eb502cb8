"""PDF with a text layer → SourceText; scans are handed to OCR.

One pass per page over pdfplumber's words (with size and font) plus, only on
pages that have ruling lines, pdfplumber's table finder. Everything else is
geometry on those words:

- lines are words sharing a baseline, split where a wide gap shows two
  columns (the header block "ỦY BAN NHÂN DÂN … | CỘNG HÒA XÃ HỘI …");
- page furniture goes: lines repeated at the same place on many pages, the
  gazette running head "CÔNG BÁO/Số …", lone page numbers, e-signature stamps;
- footnotes are the small-type lines at the foot of a page that start with a
  number;
- lines are re-joined into paragraphs unless the next line is indented,
  starts with a list label, follows a short (paragraph-ending) line, a larger
  gap, or a change of size or weight;
- tables become rows (merged cells repeated), and a table that continues on
  the next page, usually under a repeated header row, is joined back.
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from theodoi.text.encodings import convert_legacy, detect_legacy_in_unicode, font_encoding
from theodoi.text.readers.clean import clean_text
from theodoi.text.readers.limits import Deadline
from theodoi.text.readers.lines import join_wrapped, starts_with_label
from theodoi.text.readers.ocr import OcrEngine, ocr_pdf, ocr_pdf_pages
from theodoi.text.source import Block, InputError, Paragraph, SourceText, Table

MIN_CHARS_PER_PAGE = 25  # below this on average, the PDF is a scan
SCANNED_PAGE_CHARS = 200  # a page this empty, under a full-page image, is scanned
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
    scanned: bool = False  # little text over a page-sized image


@cache
def _word_encoding(fontname: str) -> tuple[str, bool] | None:
    name = fontname.split("+", 1)[-1]
    found = font_encoding(name)
    if found is None and name.lower().startswith("vn") and not name.lower().startswith("vni"):
        found = font_encoding("." + name)
    return found


def read_pdf_bytes(data: bytes, deadline: Deadline, ocr: OcrEngine | None) -> SourceText:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except InputError:
        raise
    except Exception as exc:
        raise _open_error(exc, PDFPasswordIncorrect, PDFEncryptionError) from exc
    with pdf:
        try:
            pages = list(pdf.pages)
        except InputError:
            raise
        except Exception as exc:
            raise _open_error(exc, PDFPasswordIncorrect, PDFEncryptionError) from exc
        if not pages:
            raise InputError("the PDF has no pages (damaged or truncated file)")
        parsed: list[_Page] = []
        total_chars = 0
        for index, page in enumerate(pages, start=1):
            deadline.check("reading the PDF")
            try:
                parsed.append(_read_page(page, index))
                total_chars += sum(len(line.text) for line in parsed[-1].lines)
                total_chars += sum(
                    len(cell) for _top, t in parsed[-1].tables for row in t.rows for cell in row
                )
            except InputError:
                raise
            except Exception as exc:
                raise InputError(
                    f"the PDF is damaged: page {index} cannot be read ({exc})"
                ) from exc
            finally:
                page.close()
    if total_chars < MIN_CHARS_PER_PAGE * len(parsed):
        return ocr_pdf(data, len(parsed), deadline, ocr)
    scanned = [p.number for p in parsed if p.scanned]
    if len(scanned) == len(parsed):  # a stamp or signature text over page images
        return ocr_pdf(data, len(parsed), deadline, ocr)
    source = _assemble(parsed)
    if scanned:
        _insert_ocr_pages(source, ocr_pdf_pages(data, scanned, deadline, ocr))
    return source


def _insert_ocr_pages(source: SourceText, pages: dict[int, list[Paragraph]]) -> None:
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
    source.warnings.append(f"OCR on scanned pages {', '.join(map(str, sorted(pages)))}")


def _open_error(exc: Exception, *password_errors: type[Exception]) -> InputError:
    cause: BaseException | None = exc
    seen = 0
    while cause is not None and seen < 5:
        if isinstance(cause, password_errors) or "password" in str(cause).lower():
            return InputError(
                "the PDF is password-protected (encrypted); remove the password and upload it again"
            )
        cause = (
            cause.__cause__
            or cause.__context__
            or (cause.args[0] if cause.args and isinstance(cause.args[0], BaseException) else None)
        )
        seen += 1
    return InputError(
        f"the PDF is damaged or truncated and cannot be read ({type(exc).__name__}: {exc})"
    )


def _read_page(page, number: int) -> _Page:
    result = _Page(number=number, width=float(page.width), height=float(page.height))
    words = page.extract_words(extra_attrs=["size", "fontname"], keep_blank_chars=False)
    boxes: list[tuple[float, float, float, float]] = []
    if len(page.edges) >= 4:
        for found in page.find_tables():
            table = _table_rows(found)
            if table is None or _layout_table(table):
                continue  # its words stay body text
            boxes.append(found.bbox)
            result.tables.append((float(found.bbox[1]), table))
    if boxes:
        words = [w for w in words if not _inside(w, boxes)]
    result.lines = _lines(words, number)
    text_chars = sum(len(line.text) for line in result.lines)
    if text_chars < SCANNED_PAGE_CHARS:
        page_area = result.width * result.height
        result.scanned = any(
            abs((img["x1"] - img["x0"]) * (img["bottom"] - img["top"])) > 0.5 * page_area
            for img in page.images
        )
    for edge in page.lines:
        length = abs(edge["x1"] - edge["x0"])
        flat = abs(edge["bottom"] - edge["top"]) < 1.5
        if flat and 25 < length < 0.45 * result.width and edge["top"] > 0.4 * result.height:
            result.rules.append(float(edge["top"]))
    return result


def _inside(word: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx = (word["x0"] + word["x1"]) / 2
    cy = (word["top"] + word["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _table_rows(found) -> Table | None:
    """Rows of a found table on the columns of its header row.

    Word draws rows whose inner borders do not line up, so pdfplumber's
    finer grid is folded back onto the header's columns: a cell covering
    several columns is repeated in each (as in the .docx reader); a column
    split into sub-rows while its neighbours span them (one task, several
    results) stays one row, the sub-cells joined by newlines.
    """
    rows = list(found.rows)
    texts = found.extract()
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


def _word_text(word: dict) -> str:
    text = word["text"]
    legacy = _word_encoding(word.get("fontname", ""))
    if legacy is not None:
        text = convert_legacy(text, legacy[0])
        if legacy[1]:
            text = text.upper()
    return text


def _lines(words: list[dict], page: int) -> list[Line]:
    words = sorted(words, key=lambda w: (round(w["top"]), w["x0"]))
    rows: list[list[dict]] = []
    for word in words:
        middle = (word["top"] + word["bottom"]) / 2
        for row in rows[-3:]:
            if row[0]["top"] - 0.5 <= middle <= row[0]["bottom"] + 0.5:
                row.append(word)
                break
        else:
            rows.append([word])
    lines: list[Line] = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        size = statistics.median(w["size"] for w in row)
        # Superscript footnote references: small digits inside a body line.
        kept = [
            w for w in row if not (w["text"].isdigit() and w["size"] < 0.8 * size and len(row) > 1)
        ]
        first_small = bool(
            row
            and row[0]["text"].rstrip(").").isdigit()
            and (row[0]["size"] < 0.8 * size or len(row) > 1)
        )
        segment: list[dict] = []
        for index, word in enumerate(kept):
            gap = word["x0"] - segment[-1]["x1"] if segment else 0.0
            if segment and (
                (
                    gap > 1.4 * size
                    and not (len(segment) == 1 and _BARE_LABEL.fullmatch(segment[0]["text"]))
                )
                or (gap > 0.6 * size and _starts_motto(kept, index))
            ):
                lines.append(_make_line(segment, page, size, first_small))
                first_small = False
                segment = []
            segment.append(word)
        if segment:
            lines.append(_make_line(segment, page, size, first_small))
    lines.sort(key=lambda ln: (round(ln.top), ln.x0))
    return lines


def _starts_motto(words: list[dict], index: int) -> bool:
    """The state motto opens the right column of every header block."""
    # Words may arrive in pieces ("H" + "ÒA") where the font subset changes.
    joined = "".join(w["text"] for w in words[index : index + 4]).upper()
    return joined.startswith(("CỘNGHÒA", "CỘNGHOÀ", "ĐỘCLẬP"))


def _make_line(words: list[dict], page: int, size: float, first_small: bool) -> Line:
    text = ""
    previous = None
    for word in words:
        piece = _word_text(word)
        if previous is not None and word["x0"] - previous["x1"] > 0.12 * size:
            text += " "
        text += piece
        previous = word
    styled = words[1:] if len(words) > 1 and _BARE_LABEL.fullmatch(words[0]["text"]) else words
    bold = all(_BOLD_FONT.search(w.get("fontname", "")) for w in styled)
    return Line(
        text=text,
        x0=float(words[0]["x0"]),
        x1=float(words[-1]["x1"]),
        top=float(min(w["top"] for w in words)),
        bottom=float(max(w["bottom"] for w in words)),
        size=float(statistics.median(w["size"] for w in words)),
        bold=bold,
        page=page,
        first_word_small_digits=first_small,
    )


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
    return re.sub(r"\d+", "#", line.text.lower()) + f"@{round(line.top / 8)}"


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
            notes.append(re.sub(r"^\d{1,3}[).]?\s*", "", line.text))
        else:
            notes[-1] = join_wrapped(notes[-1], line.text)
    page.lines = page.lines[:zone_start]
    return [n.strip() for n in notes if n.strip()]


def _footnote_start(line: Line, relaxed: bool = False) -> bool:
    if not re.match(r"^\d{1,3}[).]?(\s|[^\d\s])", line.text + " "):
        return False
    return relaxed or line.first_word_small_digits or bool(re.match(r"^\d{1,3}\s", line.text))


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


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 5 and all(c.isupper() for c in letters)


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
                join_wrapped(a, b) if b and b != a else a
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
