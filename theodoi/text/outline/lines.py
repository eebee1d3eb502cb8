"""Stage 1 (normalise): SourceText → clean physical lines.

Readers hand over paragraphs that may still be hard-wrapped lines of a PDF or
OCR page, with page furniture ("CÔNG BÁO/Số 286/…", page numbers, "Ký bởi:"),
footnotes printed in the middle of the text and stamp or margin junk glued to
line starts. This stage removes what is not body text, sets footnotes aside
(their document numbers still count as references) and keeps everything else
line by line for the joiner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from theodoi.text.outline.bodywords import repair_body_words
from theodoi.text.outline.markers import parse_marker
from theodoi.text.outline.repair import repair_labels
from theodoi.text.outline.stamps import drop_received_stamp
from theodoi.text.source import Paragraph, SourceText, Table
from theodoi.text.vietnamese import nfc


@dataclass
class Line:
    text: str
    page: int | None = None
    label: str = ""  # list label rendered by the reader (Word numbering)
    hard: bool = False  # a real paragraph boundary follows (docx paragraphs)
    blank_before: bool = False
    table: Table | None = None
    raw_length: int = 0
    indent: int = 0


@dataclass
class CleanText:
    lines: list[Line]
    footnotes: list[str] = field(default_factory=list)
    ocr: bool = False
    note_positions: list[int] = field(default_factory=list)  # index in ``lines`` where printed

    def reading_order(self) -> str:
        """Body lines and footnotes as printed, wrapped numbers re-joined ("27-" + "CTr/TU")."""
        notes: dict[int, list[str]] = {}
        for position, note in zip(self.note_positions, self.footnotes, strict=False):
            notes.setdefault(position, []).append(note)
        out: list[str] = []
        for i, line in enumerate([*self.lines, None]):
            for note in notes.get(i, []):
                out.append("\n" + note + "\n")
            if line is None:
                continue
            if line.table is not None:  # numbers cited in table cells count too
                out.extend(" ".join(c.replace("\n", " ") for c in row) for row in line.table.rows)
                continue
            text = line.text
            last = out[-1] if out else ""
            if (
                len(last) > 1
                and last[-1] == "-"
                and not last[-2].isspace()
                and last[-2] not in "-–"
            ):
                out[-1] = out[-1] + text
            else:
                out.append(text)
        return "\n".join(out)


_PAGE_HEADER = re.compile(r"^CÔNG BÁO\s*/\s*Số\s*\d+|^CONG BAO\s*/", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^(?:[-–]\s*\d{1,4}\s*[-–]|\d{1,4})$")
_SIGNED_META = re.compile(r"^(?:Ký bởi|Cơ quan|Ngày ký|Thời gian ký|Email)\s*:", re.IGNORECASE)
_SEPARATOR = re.compile(r"^[\s_\-–—=*.·…]{3,}$")
_FOOTNOTE_START = re.compile(r"^(\d{1,2})\s+(?=[A-ZĐÀ-Ỹ\[(\"“])")
# Icelandic eth (Ð U+00D0) is typed for Đ in many Word files; the tab is a space.
_LOOKALIKES = str.maketrans({"\u00d0": "Đ", "\u00f0": "đ", "\t": " ", "\ufeff": ""})
_SPACES = re.compile(r"[\t\u00a0\u2002\u2003\u2009\u200b]+| {2,}")

# Stamp and margin junk glued to an OCR line's start: runs of r/f/t with
# backslashes, carets, '•', '>' ("\ff~\•>rr^truyen", "9rrr2.Uy ban").
_JUNK_SPECIAL = re.compile(r"^[\w.]{0,8}?[\\^~•>|]+(?:[\w.]{0,4}?[\\^~•>|]+)*")
_JUNK_RUN = re.compile(
    r"^(?:[0-9iyaA]?[.]?(?:r{2,}|f{2,}|F{2,}|t{2,}r?)|\d[\drfF]*[rfF][\drfF]*)(?=[A-Za-zĐđ\d-])"
)
_JUNK_BEFORE_MARKER = re.compile(r"^([0-9A-Za-z]{1,5}?)(?=(?:\d{1,2}\.|-)\s*[A-ZĐ])")
# A marked letter glued between an item number and its dot ("6ó. Những vấn
# đề khác"): OCR's reading of the dot's ink; "3a." (an inserted item) stays.
_JUNK_IN_NUMBER = re.compile(r"^(\d{1,2})[à-ỹ](?=\.\s*[A-ZĐÀ-Ỹ])")
# A page number with a speck beside it ("2 `", "3|"): page furniture.
_OCR_PAGE_NUMBER = re.compile(r"^\d{1,3}\s*[`'‘’|\"”~^*]$")


def source_lines(source: SourceText) -> list[Line]:
    """Flatten the reader's blocks into lines, keeping labels and tables."""
    hard = source.input_kind in ("docx", "doc")
    out: list[Line] = []
    for block in source.blocks:
        if isinstance(block, Table):
            out.append(Line(text="", page=block.page, table=block, hard=True))
            continue
        assert isinstance(block, Paragraph)
        parts = block.text.split("\n")
        if hard and len(parts) > 1 and not block.label:
            parts = [" ".join(p.strip() for p in parts)]
        for i, part in enumerate(parts):
            if "\u00d0" in part or "\u00f0" in part or "\ufeff" in part:
                part = part.translate(_LOOKALIKES)
            text = nfc(_SPACES.sub(" ", part.replace("\r", "")))
            label = block.label.strip() if i == 0 else ""
            leading = len(part) - len(part.lstrip())
            # a text file's bold paragraph is a line its markdown writer set apart
            apart = hard or (block.bold and source.input_kind == "text")
            line = Line(text=text.strip(), page=block.page, label=label, hard=apart)
            line.raw_length = len(text.rstrip())
            line.indent = leading
            out.append(line)
    return out


def is_furniture(text: str) -> bool:
    """Page headers, page numbers, e-signature stamps: never body text."""
    return bool(
        _PAGE_HEADER.match(text)
        or _SIGNED_META.match(text)
        or (_PAGE_NUMBER.match(text) and len(text.strip()) <= 4)
    )


def strip_margin_junk(text: str) -> str:
    """Remove OCR junk from a line start (only used on OCR or restored text)."""
    m = _JUNK_SPECIAL.match(text)
    if m and m.end() < len(text):
        text = text[m.end() :]
    m = _JUNK_RUN.match(text)
    if m:
        text = text[m.end() :]
    m = _JUNK_BEFORE_MARKER.match(text)
    if (
        m
        and not m.group(1).isdigit()
        and not re.fullmatch(r"[IVXl1]+", m.group(1))
        and len(text) > m.end() + 3
    ):
        text = text[m.end() :]
    text = re.sub(r"^(\d)(?=[a-zđ]{2,})", "", text)
    return _JUNK_IN_NUMBER.sub(r"\1", text)


def clean(source: SourceText, *, ocr: bool | None = None) -> CleanText:
    """Drop furniture, set footnotes aside, mark blank lines and separators."""
    is_ocr = source.ocr if ocr is None else ocr
    raw = source_lines(source)
    lines: list[Line] = []
    footnotes: list[str] = []
    note_positions: list[int] = []
    blank = False
    expected_note = 1
    in_note = False
    for line in raw:
        if line.table is not None:
            line.blank_before = True
            lines.append(line)
            blank = False
            in_note = False
            continue
        text = line.text
        if not text or is_furniture(text) or (is_ocr and _OCR_PAGE_NUMBER.match(text)):
            blank = True
            in_note = False
            continue
        if _SEPARATOR.match(text):
            blank = True
            in_note = False
            continue
        note = _FOOTNOTE_START.match(text)
        was_in_note = in_note
        if in_note and not line.hard:
            # a footnote runs on until a blank line or an indented page start
            if (
                not line.indent
                and not (note and int(note.group(1)) == expected_note)
                and parse_marker(text) is None
            ):
                footnotes[-1] += " " + text
                continue
            in_note = False
        if (
            note
            and int(note.group(1)) == expected_note
            and not line.label
            and (blank or was_in_note)
        ):
            footnotes.append(text[note.end() :].strip())
            note_positions.append(len(lines))
            expected_note += 1
            in_note = True
            blank = False
            continue
        if is_ocr:
            text = strip_margin_junk(text)
            if not text.strip():
                continue
        line.text = text
        line.blank_before = blank
        blank = False
        lines.append(line)
    if is_ocr:
        restore_dropped_prefixes(lines)
        repair_labels(lines)
        drop_received_stamp(lines)
        repair_body_words(lines)
    if footnotes:
        _drop_note_markers(lines, len(footnotes))
    for reader_note in source.footnotes:  # footnotes the reader set aside itself
        footnotes.append(nfc(reader_note))
        note_positions.append(len(lines))
    return CleanText(lines=lines, footnotes=footnotes, ocr=is_ocr, note_positions=note_positions)


def restore_dropped_prefixes(lines: list[Line]) -> None:
    """'4.2.' · '3.' · '4.4.' → the middle one is '4.3.' (OCR lost its '4.').

    WHY: Tesseract sometimes cuts a dotted number's first part into a block of
    its own and reads only the rest; the item then leaves its list and takes
    the items after it along. The number is put back only when both
    neighbours agree: the previous item is n.m with m + 1 = k ≤ n (a
    top-level number never goes back), and the next is n.(m + 2) or the next
    top-level number n + 1, so a page out of order is left alone.
    """
    numbered = [
        (index, marker)
        for index, line in enumerate(lines)
        if line.table is None
        and (marker := parse_marker(line.text)) is not None
        and marker.kind == "number"
        and marker.depth <= 2
    ]
    for (_, before), (index, item), (_, after) in zip(
        numbered, numbered[1:], numbered[2:], strict=False
    ):
        if item.depth != 1 or before.depth != 2:
            continue
        parent, last = (int(part) for part in before.label.split("."))
        k = item.value
        if k != last + 1 or k > parent:
            continue
        if after.label not in (f"{parent}.{k + 1}", str(parent + 1)):
            continue
        lines[index].text = f"{parent}." + lines[index].text.lstrip()


_MARKER_AFTER_WORD = re.compile(r"(?:(?<=[a-zà-ỹđ])|(?<=[”\"')]))(\d{1,2})(?=[\s;,.:]|$)")


def _drop_note_markers(lines: list[Line], count: int) -> None:
    """'tỉnh1 ban hành' → 'tỉnh ban hành' for footnote numbers that exist."""

    def repl(m: re.Match[str]) -> str:
        return "" if 1 <= int(m.group(1)) <= count else m.group(0)

    for line in lines:
        if line.text and any(ch.isdigit() for ch in line.text):
            line.text = _MARKER_AFTER_WORD.sub(repl, line.text)
