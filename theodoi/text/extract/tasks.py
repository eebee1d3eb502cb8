"""Stage 5 (extract): tasks from the outline.

Tasks are the leaves of the duty sections ("NHIỆM VỤ, GIẢI PHÁP …"), the
leaves of "TỔ CHỨC THỰC HIỆN" that give a named body a duty, and the rows of
task tables. Each gets its responsibility by the rules in
``responsibility.py`` and a timing statement when one is attached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from theodoi.text.extract import conventions
from theodoi.text.extract import responsibility as resp
from theodoi.text.extract.timing import parse_timing, timing_from_sentence
from theodoi.text.model import OutlineNode, Responsibility, Task
from theodoi.text.outline.tree import Outline
from theodoi.text.vietnamese import strip_diacritics

_DUTY = re.compile(
    r"nhi\w{0,2}m v\w|giai phap|bien phap|"
    r"noi dung (?:thuc hien|chu yeu|trong tam|ke hoach|cong viec)|"
    r"cac hoat dong|chuong trinh cong tac|nhom nhiem vu"
)
_NOT_DUTY = re.compile(
    r"^(?:muc dich|muc tieu|quan diem|tinh hinh|yeu cau|ket qua|danh gia|can cu)"
)
_ORG = re.compile(
    r"to ch\S{1,4} th\S{1,4} hi\S{1,3}n|phan cong (?:nhiem vu|thuc hien|trach nhiem)|"
    r"^trach nhiem|trach nhiem thuc hien"
)


def classify_section(heading: str) -> str | None:
    folded = strip_diacritics(heading).lower().strip()
    if _ORG.search(folded):
        return "org"
    if _DUTY.search(folded) and not (_NOT_DUTY.match(folded) and "nhiem vu" not in folded):
        return "duty"
    return None


@dataclass
class _Scope:
    lines: Responsibility | None = None  # from responsibility lines covering an ancestor
    addressed: Responsibility | None = None  # from an intro or addressee heading


class TaskExtractor:
    def __init__(self, outline: Outline) -> None:
        self.outline = outline
        self.tasks: list[Task] = []
        self._line_cache: dict[int, Responsibility] = {}

    def run(self) -> list[Task]:
        self._walk_sections(self.outline.roots)
        return self.tasks

    def _walk_sections(self, nodes: list[OutlineNode]) -> None:
        for node in nodes:
            if node.kind == "table":
                self._table_tasks(node)
                continue
            # articles of a decision issuing a plan ("Điều 1. Ban hành …") hold no tasks
            kind = (
                classify_section(node.heading) if node.kind not in ("bullet", "article") else None
            )
            structural = kind is None and self._structural_duty(node)
            if structural:
                kind = "duty"
            if (
                kind is not None
                and not node.children
                and node.kind == "number"
                and node.parent is None
            ):
                self._walk(node, kind, node.heading, _Scope())
            elif kind is not None and not node.children and node.paragraphs:
                self._walk(_paragraphs_as_item(node), kind, node.heading, _Scope())
            elif kind is not None and node.children:
                scope = _Scope(addressed=self._intro_of(node))
                for child in node.children:
                    self._walk(child, kind, node.heading, scope)
            elif node.kind in ("part", "chapter", "roman") or (
                node.kind == "number" and node.parent is None and node.children
            ):
                self._walk_sections(node.children)

    def _structural_duty(self, node: OutlineNode) -> bool:
        """A top-level section whose items give bodies work, whatever its heading."""
        if node.kind in ("bullet", "article", "table") or conventions.not_tasks_heading(
            node.heading
        ):
            return False
        if node.kind == "number" and node.parent is not None:
            return False
        if node.kind in ("roman", "part", "chapter") and any(
            classify_section(c.heading) for c in node.children
        ):
            return False  # its sub-sections say what they are
        start = len(self.tasks)
        if node.children:
            scope = _Scope(addressed=self._intro_of(node))
            for child in node.children:
                self._walk(child, "duty", node.heading, scope)
        elif node.kind == "number":
            self._walk(node, "duty", node.heading, _Scope())
        trial = self.tasks[start:]
        del self.tasks[start:]
        with_bodies = sum(1 for t in trial if t.lead or t.coordinating or t.implementing)
        return conventions.gives_work(with_bodies, len(trial))

    def _lines_resp(self, node: OutlineNode) -> Responsibility | None:
        if node.responsibility is None:
            return None
        key = id(node.responsibility)
        if key not in self._line_cache:
            lines = self.outline.resp_lines.get(key, [])
            self._line_cache[key] = resp.from_lines(lines)
        return self._line_cache[key]

    def _intro_of(self, node: OutlineNode) -> Responsibility | None:
        if node.paragraphs:
            found = resp.from_intro(node.paragraphs[-1])
            if found is not None:
                return found
        if node.kind in ("number", "letter", "bullet", "roman"):
            found = resp.from_heading(node.heading)
            if found is not None:
                return found
            if node.heading.rstrip().endswith(":"):
                return resp.from_intro(node.heading)
        return None

    def _walk(self, node: OutlineNode, section_kind: str, section: str, scope: _Scope) -> None:
        lines = self._lines_resp(node) or scope.lines
        if node.children:
            addressed = self._intro_of(node) or scope.addressed
            inner = _Scope(lines=lines, addressed=addressed)
            for child in node.children:
                self._walk(child, section_kind, section, inner)
            return
        if section_kind == "org" and conventions.about_the_plan(node.heading):
            return  # "Thời gian thực hiện: …", "Chế độ báo cáo": about the plan itself
        text = conventions.field_text(node.text)
        ruled = self._by_convention(node)
        if ruled is not None:
            chosen_by, text = ruled
            self._append(node, section, text, chosen_by, lines)
            return
        own = resp.from_text(node.heading or (node.paragraphs[0] if node.paragraphs else ""))
        if own.is_empty() and node.heading and node.paragraphs:
            # a titled item ("4. Xây dựng tổ chức đảng …") whose body opens with its subject
            own = resp.from_text(node.paragraphs[0])
        chosen = own if not own.is_empty() else None
        if chosen is None and scope.addressed is not None and scope.addressed.implementing:
            # "b) Bộ Nội vụ:" / "- Chủ trì, phối hợp với các cơ quan liên quan …"
            first = node.heading or (node.paragraphs[0] if node.paragraphs else "")
            duty = conventions.own_duty(scope.addressed.implementing, first, partner=False)
            if duty.lead:  # otherwise lines, then the addressee, decide
                chosen = duty
        if chosen is None and lines is not None and not lines.is_empty():
            chosen = lines
        if chosen is None and scope.addressed is not None:
            chosen = scope.addressed
        chosen = chosen or Responsibility()
        if section_kind == "org" and chosen.is_empty():
            return
        self._append(node, section, text, chosen, lines)

    def _by_convention(self, node: OutlineNode) -> tuple[Responsibility, str] | None:
        """'a) Cục Điện ảnh: …' and '2. Sở Nội vụ' over a paragraph name the body."""
        if node.kind not in ("number", "letter") or not node.heading:
            return None
        split = conventions.body_prefix(node.heading)
        if split is not None:
            bodies, rest = split
            if conventions.GIAO.match(node.heading):  # "Giao Sở Nội vụ: …" reads as one sentence
                return conventions.own_duty(bodies, rest), node.text
            text = "\n".join([rest, *node.paragraphs])
            return conventions.own_duty(bodies, rest), text
        if node.paragraphs:
            heading = conventions.body_heading(node.heading)
            if heading is not None and heading.implementing and not heading.lead:
                text = "\n".join(node.paragraphs)
                return conventions.own_duty(heading.implementing, node.paragraphs[0]), text
        return None

    def _append(
        self,
        node: OutlineNode,
        section: str,
        text: str,
        chosen: Responsibility,
        lines: Responsibility | None,
    ) -> None:
        timing = (lines.timing if lines else None) or timing_from_sentence(node.text)
        self.tasks.append(
            Task(
                path=node.path,
                section=section,
                text=text,
                lead=list(chosen.lead),
                coordinating=list(chosen.coordinating),
                implementing=list(chosen.implementing),
                timing=timing,
                result=lines.result if lines else None,
            )
        )

    def _table_tasks(self, appendix: OutlineNode) -> None:
        section = appendix.heading
        stack = list(appendix.children)
        while stack:
            node = stack.pop(0)
            if node.children:
                stack[0:0] = node.children
                continue
            row = node.table_row
            if row is None:
                continue
            lead = resp.split_bodies_cell(row.get("lead", ""))
            coord = resp.split_bodies_cell(row.get("coordinating", ""))
            impl = resp.split_bodies_cell(row.get("implementing", ""))
            self.tasks.append(
                Task(
                    path=node.path,
                    section=section,
                    text=row.get("text", node.heading),
                    lead=lead,
                    coordinating=coord,
                    implementing=impl,
                    timing=parse_timing(row.get("timing")),
                    result=row.get("result") or None,
                    source="table",
                )
            )


def _paragraphs_as_item(section: OutlineNode) -> OutlineNode:
    """A section with running paragraphs and no items is one task-like item."""
    item = OutlineNode(kind="number", label=section.label, heading=section.paragraphs[0])
    item.paragraphs = section.paragraphs[1:]
    item.path = section.path
    item.responsibility = section.responsibility
    return item


def extract_tasks(outline: Outline) -> list[Task]:
    return TaskExtractor(outline).run()
