"""Task tables: "PHỤ LỤC … DANH MỤC NHIỆM VỤ" with columns STT | Nội dung
nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian | Sản phẩm.

Rows whose STT is a Roman numeral group the tasks ("I. Hoàn thiện thể
chế …"); numbered rows are tasks; a row without STT after a task continues it
(the table went on to the next page); a repeated header row is skipped.

Header rows are found by meaning (``header_columns``); every other row is
handed to the row layouts of ``ROW_LAYOUTS`` (header tail, group row, group
title line, numbered row, unnumbered row), a priority ``Registry`` of
``test``/``run`` processors. A new layout is one processor registered there
(or in the registry passed to ``TableReader``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from theodoi.text.bodies import body_heads, looks_like_body
from theodoi.text.lexicon import data_rows
from theodoi.text.model import MarkerKind, OutlineNode
from theodoi.text.outline.markers import _roman_label, roman_value, to_roman
from theodoi.text.registry import Registry
from theodoi.text.source import Paragraph, Table
from theodoi.text.vietnamese import strip_diacritics


def _column_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Header phrases by role (``theodoi/text/data/table_columns.tsv``), matched at
    the start of the folded header cell with spaces removed, roles in file order."""
    phrases: dict[str, list[str]] = {}
    for phrase, role in data_rows("table_columns.tsv"):
        key = strip_diacritics(phrase).lower().replace(" ", "")
        phrases.setdefault(role, []).append(re.escape(key))
    patterns = []
    for role, keys in phrases.items():
        end = "$" if role == "stt" else ""  # the number column is the whole cell ("TT")
        patterns.append(
            (role, re.compile(rf"^(?:{'|'.join(sorted(keys, key=len, reverse=True))}){end}"))
        )
    return patterns


_COLUMNS = _column_patterns()

#: Words naming who holds a column's role, before the role itself: "Cơ quan, đơn vị
#: chủ trì", "Cơ quan/đơn vị phối hợp", "Đơn vị, địa phương thực hiện". Folded as the
#: header cells are (no diacritics, no spaces); dropped when no phrase matches as is.
_HOLDERS = re.compile(
    r"^(?:(?:coquan|donvi|diaphuong|bophan|canhan|nguoi|so|nganh)(?:[,/;&-]|va)?)+"
)


_BLANKS = re.compile(r"\s+")


def _fold(cell: str) -> str:
    return _BLANKS.sub(" ", strip_diacritics(cell).lower()).strip(" .:")


def header_columns(row: tuple[str, ...]) -> dict[str, int] | None:
    """Column roles of a header row, or None when the row is not a task header."""
    roles: dict[str, int] = {}
    if any(len(cell) > 60 for cell in row):
        return None
    for index, cell in enumerate(row):
        folded = _fold(cell).replace(" ", "")
        if not folded:
            continue
        role = _column_role(folded, roles)
        if role is not None:
            roles[role] = index
    if "text" in roles and ("lead" in roles or "implementing" in roles):
        return roles
    return None


def _column_role(folded: str, taken: dict[str, int]) -> str | None:
    """The first free role whose phrase the folded header cell starts with, read
    again without the holder words in front ("Cơ quan, đơn vị chủ trì" → lead)."""
    for key in (folded, _HOLDERS.sub("", folded)):
        if not key:
            continue
        for role, pattern in _COLUMNS:
            if role not in taken and pattern.search(key):
                return role
    return None


def _cell(row: tuple[str, ...], roles: dict[str, int], role: str) -> str:
    index = roles.get(role)
    if index is None or index >= len(row):
        return ""
    return re.sub(r"\s+", " ", row[index]).strip()


_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{1,2})*)\.?$")
_LIST_GOES_ON = (",", ";", "&", "-", "–", "(", " và", " và các", " các", " với")


def join_body_lines(cell: str) -> str:
    """The lines of a cell of bodies, with '; ' where a line starts a new body.

    Printed cells put each body on its own line without a comma ("Các bộ, cơ
    quan" / "UBND các tỉnh, thành phố"), and a task split over two sub-rows
    repeats its bodies on each. A capitalised line that opens a body starts a
    new one, unless the previous line leaves the name or list open (a trailing
    comma, "và", an open parenthesis, or a bare head word such as "Văn phòng"
    before "Chính phủ").
    """
    out = ""
    for line in (part.strip() for part in cell.split("\n")):
        if not line:
            continue
        new_body = bool(out) and _opens_new_body(out, line)
        out = f"{out}; {line}" if new_body else f"{out} {line}".strip()
    return out


#: A person's full name alone on a line ("Nguyễn Thị Loan"): two to five capitalised
#: syllables, no body word. Cells listing the people in charge put one per line.
_PERSON_NAME = re.compile(r"^(?:[A-ZĐÀ-Ỹ][a-zđà-ỹ]*\.?\s+){1,4}[A-ZĐÀ-Ỹ][a-zđà-ỹ]*$")


def _is_person_name(text: str) -> bool:
    return bool(_PERSON_NAME.match(text)) and not looks_like_body(text)


def _opens_new_body(before: str, line: str) -> bool:
    previous = re.split(r"; ", before)[-1]
    if _is_person_name(line) and _is_person_name(previous):
        return True
    if not line[:1].isupper() or " " not in line or not looks_like_body(line):
        return False  # a lone acronym ends the name above ("… các tổ chức" / "PCPNN")
    if before.endswith(_LIST_GOES_ON) or before.count("(") > before.count(")"):
        return False
    last = re.split(r"[,;]", before)[-1].strip()
    # "Văn phòng" / "Chính phủ": a capitalised head word alone begins a name;
    # a lower-case one ("ngành") is a complete category
    return not (last[:1].isupper() and last.lower() in body_heads())


def _join_fragments(parts: list[str]) -> str:
    text = ""
    for part in parts:
        part = re.sub(r"\s+", " ", part).strip()
        if not part:
            continue
        if text.endswith("-") and not text.endswith(" -"):
            text += part
        else:
            text = f"{text} {part}".strip()
    return text


@dataclass
class _Record:
    stt: str
    rows: list[tuple[str, ...]] = field(default_factory=list)
    # "" a row; "letter" a group "A", "B"; "title" a group title merged across the
    # row without a number (its rows are numbered on, or restart, under it)
    group: str = ""

    def cell(self, index: int | None) -> str:
        if index is None:
            return ""
        parts: list[str] = []
        for row in self.rows:
            part = row[index].strip() if index < len(row) else ""
            if part and (not parts or part != parts[-1]):
                parts.append(part)  # a merged cell is repeated on each of its rows
        return _join_fragments(parts)


@dataclass(frozen=True)
class Row:
    """A body row of a task table as the row layouts see it."""

    raw: tuple[str, ...]  # the cells, line breaks read as spaces
    cells: tuple[str, ...]  # the same with the lines of body cells joined ('; ' between bodies)
    stt: str  # the STT cell
    stt_index: int
    text_index: int

    @property
    def merged(self) -> str | None:
        """The one text of a row whose filled cells all repeat it (a cell merged across),
        compared as read (a wrapped title is not split into bodies)."""
        filled = [c.strip() for c in self.raw if c.strip()]
        distinct = set(filled)
        return filled[0] if len(distinct) == 1 and len(filled) > 1 else None

    def only_text(self, text: str) -> tuple[str, ...]:
        """A row with ``text`` in the task column and nothing elsewhere."""
        return tuple(text if i == self.text_index else "" for i in range(len(self.cells)))


class TableReader:
    """Turns consecutive task-table blocks into row nodes under one appendix node.

    PDF readers often give a table as bands of text lines rather than logical
    rows: the STT cell is vertically centred, so a task's first lines come
    before the row carrying its number. Rows without a number are held back
    and split at the last line whose task text starts with a capital: lines
    before it finish the previous task, lines from it on open the next one.
    """

    def __init__(self, appendix: OutlineNode, layouts: Registry[RowLayout] | None = None) -> None:
        self.appendix = appendix
        self.layouts = ROW_LAYOUTS if layouts is None else layouts
        self.roles: dict[str, int] | None = None
        self.records: list[_Record] = []
        self.pending: list[tuple[str, ...]] = []

    def feed(self, table: Table) -> None:
        previous: tuple[str, ...] | None = None
        header: tuple[str, ...] | None = None  # the header row just read
        for row in table.rows:
            cells = tuple((c or "").replace("\n", " ") for c in row)
            roles = header_columns(cells)
            if roles is None and previous is not None and len(previous) == len(cells):
                roles = header_columns(
                    tuple(f"{a} {b}" for a, b in zip(previous, cells, strict=True))
                )
            if roles is None and header is not None and _under_header(header, cells):
                # "Cơ quan thực hiện" over "Chủ trì | Phối hợp": the words under it name
                # the columns it spans
                roles = header_columns(
                    tuple(b if b.strip() else a for a, b in zip(header, cells, strict=True))
                )
            previous = cells if roles is None else None
            header = cells if roles is not None else None
            if roles is not None:
                self.roles = roles
                continue
            if self.roles is None or not any(c.strip() for c in cells):
                continue
            bodies = {self.roles.get(r) for r in ("lead", "coordinating", "implementing")}
            joined = tuple(
                join_body_lines(row[i] or "") if i in bodies else c for i, c in enumerate(cells)
            )
            self._row(cells, joined)

    def _row(self, raw: tuple[str, ...], cells: tuple[str, ...]) -> None:
        assert self.roles is not None
        stt_index = self.roles.get("stt", 0)
        row = Row(
            raw=raw,
            cells=cells,
            stt=cells[stt_index].strip() if stt_index < len(cells) else "",
            stt_index=stt_index,
            text_index=self.roles.get("text", 1),
        )
        for layout in self.layouts:
            if layout.test(self, row) and layout.run(self, row):
                return

    def add_to_last(self, rows: list[tuple[str, ...]]) -> None:
        """Lines that finish the last record (a continuation over a page break)."""
        self.records[-1].rows.extend(rows)

    def _close_pending(self) -> None:
        if self.pending and self.records:
            self.records[-1].rows.extend(self.pending)
        self.pending = []

    def finish(self) -> None:
        """Build the appendix's nodes from the assembled records."""
        self._close_pending()
        if self.roles is None:
            return
        roles = self.roles
        titles = _title_labels(self.records)
        groups: list[OutlineNode] = []  # the open groups, outermost first
        ranks: dict[int, int] = {}  # their _GROUP_RANK
        own: dict[int, tuple[OutlineNode, dict[str, str]]] = {}  # numbered groups' cells
        previous: tuple[str, str, OutlineNode] | None = None  # (stt, text, node) of the last row
        for index, record in enumerate(self.records):
            text = record.cell(roles.get("text"))
            record.stt = _plain_number(record.stt)
            roman = _roman_label(record.stt)
            if record.group or (roman is not None and not record.stt.isdigit()):
                rank = _GROUP_RANK["roman" if not record.group else record.group]
                while groups and ranks[id(groups[-1])] >= rank:
                    groups.pop()
                label = roman or record.stt
                if record.group == "title":
                    label = titles.get(index, "")
                    if not label:  # rows numbered on: the title is no level of the path
                        continue
                kind: MarkerKind = "roman" if not record.group else "caps"
                outer = groups[-1] if groups else self.appendix
                group = OutlineNode(kind=kind, label=label, heading=text, parent=outer)
                outer.children.append(group)
                groups.append(group)
                ranks[id(group)] = rank
                if record.group != "title":
                    own[id(group)] = (group, {r: record.cell(i) for r, i in roles.items()})
                continue
            parent = groups[-1] if groups else self.appendix
            if _LETTER.match(record.stt) and parent.children:
                # "a)" under row "1": the row with lettered sub-rows contributes only those
                numbered = [c for c in parent.children if c.kind == "row" and c.label[:1].isdigit()]
                parent = numbered[-1] if numbered else parent
            elif "." in record.stt and parent.children:
                # "2.1" under row "2": the row with sub-rows contributes only its sub-rows
                prefix = record.stt.rsplit(".", 1)[0]
                holder = next(
                    (c for c in reversed(parent.children) if c.kind == "row" and c.label == prefix),
                    None,
                )
                parent = holder or parent
            node = OutlineNode(kind="row", label=record.stt, heading=text, parent=parent)
            node.table_row = {role: record.cell(index) for role, index in roles.items()}
            if "timing" in node.table_row:
                node.table_row["timing"] = _rejoin_year(node.table_row["timing"])
            if previous is not None and _sub_row_of(previous, record.stt, text, parent):
                _number_sub_row(previous[2], node)
            previous = (record.stt, text, node)
            parent.children.append(node)
            items = _sub_items(text)
            for item in items:
                child = OutlineNode(kind="bullet", label="-", heading=item, parent=node)
                child.table_row = dict(node.table_row, text=item)
                node.children.append(child)
        for group, cells in own.values():
            if not group.children and cells.get("text"):
                group.table_row = cells  # a group row with no rows under it is a task


#: Nesting of a table's groups: "A" holds "I", which holds an unnumbered title.
_GROUP_RANK = {"letter": 0, "roman": 1, "title": 2}


def _title_labels(records: list[_Record]) -> dict[int, str]:
    """Path labels of the unnumbered group titles (by record index): none when the
    rows under them are numbered on across the groups ("1, 2 | 3, 4"), their
    position as a Roman numeral when the numbering restarts ("1, 2 | 1, 2"),
    as for a Roman numeral printed twice."""
    seen: set[str] = set()
    restarts = False
    titles: list[int] = []
    for index, record in enumerate(records):
        if record.group == "title":
            titles.append(index)
        elif record.group or _roman_label(record.stt.rstrip(".")) is not None:
            seen = set()  # a numbered group: its rows may restart at 1
        elif titles:
            number = _plain_number(record.stt)
            restarts = restarts or number in seen
            seen.add(number)
    if not restarts:
        return {}
    return {index: to_roman(position) for position, index in enumerate(titles, start=1)}


_BROKEN_YEAR = re.compile(r"\b(\d{1,2}/\d{1,2}/)(\d{1,3}) (\d{1,3})\b")


def _rejoin_year(cell: str) -> str:
    """'Trước 31/12/202 6': a date wrapped inside a narrow deadline cell of a PDF."""
    return _BROKEN_YEAR.sub(
        lambda m: (
            m.group(1) + m.group(2) + m.group(3)
            if len(m.group(2) + m.group(3)) == 4
            else m.group(0)
        ),
        cell,
    )


def _plain_number(stt: str) -> str:
    """'09' → '9', '2.01' → '2.1': a row's number as a path segment."""
    if not re.fullmatch(r"\d+(?:\.\d+)*", stt):
        return stt
    return ".".join(str(int(part)) for part in stt.split("."))


def _sub_row_of(
    previous: tuple[str, str, OutlineNode], stt: str, text: str, parent: OutlineNode
) -> bool:
    """Does this row repeat the last one's number and task (cells merged down over
    sub-rows that each give their own product, lead and deadline)?"""
    last_stt, last_text, last = previous
    base = re.sub(r"-\d+$", "", last.label)
    return bool(text) and last.parent is parent and base == stt == last_stt and text == last_text


def _number_sub_row(last: OutlineNode, node: OutlineNode) -> None:
    """Sub-rows of one merged task are its tasks '-1', '-2' … by position."""
    found = re.search(r"-(\d+)$", last.label)
    if found is None:
        last.label = f"{last.label}-1"
        count = 1
    else:
        count = int(found.group(1))
    node.label = f"{node.label}-{count + 1}"


_ITEM_DASH = re.compile(r"(?:^|\s)[-–•+]\s+(?=[A-ZĐÀ-Ỹ])")


def _sub_items(text: str) -> list[str]:
    """'… Cụ thể: - A; - B' inside one cell → ['A', 'B'], and so a cell that is only
    '- A - B' (items on lines of their own): one task per item, with the row's
    bodies and deadline. An item opens with a capital, so "2026 - 2030" and
    "chính trị - xã hội" split nothing."""
    m = re.search(r"(?:Cụ thể|cụ thể|gồm|sau)\s*:\s*(?=[-–•+]\s*\S)", text)
    if m:
        rest = text[m.end() :]
        items = [i.strip(" ;.") for i in re.split(r"(?:^|\s)[-–•+]\s+(?=\S)", rest)]
    elif _ITEM_DASH.match(text.strip()):
        items = [i.strip(" ;.") for i in _ITEM_DASH.split(text.strip())]
    else:
        return []
    items = [i for i in items if i]
    return items if len(items) >= 2 else []


# --- task tables typed in a text file ---------------------------------------------

_BR = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)
_PIPE_RULE = re.compile(r"^:?-{3,}:?$")
_CELL_STT = re.compile(r"^(?:\d{1,3}(?:\.\d{1,2})*\.?|[a-zđ]\)|[IVXL]{1,6}\.?)$")
_TABLE_END = re.compile(r"^(?:[IVXL]{1,6}\.\s|Nơi nhận|PHỤ LỤC|\|)")


def _pipe_cells(line: str) -> list[str] | None:
    text = line.strip()
    if len(text) < 3 or not (text.startswith("|") and text.endswith("|")):
        return None
    # "<br>" is a line break typed inside a cell (several bodies, a wrapped task)
    return [_BR.sub("\n", c).strip() for c in text[1:-1].split("|")]


def text_table_blocks(
    lines: list[str], alone: frozenset[int] = frozenset()
) -> list[Paragraph | Table]:
    """The lines of a text file, with its task tables as ``Table`` blocks.

    A markdown transcription types a task table as "| STT | Nội dung | … |"
    rows. When the transcription flattened the body, the header row is
    followed by its cells one per line: each row starts at a line holding
    only an STT ("1", "a)", "II"), and its cells follow in column order (a
    last header cell may also come on a line of its own). Cells beyond the
    number of columns are a second band of the row after a page break and
    continue the columns from the task text on. Only tables whose header
    names a task column and a body column are read; other lines stay
    paragraphs (the header block of a transcription is read as text); a line
    of ``alone`` (set apart by the writer) becomes a bold paragraph, never joined.
    """
    out: list[Paragraph | Table] = []
    i = 0
    while i < len(lines):
        header = _pipe_cells(lines[i])
        if header is None or header_columns(tuple(header)) is None:
            out.append(Paragraph(text=lines[i], bold=i in alone))
            i += 1
            continue
        rows: list[tuple[str, ...]] = [tuple(header)]
        i += 1
        # the pipe rows of the table
        while i < len(lines) and (cells := _pipe_cells(lines[i])) is not None:
            if not all(_PIPE_RULE.match(c) for c in cells if c):
                rows.append(tuple(cells))
            i += 1
        if len(rows) == 1:
            i, rows = _flattened_rows(lines, i, list(header))
        out.append(Table(rows=tuple(rows)))
    return out


def _flattened_rows(
    lines: list[str], start: int, header: list[str]
) -> tuple[int, list[tuple[str, ...]]]:
    """The header and body rows of a table flattened one cell per line from ``start``."""
    i = start
    while i < len(lines):  # header cells that went onto lines of their own
        line = lines[i].strip()
        if not line:
            i += 1
            continue
        folded = _fold(line).replace(" ", "")
        if len(line) > 40 or not any(p.search(folded) for _, p in _COLUMNS):
            break
        header.append(line)
        i += 1
    width = len(header)
    records: list[list[str]] = []
    while i < len(lines):
        line = lines[i].strip()
        if line and _TABLE_END.match(line) and not _CELL_STT.match(line):
            break
        i += 1
        if not line:
            continue
        if _CELL_STT.match(line):
            records.append([line.rstrip(")").rstrip(".") if line.endswith(")") else line])
        elif records:
            records[-1].append(line)
    rows: list[tuple[str, ...]] = [tuple(header)]
    for record in records:
        cells = record[:width] + [""] * (width - len(record))
        for k, extra in enumerate(record[width:]):  # a second band after a page break
            column = 1 + k % (width - 1)
            cells[column] = f"{cells[column]}\n{extra}" if cells[column] else extra
        rows.append(tuple(cells))
    return i, rows


# --- row layouts --------------------------------------------------------------
# Each is one way a body row of a task table is laid out. ``TableReader._row``
# asks them from the highest priority down; the first whose ``test`` holds and
# whose ``run`` returns True has read the row.


class RowLayout(Protocol):
    def test(self, reader: TableReader, row: Row) -> bool: ...

    def run(self, reader: TableReader, row: Row) -> bool: ...


def _under_header(header: tuple[str, ...], cells: tuple[str, ...]) -> bool:
    """Is ``cells`` the second line of ``header`` ('Chủ trì', 'Phối hợp' under a cell
    spanning them)?"""
    filled = [_fold(c) for c in cells if c.strip()]
    return len(header) == len(cells) and len(filled) >= 2 and all(f in _HEADER_TAIL for f in filled)


_COLUMN_NUMBER = re.compile(r"\(?\d{1,2}\)?")
_HEADER_TAIL = {"chu tri", "phoi hop", "hoan thanh", "thuc hien", "cu the", "nhiem vu"}


class HeaderTail:
    """'chủ trì', 'phối hợp', 'hoàn thành' or the column numbers '(1) (2) …': the second
    line of a header split over two rows, or repeated on a new page. Not a task."""

    def test(self, reader: TableReader, row: Row) -> bool:
        cells = [c for c in row.raw if c.strip()]  # folded lazily: most rows fail at once
        return bool(cells) and (
            all(_fold(c) in _HEADER_TAIL for c in cells)
            or all(_COLUMN_NUMBER.fullmatch(_fold(c)) for c in cells)
        )

    def run(self, reader: TableReader, row: Row) -> bool:
        return True


_GROUP = re.compile(r"^([IVXLHl1|]{1,6})\s*[.)]\s*(.*)$")


def _group_label(reader: TableReader, raw: str) -> str | None:
    """The Roman numeral of a group row: as printed, or as OCR misreads it ("HI",
    "Il", "1V") when that reading is the group expected next (one after the last
    group of the table), so a numbered row "11." is never taken for "II"."""
    label = _roman_label(raw)
    if label is None or raw == label:
        return label
    if raw.isdigit():
        return None
    last = next((r.stt for r in reversed(reader.records) if _roman_label(r.stt)), None)
    expected = to_roman(roman_value(last) + 1) if last else "I"
    return label if label == expected else None


class GroupRow:
    """'I. Hoàn thiện thể chế' in a cell merged across the row groups the tasks under it:
    it becomes a level of the path, not a task."""

    def test(self, reader: TableReader, row: Row) -> bool:
        merged = row.merged
        found = _GROUP.match(merged) if merged is not None else None
        return found is not None and _group_label(reader, found.group(1)) is not None

    def run(self, reader: TableReader, row: Row) -> bool:
        found = _GROUP.match(row.merged or "")
        assert found is not None
        label = _group_label(reader, found.group(1)) or found.group(1)
        reader._close_pending()
        cells = row.only_text(found.group(2))
        cells = tuple(label if i == row.stt_index else c for i, c in enumerate(cells))
        reader.records.append(_Record(stt=label, rows=[cells]))
        return True


_LETTER_GROUP = re.compile(r"^([A-Z])\s*[.)]?$")


class LetterGroupRow:
    """'A' / 'B' in the number column over a title ('A. NHIỆM VỤ TRỌNG TÂM'), with no
    bodies or deadline of its own: a group of the rows under it, a level of the path
    ('PL.A.1'). 'I' or 'V' are letters only right after 'H' or 'U', 'C' or 'D' right
    after 'B' or 'C': otherwise they are Roman numerals or not a group at all."""

    def test(self, reader: TableReader, row: Row) -> bool:
        found = _LETTER_GROUP.match(row.stt.strip())
        if found is None or not _only_title(reader, row):
            return False
        letter = found.group(1)
        last = next((r.stt for r in reversed(reader.records) if r.group == "letter"), None)
        if last is None:
            return letter == "A"
        return ord(letter) == ord(last) + 1

    def run(self, reader: TableReader, row: Row) -> bool:
        reader._close_pending()
        found = _LETTER_GROUP.match(row.stt.strip())
        assert found is not None
        title = row.raw[row.text_index] if row.text_index < len(row.raw) else ""
        cells = tuple(
            found.group(1) if i == row.stt_index else c for i, c in enumerate(row.only_text(title))
        )
        reader.records.append(_Record(stt=found.group(1), rows=[cells], group="letter"))
        return True


class TitleRow:
    """A title spanning the row with no number ('Lĩnh vực giáo dục'): merged across
    the row, or typed alone in the number column. A group over the numbered rows that
    follow, not a task, and not text of the task above. Its rows keep their printed
    numbers as path; a title with no rows under it is dropped (a full-width note)."""

    def test(self, reader: TableReader, row: Row) -> bool:
        title = _title_of(row)
        if not title or reader.roles is None:
            return False
        first = title.split()[0].rstrip(".")
        return not (_NUMBER.match(first) or _GROUP.match(title) or _LETTER_GROUP.match(first))

    def run(self, reader: TableReader, row: Row) -> bool:
        reader._close_pending()
        cells = row.only_text(_title_of(row) or "")
        reader.records.append(_Record(stt="", rows=[cells], group="title"))
        return True


def _title_of(row: Row) -> str | None:
    """The title of a row that holds only one: a cell merged across most of the row,
    or words alone in the number column."""
    merged = row.merged
    if merged is not None:
        filled = len([c for c in row.raw if c.strip()])
        return merged.strip("* ") if filled >= min(3, len(row.raw)) else None
    stt = row.raw[row.stt_index].strip("* ") if row.stt_index < len(row.raw) else ""
    others = [c for i, c in enumerate(row.raw) if i != row.stt_index and c.strip()]
    if len(stt.split()) >= 2 and not others:
        return stt
    return None


def _only_title(reader: TableReader, row: Row) -> bool:
    """The row fills only its number and title (a title merged across counts once)."""
    roles = reader.roles or {}
    title = row.raw[row.text_index].strip() if row.text_index < len(row.raw) else ""
    if not title:
        return False
    for role in ("lead", "coordinating", "implementing", "timing"):
        index = roles.get(role)
        if index is not None and index < len(row.raw) and row.raw[index].strip() not in ("", title):
            return False
    return True


class GroupTitleLine:
    """A merged row right after a group row is the rest of the group's title
    (a long title wrapped onto a second band of the PDF)."""

    def test(self, reader: TableReader, row: Row) -> bool:
        return (
            row.merged is not None
            and bool(reader.records)
            and _roman_label(reader.records[-1].stt) is not None
            and not reader.pending
        )

    def run(self, reader: TableReader, row: Row) -> bool:
        reader.records[-1].rows.append(row.only_text(row.merged or ""))
        return True


class NumberedRow:
    """A row numbered '3', '2.1' or 'II' is a task. Unnumbered lines held back before it
    are split at the last one whose text opens with a capital: lines before finish the
    previous task, lines from it on open this one (PDF bands of a vertically centred STT)."""

    def test(self, reader: TableReader, row: Row) -> bool:
        label = row.stt.rstrip(".").strip()
        stt = re.sub(r"(?<=\d),(?=\d)", ".", row.stt)  # "7,1": OCR's comma for a dot
        return bool(row.stt) and bool(_NUMBER.match(stt) or _roman_label(label))

    def run(self, reader: TableReader, row: Row) -> bool:
        head: list[tuple[str, ...]] = []
        if reader.pending:
            split = None
            for i, held in enumerate(reader.pending):
                text_index = row.text_index
                first = held[text_index].strip()[:1] if text_index < len(held) else ""
                if first.isupper() or first in '“"':
                    split = i
            if not reader.records:
                split = 0
            if split is None:
                reader.add_to_last(reader.pending)
            else:
                if reader.records:
                    reader.add_to_last(reader.pending[:split])
                head = reader.pending[split:]
            reader.pending = []
        label = _dotted(reader, row.stt.rstrip(".").strip())
        reader.records.append(_Record(stt=label, rows=[*head, row.cells]))
        return True


def _next_numbers(last: str) -> list[str]:
    """The numbers a row after row ``last`` may carry: its first sub-row, then the
    next row at each level ("7.1" → "7.1.1", "7.2", "8")."""
    parts = last.split(".")
    options = [f"{last}.1"]
    for depth in range(len(parts), 0, -1):
        head = parts[: depth - 1]
        options.append(".".join([*head, str(int(parts[depth - 1]) + 1)]))
    return options


def _dotted(reader: TableReader, label: str) -> str:
    """A sub-row number whose dot OCR lost ("71" for "7.1" after row "7", "72" after
    "7.1"; "7,1" too): the expected next number with those digits, else as read."""
    label = re.sub(r"(?<=\d),(?=\d)", ".", label)
    if not label.isdigit() or len(label) < 2:
        return label
    last = next(
        (r.stt for r in reversed(reader.records) if not r.group and _NUMBER.match(r.stt)), None
    )
    if last is None:
        return label
    options = _next_numbers(_plain_number(last.rstrip(".")))
    if label in options or str(int(label)) in options:
        return label
    return next((o for o in options if "." in o and o.replace(".", "") == label), label)


_LETTER = re.compile(r"^[a-zđ]$")


class LetteredRow:
    """A row lettered 'a)' after a row numbered '1' is a task under it: row '1' is then
    the title of its group (it becomes a level of the path, 'PL.1.a', not a task)."""

    def test(self, reader: TableReader, row: Row) -> bool:
        label = row.stt.strip().rstrip(").").strip()
        return bool(_LETTER.match(label)) and bool(reader.records)

    def run(self, reader: TableReader, row: Row) -> bool:
        reader._close_pending()
        label = row.stt.strip().rstrip(").").strip()
        reader.records.append(_Record(stt=label, rows=[row.cells]))
        return True


class PositionRow:
    """A table without a number column ('Nội dung công việc | Đơn vị thực hiện | Thời
    gian'): each row that opens with a capital or names a body or deadline is a task,
    numbered by its position under its group ('PL.2'); a row holding only text that
    opens in lower case finishes the task above (a cell continued on the next page)."""

    def test(self, reader: TableReader, row: Row) -> bool:
        # the first column has a role of its own: no unlabelled number column hides there
        roles = reader.roles or {}
        return bool(roles) and "stt" not in roles and 0 in roles.values()

    def run(self, reader: TableReader, row: Row) -> bool:
        roles = reader.roles or {}
        text = row.raw[row.text_index].strip() if row.text_index < len(row.raw) else ""
        others = [
            row.raw[i].strip()
            for role, i in roles.items()
            if role in ("lead", "coordinating", "implementing", "timing") and i < len(row.raw)
        ]
        if not text:
            return False
        if not any(others) and not text[:1].isupper() and reader.records:
            reader.add_to_last([row.cells])
            return True
        count = 0
        for record in reversed(reader.records):
            if record.group or (_roman_label(record.stt) is not None and not record.stt.isdigit()):
                break
            count += 1
        reader.records.append(_Record(stt=str(count + 1), rows=[row.cells]))
        return True


class UnnumberedRow:
    """A row without a usable STT continues a task (the table went on to the next page,
    or a PDF band came before its number): held back until the next numbered row."""

    def test(self, reader: TableReader, row: Row) -> bool:
        return True

    def run(self, reader: TableReader, row: Row) -> bool:
        reader.pending.append(row.cells)
        return True


def row_layouts() -> Registry[RowLayout]:
    """A fresh registry of the built-in row layouts."""
    layouts: Registry[RowLayout] = Registry()
    layouts.register(HeaderTail(), "header_tail", 100)
    layouts.register(GroupRow(), "group_row", 90)
    layouts.register(LetterGroupRow(), "letter_group_row", 85)
    layouts.register(GroupTitleLine(), "group_title_line", 80)
    layouts.register(TitleRow(), "title_row", 70)
    layouts.register(LetteredRow(), "lettered_row", 60)
    layouts.register(NumberedRow(), "numbered_row", 50)
    layouts.register(PositionRow(), "position_row", 40)
    layouts.register(UnnumberedRow(), "unnumbered_row", 0)
    return layouts


#: The row layouts ``TableReader`` applies (copy it to add or replace one).
ROW_LAYOUTS = row_layouts()
