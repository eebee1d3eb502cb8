"""Item conventions: what a leaf item of a duty or organisation section says.

``TaskExtractor`` hands every leaf item (an ``Item``: the node, the kind of
its section, the responsibility lines and the addressee in scope) to the
processors of ``ITEM_RULES`` from the highest priority down. The first whose
``test`` holds and whose ``run`` returns a ``Ruling`` decides: either the
item is skipped (``Ruling.skip``) or it becomes a task with the ruling's
responsibility and text. ``run`` returns None when, on a closer look, the
convention does not apply; the next processor is then asked.

The order is the order of precedence of ``docs/parsing.md`` ("Who is
responsible"): a convention that names the body in the item itself beats the
item's own sentence, which beats responsibility lines, which beat the
addressee of an enclosing heading. To add a convention, write one processor
here (or in a caller's copy of the registry) and its fixture in
``tests/text/test_conventions.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from theodoi.text.extract import conventions
from theodoi.text.extract import responsibility as resp
from theodoi.text.model import OutlineNode, Responsibility
from theodoi.text.outline import assignment
from theodoi.text.registry import Registry


@dataclass
class Scope:
    """What the enclosing items say about who does the work."""

    lines: Responsibility | None = None  # from responsibility lines covering an ancestor
    addressed: Responsibility | None = None  # from an intro or addressee heading


@dataclass(frozen=True)
class Item:
    """A leaf item of a section, with what is in scope around it."""

    node: OutlineNode
    section_kind: str  # "duty", "org", or "trial" (a section read to see if it holds duties)
    scope: Scope
    lines: Responsibility | None  # the item's own responsibility lines, else the scope's

    @property
    def first(self) -> str:
        """The item's first sentence: its heading, else its first paragraph."""
        node = self.node
        return node.heading or (node.paragraphs[0] if node.paragraphs else "")

    @property
    def text(self) -> str:
        """The task's text when no convention rewrites it."""
        return conventions.field_text(self.node.text)


@dataclass(frozen=True)
class Ruling:
    """The decision on an item: a task with this responsibility and text, or no task."""

    responsibility: Responsibility | None
    text: str = ""

    @property
    def skip(self) -> bool:
        return self.responsibility is None


SKIP = Ruling(None)


class ItemRule(Protocol):
    def test(self, item: Item) -> bool: ...

    def run(self, item: Item) -> Ruling | None: ...


class AboutThePlan:
    """'Thời gian thực hiện: …', 'Chế độ báo cáo' inside TỔ CHỨC THỰC HIỆN describe
    the plan itself (they feed its metadata and reporting lines), not a duty."""

    def test(self, item: Item) -> bool:
        return item.section_kind == "org" and conventions.about_the_plan(item.node.heading)

    def run(self, item: Item) -> Ruling | None:
        return SKIP


class StatesAFact:
    """'2. Số lượng đơn vị kiểm tra: tối thiểu 20% …' states a fact about the plan
    ('label: value'), wherever it stands: not a duty."""

    def test(self, item: Item) -> bool:
        return conventions.states_a_fact(item.first)

    def run(self, item: Item) -> Ruling | None:
        return SKIP


class PointsToAppendix:
    """'Các nhiệm vụ, giải pháp cụ thể … được quy định tại Phụ lục kèm theo' only
    says where the duties are (the appendix's rows are the tasks): not a duty."""

    def test(self, item: Item) -> bool:
        return conventions.points_to_appendix(item.node.text)

    def run(self, item: Item) -> Ruling | None:
        return SKIP


class BodyPrefix:
    """'a) Cục Điện ảnh: …' names the body before the colon; the duty follows it.
    'Giao Sở Nội vụ: …' reads as one sentence, so its text is kept whole."""

    def test(self, item: Item) -> bool:
        return item.node.kind in ("number", "letter") and bool(item.node.heading)

    def run(self, item: Item) -> Ruling | None:
        node = item.node
        split = conventions.body_prefix(node.heading)
        if split is None:
            return None
        bodies, rest = split
        if conventions.GIAO.match(node.heading):
            return Ruling(conventions.own_duty(bodies, rest), node.text)
        return Ruling(conventions.own_duty(bodies, rest), "\n".join([rest, *node.paragraphs]))


class BodyHeading:
    """'2. Sở Nội vụ' above a paragraph gives the body; the heading is not part of the
    task's text (per-body headings of TỔ CHỨC THỰC HIỆN)."""

    def test(self, item: Item) -> bool:
        node = item.node
        return node.kind in ("number", "letter") and bool(node.heading) and bool(node.paragraphs)

    def run(self, item: Item) -> Ruling | None:
        node = item.node
        heading = conventions.body_heading(node.heading)
        if heading is None or not heading.implementing or heading.lead:
            return None
        text = "\n".join(node.paragraphs)
        return Ruling(conventions.own_duty(heading.implementing, node.paragraphs[0]), text)


class OwnSentence:
    """The item's own sentence names who does it ('Sở X chủ trì …'); a titled item
    ('4. Xây dựng tổ chức đảng …') may open its body with the subject instead."""

    def test(self, item: Item) -> bool:
        return True

    def run(self, item: Item) -> Ruling | None:
        node = item.node
        own = resp.from_text(item.first)
        if own.is_empty() and node.heading and node.paragraphs:
            own = resp.from_text(node.paragraphs[0])
        if own.is_empty() and item.section_kind == "duty":
            # "Y tế: Trạm Y tế xã …"; in TỔ CHỨC THỰC HIỆN "Kinh phí: …" is about the plan
            own = resp.from_text(conventions.after_topic(item.first))
        return None if own.is_empty() else Ruling(own, item.text)


class TrailingAssignment:
    """'Tổ chức học tập … . Giao X chủ trì, phối hợp với Y thực hiện, hoàn thành trong
    Quý IV/2025.': the item's last sentences only say who does it and by when."""

    def test(self, item: Item) -> bool:
        return "." in item.node.text.strip().rstrip(".")

    def run(self, item: Item) -> Ruling | None:
        tail = assignment.trailing_assignment(item.node.text)
        if tail is None:
            return None
        found = resp.from_assignment(tail)
        return None if found.is_empty() else Ruling(found, item.text)


class AddresseeLeads:
    """Under 'b) Bộ Nội vụ:', '- Chủ trì, phối hợp với các cơ quan liên quan …' makes the
    addressee the lead, '- Phối hợp với Y …' makes Y coordinate the addressee's work;
    any other item leaves it to the lines, then to the addressee."""

    def test(self, item: Item) -> bool:
        addressed = item.scope.addressed
        return addressed is not None and bool(addressed.implementing)

    def run(self, item: Item) -> Ruling | None:
        assert item.scope.addressed is not None
        duty = conventions.own_duty(item.scope.addressed.implementing, item.first)
        return Ruling(duty, item.text) if duty.lead or duty.coordinating else None


class ResponsibilityLines:
    """Labelled lines ('Đơn vị chủ trì: …', 'Thời gian hoàn thành: …') after the item
    or an ancestor give its roles."""

    def test(self, item: Item) -> bool:
        return item.lines is not None and not item.lines.is_empty()

    def run(self, item: Item) -> Ruling | None:
        return Ruling(item.lines, item.text)


class Addressee:
    """An intro ('Giao Sở X thực hiện các nhiệm vụ sau:') or an addressee heading above
    the item gives its body. In TỔ CHỨC THỰC HIỆN an item naming nobody is no task."""

    def test(self, item: Item) -> bool:
        return item.scope.addressed is not None

    def run(self, item: Item) -> Ruling | None:
        addressed = item.scope.addressed
        assert addressed is not None
        if item.section_kind == "org" and addressed.is_empty():
            return SKIP
        return Ruling(addressed, item.text)


class NamesNobody:
    """Last resort: a duty that names nobody is still a task (implementers.py may find
    its body later); in TỔ CHỨC THỰC HIỆN it is only a sentence about the plan."""

    def test(self, item: Item) -> bool:
        return True

    def run(self, item: Item) -> Ruling | None:
        return SKIP if item.section_kind == "org" else Ruling(Responsibility(), item.text)


def item_rules() -> Registry[ItemRule]:
    """A fresh registry of the built-in item conventions."""
    rules: Registry[ItemRule] = Registry()
    rules.register(AboutThePlan(), "about_the_plan", 100)
    rules.register(StatesAFact(), "states_a_fact", 95)
    rules.register(PointsToAppendix(), "points_to_appendix", 93)
    rules.register(BodyPrefix(), "body_prefix", 90)
    rules.register(BodyHeading(), "body_heading", 80)
    rules.register(OwnSentence(), "own_sentence", 60)
    rules.register(TrailingAssignment(), "trailing_assignment", 55)
    rules.register(AddresseeLeads(), "addressee_leads", 50)
    rules.register(ResponsibilityLines(), "responsibility_lines", 40)
    rules.register(Addressee(), "addressee", 30)
    rules.register(NamesNobody(), "names_nobody", 0)
    return rules


#: The item conventions the parser applies (copy it to add or replace one).
ITEM_RULES = item_rules()


def rule(item: Item, rules: Registry[ItemRule] = ITEM_RULES) -> Ruling:
    """The first ruling of ``rules`` on ``item`` (no task when none applies)."""
    for processor in rules:
        if processor.test(item):
            ruling = processor.run(item)
            if ruling is not None:
                return ruling
    return SKIP
