"""What the aggregated report says, gathered once for every output format.

The .docx narrative, the .xlsx annex and the CSV are renderings of one
:class:`ReportData`, so the report, its annex and the dashboard never
disagree (the task labels and unit counts are ``metrics.plan_status``).

Aggregation rather than pasting: results with the same or nearly the same
wording from several units are said once with the units named (rapidfuzz
over a folded form of the text); figures with the same indicator and unit
of measure are summed (the per-unit values stay in the annex); difficulties
and proposals are grouped by theme and by kind. Whatever is missing —
a unit that sent nothing, a task nobody reported — is stated, not skipped.

A fixed number of queries whatever the size of the plan (bench/report.py).
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db.models import OuterRef, Subquery
from django.urls import reverse
from rapidfuzz import fuzz, process

from theodoi.documents.models import Document
from theodoi.inspections.summary import InspectionSummary, inspection_summary
from theodoi.monitoring.models import Escalation, EscalationState
from theodoi.orgunits.models import OrgUnit
from theodoi.plans.models import AssignmentRole, Task
from theodoi.plans.timing import task_deadline
from theodoi.recognition.summary import RecognitionSummary, recognition_summary
from theodoi.reporting.models import Attachment, ReportingPeriod, ReviewState, TaskReport
from theodoi.reporting.status import Completion, StatusLabel, derive_status
from theodoi.text.vietnamese import strip_diacritics

from .metrics import (
    SENT_STATES,
    PlanStatus,
    TaskRow,
    UnitRow,
    expected_assignments,
    period_deadline,
    plan_status,
    scope_of,
    theme_path,
)

#: Two texts at least this similar (rapidfuzz ratio on the folded form) are one.
SIMILARITY = 90
REVIEW_LABELS = dict(ReviewState.choices)
ROLE_LABELS = dict(AssignmentRole.choices)
NOT_SENT = "Chưa gửi"

#: Kinds of difficulty/proposal, each with folded keywords; first match wins.
KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Kinh phí, nguồn lực tài chính",
        ("kinh phi", "ngan sach", "nguon von", "tai chinh", "chi phi"),
    ),
    ("Nhân lực, cán bộ", ("nhan luc", "can bo", "bien che", "nhan su", "cong chuc", "vien chuc")),
    (
        "Hạ tầng, trang thiết bị, công nghệ",
        ("ha tang", "thiet bi", "phan mem", "ket noi", "co so vat chat", "cong nghe", "mang"),
    ),
    (
        "Cơ chế, chính sách, hướng dẫn",
        ("huong dan", "van ban", "co che", "chinh sach", "quy dinh", "bieu mau", "thu tuc"),
    ),
    ("Phối hợp, chỉ đạo", ("phoi hop", "chi dao", "thong nhat")),
)
OTHER_KIND = "Khác"


@dataclass(frozen=True)
class AnnexRow:
    """One (task, unit) pair the plan expects a report for."""

    task_id: int
    path: str
    task_text: str
    theme: str
    unit_id: int
    unit_name: str
    role: str
    deadline: datetime.date
    review: str
    sent: bool
    label: StatusLabel
    completed_on: datetime.date | None
    submitted_at: datetime.datetime | None
    late: bool
    result: str
    figures: tuple[dict[str, Any], ...]
    difficulties: str
    proposals: str
    evidence: tuple[str, ...]

    @property
    def label_text(self) -> str:
        return str(self.label.label)

    @property
    def figures_text(self) -> str:
        return "; ".join(
            f"{item.get('label', '')}: {item.get('value', '')} {item.get('unit', '')}".strip()
            for item in self.figures
        )


@dataclass
class Merged:
    """One wording said by one or more units."""

    text: str
    units: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class FigureTotal:
    indicator: str
    measure: str
    total: Decimal
    units: int


@dataclass
class TaskSection:
    row: TaskRow
    text: str
    results: list[Merged]
    totals: list[FigureTotal]
    silent_units: list[str]


@dataclass
class ThemeSection:
    path: str
    title: str
    tasks: list[TaskSection]


@dataclass
class KindGroup:
    kind: str
    items: list[Merged]


@dataclass
class ThemeIssues:
    path: str
    title: str
    kinds: list[KindGroup]


@dataclass
class Completeness:
    on_time: list[str]
    late: list[str]
    partial: list[tuple[str, int, int]]
    none: list[str]


@dataclass
class Narrative:
    """The free-text parts a focal officer may rewrite before regenerating,
    in the order they appear in the report; empty means "use the generated
    text". Stored as JSON on each report version: keys unknown here are
    ignored and missing ones are empty, so older versions (which kept only
    ``assessment`` and ``leadership_proposals``) still read."""

    addressee: str = ""  # "Kính gửi", one recipient a line
    opening: str = ""  # the opening paragraph ("Thực hiện Kế hoạch số …")
    situation: str = ""  # general situation, before the reporting figures (section I)
    assessment: str = ""  # assessment of results (end of section II)
    limitations: str = ""  # limitations and their causes (end of section II)
    difficulties_summary: str = ""  # summary of difficulties (section III)
    next_steps: str = ""  # directions and tasks for the next period
    leadership_proposals: str = ""  # proposals to the leadership
    closing: str = ""  # "Trên đây là báo cáo …"
    recipients: str = ""  # "Nơi nhận", one a line
    signature: str = ""  # TM./KT. and the signer's title, one a line
    signer: str = ""  # the signer's name (blank: signed by hand)

    def as_dict(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in NARRATIVE_PARTS}

    @classmethod
    def from_dict(cls, stored: Any) -> Narrative:
        if not isinstance(stored, dict):
            return cls()
        return cls(
            **{
                name: "" if stored.get(name) is None else str(stored[name])
                for name in NARRATIVE_PARTS
                if name in stored
            }
        )


#: The narrative parts, in the report's order.
NARRATIVE_PARTS: tuple[str, ...] = tuple(Narrative.__dataclass_fields__)


@dataclass
class ReportData:
    status: PlanStatus
    issuer: Issuer
    addressee: str
    themes: list[ThemeSection]
    annex: list[AnnexRow]
    completeness: Completeness
    difficulties: list[ThemeIssues]
    proposals: list[ThemeIssues]
    difficulties_open: list[Merged]
    units: list[UnitRow]
    narrative: Narrative = field(default_factory=Narrative)
    recognition: RecognitionSummary | None = None
    inspections: InspectionSummary | None = None

    @property
    def document(self) -> Document:
        return self.status.document

    @property
    def period(self) -> ReportingPeriod:
        return self.status.period


@dataclass(frozen=True)
class Issuer:
    """Who signs the report: the body, its parent, and how it signs."""

    parent: str
    body: str
    code: str
    party: bool
    collegial: bool
    name: str


# ---------------------------------------------------------------- text helpers


def fold(text: str) -> str:
    """Lower case, no diacritics, no punctuation: the form texts are compared in."""
    text = strip_diacritics(unicodedata.normalize("NFC", text)).lower().replace("đ", "d")
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def merge_texts(pairs: Iterable[tuple[str, str]]) -> list[Merged]:
    """(unit, text) → texts said once with their units, in first-seen order.
    Identical folded texts meet in a dict; near-identical ones through
    rapidfuzz against the texts kept so far."""
    merged: list[Merged] = []
    keys: list[str] = []
    exact: dict[str, Merged] = {}
    for unit, text in pairs:
        text = " ".join(text.split())
        if not text:
            continue
        key = fold(text)
        item = exact.get(key)
        if item is None and keys:
            item = _near(key, keys, merged)
        if item is None:
            item = Merged(text)
            merged.append(item)
            keys.append(key)
        exact[key] = item
        if unit not in item.units:
            item.units.append(unit)
    return merged


def _near(key: str, keys: list[str], merged: list[Merged]) -> Merged | None:
    """A kept text worded nearly the same with the same numbers ("3 hội
    nghị" and "5 hội nghị" are different facts, however similar)."""
    numbers = re.findall(r"\d+", key)
    for _, _, index in process.extract(
        key, keys, scorer=fuzz.ratio, score_cutoff=SIMILARITY, limit=5
    ):
        if re.findall(r"\d+", keys[index]) == numbers:
            return merged[index]
    return None


def kind_of(text: str) -> str:
    folded = f" {fold(text)} "
    for kind, words in KINDS:
        if any(f" {word} " in folded for word in words):
            return kind
    return OTHER_KIND


def to_number(value: object) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return Decimal(str(value))
    if isinstance(value, str):
        cleaned = value.strip().replace(" ", "")
        if "," in cleaned:  # Vietnamese: 1.234,5
            cleaned = cleaned.replace(".", "").replace(",", ".")
        elif re.fullmatch(r"\d{1,3}(\.\d{3})+", cleaned):  # 1.234 = one thousand …
            cleaned = cleaned.replace(".", "")
        try:
            return Decimal(cleaned)
        except InvalidOperation:
            return None
    return None


def sum_figures(per_unit: Iterable[Sequence[dict[str, Any]]]) -> list[FigureTotal]:
    """Numeric figures summed per (indicator, unit of measure), first-seen order."""
    totals: dict[tuple[str, str], list[Any]] = {}
    for figures in per_unit:
        seen: set[tuple[str, str]] = set()
        for item in figures:
            number = to_number(item.get("value"))
            label = " ".join(str(item.get("label", "")).split())
            if number is None or not label:
                continue
            measure = " ".join(str(item.get("unit", "")).split())
            key = (fold(label), fold(measure))
            entry = totals.setdefault(key, [label, measure, Decimal(0), 0])
            entry[2] += number
            if key not in seen:
                entry[3] += 1
                seen.add(key)
    return [FigureTotal(label, measure, total, n) for label, measure, total, n in totals.values()]


def format_number(value: Decimal) -> str:
    """Vietnamese style: 1.234.567,5."""
    if value == value.to_integral_value():
        return f"{int(value):,}".replace(",", ".")
    whole, _, decimals = f"{value:,.2f}".rstrip("0").partition(".")
    return whole.replace(",", ".") + ("," + decimals if decimals else "")


def subject_line(data: ReportData) -> str:
    """ "Kết quả năm … thực hiện Kế hoạch số … ngày … của …": the report's subject
    (the period first: "… của Ủy ban nhân dân tỉnh năm 2025" would read as the
    committee's year)."""
    document = data.document
    kind = document.get_kind_display()
    number = f" số {document.number}" if document.number else ""
    dated = f" ngày {document.date:%d/%m/%Y}" if document.date else ""
    issuer = f" của {document.issuer}" if document.issuer else ""
    return f"Kết quả {data.period.label.lower()} thực hiện {kind}{number}{dated}{issuer}"


# ---------------------------------------------------------------- issuer


def _upper_parent(unit: OrgUnit | None, text: str) -> str:
    name = unit.name if unit is not None else text
    name = re.sub(r"(?i)^ủy ban nhân dân\b", "UBND", name.strip())
    return name.upper()


def abbreviation(name: str) -> str:
    """The body's code in "Số: …/BC-…": UBND for a people's committee, else
    the initials of its name (Sở Nội vụ → SNV)."""
    folded = strip_diacritics(name).replace("Đ", "D").replace("đ", "d")
    if re.match(r"(?i)uy ban nhan dan|ubnd", folded):
        return "UBND"
    words = re.findall(r"[A-Za-z0-9]+", folded)
    return "".join(word[0].upper() for word in words)[:8] or "…"


def issuer_of(document: Document) -> Issuer:
    """The focal agency signs; its parent comes from the unit tree, else
    from the plan's issuer (an imported plan may only have names)."""
    from theodoi.documents.models import IssuerType
    from theodoi.orgunits.models import UnitKind

    focal = document.focal_agency
    body = focal.name if focal is not None else document.focal_agency_text
    if focal is not None and focal.parent is not None:
        parent = _upper_parent(focal.parent, "")
    elif focal is None and body and (document.issuer_unit or document.issuer):
        parent = _upper_parent(document.issuer_unit, document.issuer)
    else:
        parent = ""
    if not body:  # no focal agency named: the issuer reports itself
        body = document.issuer_unit.name if document.issuer_unit else document.issuer
        parent = ""
    if parent and fold(parent) == fold(body or ""):
        parent = ""
    party = document.issuer_type == IssuerType.PARTY or (
        focal is not None and focal.kind == UnitKind.PARTY
    )
    name = body or "Cơ quan đầu mối"
    shown = name
    if parent and party:  # "Ban Dân vận Tỉnh ủy" under "TỈNH ỦY HÒA LÂM" reads "BAN DÂN VẬN"
        shown = re.sub(r"(?i)\s+(tỉnh|huyện|thành|quận|thị|đảng)\s*ủy$", "", name) or name
    collegial = bool(re.match(r"(?i)(ủy ban nhân dân|ubnd|tỉnh ủy|huyện ủy|thành ủy)", name))
    return Issuer(parent, shown.upper(), abbreviation(name), party, collegial, name)


def addressee_of(document: Document) -> str:
    """Whom the report goes to: the body the plan's reporting duty names;
    when that is the focal agency itself (units report to it), the body
    above it, else the plan's issuer — never the agency to itself."""
    named = _named_addressee(document)
    focal = document.focal_agency
    body = focal.name if focal is not None else document.focal_agency_text
    if not named or not body or fold(named) != fold(body):
        return named
    if focal is not None and focal.parent is not None:
        return focal.parent.name
    issuer = document.issuer_unit.name if document.issuer_unit else document.issuer
    return "" if fold(issuer or "") == fold(body) else issuer


def place_of(document: Document) -> str:
    """Where the report is signed: the plan's place, else the province or
    city the focal agency belongs to ("Ủy ban nhân dân tỉnh Hòa Lâm" → Hòa Lâm)."""
    if document.place:
        return document.place
    focal = document.focal_agency
    names = [unit.name for unit in (focal, focal.parent if focal else None) if unit is not None]
    for name in [*names, document.issuer]:
        found = re.search(
            r"(?i)(?:ủy ban nhân dân|ubnd|tỉnh ủy|thành ủy)\s+(?:tỉnh|thành phố)?\s*(.+)$",
            name or "",
        )
        if found:
            return found.group(1).strip()
    return ""


def _named_addressee(document: Document) -> str:
    obligation = document.reporting_obligations.select_related("to_unit").first()
    if obligation is None:
        return ""
    if obligation.to_unit is not None:
        return obligation.to_unit.name
    text = re.sub(r"(?i)^ubnd\b", "Ủy ban nhân dân", obligation.to_text.strip())
    focal = document.focal_agency
    parent = focal.parent if focal is not None else None
    if parent is not None and text and fold(parent.name).startswith(fold(text)):
        return parent.name  # "UBND tỉnh" written in the plan: the focal agency's parent
    place = place_of(document)
    if place and re.fullmatch(r"(?i)(ủy ban nhân dân|hội đồng nhân dân) (tỉnh|thành phố)", text):
        return f"{text} {place}"  # "Ủy ban nhân dân tỉnh" → "… tỉnh Hòa Lâm"
    return text


# ---------------------------------------------------------------- queries


def _annex_rows(
    document: Document, period: ReportingPeriod, today: datetime.date
) -> list[AnnexRow]:
    """Every owed (task, unit) with its report of the period: three queries."""
    scope = scope_of(period)
    tasks = {
        row[0]: row
        for row in Task.objects.filter(document=document, is_active=True).values_list(
            "pk", "path", "text", "timing_kind", "due_date", "due_year", "due_quarter", "due_month"
        )
    }
    pairs: dict[tuple[int, int], str] = {}
    names: dict[int, tuple[str, str]] = {}
    for task_id, unit_id, role, short_name, name, tree_path in (
        expected_assignments(document, scope)
        .order_by("task__position", "task_id", "unit__tree_path", "role")
        .values_list(
            "task_id", "unit_id", "role", "unit__short_name", "unit__name", "unit__tree_path"
        )
    ):
        pairs.setdefault((task_id, unit_id), role)
        names[unit_id] = (short_name or name, tree_path)
    reports = {
        (r[0], r[1]): r
        for r in TaskReport.objects.filter(period=period, task__document=document).values_list(
            "task_id",
            "unit_id",
            "review_state",
            "completion",
            "completed_on",
            "submitted_at",
            "submitted_late",
            "result",
            "figures",
            "difficulties",
            "proposals",
            "pk",
        )
    }
    evidence: dict[int, list[str]] = defaultdict(list)
    for report_id, original, attachment_id in Attachment.objects.filter(
        report__period=period, report__task__document=document
    ).values_list("report_id", "original_name", "pk"):
        # the permission-checked download, so the annex's link works for who may see it
        link = reverse("reporting:attachment", args=[attachment_id])
        evidence[report_id].append(f"{original} <{link}>")
    rows = []
    for (task_id, unit_id), role in pairs.items():
        _pk, path, text, kind, due, year, quarter, month = tasks[task_id]
        deadline = period_deadline(task_deadline(kind, due, year, quarter, month), period)
        report = reports.get((task_id, unit_id))
        sent = report is not None and report[2] in SENT_STATES
        completion = Completion(report[3]) if sent and report else Completion.NOT_STARTED
        completed = report[4] if sent and report else None
        label = derive_status(completion, completed, deadline, today).label
        rows.append(
            AnnexRow(
                task_id=task_id,
                path=path,
                task_text=" ".join(text.split()),
                theme=theme_path(path),
                unit_id=unit_id,
                unit_name=names[unit_id][0],
                role=str(ROLE_LABELS.get(role, role)),
                deadline=deadline,
                review=str(REVIEW_LABELS[report[2]]) if report else NOT_SENT,
                sent=sent,
                label=label,
                completed_on=completed,
                submitted_at=report[5] if sent and report else None,
                late=bool(report[6]) if sent and report else False,
                result=(report[7] or "").strip() if sent and report else "",
                figures=tuple(report[8] or ()) if sent and report else (),
                difficulties=(report[9] or "").strip() if sent and report else "",
                proposals=(report[10] or "").strip() if sent and report else "",
                evidence=tuple(evidence.get(report[11], ())) if sent and report else (),
            )
        )
    return rows


def _escalations(
    document: Document, period: ReportingPeriod
) -> dict[tuple[int, int], tuple[str, str]]:
    """Latest escalation (summary, state) per sent (task, unit) report."""
    latest = Escalation.objects.filter(report_id=OuterRef("pk")).order_by("-created_at", "-pk")
    rows = (
        TaskReport.objects.filter(
            period=period, task__document=document, review_state__in=SENT_STATES
        )
        .filter(escalations__isnull=False)
        .annotate(
            esc_summary=Subquery(latest.values("summary")[:1]),
            esc_state=Subquery(latest.values("state")[:1]),
        )
        .values_list("task_id", "unit_id", "esc_summary", "esc_state")
        .distinct()
    )
    return {(task, unit): (summary or "", state or "") for task, unit, summary, state in rows}


# ---------------------------------------------------------------- assembling


def _completeness(units: Sequence[UnitRow]) -> Completeness:
    result = Completeness([], [], [], [])
    for unit in units:
        if unit.on_time:
            result.on_time.append(unit.name)
        elif unit.reported:
            result.late.append(unit.name)
        elif unit.tasks_sent:
            result.partial.append((unit.name, unit.tasks_sent, unit.tasks_expected))
        else:
            result.none.append(unit.name)
    return result


def _theme_sections(status: PlanStatus, annex: Sequence[AnnexRow]) -> list[ThemeSection]:
    by_task: dict[int, list[AnnexRow]] = defaultdict(list)
    for row in annex:
        by_task[row.task_id].append(row)
    titles = {theme.path: theme.title for theme in status.themes}
    sections: dict[str, ThemeSection] = {}
    for task in status.tasks:
        rows = by_task.get(task.task_id, [])
        sent = [row for row in rows if row.sent]
        section = sections.setdefault(
            task.theme, ThemeSection(task.theme, titles.get(task.theme, ""), [])
        )
        section.tasks.append(
            TaskSection(
                row=task,
                text=rows[0].task_text if rows else task.summary,
                results=merge_texts((row.unit_name, row.result) for row in sent),
                totals=sum_figures(row.figures for row in sent),
                silent_units=[row.unit_name for row in rows if not row.sent],
            )
        )
    return list(sections.values())


def _issues(status: PlanStatus, entries: Iterable[tuple[str, str, str]]) -> list[ThemeIssues]:
    """(theme, unit, text) → by theme in plan order, then by kind."""
    titles = {theme.path: theme.title for theme in status.themes}
    order = [theme.path for theme in status.themes]
    grouped: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
    for theme, unit, text in entries:
        grouped[theme][kind_of(text)].append((unit, text))
    kind_order = [kind for kind, _ in KINDS] + [OTHER_KIND]
    result = []
    for theme in sorted(grouped, key=lambda t: order.index(t) if t in order else len(order)):
        kinds = [
            KindGroup(kind, merge_texts(grouped[theme][kind]))
            for kind in kind_order
            if kind in grouped[theme]
        ]
        result.append(ThemeIssues(theme, titles.get(theme, ""), kinds))
    return result


def collect(
    document: Document,
    period: ReportingPeriod,
    today: datetime.date,
    narrative: Narrative | None = None,
) -> ReportData:
    status = plan_status(document, period, today, with_trend=False)
    annex = _annex_rows(document, period, today)
    escalations = _escalations(document, period)
    sent_rows = [row for row in annex if row.sent]
    difficulty_entries = []
    open_items = []
    for row in sent_rows:
        summary, state = escalations.get((row.task_id, row.unit_id), ("", ""))
        text = row.difficulties or summary
        if not text:
            continue
        difficulty_entries.append((row.theme, row.unit_name, text))
        if state != EscalationState.RESOLVED:
            open_items.append((row.unit_name, f"{text} (nhiệm vụ {row.path})"))
    return ReportData(
        status=status,
        issuer=issuer_of(document),
        addressee=addressee_of(document),
        themes=_theme_sections(status, annex),
        annex=annex,
        completeness=_completeness(status.units),
        difficulties=_issues(status, difficulty_entries),
        proposals=_issues(
            status,
            ((row.theme, row.unit_name, row.proposals) for row in sent_rows if row.proposals),
        ),
        difficulties_open=merge_texts(open_items),
        units=status.units,
        narrative=narrative or Narrative(),
        recognition=recognition_summary(document, period),
        inspections=inspection_summary(document, today, start=period.start, end=period.end),
    )
