"""Task tables: "PHỤ LỤC … DANH MỤC NHIỆM VỤ" with columns STT | Nội dung
nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian | Sản phẩm.

Rows whose STT is a Roman numeral group the tasks ("I. Hoàn thiện thể
chế …"); numbered rows are tasks; a row without STT after a task continues it
(the table went on to the next page); a repeated header row is skipped.
"""

from __future__ import annotations

import re

from theodoi.text.model import OutlineNode
from theodoi.text.outline.markers import _roman_label
from theodoi.text.source import Table
from theodoi.text.vietnamese import strip_diacritics

_COLUMNS = [
    ("stt", re.compile(r"^(?:stt|tt|so tt|so thu tu)$")),
    ("lead", re.compile(r"chu tri")),
    ("coordinating", re.compile(r"phoi hop")),
    ("implementing", re.compile(r"(?:co quan|don vi) thuc hien|thuc hien$")),
    ("timing", re.compile(r"thoi gian|thoi han|tien do|hoan thanh")),
    ("result", re.compile(r"san pham|ket qua|danh gia")),
    ("text", re.compile(r"noi dung|nhiem vu|ten |hoat dong|giai phap|de an")),
]


def _fold(cell: str) -> str:
    return re.sub(r"\s+", " ", strip_diacritics(cell).lower()).strip(" .:")


def header_columns(row: tuple[str, ...]) -> dict[str, int] | None:
    """Column roles of a header row, or None when the row is not a task header."""
    roles: dict[str, int] = {}
    for index, cell in enumerate(row):
        folded = _fold(cell)
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


class TableReader:
    """Turns consecutive task-table blocks into row nodes under one appendix node."""

    def __init__(self, appendix: OutlineNode) -> None:
        self.appendix = appendix
        self.roles: dict[str, int] | None = None
        self.group: OutlineNode | None = None
        self.last_row: OutlineNode | None = None

    def feed(self, table: Table) -> None:
        for row in table.rows:
            cells = tuple(c or "" for c in row)
            roles = header_columns(cells)
            if roles is not None:
                self.roles = roles
                continue
            if self.roles is None or not any(c.strip() for c in cells):
                continue
            self._row(cells)

    def _row(self, cells: tuple[str, ...]) -> None:
        assert self.roles is not None
        stt = _cell(cells, self.roles, "stt")
        text = _cell(cells, self.roles, "text")
        distinct = {c.strip() for c in cells if c.strip()}
        roman = _roman_label(stt.rstrip(".").strip()) if stt else None
        if stt.strip().isdigit() and len(distinct) == 1:
            return  # column-number row "1 2 3 4 5 6"
        if roman is not None or (not stt and len(distinct) == 1 and not self.last_row):
            heading = text or next(iter(distinct - {stt}), "")
            group = OutlineNode(
                kind="roman",
                label=roman or str(len(self.appendix.children) + 1),
                heading=heading,
                parent=self.appendix,
            )
            self.appendix.children.append(group)
            self.group = group
            self.last_row = None
            return
        m = _NUMBER.match(stt)
        if m:
            parent = self.group or self.appendix
            node = OutlineNode(kind="row", label=m.group(1), heading=text, parent=parent)
            node.table_row = {role: _cell(cells, self.roles, role) for role in self.roles}
            parent.children.append(node)
            self.last_row = node
            return
        if self.last_row is not None and self.last_row.table_row is not None:
            for role in self.roles:
                extra = _cell(cells, self.roles, role)
                if extra and role != "stt":
                    old = self.last_row.table_row.get(role, "")
                    self.last_row.table_row[role] = f"{old} {extra}".strip()
            self.last_row.heading = self.last_row.table_row.get("text", self.last_row.heading)
