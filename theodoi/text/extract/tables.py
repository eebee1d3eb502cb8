"""Task tables: "PHỤ LỤC … DANH MỤC NHIỆM VỤ" with columns STT | Nội dung
nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian | Sản phẩm.

Rows whose STT is a Roman numeral group the tasks ("I. Hoàn thiện thể
chế …"); numbered rows are tasks; a row without STT after a task continues it
(the table went on to the next page); a repeated header row is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from theodoi.text.bodies import body_heads, looks_like_body
from theodoi.text.model import OutlineNode
from theodoi.text.outline.markers import _roman_label
from theodoi.text.source import Table
from theodoi.text.vietnamese import strip_diacritics

# Matched on the folded header cell with spaces removed ("C ơ quan phối hợp" happens).
_COLUMNS = [
    ("stt", re.compile(r"^(?:stt|tt|sott|sothutu)$")),
    ("lead", re.compile(r"^(?:coquan|donvi)?chutri")),
    ("coordinating", re.compile(r"^(?:coquan|donvi)?phoihop")),
    ("implementing", re.compile(r"^(?:coquan|donvi)(?:chutri)?thuchien")),
    ("timing", re.compile(r"^(?:thoigian|thoihan|tiendo)")),
    ("result", re.compile(r"^(?:sanpham|ketqua|danhgia)")),
    ("text", re.compile(r"^(?:noidung|nhiemvu|ten|hoatdong|giaiphap|dean|congviec)")),
]


def _fold(cell: str) -> str:
    return re.sub(r"\s+", " ", strip_diacritics(cell).lower()).strip(" .:")


def header_columns(row: tuple[str, ...]) -> dict[str, int] | None:
    """Column roles of a header row, or None when the row is not a task header."""
    roles: dict[str, int] = {}
    if any(len(cell) > 60 for cell in row):
        return None
    for index, cell in enumerate(row):
        folded = _fold(cell).replace(" ", "")
        if not folded:
            continue
        for role, pattern in _COLUMNS:
            if role not in roles and pattern.search(folded):
                roles[role] = index
                break
    if "text" in roles and ("lead" in roles or "implementing" in roles):
        return roles
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


def _opens_new_body(before: str, line: str) -> bool:
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

    def cell(self, index: int | None) -> str:
        if index is None:
            return ""
        parts: list[str] = []
        for row in self.rows:
            part = row[index].strip() if index < len(row) else ""
            if part and (not parts or part != parts[-1]):
                parts.append(part)  # a merged cell is repeated on each of its rows
        return _join_fragments(parts)


class TableReader:
    """Turns consecutive task-table blocks into row nodes under one appendix node.

    PDF readers often give a table as bands of text lines rather than logical
    rows: the STT cell is vertically centred, so a task's first lines come
    before the row carrying its number. Rows without a number are held back
    and split at the last line whose task text starts with a capital: lines
    before it finish the previous task, lines from it on open the next one.
    """

    def __init__(self, appendix: OutlineNode) -> None:
        self.appendix = appendix
        self.roles: dict[str, int] | None = None
        self.records: list[_Record] = []
        self.pending: list[tuple[str, ...]] = []

    def feed(self, table: Table) -> None:
        previous: tuple[str, ...] | None = None
        for row in table.rows:
            cells = tuple((c or "").replace("\n", " ") for c in row)
            roles = header_columns(cells)
            if roles is None and previous is not None and len(previous) == len(cells):
                roles = header_columns(
                    tuple(f"{a} {b}" for a, b in zip(previous, cells, strict=True))
                )
            previous = cells if roles is None else None
            if roles is not None:
                self.roles = roles
                continue
            if self.roles is None or not any(c.strip() for c in cells):
                continue
            if self._is_header_tail(cells):
                continue
            bodies = {self.roles.get(r) for r in ("lead", "coordinating", "implementing")}
            cells = tuple(
                join_body_lines(row[i] or "") if i in bodies else c for i, c in enumerate(cells)
            )
            self._row(cells)

    def _is_header_tail(self, cells: tuple[str, ...]) -> bool:
        """'chủ trì', 'phối hợp', 'hoàn thành': the second line of a split header."""
        folded = [_fold(c) for c in cells if c.strip()]
        return (
            bool(folded)
            and all(
                f in {"chu tri", "phoi hop", "hoan thanh", "thuc hien", "cu the", "nhiem vu"}
                for f in folded
            )
        ) or (bool(folded) and all(re.fullmatch(r"\(?\d{1,2}\)?", f) for f in folded))

    def _row(self, cells: tuple[str, ...]) -> None:
        assert self.roles is not None
        stt_index = self.roles.get("stt", 0)
        stt = cells[stt_index].strip() if stt_index < len(cells) else ""
        distinct = {c.strip() for c in cells if c.strip()}
        if len(distinct) == 1 and len([c for c in cells if c.strip()]) > 1:
            merged = next(iter(distinct))
            m = re.match(r"^([IVXL]{1,6})\s*[.)]\s*(.*)$", merged)
            if m and _roman_label(m.group(1)):
                self._close_pending()
                text_index = self.roles.get("text", 1)
                row = tuple(m.group(2) if i == text_index else "" for i in range(len(cells)))
                row = tuple(m.group(1) if i == stt_index else c for i, c in enumerate(row))
                self.records.append(_Record(stt=m.group(1), rows=[row]))
                return
            if self.records and _roman_label(self.records[-1].stt) and not self.pending:
                text_index = self.roles.get("text", 1)
                row = tuple(merged if i == text_index else "" for i in range(len(cells)))
                self.records[-1].rows.append(row)
                return
        if not stt:
            self.pending.append(cells)
            return
        label = stt.rstrip(".").strip()
        if not (_NUMBER.match(stt) or _roman_label(label)):
            self.pending.append(cells)
            return
        head: list[tuple[str, ...]] = []
        if self.pending:
            text_index = self.roles.get("text", 1)
            split = None
            for i, row in enumerate(self.pending):
                first = row[text_index].strip()[:1] if text_index < len(row) else ""
                if first.isupper() or first in '“"':
                    split = i
            if not self.records:
                split = 0
            if split is None:
                self.records[-1].rows.extend(self.pending)
            else:
                if self.records:
                    self.records[-1].rows.extend(self.pending[:split])
                head = self.pending[split:]
            self.pending = []
        self.records.append(_Record(stt=label, rows=[*head, cells]))

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
        group: OutlineNode | None = None
        for record in self.records:
            text = record.cell(roles.get("text"))
            roman = _roman_label(record.stt)
            if roman is not None and not record.stt.isdigit():
                group = OutlineNode(kind="roman", label=roman, heading=text, parent=self.appendix)
                self.appendix.children.append(group)
                continue
            parent = group or self.appendix
            if "." in record.stt and parent.children:
                # "2.1" under row "2": the row with sub-rows contributes only its sub-rows
                prefix = record.stt.rsplit(".", 1)[0]
                holder = next(
                    (c for c in reversed(parent.children) if c.kind == "row" and c.label == prefix),
                    None,
                )
                parent = holder or parent
            node = OutlineNode(kind="row", label=record.stt, heading=text, parent=parent)
            node.table_row = {role: record.cell(index) for role, index in roles.items()}
            parent.children.append(node)
            items = _sub_items(text)
            for item in items:
                child = OutlineNode(kind="bullet", label="-", heading=item, parent=node)
                child.table_row = dict(node.table_row, text=item)
                node.children.append(child)


def _sub_items(text: str) -> list[str]:
    """'… Cụ thể: - A; - B' inside one cell → ['A', 'B']."""
    m = re.search(r"(?:Cụ thể|cụ thể|gồm|sau)\s*:\s*(?=[-–•+]\s*\S)", text)
    if not m:
        return []
    items = [i.strip(" ;.") for i in re.split(r"(?:^|\s)[-–•+]\s+(?=\S)", text[m.end() :])]
    items = [i for i in items if i]
    return items if len(items) >= 2 else []
