"""A plan seen for comparison: its themes and the tasks under each.

A *theme* is a numbered item directly under a duty section ("III. NHIỆM VỤ,
GIẢI PHÁP" → "1. Tuyên truyền …", "2. …"): the level at which a lower plan
takes up, splits or drops what the higher plan asks. The same shape is built
from a fresh parse (``from_parse_result``) or from what the database stores
(the Django side passes headings and tasks as plain tuples), so both give
the same comparison.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from theodoi.text.extract.tasks import classify_section
from theodoi.text.model import OutlineNode, ParseResult
from theodoi.text.vietnamese import strip_diacritics


@dataclass(frozen=True)
class Heading:
    path: str
    heading: str
    parent: str | None


@dataclass(frozen=True)
class TaskText:
    path: str
    text: str


@dataclass
class Theme:
    path: str
    heading: str
    tasks: list[TaskText] = field(default_factory=list)

    @property
    def text(self) -> str:
        """Heading and every task under it: what the theme asks, in full."""
        parts = [self.heading] + [t.text for t in self.tasks if t.text != self.heading]
        return "\n".join(p for p in parts if p)


@dataclass
class PlanThemes:
    title: str
    themes: list[Theme]

    @property
    def tasks(self) -> list[TaskText]:
        return [task for theme in self.themes for task in theme.tasks]


_SEPARATORS = ".-~"
_MARKER = re.compile(r"^\s*(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])\s*[.)\-–:]\s+", re.IGNORECASE)


def is_under(path: str, ancestor: str) -> bool:
    """``III.2-1`` and ``III.2.a`` are under ``III.2``; ``III.20`` is not."""
    return path == ancestor or (
        path.startswith(ancestor)
        and len(path) > len(ancestor)
        and path[len(ancestor)] in _SEPARATORS
    )


_ORG_WITH_DUTIES = re.compile(r"^(?:cac )?(?:nhiem vu|giai phap)")


def is_duty_section(heading: str) -> bool:
    """A duty section, including "GIẢI PHÁP THỰC HIỆN VÀ PHÂN CÔNG NHIỆM VỤ"
    (which the task extractor reads as an assignment section)."""
    kind = classify_section(heading)
    if kind == "org":
        return bool(_ORG_WITH_DUTIES.match(strip_diacritics(heading).lower().strip()))
    return kind == "duty"


def themes_of(title: str, headings: Iterable[Heading], tasks: Iterable[TaskText]) -> PlanThemes:
    """Themes: children of each duty section. A plan without one (a bare
    task list or table) gets one theme per group of tasks sharing a parent."""
    headings = list(headings)
    tasks = [TaskText(t.path, _MARKER.sub("", t.text.strip())) for t in tasks]
    duty = {h.path for h in headings if is_duty_section(h.heading)}
    # the outermost duty sections only: "2. Nhiệm vụ" inside "II. CHỈ TIÊU, NHIỆM VỤ" is a theme
    outer = {p for p in duty if not any(is_under(p, q) and p != q for q in duty)}
    themes = [
        Theme(h.path, _MARKER.sub("", h.heading.strip()))
        for h in headings
        if h.parent in outer and h.heading.strip()
    ]
    if not themes:
        themes = _groups(tasks)
    for theme in themes:
        theme.tasks = [t for t in tasks if is_under(t.path, theme.path)]
    return PlanThemes(title, themes)


def _groups(tasks: list[TaskText]) -> list[Theme]:
    groups: dict[str, Theme] = {}
    for task in tasks:
        parent = re.split(r"[.\-~](?=[^.\-~]*$)", task.path)[0]
        if parent not in groups:
            groups[parent] = Theme(parent, task.text.split("\n", 1)[0])
    if len(groups) <= 1:
        return [Theme(t.path, t.text.split("\n", 1)[0]) for t in tasks]
    return list(groups.values())


def from_parse_result(result: ParseResult) -> PlanThemes:
    headings: list[Heading] = []

    def walk(nodes: list[OutlineNode], parent: str | None) -> None:
        for node in nodes:
            headings.append(Heading(node.path, node.heading, parent))
            walk(node.children, node.path)

    walk(result.outline, None)
    tasks = [TaskText(t.path, t.text) for t in result.tasks]
    title = " ".join(x for x in (result.document.number, result.document.title) if x)
    return themes_of(title, headings, tasks)


def from_json_dict(data: dict[str, Any]) -> PlanThemes:
    """From the JSON of ``theodoi parse --json`` (so a slow parse, a scan's
    OCR for instance, is done once)."""
    headings: list[Heading] = []

    def walk(nodes: list[dict[str, Any]], parent: str | None) -> None:
        for node in nodes:
            headings.append(Heading(node["path"], node.get("heading") or "", parent))
            walk(node.get("children") or [], node["path"])

    walk(data.get("outline") or [], None)
    tasks = [TaskText(t["path"], t.get("text") or "") for t in data.get("tasks") or []]
    document = data.get("document") or {}
    title = " ".join(x for x in (document.get("number"), document.get("title")) if x)
    return themes_of(title, headings, tasks)
