"""Stage 4 (outline): paragraphs → the heading tree.

Items nest by kind in the order a document first uses them (Roman sections,
then numbers, then letters, then bullets, whatever the mix), so one grammar
covers "I/1/a/-", "1/1.1/a" and "I/1/-". Responsibility lines ("- Cơ quan chủ
trì: …") are not items: they are attached to the items they cover. The
signature block and "Nơi nhận" end the body, but an item that continues the
last open list after them is taken back in (pages scanned out of order), and
an annexed plan starting again at "I." is read as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from theodoi.text.model import OutlineNode, Responsibility
from theodoi.text.outline import assignment
from theodoi.text.outline.markers import (
    PAREN_DEPTH,
    Marker,
    bullet_key,
    parse_marker,
    roman_value,
    to_roman,
)
from theodoi.text.outline.segment import Para, is_caps
from theodoi.text.source import Table

_FIXED_RANK = {"part": 0, "chapter": 1, "roman": 2, "article": 3, "table": 0}
_END_MATTER = re.compile(
    r"^(?:Nơi nhận|Noi nhan|Nơi gửi)\s*:?|^(?:TM|T/M|KT|TL|TUQ)\.?\s*[A-ZĐÀ-Ỹ]{2}", re.IGNORECASE
)
_CLOSING = re.compile(
    r"^(?:Trên đây là|Trong quá trình (?:tổ chức |triển khai )?(?:thực hiện|triển khai)|"
    r"Yêu cầu (?:các|Thủ trưởng|Giám đốc).{0,200}nghiêm túc)",
)
_APPENDIX = re.compile(r"^(?:PHỤ LỤC|Phụ lục|PHU LUC)\b")
#: "(Kèm theo Kế hoạch số …)" after the signature: an attachment without the word
#: "Phụ lục" ("PHÂN CÔNG NHIỆM VỤ …" / "(Kèm theo …)" above a table)
_ATTACHED_TO = re.compile(r"^\(?\s*(?:Ban hành\s+)?[Kk]èm theo\s")
#: the kind line of a plan, maybe joined to the signer above it or the title under it
_PLAN_KIND_LINE = re.compile(r"(?:^|\s)(?<!SỞ )(?:KẾ HOẠCH|CHƯƠNG TRÌNH|ĐỀ ÁN)(?:\s|$)")
_RESP = re.compile(
    r"^(?:[-*+•–]\s*)?(?P<label>(?:(?:Cơ quan|Đơn vị|Bộ phận)\s+)?"
    r"(?:chủ trì|phối hợp|thực hiện|tham mưu)(?:\s+(?:thực hiện|chính|chủ trì|tham mưu))?|"
    r"Trách nhiệm(?: thực hiện)?|Thời gian(?:\s+(?:thực hiện|hoàn thành|triển khai))?|"
    r"Thời hạn(?:\s+hoàn thành)?|Tiến độ(?:\s+thực hiện)?|"
    r"Sản phẩm(?:\s*/\s*kết quả)?|Kết quả(?:\s+(?:đầu ra|thực hiện))?|"
    r"Thành phần(?:\s+(?:tham dự|tham gia|mời))?)\s*:\s*(?P<value>.+)$",
    re.IGNORECASE,
)


@dataclass
class ResponsibilityLine:
    label: str
    value: str


@dataclass
class Outline:
    preamble: list[str] = field(default_factory=list)
    roots: list[OutlineNode] = field(default_factory=list)
    end_matter: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    tables: list[tuple[Table, OutlineNode | None]] = field(default_factory=list)
    resp_lines: dict[int, list[ResponsibilityLine]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    appendix_titles: list[str] = field(default_factory=list)


def parse_responsibility_line(text: str) -> ResponsibilityLine | None:
    if ":" not in text[:80]:
        return None  # every responsibility label ends with a colon near the start
    m = _RESP.match(text)
    if not m:
        return None
    return ResponsibilityLine(m.group("label").lower(), m.group("value").strip())


class _Builder:
    def __init__(self) -> None:
        self.out = Outline()
        self.stack: list[OutlineNode] = []
        self.mode = "preamble"  # preamble | body | end | appendix
        self.resp_cursor: dict[int, int] = {}
        self.last_resp: Responsibility | None = None
        self.last_was_resp = False
        self.appendix: OutlineNode | None = None
        # list key of each placed item: "(1)" and "1." share a label but not a list
        self.keys: dict[int, tuple[str, int]] = {}

    def _key(self, node: OutlineNode) -> tuple[str, int]:
        return self.keys.get(id(node)) or _key(node)

    # -- placing items -------------------------------------------------
    def place(self, marker: Marker, para: Para) -> OutlineNode:
        node = OutlineNode(
            kind=marker.kind, label=marker.label, heading=marker.rest, page=para.page
        )
        list_key = self._list_key(marker) if marker.kind == "bullet" else marker.key
        rank = _FIXED_RANK.get(marker.kind)
        if rank is not None:
            while self.stack and _FIXED_RANK.get(self.stack[-1].kind, 99) >= rank:
                self.stack.pop()
        elif marker.kind == "number" and 1 < marker.depth < PAREN_DEPTH:
            self._pop_to_parent_number(marker)
        else:
            key = list_key
            for i in range(len(self.stack) - 1, -1, -1):
                if self._key(self.stack[i]) == key:
                    del self.stack[i:]
                    break
        parent = self.stack[-1] if self.stack else None
        siblings = parent.children if parent else self.out.roots
        if marker.kind == "roman":
            self._fix_repeated_roman(node, siblings)
        node.parent = parent
        siblings.append(node)
        self.stack.append(node)
        self.keys[id(node)] = list_key
        return node

    def _list_key(self, marker: Marker) -> tuple[str, int]:
        """'+' items are a list of their own under a '-' item that introduces them
        ("- Giáo dục:" / "+ …" / "+ …") and while that list goes on; elsewhere a '+'
        is one more bullet of the list it stands in."""
        key = marker.key
        if key == bullet_key("-"):
            return key
        top = self.stack[-1] if self.stack else None
        if top is not None and top.kind == "bullet" and self._key(top) == key:
            return key  # the "+" list goes on
        if top is not None and top.kind == "bullet" and top.heading.rstrip().endswith(":"):
            return key
        if top is not None and top.kind in ("number", "letter", "roman"):
            return key  # "+" items straight under "a) …:"
        return bullet_key("-")

    def _pop_to_parent_number(self, marker: Marker) -> None:
        prefix = marker.label.rsplit(".", 1)[0]
        for i in range(len(self.stack) - 1, -1, -1):
            node = self.stack[i]
            if (
                node.kind == "number"
                and self._key(node)[1] < PAREN_DEPTH
                and (node.label == prefix or self._key(node) == marker.key)
            ):
                del self.stack[i + (node.label == prefix) :]
                return
            if _FIXED_RANK.get(node.kind) is not None:
                del self.stack[i + 1 :]
                return
        self.stack.clear()

    def _fix_repeated_roman(self, node: OutlineNode, siblings: list[OutlineNode]) -> None:
        romans = [s for s in siblings if s.kind == "roman"]
        if romans and any(s.label == node.label for s in romans):
            last = max(roman_value(s.label) for s in romans)
            new = to_roman(last + 1)
            self.out.warnings.append(
                f"section {node.label} is numbered twice; the second one is read as {new}"
            )
            node.label = new

    # -- responsibility lines --------------------------------------------
    def attach_responsibility(self, line: ResponsibilityLine) -> None:
        if not self.stack:
            return
        if self.last_was_resp and self.last_resp is not None:
            self.out.resp_lines.setdefault(id(self.last_resp), []).append(line)
            return
        current = self.stack[-1]
        parent = current.parent
        siblings = parent.children if parent else self.out.roots
        container_id = id(parent) if parent else 0
        start = self.resp_cursor.get(container_id, 0)
        index = len(siblings) - 1
        if current.kind in ("roman", "part", "chapter") and not current.children:
            covered = [current]
        else:
            # an item whose own sub-items carry their lines is not covered again
            covered = [
                s
                for s in siblings[start : index + 1]
                if s.responsibility is None and (s is current or not _has_lines(s))
            ]
            covered = covered or [current]
        self.resp_cursor[container_id] = index + 1
        resp = Responsibility()
        for node in covered:
            node.responsibility = resp
        self.last_resp = resp
        self.out.resp_lines[id(resp)] = [line]

    # -- the whole document ------------------------------------------------
    def feed(self, para: Para) -> None:
        if para.table is not None:
            if self.mode == "body" and _signature_table(para.table):
                self.mode = "end"  # "Nơi nhận" / "KT. GIÁM ĐỐC" laid out as a table
            self.out.tables.append((para.table, self._table_home()))
            self.last_was_resp = False
            return
        text = para.text.strip()
        if not text:
            return
        marker = parse_marker(text, para.label)
        if self.mode in ("end", "appendix"):
            if _APPENDIX.match(text) or (
                self.mode == "end" and _ATTACHED_TO.match(text) and not self._issued_plan()
            ):
                self._open_appendix(text)
                return
            if (
                self.mode == "appendix"
                and self.appendix is not None
                and not self.appendix.children
                and (is_caps(text) or text.startswith("("))
            ):
                self.appendix.heading = f"{self.appendix.heading} {text}".strip()
                return
            if marker is None or not self._can_resume(marker):
                self.out.end_matter.append(text)
                return
            self.mode = "body"
        elif _END_MATTER.match(text) and self.mode == "body":
            self.mode = "end"
            self.out.end_matter.append(text)
            return
        elif _APPENDIX.match(text) and self.mode == "body" and (len(text) < 200 or is_caps(text)):
            # a long title in capitals ("PHỤ LỤC DANH MỤC CÁC NHIỆM VỤ TRIỂN KHAI …")
            self._open_appendix(text)
            return
        resp_line = parse_responsibility_line(text) if self.mode == "body" else None
        if resp_line is None and self._assigns_items_above(text, marker):
            resp_line = ResponsibilityLine(assignment.LABEL, text)
        if resp_line is not None:
            self.attach_responsibility(resp_line)
            self.last_was_resp = True
            return
        self.last_was_resp = False
        if marker is not None and self.mode == "body" and not self._plausible(marker):
            marker = None
        if marker is not None and (self.mode == "body" or marker.kind != "bullet"):
            if self.mode == "preamble" and marker.kind == "letter":
                self.out.preamble.append(text)
                return
            self.mode = "body"
            self.place(marker, para)
            return
        if self.mode == "preamble" or not self.stack:
            self.out.preamble.append(text)
            return
        if _CLOSING.match(text):
            self.out.closing.append(text)
        current = self.stack[-1]
        if (
            not current.heading
            and not current.paragraphs
            and not current.children
            and is_caps(text)
        ):
            current.heading = text  # "Chương I" / "NHỮNG QUY ĐỊNH CHUNG" on the next line
            return
        self.stack[-1].paragraphs.append(text)

    def _assigns_items_above(self, text: str, marker: Marker | None) -> bool:
        """A free line after an item that only says who does it (outline/assignment.py)."""
        if self.mode != "body" or not self.stack:
            return False
        if marker is not None and marker.kind != "bullet":
            return False
        current = self.stack[-1]
        if current.kind not in ("number", "letter", "bullet") or not current.heading:
            return False
        return assignment.is_assignment_line(text)

    def _plausible(self, marker: Marker) -> bool:
        """'48-CTr/TU' at a line start is not item 48: numbers continue a list or start one."""
        if marker.kind not in ("number", "letter"):
            return True
        key = marker.key
        for node in reversed(self.stack):
            if self._key(node) == key:
                last = _value(node)
                return marker.value <= last + 3
        if 1 < marker.depth < PAREN_DEPTH and self._under_its_prefix(marker):
            # "3.3." under "3." whose first points went unnumbered ("Nội dung: …")
            return marker.value <= 4
        return marker.value <= 2

    def _under_its_prefix(self, marker: Marker) -> bool:
        prefix = marker.label.rsplit(".", 1)[0]
        return any(n.kind == "number" and n.label == prefix for n in self.stack)

    def _can_resume(self, marker: Marker) -> bool:
        if marker.kind == "roman":
            romans = [n for n in self.out.roots if n.kind == "roman"]
            if marker.value == 1:
                self.stack.clear()
                return True
            return bool(romans) and roman_value(romans[-1].label) + 1 == marker.value
        if marker.kind in ("number", "letter"):
            for node in reversed(self.stack):
                parent = node.parent
                siblings = parent.children if parent else self.out.roots
                for sib in reversed(siblings):
                    if (
                        sib.kind == marker.kind
                        and _value(sib) + 1 == marker.value
                        and len(marker.label.split(".")) == len(sib.label.split("."))
                    ):
                        return True
                    break
        return False

    def _issued_plan(self) -> bool:
        """'KẾ HOẠCH' / its title / '(Kèm theo Quyết định …)' after a decision's signature:
        the plan the decision issues (its body follows), not an appendix."""
        return any(
            _PLAN_KIND_LINE.search(t.strip()) and is_caps(t) for t in self.out.end_matter[-3:]
        )

    def _open_appendix(self, text: str) -> None:
        self.mode = "appendix"
        count = sum(1 for n in self.out.roots if n.kind == "table") + 1
        number = appendix_number(text)
        label = f"PL{number}" if number else f"PL{count}" if count > 1 else "PL"
        node = OutlineNode(kind="table", label=label, heading=text)
        node.path = node.label
        self.out.roots.append(node)
        self.appendix = node
        self.stack = [node]

    def _table_home(self) -> OutlineNode | None:
        """Where a table's rows go: the open appendix, or inside the plan's body the
        item it follows (its rows are that item's sub-items: 'III.1.a.3'); None
        before the body (a table of the document's header, or a bare table)."""
        if self.mode == "appendix":
            return self.appendix
        if self.mode == "body":
            # a table after a bullet belongs to the item that holds the bullets
            return next((n for n in reversed(self.stack) if n.kind != "bullet"), None)
        return None


def _signature_table(table: Table) -> bool:
    """A table whose first cell opens the end matter ("Nơi nhận:", "TM. ỦY BAN …")."""
    first = next((c.strip() for row in table.rows[:1] for c in row if c and c.strip()), "")
    return bool(_END_MATTER.match(first))


_APPENDIX_NUMBER = re.compile(
    r"^(?:PHỤ LỤC|Phụ lục|PHU LUC)\s+(?:số\s+)?(?:(?P<roman>[IVX]{1,5})|(?P<arabic>\d{1,2}))"
    r"(?=$|[\s.:,;–-])"
)


def appendix_number(heading: str) -> int | None:
    """'Phụ lục II' → 2, 'PHỤ LỤC 03:' → 3, 'PHỤ LỤC' → None.

    A numbered appendix keeps its number in the path prefix ("PL2."), so the
    tasks of two appendices never share paths and match the printed numbering.
    """
    m = _APPENDIX_NUMBER.match(heading.strip())
    if not m:
        return None
    if m.group("arabic"):
        return int(m.group("arabic")) or None
    return roman_value(m.group("roman")) or None


def _has_lines(node: OutlineNode) -> bool:
    """Some item below ``node`` has its own responsibility lines."""
    return any(c.responsibility is not None or _has_lines(c) for c in node.children)


def _key(node: OutlineNode) -> tuple[str, int]:
    if node.kind == "bullet":
        return bullet_key(node.label)
    if node.kind == "number":
        return ("number", len(node.label.split(".")))
    return (node.kind, 1)


def _value(node: OutlineNode) -> int:
    if node.kind == "number":
        return int(node.label.split(".")[-1])
    if node.kind == "letter":
        from theodoi.text.outline.markers import _letter_value

        return _letter_value(node.label)
    if node.kind == "roman":
        return roman_value(node.label)
    return 0


def build_outline(paras: list[Para]) -> Outline:
    builder = _Builder()
    for para in paras:
        builder.feed(para)
    assign_paths(builder.out.roots)
    return builder.out


def assign_paths(roots: list[OutlineNode], prefix: str = "") -> None:
    """Paths as in the spec: 'III.2.2.a', bullets '-N' by position among bullets."""
    bullet_count = 0
    seen: dict[str, int] = {}
    for node in roots:
        if node.kind == "table" and node.path:
            path = node.path
        elif node.kind == "bullet":
            bullet_count += 1
            path = f"{prefix}-{bullet_count}" if prefix else f"-{bullet_count}"
        elif (
            node.kind in ("number", "row")
            and node.parent is not None
            and node.parent.kind == node.kind
            and (node.label.startswith(node.parent.label + "."))
        ):
            base = prefix[: len(prefix) - len(node.parent.label)]
            path = f"{base}{node.label}"
        elif node.kind == "article":
            path = _join(prefix, "Đ" + node.label.split()[-1])
        elif node.kind in ("part", "chapter"):
            path = _join(prefix, node.label.split()[-1])
        else:
            path = _join(prefix, node.label)
        if path in seen:
            seen[path] += 1
            path = f"{path}~{seen[path]}"
        else:
            seen[path] = 1
        node.path = path
        assign_paths(node.children, path)


def _join(prefix: str, part: str) -> str:
    return f"{prefix}.{part}" if prefix else part
