"""Storing a parsed plan: the document, its outline, tasks, assignments,
links and reporting duties — all in one transaction, or nothing.

Input is the text core's typed ``ParseResult`` (theodoi/text/model.py), so
the same code path serves the CLI, the upload page, the API and tests that
build a result by hand. Whoever holds the parser's JSON (docs/extraction-spec.md)
converts it at its boundary with ``read_parse_result``, which refuses a result
that breaks the contract. Parsing itself lives in ``parsing.py``; this module
never reads files. The JSON form is what ``Document.parse_result`` keeps.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from theodoi.documents.amendments import cited_amended, link_amendment
from theodoi.documents.cascade import link_documents
from theodoi.documents.delegation import hold_delegated_tasks
from theodoi.documents.models import Document, DocumentKind, DocumentState, IssuerType
from theodoi.documents.numbers import NumberError, claim_row
from theodoi.orgunits.models import Level, OrgUnit
from theodoi.plans.models import Assignment, AssignmentRole, OutlineNode, Task
from theodoi.plans.resolution import Resolution, Resolver
from theodoi.plans.timing_read import read_timing
from theodoi.reporting.models import Recurrence, ReportingObligation, ReportingPeriod
from theodoi.reporting.plan_periods import rebuild_periods
from theodoi.text import model as parsed
from theodoi.text.model import ParseResult

ROLES = (
    ("lead", AssignmentRole.LEAD),
    ("coordinating", AssignmentRole.COORDINATING),
    ("implementing", AssignmentRole.IMPLEMENTING),
)


class ImportInputError(ValueError):
    """The file or the parse result cannot be imported; the message says why."""


@dataclass(frozen=True)
class SourceFile:
    """The uploaded file, kept as it came."""

    name: str
    data: bytes
    content_type: str = ""


@dataclass
class ImportOutcome:
    document: Document
    tasks: int
    units: int
    unresolved: list[str] = field(default_factory=list)
    new_units: list[OrgUnit] = field(default_factory=list)
    replaced_placeholder: bool = False
    unassigned_tasks: int = 0

    def summary(self) -> dict[str, Any]:
        """The JSON line ``theodoi import`` prints. ``created_units`` stays empty:
        an import never creates units (an officer confirms new ones on review)."""
        years = ReportingPeriod.objects.filter(obligation__document=self.document).values_list(
            "year", flat=True
        )
        return {
            "document_id": self.document.pk,
            "number": self.document.number or None,
            "tasks": self.tasks,
            "units": self.units,
            "unresolved": self.unresolved,
            "created_units": [unit.name for unit in self.new_units],
            "unassigned_tasks": self.unassigned_tasks,
            "periods": sorted(set(years)),
        }


# --- validation ---------------------------------------------------------------


def read_parse_result(data: Any) -> ParseResult:
    """The typed result of the parser's JSON (or a hand-written one); refuses
    one that does not follow the contract with an ImportInputError naming
    the fault ("task 3 of the parse result has no text")."""
    try:
        return ParseResult.from_json_dict(data)
    except ValueError as exc:
        raise ImportInputError(str(exc)) from None


# --- the import ---------------------------------------------------------------


def store_parse_result(
    result: ParseResult,
    *,
    actor: Any = None,
    source: SourceFile | None = None,
    parent: Document | None = None,
    source_text: str = "",
    today: datetime.date | None = None,
) -> ImportOutcome:
    """Store one parsed document in a single transaction.

    ``parent`` is the plan a unit's sub-plan carries out, when the uploader
    said so. Raises ImportInputError (nothing stored) for a number already
    imported or one the user may not claim.
    """
    saved_file: list[Document] = []
    try:
        with transaction.atomic():
            return _store(result, actor, source, parent, source_text, today, saved_file)
    except BaseException:
        for document in saved_file:  # the row is gone; do not leave its file behind
            document.source_file.delete(save=False)
        raise


def _store(
    result: ParseResult,
    actor: Any,
    source: SourceFile | None,
    parent: Document | None,
    source_text: str,
    today: datetime.date | None,
    saved_file: list[Document],
) -> ImportOutcome:
    info = result.document
    actor_unit = getattr(actor, "org_unit", None) if actor is not None else None
    resolver, issuer_unit = issuer_resolver(info.level, info.issuer or "", actor_unit)
    sha = hashlib.sha256(source.data).hexdigest() if source is not None else ""
    try:
        document, replaced, amends = claim_row(info, actor, issuer_unit, sha)
    except NumberError as exc:
        raise ImportInputError(str(exc)) from None
    _fill_document(document, result, resolver, actor, actor_unit, source_text)
    if source is not None:
        _attach_source(document, source)
        saved_file.append(document)
    document.save()
    nodes = _store_outline(document, result.outline)
    tasks, resolutions = _store_tasks(document, result.tasks, nodes, resolver)
    hold_delegated_tasks(document, actor)  # a unit's orders to others wait for approval
    link_documents(document, _names(info.implements), _names(info.references), parent)
    amended = amends or cited_amended(document)
    if amended is not None:
        link_amendment(document, amended)
    _store_reporting(document, result.reporting, resolver, today)
    unresolved = sorted({r.name for r in resolutions if r.needs_review})
    assigned = Assignment.objects.filter(task__document=document)
    units = assigned.values("unit").distinct().count()
    unassigned = len(tasks) - assigned.values("task").distinct().count()
    notes = {
        "unresolved": unresolved,
        "new_units": [],
        "new_groups": [],
        "resolution": [r.to_json_dict() for r in unique_resolutions(resolutions)],
        "implied": _implied_paths(tasks, result.tasks),
    }
    document.parse_result = {**result.to_json_dict(), "import_notes": notes}
    if source_text:
        document.parse_result["source_text"] = source_text
    document.save(update_fields=["parse_result"])
    rebuild_periods(document, today or timezone.localdate())  # reads the preamble's dates
    from theodoi.audit.actions import record
    from theodoi.documents.adaptation import schedule_rebuild

    schedule_rebuild()  # its text (clean) or names teach the restorer

    record(
        actor,
        "document.import",
        document,
        {"tasks": len(tasks), "units": units, "unresolved": unresolved, "replaced": replaced},
    )
    return ImportOutcome(document, len(tasks), units, unresolved, [], replaced, unassigned)


def _implied_paths(tasks: list[Task], items: list[parsed.Task]) -> list[str]:
    """Tasks owned only through the plan's implementers (to be checked before publishing)."""
    return [
        task.path
        for task, item in zip(tasks, items, strict=True)
        if item.implied_implementing and not _named(item)
    ]


def _names(names: Iterable[str]) -> list[str]:
    """The names given, without empty ones (a hand-written result may have them)."""
    return [name for name in names if name]


def _named(item: parsed.Task) -> list[tuple[str, AssignmentRole]]:
    """(name, role) for every body the item names, lead first."""
    return [
        (name, role) for field_name, role in ROLES for name in _names(getattr(item, field_name))
    ]


def unique_resolutions(resolutions: Iterable[Resolution]) -> list[Resolution]:
    seen: dict[str, Resolution] = {}
    for resolution in resolutions:
        seen.setdefault(resolution.name, resolution)
    return list(seen.values())


def issuer_resolver(
    level: str | None, issuer: str, fallback: OrgUnit | None
) -> tuple[Resolver, OrgUnit | None]:
    """The resolver a plan's bodies are read with, and the issuer's unit: the
    issuer's directory level beats the parser's guess, and the issuer's locality
    (else ``fallback``, the importing officer's unit) is where a local plan's
    bare names belong."""
    resolver = Resolver(level=_plan_level(level))
    issuer_unit = resolver.match_only(issuer)
    if issuer_unit is not None and issuer_unit.level:
        resolver.level = issuer_unit.level
    resolver.context = issuer_unit or fallback
    return resolver, issuer_unit


def _plan_level(value: str | None) -> str:
    """The directory level a plan's bodies are read at.

    A "city" plan (a Thành ủy or UBND of a city under a province: the parser
    calls a centrally-run city's plan "province") is a district-level plan,
    so its "các đoàn thể", "các phòng, ban" are the city's, never the
    province's.
    """
    if value == "city":
        return str(Level.DISTRICT)
    return _choice(value, Level.values, "")


def _choice(value: Any, choices: Iterable[str], default: str) -> str:
    return str(value) if value in set(choices) else default


def _fill_document(
    document: Document,
    result: ParseResult,
    resolver: Resolver,
    actor: Any,
    actor_unit: OrgUnit | None,
    source_text: str,
) -> None:
    info = result.document
    document.kind = _choice(info.kind, DocumentKind.values, DocumentKind.OTHER)
    document.number = (info.number or "").strip()[:100]
    document.issuer = (info.issuer or "")[:255]
    document.issuer_unit = resolver.match_only(document.issuer)
    document.issuer_type = _choice(info.issuer_type, IssuerType.values, IssuerType.OTHER)
    document.level = _choice(info.level, Level.values, "")
    document.place = (info.place or "")[:100]
    document.date = datetime.date.fromisoformat(info.date) if info.date else None
    document.title = info.title or ""
    document.state = DocumentState.DRAFT
    focal = (result.focal_agency or "").strip()
    document.focal_agency_text = focal[:255]
    document.focal_agency = _one_unit(resolver, focal) or actor_unit
    document.restored = result.restored
    document.parser_version = ""  # the contract carries no parser version
    document.parsed_at = timezone.now()
    if actor is not None and getattr(actor, "is_authenticated", False):
        document.created_by = actor


def _one_unit(resolver: Resolver, name: str) -> OrgUnit | None:
    """The single unit a name automatically stands for, or None for a group,
    an unknown, ambiguous or empty name."""
    if not name:
        return None
    resolution = resolver.resolve(name)
    if resolution.resolved and resolution.group is None and len(resolution.units) == 1:
        return resolution.units[0]
    return None


def _attach_source(document: Document, source: SourceFile) -> None:
    document.source_name = source.name[:255]
    document.source_size = len(source.data)
    document.source_sha256 = hashlib.sha256(source.data).hexdigest()
    document.content_type = source.content_type[:100]
    document.source_file.save(source.name or "van-ban", ContentFile(source.data), save=False)


def _unique_path(path: str, taken: set[str]) -> str:
    path = (path or "?")[:55]
    candidate, counter = path, 2
    while candidate in taken:
        candidate = f"{path}~{counter}"
        counter += 1
    taken.add(candidate)
    return candidate


def _store_outline(document: Document, outline: list[parsed.OutlineNode]) -> dict[str, OutlineNode]:
    """Every heading of the tree, parents first; returns nodes by path."""
    by_path: dict[str, OutlineNode] = {}
    taken: set[str] = set()
    position = 0
    stack: list[tuple[parsed.OutlineNode, OutlineNode | None]] = [
        (item, None) for item in reversed(outline)
    ]
    while stack:
        item, parent = stack.pop()
        node = OutlineNode.objects.create(
            document=document,
            parent=parent,
            path=_unique_path(item.path, taken),
            label=item.label[:20],
            heading=item.heading,
            position=position,
        )
        position += 1
        by_path.setdefault(item.path, node)
        stack.extend((child, node) for child in reversed(item.children))
    return by_path


def _store_tasks(
    document: Document,
    items: list[parsed.Task],
    nodes: dict[str, OutlineNode],
    resolver: Resolver,
) -> tuple[list[Task], list[Resolution]]:
    taken: set[str] = set()
    tasks: list[Task] = []
    for position, item in enumerate(items):
        node = nodes.get(item.path)
        parent_heading = node.parent.heading if node and node.parent_id and node.parent else ""
        timing = read_timing(item.timing)
        tasks.append(
            Task(
                document=document,
                node=node,
                path=_unique_path(item.path or str(position + 1), taken),
                section=item.section[:255],
                heading=parent_heading,
                text=item.text.strip(),
                position=position,
                **timing.as_dict(),
            )
        )
    Task.objects.bulk_create(tasks)
    if any(task.pk is None for task in tasks):  # databases without RETURNING
        tasks = list(Task.objects.filter(document=document).order_by("position"))
    return tasks, assign_bodies(tasks, items, resolver)


def assign_bodies(
    tasks: list[Task],
    items: list[parsed.Task],
    resolver: Resolver,
    *,
    skip: frozenset[str] = frozenset(),
) -> list[Resolution]:
    """Resolve the bodies each parsed item names and store the assignments they
    give; names in ``skip`` (the officer's own decisions) are left alone."""
    resolutions: list[Resolution] = []
    assignments: dict[tuple[int, int, str], Assignment] = {}
    for task, item in zip(tasks, items, strict=True):
        named = _named(item)
        if not named:
            # a duty naming nobody: the bodies "Tổ chức thực hiện" charges with the whole
            # plan (text/extract/implementers.py); the review lists them for checking
            named = [
                (name, AssignmentRole.IMPLEMENTING) for name in _names(item.implied_implementing)
            ]
        for name, role in named:
            for resolution in resolver.resolve_phrase(name):
                if resolution.name in skip:
                    continue
                resolutions.append(resolution)
                if not resolution.resolved:
                    continue
                for unit in resolution.units:
                    assignments.setdefault(
                        (task.pk, unit.pk, str(role)),
                        Assignment(
                            task=task,
                            unit=unit,
                            role=role,
                            source_text=resolution.name[:255],
                            via_group=resolution.group,
                        ),
                    )
    Assignment.objects.bulk_create(list(assignments.values()))
    return resolutions


def _due(value: str | None) -> tuple[int | None, int | None]:
    """ "MM-DD" → (month, day); anything else → (None, None)."""
    try:
        month, day = (int(part) for part in str(value).split("-"))
        datetime.date(2024, month, day)
    except (TypeError, ValueError):
        return None, None
    return month, day


def _store_reporting(
    document: Document,
    entries: list[parsed.Reporting],
    resolver: Resolver,
    today: datetime.date | None,
) -> None:
    for entry in entries:
        due_month, due_day = _due(entry.due)
        recurrence = _choice(entry.recurrence, Recurrence.values, Recurrence.PERIODIC)
        obligation = ReportingObligation.objects.create(
            document=document,
            from_text=entry.from_ or "",
            to_text=(entry.to or "")[:255],
            via_text=(entry.via or "")[:255],
            to_unit=resolver.match_only(entry.to),
            via_unit=resolver.match_only(entry.via),
            recurrence=recurrence,
            due_month=due_month,
            due_day=due_day,
        )
        for resolution in resolver.resolve_phrase(entry.from_ or ""):
            if resolution.group is not None:
                obligation.from_groups.add(resolution.group)
            elif resolution.resolved:
                obligation.from_units.add(*resolution.units)
