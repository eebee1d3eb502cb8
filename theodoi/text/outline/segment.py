"""Stage 3 (segment): re-join hard-wrapped lines into paragraphs.

PDF text and OCR break every line at the page width, sometimes with blank
lines in between, and split numbers ("21-" / "KH/TW") across lines and pages.
Word files give real paragraphs. The joiner decides for each line whether it
starts a paragraph (an item marker, a responsibility line, a finished
sentence before it, a short line before it) or continues the previous one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from theodoi.text.outline.lines import Line
from theodoi.text.outline.markers import parse_marker
from theodoi.text.source import Table


@dataclass
class Para:
    text: str
    label: str = ""
    page: int | None = None
    table: Table | None = None
    last_line_length: int = 0


_ENDS_SENTENCE = re.compile(r"(?:[.!?…:]|\./\.)[\"”'’)\]]*$")
_ENDS_CONTINUING = re.compile(
    r"(?:[,;(\-–]|\b(?:và|của|các|với|về|cho|trong|theo|số|ngày|tại|là))$"
)
_GLUED_HYPHEN = re.compile(r"[^\s\-–]-$")
_RESP_START = re.compile(
    r"^[-*+•–]?\s*(?:(?:Cơ quan|Đơn vị|Bộ phận)\s+(?:chủ trì|phối hợp|thực hiện|tham mưu)|"
    r"Chủ trì|Phối hợp|Thời gian|Thời hạn|Tiến độ|Sản phẩm|Kết quả|Nơi nhận|Trách nhiệm)"
    r"[^:]{0,40}:",
    re.IGNORECASE,
)
_PLACE_DATE_END = re.compile(r",\s*ngày\b.{0,24}\bnăm\s+(?:19|20)\d\d\s*$")
#: "Số 11-KH/BCĐ" alone on its line (a party number has no colon): a header line
_NUMBER_ONLY = re.compile(r"^(?:Số|SỐ|So)\s*[:.]?\s*\d[\w.]*\s*[-/][\w./Đđ-]*$")
# Words that open a paragraph after a blank line even when the line above looks wrapped.
_OPENING = re.compile(r"^(?:Thực hiện|Nhằm|Căn cứ|Để|Trên cơ sở|Trên đây|Trong quá trình)\b")
_SIGNATURE = re.compile(r"^(?:TM|T/M|KT|TL|TUQ|Q)\.?\s*[A-ZĐÀ-Ỹ]")
#: "Ngày 10/3/2026, Chủ tịch … chủ trì cuộc họp": a capital "Ngày" and a date open a
#: sentence (inside one the word is written "ngày"), so the line above has ended.
_DATED_OPENING = re.compile(r"^Ngày\s+\d{1,2}(?:[/.-]\d{1,2}[/.-]\d{4}|\s+tháng\s+\d)")


def is_caps(text: str) -> bool:
    letters = list(filter(str.isalpha, text))
    if len(letters) < 3:
        return False
    upper = sum(map(str.isupper, letters))
    return upper / len(letters) >= 0.85


def wrap_width(lines: list[Line]) -> int:
    """The page width in characters (90th percentile of line lengths)."""
    lengths = sorted(len(line.text) for line in lines if line.text and line.table is None)
    if not lengths:
        return 0
    return lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]


def starts_paragraph(line: Line) -> bool:
    text = line.text
    return bool(
        line.label
        or parse_marker(text) is not None
        or _RESP_START.match(text)
        or _SIGNATURE.match(text)
    )


def join_lines(lines: list[Line]) -> list[Para]:
    width = wrap_width(lines)
    paragraph_mode = width > 160
    text_lines = [line for line in lines if line.table is None]
    blanks = sum(1 for line in text_lines if line.blank_before)
    blanks_mean = blanks < 0.6 * max(1, len(text_lines))  # double-spaced OCR: blanks everywhere
    paras: list[Para] = []
    prev_line: Line | None = None
    for line in lines:
        if line.table is not None:
            paras.append(Para(text="", page=line.page, table=line.table))
            prev_line = None
            continue
        if prev_line is None or not paras or paras[-1].table is not None:
            paras.append(_new(line))
            prev_line = line
            continue
        if prev_line.hard or line.hard:
            paras.append(_new(line))
        elif _continues(paras[-1].text, line, width, paragraph_mode, prev_line, blanks_mean):
            _append(paras[-1], line.text)
        else:
            paras.append(_new(line))
        prev_line = line
    return paras


def _new(line: Line) -> Para:
    return Para(text=line.text, label=line.label, page=line.page, last_line_length=len(line.text))


def _append(para: Para, text: str) -> None:
    if _GLUED_HYPHEN.search(para.text):
        para.text = para.text + text
    else:
        para.text = f"{para.text} {text}"
    para.last_line_length = len(text)


def _is_item_heading(text: str) -> bool:
    marker = parse_marker(text)
    return (
        marker is not None
        and marker.kind in ("number", "roman")
        and not re.search(r"[.;:!?]", marker.rest)
    )


def _continues(
    previous: str,
    line: Line,
    width: int,
    paragraph_mode: bool,
    prev_line: Line | None = None,
    blank_meaningful: bool = True,
) -> bool:
    text = line.text
    if _GLUED_HYPHEN.search(previous):
        return True
    if starts_paragraph(line):
        return False
    if _NUMBER_ONLY.match(previous.strip()):
        return False  # "Số 11-KH/BCĐ" / "KẾ HOẠCH": capitals both, yet two header lines
    prev_caps = is_caps(previous[-60:])
    if prev_caps:
        return is_caps(text) and not _ENDS_SENTENCE.search(previous)
    if (
        sum(map(str.isalpha, text)) >= 12
        and is_caps(text)
        and not _ENDS_CONTINUING.search(previous)
    ):
        return False  # "ỦY BAN NHÂN DÂN HUYỆN …" under a title: a line of the header, not of it
    first = text[:1]
    if first.islower():
        return True
    # blank lines mean something only where they are not on every other line
    blank = line.blank_before and blank_meaningful
    if line.blank_before and _OPENING.match(text):
        return False
    if _DATED_OPENING.match(text) and not _ENDS_CONTINUING.search(previous):
        return False
    if _PLACE_DATE_END.search(previous):
        return False  # "Hòa Lâm, ngày 05 tháng 3 năm 2026" ends its header line
    if _OPENING.match(text) and _is_item_heading(previous):
        return False  # "4. Các huyện ủy, … trực thuộc Tỉnh ủy" / "Căn cứ Chương trình, …"
    if blank and _is_item_heading(previous):
        return False  # "3. Tiếp tục xây dựng …" / (blank) / "Các sở, ban, ngành …:"
    if _ENDS_SENTENCE.search(previous):
        return False
    if _ENDS_CONTINUING.search(previous):
        return True
    if paragraph_mode:
        return False
    last = prev_line.text if prev_line is not None else previous
    return len(last) >= 0.7 * width
