"""Typed results of parsing a plan document.

The JSON contract of ``theodoi parse --json`` (docs/extraction-spec.md) is a
rendering of these dataclasses (``ParseResult.to_json_dict``); the web app and
the benchmark read the same objects, so the shape lives in one place.
``ParseResult.from_json_dict`` reads that JSON back (the parser runs in a
child process, and a result may be written by hand), refusing with a
ValueError that names the object and the field at fault, so the importer
works on typed objects only.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any, Literal, cast

MarkerKind = Literal[
    "part", "chapter", "article", "roman", "number", "letter", "bullet", "table", "row", "caps"
]


class _JsonObject:
    """One JSON object of a parse result, read field by field.

    WHY: a result comes from a child process or from a person's hand; every
    fault is reported with the object (``where``: "task 3 of the parse
    result") and the field, so whoever wrote it can find and fix it. A
    missing field or ``null`` takes the dataclass's default; unknown fields
    are left alone (the stored result carries the importer's notes too).
    """

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, dict):
            raise ValueError(f"{where} is not a JSON object")
        self.data: dict[str, Any] = data
        self.where = where

    def fault(self, key: str, what: str) -> ValueError:
        return ValueError(f'"{key}" in {self.where} {what}')

    def text(self, key: str, default: str = "") -> str:
        value = self.optional_text(key)
        return default if value is None else value

    def optional_text(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is None or isinstance(value, str):
            return value
        raise self.fault(key, "is not a string")

    def strings(self, key: str) -> list[str]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.fault(key, "is not a list of strings")
        return list(value)

    def items(self, key: str) -> list[Any]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fault(key, "is not a list")
        return value

    def flag(self, key: str) -> bool:
        value = self.data.get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise self.fault(key, "is not true or false")
        return value

    def number(self, key: str, default: float) -> float:
        value = self.data.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fault(key, "is not a number")
        return value

    def optional_int(self, key: str) -> int | None:
        value = self.data.get(key)
        if value is None or (isinstance(value, int) and not isinstance(value, bool)):
            return value
        raise self.fault(key, "is not a whole number")

    def optional_mapping(self, key: str) -> dict[str, Any] | None:
        value = self.data.get(key)
        if value is None or isinstance(value, dict):
            return value
        raise self.fault(key, "is not a JSON object")

    def optional_date(self, key: str) -> str | None:
        value = self.optional_text(key)
        if value:
            _check_iso_date(value, lambda: self.fault(key, f"{value!r} is not an ISO date"))
        return value

    def choice(self, key: str, choices: tuple[str, ...], default: str) -> str:
        value = self.text(key, default)
        if value not in choices:
            raise self.fault(key, f"{value!r} is not one of {', '.join(choices)}")
        return value


def _check_iso_date(value: str, fault: Any) -> None:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        raise fault() from None


def _kind_of_label(label: str) -> MarkerKind:
    """The marker kind a printed label suggests: the JSON outline does not
    carry the kind, and a label says it well enough for anything reading
    the tree back ("III" roman, "2.1" number, "a" letter, "-" bullet)."""
    words: dict[str, MarkerKind] = {
        "phần": "part",
        "chương": "chapter",
        "mục": "chapter",
        "điều": "article",
    }
    first = label.split(" ", 1)[0].lower()
    if first in words:
        return words[first]
    if re.fullmatch(r"[IVXLC]+", label):
        return "roman"
    if re.fullmatch(r"\(?\d+(?:\.\d+)*\)?", label):
        return "number"
    if re.fullmatch(r"[a-zđ]", label):
        return "letter"
    if label and not any(ch.isalnum() for ch in label):
        return "bullet"
    return "caps"


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

    @classmethod
    def from_json_dict(
        cls, data: Any, text: str | None, where: str = "the timing"
    ) -> Timing | None:
        """The timing a task's ``timing`` text and ``timing_normalized`` object
        give; None when neither says anything. A text without its reading
        (a result written by hand) is kind "other": the importer then reads
        the words themselves."""
        if data is None:
            return Timing(text, "other") if text and text.strip() else None
        fields = _JsonObject(data, where)
        month = fields.optional_int("month")
        if month is not None and not 1 <= month <= 12:
            raise fields.fault("month", f"{month} is not a month")
        return cls(
            text or "",
            fields.text("kind", "other"),
            fields.optional_date("start"),
            fields.optional_date("end"),
            month,
        )


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

    @classmethod
    def from_json_dict(
        cls, data: Any, where: str = "the outline item", parent: OutlineNode | None = None
    ) -> OutlineNode:
        """A heading of the tree and its children (no paragraphs: the JSON
        outline carries headings only; ``kind`` is read off the label)."""
        fields = _JsonObject(data, where)
        label = fields.text("label")
        node = cls(
            _kind_of_label(label), label, fields.text("heading"), fields.text("path"), parent=parent
        )
        node.children = [
            cls.from_json_dict(child, f"child {number} of {where}", node)
            for number, child in enumerate(fields.items("children"), 1)
        ]
        return node


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

    @classmethod
    def from_json_dict(cls, data: Any, where: str = "the doubt") -> Doubt:
        fields = _JsonObject(data, where)
        return cls(
            code=fields.text("code"),
            part=fields.text("field"),
            message=fields.text("message"),
            subject=fields.text("subject"),
            confidence=fields.number("confidence", 1.0),
        )


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

    @classmethod
    def from_json_dict(cls, data: Any, where: str = "the task") -> Task:
        """A task of the JSON contract; the ``*_keys`` fields are derived from
        the names, so they are not read."""
        if not isinstance(data, dict) or not str(data.get("text") or "").strip():
            raise ValueError(f"{where} has no text")
        fields = _JsonObject(data, where)
        parts = fields.optional_mapping("confidence_parts") or {}
        return cls(
            path=fields.text("path"),
            section=fields.text("section"),
            text=fields.text("text"),
            lead=fields.strings("lead"),
            coordinating=fields.strings("coordinating"),
            implementing=fields.strings("implementing"),
            timing=Timing.from_json_dict(
                fields.optional_mapping("timing_normalized"),
                fields.optional_text("timing"),
                f"the timing of {where}",
            ),
            result=fields.optional_text("result"),
            source=cast(
                Literal["body", "table"], fields.choice("source", ("body", "table"), "body")
            ),
            implied_implementing=fields.strings("implied_implementing"),
            confidence=fields.number("confidence", 1.0),
            confidence_parts=dict(parts),
            doubts=[
                Doubt.from_json_dict(doubt, f"doubt {number} of {where}")
                for number, doubt in enumerate(fields.items("doubts"), 1)
            ],
        )


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

    @classmethod
    def from_json_dict(cls, data: Any, where: str = "the reporting duty") -> Reporting:
        """A reporting duty; a missing recurrence is "periodic" (said, not when)."""
        fields = _JsonObject(data, where)
        return cls(
            from_=fields.optional_text("from"),
            to=fields.optional_text("to"),
            via=fields.optional_text("via"),
            recurrence=fields.text("recurrence", "periodic"),
            due=fields.optional_text("due"),
        )


@dataclass
class Horizon:
    """The period a plan covers as its title states it: "giai đoạn 2026–2030"
    (2026, 2030), "đến năm 2030" (no start), "năm 2026" (2026, 2026)."""

    text: str
    start: int | None = None
    end: int | None = None

    def to_json_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_json_dict(cls, data: Any, where: str = "the horizon") -> Horizon:
        fields = _JsonObject(data, where)
        return cls(fields.text("text"), fields.optional_int("start"), fields.optional_int("end"))


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
    horizon: Horizon | None = None  # "giai đoạn 2026–2030" from the title

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
            "horizon": self.horizon.to_json_dict() if self.horizon else None,
            "implements": self.implements,
            "references": self.references,
        }

    @classmethod
    def from_json_dict(
        cls, data: Any, where: str = 'the "document" of the parse result'
    ) -> DocumentInfo:
        fields = _JsonObject(data, where)
        date = fields.optional_text("date")
        horizon = fields.optional_mapping("horizon")
        if date:
            _check_iso_date(date, lambda: ValueError(f"document date {date!r} is not an ISO date"))
        return cls(
            kind=fields.text("kind", "other"),
            number=fields.optional_text("number"),
            issuer=fields.optional_text("issuer"),
            issuer_type=fields.text("issuer_type", "other"),
            level=fields.optional_text("level"),
            place=fields.optional_text("place"),
            date=date,
            title=fields.optional_text("title"),
            implements=fields.strings("implements"),
            references=fields.strings("references"),
            issuer_parent=fields.optional_text("issuer_parent"),
            draft=fields.flag("draft"),
            horizon=None
            if horizon is None
            else Horizon.from_json_dict(horizon, f'the "horizon" of {where}'),
        )


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

    @classmethod
    def from_json_dict(cls, data: Any) -> ParseResult:
        """The typed result of the JSON ``to_json_dict`` writes (or a person
        wrote by hand: absent fields take their defaults); raises ValueError
        naming the task or object and the field that does not fit the contract.
        Keys outside the contract (the importer's notes) are ignored."""
        fields = _JsonObject(data, "the parse result")
        if not isinstance(fields.data.get("document"), dict):
            raise ValueError('the parse result has no "document" object')
        if not isinstance(fields.data.get("tasks"), list):
            raise ValueError('the parse result has no "tasks" list')
        document = DocumentInfo.from_json_dict(fields.data["document"])
        return cls(
            source=fields.text("source"),
            restored=fields.flag("restored"),
            document=document,
            focal_agency=fields.optional_text("focal_agency"),
            reporting=[
                Reporting.from_json_dict(entry, f"reporting duty {number} of the parse result")
                for number, entry in enumerate(fields.items("reporting"), 1)
            ],
            outline=[
                OutlineNode.from_json_dict(node, f"outline item {number} of the parse result")
                for number, node in enumerate(fields.items("outline"), 1)
            ],
            tasks=[
                Task.from_json_dict(task, f"task {number} of the parse result")
                for number, task in enumerate(fields.data["tasks"], 1)
            ],
            warnings=fields.strings("warnings"),
            implementers=fields.strings("implementers"),
        )
