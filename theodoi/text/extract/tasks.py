"""Stage 5 (extract): tasks from the outline.

Tasks are the leaves of the duty sections ("NHIỆM VỤ, GIẢI PHÁP …"), the
leaves of "TỔ CHỨC THỰC HIỆN" that give a named body a duty, and the rows of
task tables. What a leaf item says (who does it, what its text is, whether
it is a task at all) is decided by the item conventions of
``items.ITEM_RULES``, a priority ``Registry`` of ``test``/``run``
processors; ``extract_tasks(outline, rules)`` takes another registry. The
responsibility phrasings themselves are in ``responsibility.py``; a timing
statement is attached when one is found.
"""

from __future__ import annotations

import re

from theodoi.text.extract import conventions, items
from theodoi.text.extract import responsibility as resp
from theodoi.text.extract.items import ItemRule, Scope
from theodoi.text.extract.timing import parse_timing, timing_from_sentence
from theodoi.text.model import OutlineNode, Responsibility, Task
from theodoi.text.outline.tree import Outline
from theodoi.text.registry import Registry
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


# "NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG TRÁCH NHIỆM": the duties, each with who does it
_DUTY_ASSIGNED = re.compile(r"^noi dung\b[^.]{0,60}\bphan cong\b")


def classify_section(heading: str) -> str | None:
    folded = strip_diacritics(heading).lower().strip()
    if _DUTY_ASSIGNED.match(folded):
        return "duty"
    if _ORG.search(folded):
        return "org"
    if _DUTY.search(folded) and not (_NOT_DUTY.match(folded) and "nhiem vu" not in folded):
        return "duty"
    return None


class TaskExtractor:
    def __init__(self, outline: Outline, rules: Registry[ItemRule] | None = None) -> None:
        self.outline = outline
        self.rules = items.ITEM_RULES if rules is None else rules
        self.tasks: list[Task] = []
        self._line_cache: dict[int, Responsibility] = {}
        self._text: str | None = None

    def run(self) -> list[Task]:
        self._walk_sections(self.outline.roots)
        return self.tasks

    def _walk_sections(self, nodes: list[OutlineNode]) -> None:
        for node in nodes:
            if node.kind == "table":
                self._table_tasks(node)
                continue
            # articles of a decision issuing a plan ("Điều 1. Ban hành …") hold no tasks,
            # but a decision that carries its own scheme may give the bodies their work
            # in an article "Điều 2. Tổ chức thực hiện", read as that section
            kind = classify_section(node.heading) if node.kind != "bullet" else None
            if node.kind == "article" and kind != "org":
                kind = None
            structural = kind is None and self._structural_duty(node)
            if structural:
                kind = "duty"
            if (
                kind is not None
                and not node.children
                and node.kind == "number"
                and node.parent is None
            ):
                self._walk(node, kind, node.heading, Scope())
            elif kind is not None and not node.children and node.paragraphs:
                self._walk(_paragraphs_as_item(node), kind, node.heading, Scope())
            elif kind is not None and node.children:
                scope = Scope(addressed=self._intro_of(node))
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
            classify_section(c.heading) for c in node.children if conventions.is_title(c.heading)
        ):
            return False  # its sub-sections say what they are
        start = len(self.tasks)
        if node.children:
            scope = Scope(addressed=self._intro_of(node))
            for child in node.children:
                self._walk(child, "duty", node.heading, scope)
        elif node.kind == "number":
            self._walk(node, "duty", node.heading, Scope())
        trial = self.tasks[start:]
        del self.tasks[start:]
        with_bodies = sum(1 for t in trial if t.lead or t.coordinating or t.implementing)
        return conventions.gives_work(with_bodies, len(trial))

    def _document_text(self) -> str:
        """The whole text, where a name printed in capitals is found as written."""
        if self._text is None:
            parts = list(self.outline.preamble)
            stack = list(self.outline.roots)
            while stack:
                node = stack.pop()
                parts += [node.heading, *node.paragraphs]
                stack += node.children
            self._text = "\n".join(parts)
        return self._text

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
            found = resp.from_heading(node.heading) or resp.from_duty_heading(
                node.heading, self._document_text()
            )
            if found is not None:
                return found
            if node.heading.rstrip().endswith(":"):
                return resp.from_intro(node.heading)
        return None

    def _walk(self, node: OutlineNode, section_kind: str, section: str, scope: Scope) -> None:
        own = self._lines_resp(node)
        lines = own or scope.lines
        if node.children and node.parent is not None and conventions.states_rules(node.heading):
            return
        if node.children and own is not None and _field_paragraph(node):
            # the item's content ("Nội dung: …") with its labelled lines is a task of its
            # own; its lines are not its sub-items'
            field = _paragraphs_as_item(node)
            self._walk(field, section_kind, section, Scope(scope.lines, scope.addressed))
            lines = scope.lines
        if node.children:
            addressed = self._intro_of(node) or scope.addressed
            inner = Scope(lines=lines, addressed=addressed)
            for child in node.children:
                self._walk(child, section_kind, section, inner)
            return
        ruling = items.rule(items.Item(node, section_kind, scope, lines), self.rules)
        if ruling.responsibility is not None:
            self._append(node, section, ruling.text, ruling.responsibility, lines)

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


def _field_paragraph(node: OutlineNode) -> bool:
    return bool(node.paragraphs) and conventions.opens_with_field(node.paragraphs[0])


def _paragraphs_as_item(section: OutlineNode) -> OutlineNode:
    """A section with running paragraphs and no items is one task-like item."""
    item = OutlineNode(kind="number", label=section.label, heading=section.paragraphs[0])
    item.paragraphs = section.paragraphs[1:]
    item.path = section.path
    item.responsibility = section.responsibility
    return item


def extract_tasks(outline: Outline, rules: Registry[ItemRule] | None = None) -> list[Task]:
    """The tasks of ``outline``; ``rules`` replaces the built-in item conventions."""
    return TaskExtractor(outline, rules).run()
