"""Typed results of parsing a plan document.

The JSON contract of ``theodoi parse --json`` (docs/extraction-spec.md) is a
rendering of these dataclasses (``ParseResult.to_json_dict``); the web app and
the benchmark read the same objects, so the shape lives in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

MarkerKind = Literal[
    "part", "chapter", "article", "roman", "number", "letter", "bullet", "table", "row", "caps"
]


@dataclass
class Timing:
    """A timing statement normalised for sorting and reminders.

    ``text`` is what the spec's ``timing`` field shows ("thường xuyên",
    "hằng năm", an ISO date, or a quarter/month as written); ``kind``,
    ``start`` and ``end`` let the app compute deadlines without re-parsing.
    """

    text: str
    kind: (
        str  # continuous | annual | date | quarter | month | year | year_range | half_year | other
    )
    start: str | None = None
    end: str | None = None
    month: int | None = None

    def to_json_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "start": self.start, "end": self.end}
        if self.month is not None:
            out["month"] = self.month
        return out


@dataclass
class Responsibility:
    """Who carries out a task: names as written, in order, without duplicates."""

    lead: list[str] = field(default_factory=list)
    coordinating: list[str] = field(default_factory=list)
    implementing: list[str] = field(default_factory=list)
    timing: Timing | None = None
    result: str | None = None

    def is_empty(self) -> bool:
        return not (self.lead or self.coordinating or self.implementing)

    def merged_over(self, base: Responsibility | None) -> Responsibility:
        """This responsibility where it says something, ``base`` elsewhere."""
        if base is None:
            return self
        if self.is_empty():
            out = Responsibility(list(base.lead), list(base.coordinating), list(base.implementing))
        else:
            out = Responsibility(list(self.lead), list(self.coordinating), list(self.implementing))
        out.timing = self.timing or base.timing
        out.result = self.result or base.result
        return out


@dataclass
class OutlineNode:
    """One numbered, lettered or bulleted item (or heading) of the document."""

    kind: MarkerKind
    label: str  # as printed: "III", "2.2", "a", "-", "Điều 3"
    heading: str  # text on the marker's own line(s)
    path: str = ""
    paragraphs: list[str] = field(default_factory=list)  # body paragraphs after the heading
    children: list[OutlineNode] = field(default_factory=list)
    parent: OutlineNode | None = field(default=None, repr=False)
    responsibility: Responsibility | None = None  # from responsibility lines covering it
    addressees: Responsibility | None = None  # from an intro sentence or addressee heading
    table_row: dict[str, str] | None = None  # cells of a task-table row
    page: int | None = None

    @property
    def text(self) -> str:
        """The item's whole text, one paragraph per line."""
        parts = [self.heading, *self.paragraphs] if self.heading else list(self.paragraphs)
        return "\n".join(p for p in parts if p)

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "label": self.label,
            "heading": self.heading,
            "children": [c.to_json_dict() for c in self.children],
        }


@dataclass
class Doubt:
    """One reason to check an extracted item (theodoi.text.confidence)."""

    code: str  # body_unknown | body_vague | body_clause | no_body | text_short | text_fragment | …
    part: str  # text | path | lead | coordinating | implementing | bodies | timing
    message: str
    subject: str = ""  # the body name or timing text concerned, as written
    confidence: float = 1.0

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "field": self.part,
            "subject": self.subject,
            "message": self.message,
            "confidence": self.confidence,
        }


@dataclass
class Task:
    path: str
    section: str
    text: str
    lead: list[str] = field(default_factory=list)
    coordinating: list[str] = field(default_factory=list)
    implementing: list[str] = field(default_factory=list)
    timing: Timing | None = None
    result: str | None = None
    source: Literal["body", "table"] = "body"
    # bodies read off the plan's organisation for a duty that names nobody
    # (``extract/implementers.py``); never part of lead/coordinating/implementing
    implied_implementing: list[str] = field(default_factory=list)
    confidence: float = 1.0  # the lowest of the parts below
    confidence_parts: dict[str, Any] = field(default_factory=dict)  # text, timing, bodies
    doubts: list[Doubt] = field(default_factory=list)

    def to_json_dict(self) -> dict[str, Any]:
        from theodoi.text.bodies import canonical_key

        out: dict[str, Any] = {
            "path": self.path,
            "section": self.section,
            "text": self.text,
            "lead": self.lead,
            "coordinating": self.coordinating,
            "implementing": self.implementing,
            "timing": self.timing.text if self.timing else None,
            "timing_normalized": self.timing.to_json_dict() if self.timing else None,
            "lead_keys": [canonical_key(b) for b in self.lead],
            "coordinating_keys": [canonical_key(b) for b in self.coordinating],
            "implementing_keys": [canonical_key(b) for b in self.implementing],
            "source": self.source,
            "confidence": self.confidence,
            "confidence_parts": self.confidence_parts
            or {"text": 1.0, "timing": None, "bodies": {}},
            "doubts": [d.to_json_dict() for d in self.doubts],
        }
        if self.result:
            out["result"] = self.result
        if self.implied_implementing:
            out["implied_implementing"] = self.implied_implementing
        return out


@dataclass
class Reporting:
    from_: str | None
    to: str | None
    via: str | None
    # annual | semiannual | quarterly | monthly | biweekly | weekly | once | on_request | periodic
    recurrence: str
    due: str | None  # MM-DD

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "from": self.from_,
            "to": self.to,
            "via": self.via,
            "recurrence": self.recurrence,
            "due": self.due,
        }


@dataclass
class DocumentInfo:
    kind: str = "other"
    number: str | None = None
    issuer: str | None = None
    issuer_type: str = "other"
    level: str | None = None
    place: str | None = None
    date: str | None = None
    title: str | None = None
    implements: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    issuer_parent: str | None = None  # the body above the issuer in the header ("UBND tỉnh X")
    draft: bool = False  # a draft: its number is left blank ("Số:   /KH-UBND")
    horizon: dict[str, Any] | None = None  # {"text": "giai đoạn 2026–2030", "start", "end"}

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "number": self.number,
            "draft": self.draft,
            "issuer": self.issuer,
            "issuer_parent": self.issuer_parent,
            "issuer_type": self.issuer_type,
            "level": self.level,
            "place": self.place,
            "date": self.date,
            "title": self.title,
            "horizon": self.horizon,
            "implements": self.implements,
            "references": self.references,
        }


@dataclass
class ParseResult:
    source: str
    restored: bool
    document: DocumentInfo
    focal_agency: str | None
    reporting: list[Reporting]
    outline: list[OutlineNode]
    tasks: list[Task]
    warnings: list[str] = field(default_factory=list)
    # the bodies "TỔ CHỨC THỰC HIỆN" charges with the whole plan
    implementers: list[str] = field(default_factory=list)

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "restored": self.restored,
            "document": self.document.to_json_dict(),
            "focal_agency": self.focal_agency,
            "reporting": [r.to_json_dict() for r in self.reporting],
            "outline": [n.to_json_dict() for n in self.outline],
            "tasks": [t.to_json_dict() for t in self.tasks],
            "warnings": list(self.warnings),
            "implementers": list(self.implementers),
        }
