"""How sure the parser is of each task, body and timing, and why not.

WHY: an officer reviewing an extracted plan cannot re-read a 70-task tree
against the source. Each rule below names one reason the reading may be
wrong; the review screen lists the items with a doubt first, so the officer
checks a handful of items instead of the whole tree.

``assess_tasks`` is a function of the typed parse results: it returns, per
task, an ``Assessment`` (confidence of the text, of each body, of the timing,
the overall minimum and the list of ``Doubt``). It changes nothing else.

Confidences are on 0–1. A doubt below ``REVIEW_BELOW`` puts the task on the
review list; milder doubts (e.g. a restored scan whose text reads cleanly)
only mark it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from theodoi.text.bodies import body_heads, looks_like_body, subject_verbs
from theodoi.text.model import Doubt, OutlineNode, Task, Timing
from theodoi.text.outline.markers import roman_value

#: A task whose confidence is below this goes on the review list.
REVIEW_BELOW = 0.75

#: (code, confidence, message); the message is a short English explanation,
#: the web app shows its own translated label for the code.
RULES: dict[str, tuple[float, str]] = {
    "body_unknown": (0.5, "the name does not match a known kind of agency or office-holder"),
    "body_clause": (0.4, "the name reads like a clause or a sentence fragment, not an agency"),
    "body_vague": (0.7, "a vague phrase, not a named agency"),
    "body_vague_aside": (0.9, "a vague phrase beside named agencies"),
    "no_body": (0.8, "no agency is assigned to this task"),
    "body_implied": (0.8, "the agency is implied by the plan's organisation, not named"),
    "text_short": (0.5, "the task text is very short"),
    "text_fragment": (0.6, "the task text looks like a fragment of a sentence"),
    "text_is_body": (0.4, "the task text is only the name of an agency (a heading?)"),
    "text_is_plan_matter": (0.5, "the text is about the plan's duration, reporting or funding"),
    "timing_unparsed": (0.6, "the timing statement could not be read as a date or period"),
    "restored": (0.85, "text restored from a scan or damaged text layer"),
    "restored_low": (0.5, "restored text still contains unreadable words"),
    "path_gap": (0.6, "the numbering skips an item before this one"),
    "table_partial": (0.6, "a table row without agency or deadline cells"),
}

_VAGUE = re.compile(
    r"^(?:và\s+)?(?:các|những|mọi)?\s*"
    r"(?:cơ quan|đơn vị|tổ chức|địa phương|bộ phận|cá nhân|lực lượng)"
    r"(?:\s*,\s*(?:cơ quan|đơn vị|tổ chức|địa phương|cá nhân))*\s+(?:có\s+)?liên quan\.?$",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+", re.UNICODE)
# a person with the post they hold: "Đỗ Văn An - Phó Trưởng đoàn", "Bà Lê Thị Hoa, Thư ký"
_NAME_WORD = r"[A-ZĐÀ-Ỹ][a-zà-ỹđ]+"
_PERSON = re.compile(
    rf"^(?:(?:Ông|Bà|Đ/c|đồng chí)\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}}\s*[-–,:(]\s*\S"
)
_FRAGMENT_END = re.compile(r"(?:\b(?:và|của|với|các|cho|để|theo|tại|trong|về)|[,:(])$", re.I)
# OCR residue that restoration left: letters mixed with digits or stray symbols
_RESIDUE = re.compile(r"(?<!\S)(?=\S*[A-Za-zÀ-ỹ])(?=\S*[0-9¢£§|~^])[^\s/.\-–]{2,}(?!\S)")
# codes and numbers that legitimately mix letters and digits: "CT03", "5G", "12a", "COVID-19"
_LEGIT_MIXED = re.compile(r"^(?:[A-ZĐ0-9]+|\d+[a-zđ]?|[A-ZĐ]\d+|(?i:covid-?19))$")


@dataclass
class Assessment:
    """What ``assess_task`` found for one task."""

    text: float = 1.0
    timing: float | None = None
    bodies: dict[str, float] = field(default_factory=dict)
    doubts: list[Doubt] = field(default_factory=list)

    @property
    def confidence(self) -> float:
        values = [self.text, *self.bodies.values()]
        if self.timing is not None:
            values.append(self.timing)
        return round(min(values), 2)

    def add(self, code: str, field_name: str, subject: str = "") -> float:
        value, message = RULES[code]
        self.doubts.append(Doubt(code, field_name, message, subject, value))
        return value


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


@lru_cache(maxsize=1)
def _clause_verbs() -> tuple[str, ...]:
    """Subject verbs that make a "body" a clause, as " verb " (whole words).

    Short verbs and body head words are left out: "tổ chức" names a body as
    well as an action.
    """
    heads = set(body_heads())
    return tuple(f" {v} " for v in subject_verbs() if len(v) > 3 and v not in heads)


def body_doubt(name: str) -> str | None:
    """The doubt code for one body name, or None when it reads as an agency."""
    stripped = name.strip(" ,;.:")
    if _VAGUE.match(stripped):
        return "body_vague"
    words = stripped.split()
    low = " " + stripped.lower() + " "
    verbs = [v for v in _clause_verbs() if v in low]
    if len(words) > 18 or (verbs and len(words) > 8) or stripped.endswith((".", "!")):
        return "body_clause"
    if not looks_like_body(stripped) and not _PERSON.match(stripped):
        return "body_unknown"
    return None


_PLAN_MATTER = re.compile(
    r"^(?:Thời gian thực hiện|Thời gian triển khai|Chế độ báo cáo|Chế độ thông tin|Kinh phí"
    r"(?: thực hiện)?|Nguồn kinh phí|Hiệu lực thi hành)\b\s*[:.]?",
    re.IGNORECASE,
)


def text_doubt(text: str) -> str | None:
    first = text.strip().splitlines()[0].strip() if text.strip() else ""
    words = _words(text)
    if _PLAN_MATTER.match(first):
        return "text_is_plan_matter"
    if (
        "\n" not in text.strip()
        and len(words) <= 12
        and first[:1].isupper()
        and not first.lower().startswith("tổ chức ")  # a verb as often as a noun
        and not _FRAGMENT_END.search(first)
        and looks_like_body(first)
        and body_doubt(first) is None
    ):
        return "text_is_body"  # "2. Sở Nội vụ" read as a task
    if len(words) < 4 or len(text.strip()) < 20:
        return "text_short"
    if first[:1].islower() or _FRAGMENT_END.search(text.strip()):
        return "text_fragment"
    return None


def timing_doubt(timing: Timing | None) -> str | None:
    if timing is None:
        return None
    return "timing_unparsed" if timing.kind == "other" else None


def has_ocr_residue(text: str) -> bool:
    """Restored text that still holds tokens mixing letters with digits or junk symbols."""
    for m in _RESIDUE.finditer(text):
        token = m.group(0).strip("()[],;:")
        if token and not _LEGIT_MIXED.match(token) and not re.search(r"\d[-/]", token):
            return True
    return False


def assess_task(task: Task, *, restored: bool = False, gaps: Iterable[str] = ()) -> Assessment:
    """Confidence of one task's text, bodies and timing, with the reasons for doubt."""
    out = Assessment()
    code = text_doubt(task.text)
    if code:
        out.text = out.add(code, "text")
    if restored:
        value = out.add("restored_low" if has_ocr_residue(task.text) else "restored", "text")
        out.text = min(out.text, value)
    for gap in gaps:
        if task.path == gap or task.path.startswith(gap + ".") or task.path.startswith(gap + "-"):
            out.text = min(out.text, out.add("path_gap", "path"))
            break
    names: list[tuple[str, str]] = [
        *(("lead", n) for n in task.lead),
        *(("coordinating", n) for n in task.coordinating),
        *(("implementing", n) for n in task.implementing),
    ]
    named = any(body_doubt(n) is None for n in (*task.lead, *task.implementing))
    for role, name in names:
        code = body_doubt(name)
        if code == "body_vague" and named:
            code = "body_vague_aside"  # "phối hợp với các cơ quan liên quan" beside a lead
        value = out.add(code, role, name) if code else 1.0
        out.bodies[name] = min(out.bodies.get(name, 1.0), value)
    implied = list(getattr(task, "implied_implementing", None) or [])  # extract/implementers.py
    for name in implied if not names else []:
        out.bodies[name] = min(out.bodies.get(name, 1.0), out.add("body_implied", "bodies", name))
    if not names and not implied:
        out.text = min(out.text, out.add("no_body", "bodies"))
    if task.source == "table" and not task.lead and not task.implementing and task.timing is None:
        out.text = min(out.text, out.add("table_partial", "text"))
    if task.timing is not None:
        code = timing_doubt(task.timing)
        out.timing = out.add(code, "timing", task.timing.text) if code else 1.0
    return out


def numbering_gaps(roots: list[OutlineNode]) -> list[str]:
    """Paths of items printed after a skipped number ("1.", "2.", "4.": the "4")."""
    gaps: list[str] = []
    for siblings in _sibling_groups(roots):
        previous: int | None = None
        for node in siblings:
            value = _ordinal(node)
            if value is None:
                previous = None
                continue
            if previous is not None and value > previous + 1:
                gaps.append(node.path)
            previous = value
    return gaps


def _sibling_groups(nodes: list[OutlineNode]) -> Iterator[list[OutlineNode]]:
    by_kind: dict[str, list[OutlineNode]] = {}
    for node in nodes:
        if node.kind in ("roman", "number", "letter"):
            by_kind.setdefault(node.kind, []).append(node)
    yield from by_kind.values()
    for node in nodes:
        yield from _sibling_groups(node.children)


# the Vietnamese alphabet ("i" then "k"; no f, j, w, z); "đ" may be skipped (d → e)
_LETTER_VALUE = {ch: i for i, ch in enumerate("abcdeghiklmnopqrstuvxy", start=1)}
_LETTER_VALUE["đ"] = _LETTER_VALUE["d"]


def _ordinal(node: OutlineNode) -> int | None:
    label = node.label.strip().rstrip(".)")
    if node.kind == "roman":
        value = roman_value(label.upper())
        return value or None
    if node.kind == "number":
        last = label.split(".")[-1]
        return int(last) if last.isdigit() else None
    if node.kind == "letter":
        return _LETTER_VALUE.get(label.lower())
    return None


def assess_tasks(
    tasks: list[Task], outline: list[OutlineNode], *, restored: bool = False
) -> list[Assessment]:
    """One assessment per task, in order."""
    gaps = numbering_gaps(outline)
    return [assess_task(task, restored=restored, gaps=gaps) for task in tasks]


def apply_assessments(tasks: list[Task], assessments: list[Assessment]) -> None:
    """Store the assessments on the tasks (the parse stage's output)."""
    for task, assessment in zip(tasks, assessments, strict=True):
        task.confidence = assessment.confidence
        task.confidence_parts = {
            "text": assessment.text,
            "timing": assessment.timing,
            "bodies": dict(assessment.bodies),
        }
        task.doubts = list(assessment.doubts)


def review_list(tasks: list[Task]) -> list[int]:
    """Indexes of tasks to check first: lowest confidence first, then document order."""
    doubtful = [(t.confidence, i) for i, t in enumerate(tasks) if t.confidence < REVIEW_BELOW]
    return [i for _, i in sorted(doubtful)]
