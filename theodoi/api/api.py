"""The REST API (django-ninja): OpenAPI at /api/openapi.json, docs at /api/docs.

Read endpoints for documents and tasks. Every endpoint fetches through the
apps' access helpers, so the API shows exactly what the web pages show.
Authentication: the browser session (sign in at /dang-nhap/ first).
"""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import HttpRequest
from ninja import NinjaAPI
from ninja.security import django_auth

from theodoi.api.schemas import AssignmentOut, DocumentOut, TaskOut
from theodoi.documents.access import documents_for_user, get_document_for_user
from theodoi.documents.models import Document, DocumentLink, LinkRelation
from theodoi.plans.access import get_task_for_user, tasks_for_user
from theodoi.plans.models import Assignment, Task

api = NinjaAPI(
    title="theodoi API",
    version="1",
    description="Theo dõi thực hiện nghị quyết — đọc văn bản và nhiệm vụ.",
    auth=django_auth,
    urls_namespace="api",
)

MAX_PAGE = 500


def _document_out(document: Document) -> DocumentOut:
    implements = [
        link.target.number or str(link.target)
        for link in document.outgoing_links.all()
        if link.relation == LinkRelation.IMPLEMENTS
    ]
    return DocumentOut(
        id=document.pk,
        kind=document.kind,
        number=document.number,
        issuer=document.issuer,
        issuer_type=document.issuer_type,
        level=document.level,
        place=document.place,
        date=document.date,
        title=document.title,
        state=document.state,
        implements=implements,
    )


def _task_out(task: Task) -> TaskOut:
    return TaskOut(
        id=task.pk,
        document_id=task.document_id,
        path=task.path,
        section=task.section,
        heading=task.heading,
        text=task.text,
        timing_kind=task.timing_kind,
        timing_text=task.timing_text,
        due_date=task.due_date,
        assignments=[
            AssignmentOut(unit_id=a.unit_id, unit=a.unit.name, role=a.role)
            for a in task.assignments.all()
        ],
    )


_LINKS = Prefetch(
    "outgoing_links",
    queryset=DocumentLink.objects.select_related("target").order_by("relation", "position"),
)
_ASSIGNMENTS = Prefetch("assignments", queryset=Assignment.objects.select_related("unit"))


@api.get("/documents", response=list[DocumentOut], tags=["documents"])
def list_documents(request: HttpRequest, offset: int = 0, limit: int = 100) -> list[DocumentOut]:
    documents = documents_for_user(request.user).prefetch_related(_LINKS)
    page = documents[max(offset, 0) : max(offset, 0) + min(max(limit, 1), MAX_PAGE)]
    return [_document_out(document) for document in page]


@api.get("/documents/{document_id}", response=DocumentOut, tags=["documents"])
def get_document(request: HttpRequest, document_id: int) -> DocumentOut:
    document = get_document_for_user(request.user, document_id)
    return _document_out(document)


@api.get("/tasks", response=list[TaskOut], tags=["tasks"])
def list_tasks(
    request: HttpRequest, document: int | None = None, offset: int = 0, limit: int = 100
) -> list[TaskOut]:
    tasks = tasks_for_user(request.user).prefetch_related(_ASSIGNMENTS)
    if document is not None:
        tasks = tasks.filter(document_id=document)
    page = tasks[max(offset, 0) : max(offset, 0) + min(max(limit, 1), MAX_PAGE)]
    return [_task_out(task) for task in page]


@api.get("/tasks/{task_id}", response=TaskOut, tags=["tasks"])
def get_task(request: HttpRequest, task_id: int) -> TaskOut:
    task = get_task_for_user(request.user, task_id)
    return _task_out(task)
