"""Section conventions: which top-level sections of a plan hold its tasks.

``TaskExtractor`` asks the processors of ``SECTION_RULES`` about every
top-level section (a Roman or numbered section, a part, a chapter, a
decision's article), from the highest priority down. The first whose
``test`` holds and whose ``run`` gives a kind decides:

- ``DUTY``: a section of duties ("NHIỆM VỤ, GIẢI PHÁP …"); its leaves are tasks;
- ``ORG``: "TỔ CHỨC THỰC HIỆN"; its leaves that give a named body work are tasks;
- ``NO_TASKS``: decided, holds no tasks (a section about the plan itself, a
  bullet, a decision's article that only issues the plan).

``run`` returns None when, on a closer look, the convention does not apply;
the next processor is then asked. When none decides, the section holds no
tasks of its own, but the sections inside a part, chapter or Roman section
are asked in their turn.

Heading words come first (they say what a section is), then the sections
that are about the plan itself, and last the structural convention: a
top-level section whose items give bodies work is a section of duties
whatever its heading says. To add a convention, write one processor here (or
in a caller's copy of the registry) and its fixture in
``tests/text/test_conventions.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from theodoi.text.extract import conventions
from theodoi.text.model import OutlineNode, Task
from theodoi.text.registry import Registry
from theodoi.text.vietnamese import strip_diacritics

DUTY = "duty"
ORG = "org"
NO_TASKS = "none"

_DUTY = re.compile(
    r"nhi\w{0,2}m v\w|giai phap|bien phap|"
    r"noi dung (?:thuc hien|chu yeu|trong tam|ke hoach|cong viec|cong tac)|"
    r"cac hoat dong|chuong trinh cong tac|nhom nhiem vu"
)
_NOT_DUTY = re.compile(
    r"^(?:muc dich|muc tieu|quan diem|tinh hinh|yeu cau|ket qua|danh gia|can cu)"
)
_ORG = re.compile(
    r"to ch\S{1,4} th\S{1,4} hi\S{1,3}n|phan cong (?:nhiem vu|thuc hien|trach nhiem)|"
    r"^trach nhiem|trach nhiem thuc hien"
)


#: "NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG TRÁCH NHIỆM": the duties, each with who does it.
_DUTY_ASSIGNED = re.compile(r"^noi dung\b[^.]{0,60}\bphan cong\b")


def _folded(heading: str) -> str:
    return strip_diacritics(heading).lower().strip()


def org_heading(heading: str) -> bool:
    """'TỔ CHỨC THỰC HIỆN', 'PHÂN CÔNG NHIỆM VỤ', 'TRÁCH NHIỆM THỰC HIỆN'."""
    folded = _folded(heading)
    return bool(_ORG.search(folded)) and not _DUTY_ASSIGNED.match(folded)


def duty_heading(heading: str) -> bool:
    """'NHIỆM VỤ, GIẢI PHÁP', 'NỘI DUNG THỰC HIỆN', 'CÁC HOẠT ĐỘNG' (not 'MỤC TIÊU …'),
    'NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG TRÁCH NHIỆM'."""
    folded = _folded(heading)
    if _DUTY_ASSIGNED.match(folded):
        return True
    return bool(_DUTY.search(folded)) and not (_NOT_DUTY.match(folded) and "nhiem vu" not in folded)


def classify_section(heading: str) -> str | None:
    """The kind a heading's words give ("org", "duty" or None), for callers that
    only have the heading (the rules ``org_heading`` and ``duty_heading``)."""
    if org_heading(heading):
        return ORG
    if duty_heading(heading):
        return DUTY
    return None


@dataclass(frozen=True)
class Section:
    """A top-level section, and a way to try reading it as duties.

    ``trial`` reads the section's leaves as duty items without keeping them
    (the tasks they would give), for conventions that judge a section by
    what its items say.
    """

    node: OutlineNode
    trial: Callable[[OutlineNode], list[Task]]


class SectionRule(Protocol):
    def test(self, section: Section) -> bool: ...

    def run(self, section: Section) -> str | None: ...


class BulletIsNoSection:
    """A bullet at the top of the outline is running text, never a section."""

    def test(self, section: Section) -> bool:
        return section.node.kind == "bullet"

    def run(self, section: Section) -> str | None:
        return NO_TASKS


class DecisionArticle:
    """A decision's articles ("Điều 1. Ban hành kèm theo …") hold no tasks, but a
    decision carrying its own scheme may give the bodies their work in an article
    "Điều 2. Tổ chức thực hiện", read as that section."""

    def test(self, section: Section) -> bool:
        return section.node.kind == "article"

    def run(self, section: Section) -> str | None:
        return ORG if org_heading(section.node.heading) else NO_TASKS


class OrgHeading:
    """'TỔ CHỨC THỰC HIỆN', 'PHÂN CÔNG NHIỆM VỤ': who carries the plan out."""

    def test(self, section: Section) -> bool:
        return org_heading(section.node.heading)

    def run(self, section: Section) -> str | None:
        return ORG


_DUTIES_ASSIGNED = re.compile(
    r"^(?:[ivxlc]+\s*[.)]?\s*)?phan cong nhiem vu\b(?!.*to chuc thuc hien)"
)


class DutiesAssigned:
    """'PHÂN CÔNG NHIỆM VỤ' over thematic items whose sentences give bodies work is
    where a party plan states its duties (a separate 'TỔ CHỨC THỰC HIỆN' follows):
    every leaf is a duty, also one whose subject is not read as a body name. When
    its items do not give work, the heading's other reading (organisation) stands."""

    def test(self, section: Section) -> bool:
        return bool(_DUTIES_ASSIGNED.match(_folded(section.node.heading)))

    def run(self, section: Section) -> str | None:
        trial = section.trial(section.node)
        with_bodies = sum(1 for t in trial if t.lead or t.coordinating or t.implementing)
        return DUTY if conventions.gives_work(with_bodies, len(trial)) else None


class DutyHeading:
    """'NHIỆM VỤ, GIẢI PHÁP', 'NỘI DUNG THỰC HIỆN', 'CÁC HOẠT ĐỘNG': the duties."""

    def test(self, section: Section) -> bool:
        return duty_heading(section.node.heading)

    def run(self, section: Section) -> str | None:
        return DUTY


_INSPECTED = re.compile(
    r"^(?:[ivxlc]+\.?\s*)?noi dung\b[^.]{0,30}\b(?:kiem tra|giam sat|thanh tra|khao sat)\b"
)


class InspectionContent:
    """'NỘI DUNG (TRỌNG TÂM) KIỂM TRA' in an inspection or supervision plan lists what
    the inspectors look at ('Việc ban hành …', 'Công tác …'), not duties."""

    def test(self, section: Section) -> bool:
        return bool(_INSPECTED.match(_folded(section.node.heading)))

    def run(self, section: Section) -> str | None:
        return NO_TASKS


class AboutThePlan:
    """Objectives, duration, reporting regime, funding, targets …: sections about
    the plan itself hold no tasks, even when their items name bodies."""

    def test(self, section: Section) -> bool:
        return conventions.not_tasks_heading(section.node.heading)

    def run(self, section: Section) -> str | None:
        return NO_TASKS


class GivesWork:
    """A top-level section whose items give bodies work is a section of duties
    whatever its heading says ("NỘI DUNG", "Hoàn thiện hạ tầng số", a letter's bare
    numbered points). A numbered item inside a section is not top-level, and a
    Roman section, part or chapter whose sub-sections say what they are is left
    to them."""

    def test(self, section: Section) -> bool:
        node = section.node
        if node.kind in ("bullet", "article", "table"):
            return False
        if node.kind == "number" and node.parent is not None:
            return False
        return not (
            node.kind in ("roman", "part", "chapter")
            and any(
                classify_section(c.heading)
                for c in node.children
                if conventions.is_title(c.heading)  # a duty's sentence is no sub-title
            )
        )

    def run(self, section: Section) -> str | None:
        trial = section.trial(section.node)
        with_bodies = sum(1 for t in trial if t.lead or t.coordinating or t.implementing)
        return DUTY if conventions.gives_work(with_bodies, len(trial)) else None


def section_rules() -> Registry[SectionRule]:
    """A fresh registry of the built-in section conventions."""
    rules: Registry[SectionRule] = Registry()
    rules.register(BulletIsNoSection(), "bullet", 100)
    rules.register(DecisionArticle(), "decision_article", 90)
    rules.register(DutiesAssigned(), "duties_assigned", 85)
    rules.register(OrgHeading(), "org_heading", 80)
    rules.register(InspectionContent(), "inspection_content", 75)
    rules.register(DutyHeading(), "duty_heading", 70)
    rules.register(AboutThePlan(), "about_the_plan", 60)
    rules.register(GivesWork(), "gives_work", 10)
    return rules


#: The section conventions the parser applies (copy it to add or replace one).
SECTION_RULES = section_rules()


def classify(section: Section, rules: Registry[SectionRule] = SECTION_RULES) -> str | None:
    """The kind the first deciding rule gives ``section`` ("duty" or "org"), None
    when it holds no tasks of its own."""
    for processor in rules:
        if processor.test(section):
            kind = processor.run(section)
            if kind is not None:
                return None if kind == NO_TASKS else kind
    return None
