"""Stage 5 (extract): tasks from the outline.

Tasks are the leaves of the duty sections ("NHIỆM VỤ, GIẢI PHÁP …"), the
leaves of "TỔ CHỨC THỰC HIỆN" that give a named body a duty, and the rows of
task tables. Which top-level sections are which is decided by the section
conventions of ``sections.SECTION_RULES`` (heading words, sections about the
plan itself, a section whose items give bodies work); what a leaf item says
(who does it, what its text is, whether it is a task at all) by the item
conventions of ``items.ITEM_RULES``. Both are priority ``Registry``s of
``test``/``run`` processors; ``extract_tasks(outline, rules, section_rules)``
takes others. The responsibility phrasings themselves are in
``responsibility.py``; a timing statement is attached when one is found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from theodoi.text.extract import conventions, items, sections
from theodoi.text.extract import responsibility as resp
from theodoi.text.extract.items import ItemRule, Scope
from theodoi.text.extract.sections import SectionRule, classify_section
from theodoi.text.extract.timing import parse_timing, timing_from_sentence
from theodoi.text.model import OutlineNode, Responsibility, Task, Timing
from theodoi.text.outline.tree import Outline
from theodoi.text.registry import Registry

__all__ = ["TaskExtractor", "classify_section", "extract_tasks"]


class TaskExtractor:
    def __init__(
        self,
        outline: Outline,
        rules: Registry[ItemRule] | None = None,
        section_rules: Registry[SectionRule] | None = None,
    ) -> None:
        self.outline = outline
        self.rules = items.ITEM_RULES if rules is None else rules
        self.section_rules = sections.SECTION_RULES if section_rules is None else section_rules
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
            # which sections hold tasks: the conventions of sections.SECTION_RULES
            kind = sections.classify(sections.Section(node, self._trial), self.section_rules)
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
                for child, child_scope in _flat_intros(node.children, scope):
                    self._walk(child, kind, node.heading, child_scope)
            elif node.kind in ("part", "chapter", "roman") or (
                node.kind == "number" and node.parent is None and node.children
            ):
                self._walk_sections(node.children)
            elif node.table_row is not None and not node.children:
                self._table_task(node, node.parent.heading if node.parent else "")
            else:
                # the rows of a task table are tasks wherever the table stands
                self._table_tasks(node)

    def _trial(self, node: OutlineNode) -> list[Task]:
        """The tasks ``node`` would give read as a section of duties (not kept).

        Read as "trial": the conventions that need to know a section holds duties
        before they look past a topic label ("Y tế: Trạm Y tế xã …") stay out of it.
        """
        start = len(self.tasks)
        if node.children:
            scope = Scope(addressed=self._intro_of(node))
            for child in node.children:
                self._walk(child, "trial", node.heading, scope)
        elif node.kind == "number":
            self._walk(node, "trial", node.heading, Scope())
        trial = self.tasks[start:]
        del self.tasks[start:]
        return trial

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
            heading = node.heading.strip()
            directing = conventions.directing_body(heading)
            found = (
                resp.from_heading(directing)
                or (resp.from_heading(heading) if directing != heading else None)
                or resp.from_duty_heading(node.heading, self._document_text())
            )
            if found is not None:
                return found
            if node.heading.rstrip().endswith(":"):
                return resp.from_intro(node.heading)
            return _body_prefix_intro(heading)
        return None

    def _walk(self, node: OutlineNode, section_kind: str, section: str, scope: Scope) -> None:
        own = self._lines_resp(node)
        lines = own or scope.lines
        if node.table_row is not None and not node.children:
            # a row of a task table in the plan's body: the item's intro "X chủ trì,
            # phối hợp với Y …" leads every row whose cells name no lead
            self._table_task(node, section, scope.addressed)
            return
        if node.children and node.parent is not None and conventions.states_rules(node.heading):
            return
        if node.parent is not None and conventions.states_targets(node.heading):
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
            for child, child_scope in _flat_intros(node.children, inner):
                self._walk(child, section_kind, section, child_scope)
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
        timing = (
            (lines.timing if lines else None)
            or chosen.timing
            or timing_from_sentence(node.text)
            or _year_heading_timing(node)
        )
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
            if node.table_row is not None:
                self._table_task(node, section)

    def _table_task(
        self, node: OutlineNode, section: str, intro: Responsibility | None = None
    ) -> None:
        """A row of a task table: its columns give the roles and the timing; an
        intro naming a lead gives the lead and coordinating bodies its cells lack."""
        row = node.table_row or {}
        lead = resp.split_bodies_cell(row.get("lead", ""))
        coordinating = resp.split_bodies_cell(row.get("coordinating", ""))
        implementing = resp.split_bodies_cell(row.get("implementing", ""))
        # a responsibility cell that labels its bodies ("Chủ trì: X / Phối hợp: Y")
        stated = resp.from_role_cell(row.get("implementing", ""))
        if stated is not None:
            lead = lead + [b for b in stated.lead if b not in lead]
            coordinating = coordinating + [b for b in stated.coordinating if b not in coordinating]
            implementing = stated.implementing
        if intro is not None and intro.lead and not lead and not coordinating:
            lead, coordinating = list(intro.lead), list(intro.coordinating)
        self.tasks.append(
            Task(
                path=node.path,
                section=section,
                text=row.get("text", node.heading),
                lead=lead,
                coordinating=coordinating,
                implementing=implementing,
                timing=parse_timing(row.get("timing")),
                result=row.get("result") or None,
                source="table",
            )
        )


def _body_prefix_intro(heading: str) -> Responsibility | None:
    """'1. Sở Nội vụ: theo dõi, đôn đốc …; tổng hợp, báo cáo …' over lettered duties:
    a per-body heading that states the body's own work first; its sub-items are that
    body's duties, led when the heading says "chủ trì"."""
    prefixed = conventions.body_prefix(heading)
    if prefixed is None:
        return None
    bodies, rest = prefixed
    stated = resp.from_text(f"{', '.join(bodies)} {rest}")
    if stated.lead:
        return stated
    return Responsibility(implementing=bodies)


def _flat_intros(children: list[OutlineNode], scope: Scope) -> Iterator[tuple[OutlineNode, Scope]]:
    """Each child with the scope it is read in.

    Word's automatic numbering often flattens an introduction and its duties
    into one sequence ("1. Giao phòng X thực hiện các công việc sau:" then
    "2. …", "3. …"): an item that only introduces (it ends with a colon, has no
    text or items of its own, and names bodies) is then no task, and addresses
    the siblings after it until the next such introduction.
    """
    for index, child in enumerate(children):
        intro = _bare_intro(child) if index + 1 < len(children) else None
        if intro is not None:
            scope = Scope(lines=scope.lines, addressed=intro)
            continue
        yield child, scope


def _bare_intro(node: OutlineNode) -> Responsibility | None:
    if node.children or node.paragraphs or node.responsibility is not None:
        return None
    if not node.heading.rstrip().endswith(":"):
        return None
    found = resp.from_intro(node.heading)
    return None if found is None or found.is_empty() else found


def _field_paragraph(node: OutlineNode) -> bool:
    return bool(node.paragraphs) and conventions.opens_with_field(node.paragraphs[0])


def _paragraphs_as_item(section: OutlineNode) -> OutlineNode:
    """A section with running paragraphs and no items is one task-like item."""
    item = OutlineNode(kind="number", label=section.label, heading=section.paragraphs[0])
    item.paragraphs = section.paragraphs[1:]
    item.path = section.path
    item.responsibility = section.responsibility
    return item


def extract_tasks(
    outline: Outline,
    rules: Registry[ItemRule] | None = None,
    section_rules: Registry[SectionRule] | None = None,
) -> list[Task]:
    """The tasks of ``outline``; ``rules`` / ``section_rules`` replace the built-in
    item / section conventions."""
    return TaskExtractor(outline, rules, section_rules).run()


#: "2. Năm 2026": a heading that is only a year, in a work programme grouped by year
_YEAR_HEADING = re.compile(r"^(?:Năm|NĂM)\s+(?:19|20)\d\d\s*[:.]?$")


def _year_heading_timing(node: OutlineNode) -> Timing | None:
    """The year an item sits under (or is) in a programme grouped by year: its timing
    when the item states none of its own (bench/gold/README.md conventions)."""
    current: OutlineNode | None = node
    while current is not None:
        heading = current.heading.strip().strip("*_ ")
        if _YEAR_HEADING.match(heading):
            return parse_timing(heading.rstrip(":."))
        current = current.parent
    return None
