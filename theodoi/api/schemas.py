"""Shapes of what the API returns (Pydantic through django-ninja)."""

from __future__ import annotations

import datetime

from ninja import Schema


class DocumentOut(Schema):
    id: int
    kind: str
    number: str
    issuer: str
    issuer_type: str
    level: str
    place: str
    date: datetime.date | None
    title: str
    state: str
    implements: list[str]


class AssignmentOut(Schema):
    unit_id: int
    unit: str
    role: str


class TaskOut(Schema):
    id: int
    document_id: int
    path: str
    section: str
    heading: str
    text: str
    timing_kind: str
    timing_text: str
    due_date: datetime.date | None
    assignments: list[AssignmentOut]


class DocumentDetailOut(DocumentOut):
    focal_agency_id: int | None
    focal_agency: str
    references: list[str]
    implemented_by: list[int]
    task_count: int


class ImportOut(Schema):
    """What an import did: the same fields ``theodoi import`` prints."""

    document_id: int
    number: str | None
    tasks: int
    units: int
    unresolved: list[str]


class AssignmentDetailOut(Schema):
    id: int
    task_id: int
    document_id: int
    unit_id: int
    unit: str
    role: str
    source_text: str


class OrgUnitOut(Schema):
    id: int
    parent_id: int | None
    code: str
    name: str
    short_name: str
    kind: str
    level: str
    is_active: bool
