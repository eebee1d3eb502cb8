"""Loading the demo plan: its cascade, outline, tasks, assignments and
reporting duty (idempotent: found again by its number)."""

from __future__ import annotations

import datetime
from typing import Any

from theodoi.demo import plan as content
from theodoi.documents.importing import ROLES
from theodoi.documents.models import (
    Document,
    DocumentLink,
    DocumentState,
    LinkRelation,
    number_key,
)
from theodoi.orgunits.groups import group_members
from theodoi.orgunits.matching import BodyIndex
from theodoi.orgunits.models import OrgUnit, UnitGroup
from theodoi.plans.models import Assignment, AssignmentRole, OutlineNode, Task
from theodoi.reporting.models import Recurrence, ReportingObligation
from theodoi.text.model import DocumentInfo, ParseResult, Reporting, Timing
from theodoi.text.model import Task as ParsedTask


def _parse_result(base_year: int, task_specs: list[content.TaskSpec]) -> dict[str, Any]:
    """The plan as the parser would have returned it: the core's dataclasses
    rendered through the contract (extraction-spec.md), as an import stores it."""
    result = ParseResult(
        source="ke-hoach-215-hoa-lam.docx",
        restored=False,
        document=DocumentInfo.from_json_dict(content.document_fields(base_year)),
        focal_agency="Sở Nội vụ",
        reporting=[
            Reporting(
                f"{content.ALL_DEPARTMENTS}; {content.ALL_DISTRICTS}",
                "UBND tỉnh",
                "Sở Nội vụ",
                "annual",
                "12-10",
            )
        ],
        outline=[],
        tasks=[
            ParsedTask(
                path=t.path,
                section=_section(t.path),
                text=t.text,
                lead=list(t.lead),
                coordinating=list(t.coordinating),
                implementing=list(t.implementing),
                timing=Timing(t.timing, "other") if t.timing else None,
            )
            for t in task_specs
        ],
    )
    return result.to_json_dict()


def _section(path: str) -> str:
    return content.SECTION_DUTIES if path.startswith("II.") else content.SECTION_ORGANISATION


def _parents() -> list[Document]:
    found = []
    for number, kind, issuer, issuer_type, level, title in content.PARENTS:
        document = Document.objects.filter(number_key=number_key(number)).first()
        if document is None:
            document = Document.objects.create(
                number=number,
                kind=kind,
                issuer=issuer,
                issuer_type=issuer_type,
                level=level,
                title=title,
                state=DocumentState.PLACEHOLDER,
            )
        found.append(document)
    return found


def load_plan(base_year: int, units: dict[str, OrgUnit], creator: Any) -> Document:
    fields = content.document_fields(base_year)
    task_specs = content.tasks(base_year)
    document = Document.objects.filter(number_key=number_key(str(fields["number"]))).first()
    if document is None:
        document = Document(number=str(fields["number"]), created_by=creator)
    for name in ("kind", "issuer", "issuer_type", "level", "place", "title"):
        setattr(document, name, fields[name])
    document.date = datetime.date.fromisoformat(str(fields["date"]))
    document.issuer_unit = units["ubnd-tinh"]
    document.focal_agency, document.focal_agency_text = units["so-noi-vu"], "Sở Nội vụ"
    document.state = DocumentState.PUBLISHED
    document.parse_result = _parse_result(base_year, task_specs)
    document.save()
    _link(document, _parents())
    _outline_and_tasks(document, task_specs)
    _obligation(document, units)
    return document


def _link(document: Document, parents: list[Document]) -> None:
    implements = {"45-CTr/TU", "43-NQ/TW"}
    for position, parent in enumerate(parents):
        relations = [LinkRelation.REFERENCES]
        if parent.number in implements:
            relations.append(LinkRelation.IMPLEMENTS)
        for relation in relations:
            DocumentLink.objects.get_or_create(
                source=document, target=parent, relation=relation, defaults={"position": position}
            )


def _outline_and_tasks(document: Document, task_specs: list[content.TaskSpec]) -> None:
    nodes: dict[str, OutlineNode] = {}
    headings = {
        "I": "MỤC ĐÍCH, YÊU CẦU",
        "II": content.SECTION_DUTIES,
        "III": content.SECTION_ORGANISATION,
        **content.THEMES,
    }
    for position, (path, heading) in enumerate(headings.items()):
        parent = nodes.get(path.rsplit(".", 1)[0]) if "." in path else None
        nodes[path], _ = OutlineNode.objects.update_or_create(
            document=document,
            path=path,
            defaults={
                "heading": heading,
                "parent": parent,
                "position": position,
                "label": path.rsplit(".", 1)[-1] + ".",
            },
        )
    index = BodyIndex.from_db()
    for position, spec in enumerate(task_specs, start=len(headings)):
        parent_path = spec.path.rsplit(".", 1)[0]
        node, _ = OutlineNode.objects.update_or_create(
            document=document,
            path=spec.path,
            defaults={
                "parent": nodes[parent_path],
                "position": position,
                "label": spec.path.rsplit(".", 1)[-1] + ")",
            },
        )
        task, _ = Task.objects.update_or_create(
            document=document,
            path=spec.path,
            defaults={
                "node": node,
                "section": _section(spec.path),
                "heading": headings[parent_path],
                "text": spec.text,
                "position": position,
                "timing_text": spec.timing,
                **content.timing_fields(spec.timing),
            },
        )
        _assign(task, spec, index)


def _assign(task: Task, spec: content.TaskSpec, index: BodyIndex) -> None:
    for attribute, role in ROLES:
        for written in getattr(spec, attribute):
            match = index.match(written)
            if match is None or match.target is None:
                raise ValueError(f"Demo body {written!r} does not match one unit or group.")
            target = match.target
            if isinstance(target, UnitGroup):
                group, units = target, list(group_members(target))
            else:
                group, units = None, [target]
            for unit in units:
                Assignment.objects.get_or_create(
                    task=task,
                    unit=unit,
                    role=role,
                    defaults={
                        "source_text": written,
                        "via_group": group,
                        "must_report": role != AssignmentRole.COORDINATING,
                    },
                )


def _obligation(document: Document, units: dict[str, OrgUnit]) -> ReportingObligation:
    obligation, _ = ReportingObligation.objects.get_or_create(
        document=document,
        recurrence=Recurrence.ANNUAL,
        defaults={
            "from_text": f"{content.ALL_DEPARTMENTS}; {content.ALL_DISTRICTS}",
            "to_text": "UBND tỉnh",
            "via_text": "Sở Nội vụ",
            "to_unit": units["ubnd-tinh"],
            "via_unit": units["so-noi-vu"],
            "due_month": 12,
            "due_day": 10,
        },
    )
    groups = UnitGroup.objects.filter(code__in=["cac-so-nganh", "ubnd-cac-huyen"])
    obligation.from_groups.set(groups)
    return obligation
