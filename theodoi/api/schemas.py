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
