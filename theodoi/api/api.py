"""The REST API (django-ninja): OpenAPI at /api/openapi.json, docs at /api/docs.

Documents (list, detail, upload-and-import, publish), their tasks,
assignments and org units. Every endpoint fetches through the apps' access
helpers and changes data through their actions, so the API shows and does
exactly what the web pages do.

Authentication: a per-user API token (made and revoked on the account page,
/tai-khoan/khoa-api/) sent as ``Authorization: Bearer td_…``; or the Django
session of a signed-in browser, whose requests that change data (POST) also
send the ``csrftoken`` cookie's value in the ``X-CSRFToken`` header.

Errors all have one shape (``theodoi.api.errors``); list endpoints take
``offset`` (0 … 1 000 000) and ``limit`` (1 … 500) and refuse others with 400.
Other modules add their endpoints as routers, one line each at the end.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Form, NinjaAPI, Query, Status, Swagger
from ninja.files import UploadedFile

from theodoi.api import errors
from theodoi.api.auth import AUTH
from theodoi.api.errors import ERRORS
from theodoi.api.params import Id, OptId, Page
from theodoi.api.schemas import (
    AssignmentDetailOut,
    AssignmentOut,
    DocumentDetailOut,
    DocumentOut,
    ImportOut,
    OrgUnitOut,
    TaskOut,
)
from theodoi.documents.access import (
    can_upload_documents,
    documents_for_user,
    get_document_for_user,
)
from theodoi.documents.actions import import_document, publish_plan
from theodoi.documents.importing import ImportInputError, SourceFile
from theodoi.documents.models import Document, DocumentLink, LinkRelation
from theodoi.orgunits.access import units_for_user
from theodoi.plans.access import assignments_for_user, get_task_for_user, tasks_for_user
from theodoi.plans.models import Assignment, Task
from theodoi.search.api import matching_ids
from theodoi.search.api import router as search_router

api = NinjaAPI(
    title="theodoi API",
    version="1",
    description="Theo dõi thực hiện nghị quyết — văn bản, nhiệm vụ, phân công, đơn vị.",
    auth=AUTH,
    urls_namespace="api",
    # Swagger UI from django-ninja's own static files ("ninja" is an installed
    # app), never a CDN: intranets have no Internet access.
    docs=Swagger(),
)
errors.install(api)
api.add_router("/", search_router)


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


@api.get("/documents", response={200: list[DocumentOut], **ERRORS}, tags=["documents"])
def list_documents(
    request: HttpRequest, page: Query[Page], state: str = "", q: str = ""
) -> list[DocumentOut]:
    documents = documents_for_user(request.user).prefetch_related(_LINKS)
    if state:
        documents = documents.filter(state=state)
    if q:  # the search index: diacritics optional, typos tolerated
        documents = documents.filter(pk__in=matching_ids(request.user, q, "document"))
    return [_document_out(document) for document in documents[page.slice()]]


@api.get(
    "/documents/{document_id}", response={200: DocumentDetailOut, **ERRORS}, tags=["documents"]
)
def get_document(request: HttpRequest, document_id: Id) -> DocumentDetailOut:
    document = get_document_for_user(request.user, document_id)
    document = (
        Document.objects.filter(pk=document.pk)
        .select_related("focal_agency")
        .prefetch_related(_LINKS)
        .annotate(task_count=Count("tasks"))
        .get()
    )
    base = _document_out(document).dict()
    visible = documents_for_user(request.user)
    children = visible.filter(
        outgoing_links__target=document, outgoing_links__relation=LinkRelation.IMPLEMENTS
    ).values_list("pk", flat=True)
    return DocumentDetailOut(
        **base,
        focal_agency_id=document.focal_agency_id,
        focal_agency=document.focal_agency.name if document.focal_agency else "",
        references=[
            link.target.number
            for link in document.outgoing_links.all()
            if link.relation == LinkRelation.REFERENCES
        ],
        implemented_by=sorted(set(children)),
        task_count=document.task_count,  # type: ignore[attr-defined]
    )


@api.post("/documents", response={201: ImportOut, **ERRORS}, tags=["documents"])
def upload_document(
    request: HttpRequest,
    file: UploadedFile = File(...),  # noqa: B008 — django-ninja's way of declaring a file
    parent_id: int | None = Form(None, ge=1, le=2**63 - 1),
    publish: bool = Form(False),
    confirm_warnings: bool = Form(False),
) -> Status:
    """Upload a plan document: it is parsed and stored as a draft (or published)."""
    if not can_upload_documents(request.user):
        raise PermissionDenied(_("Bạn không có quyền tải lên văn bản."))
    if (file.size or 0) > int(settings.MAX_UPLOAD_MB) * 1024 * 1024:
        raise ImportInputError(f"file too large: the limit is {settings.MAX_UPLOAD_MB} MB")
    parent = get_document_for_user(request.user, parent_id) if parent_id else None
    source = SourceFile(file.name or "van-ban", file.read(), file.content_type or "")
    outcome = import_document(
        request.user, source, parent=parent, publish=publish, confirm_warnings=confirm_warnings
    )
    return Status(201, ImportOut(**outcome.summary()))


@api.post(
    "/documents/{document_id}/publish", response={200: DocumentOut, **ERRORS}, tags=["documents"]
)
def publish_document(
    request: HttpRequest, document_id: Id, confirm_warnings: bool = False
) -> DocumentOut:
    """Publish a draft; warnings (no number, unowned tasks …) need ``confirm_warnings``."""
    document = get_document_for_user(request.user, document_id, for_change=True)
    return _document_out(publish_plan(request.user, document, confirm_warnings=confirm_warnings))


@api.get("/documents/{document_id}/tasks", response={200: list[TaskOut], **ERRORS}, tags=["tasks"])
def document_tasks(request: HttpRequest, document_id: Id) -> list[TaskOut]:
    document = get_document_for_user(request.user, document_id)
    tasks = document.tasks.order_by("position").prefetch_related(_ASSIGNMENTS)
    return [_task_out(task) for task in tasks]


@api.get("/tasks", response={200: list[TaskOut], **ERRORS}, tags=["tasks"])
def list_tasks(
    request: HttpRequest, page: Query[Page], document: OptId = None, q: str = ""
) -> list[TaskOut]:
    tasks = tasks_for_user(request.user).prefetch_related(_ASSIGNMENTS)
    if q:
        tasks = tasks.filter(pk__in=matching_ids(request.user, q, "task"))
    if document is not None:
        tasks = tasks.filter(document_id=document)
    return [_task_out(task) for task in tasks[page.slice()]]


@api.get("/tasks/{task_id}", response={200: TaskOut, **ERRORS}, tags=["tasks"])
def get_task(request: HttpRequest, task_id: Id) -> TaskOut:
    task = get_task_for_user(request.user, task_id)
    return _task_out(task)


@api.get("/assignments", response={200: list[AssignmentDetailOut], **ERRORS}, tags=["assignments"])
def list_assignments(
    request: HttpRequest,
    page: Query[Page],
    task: OptId = None,
    document: OptId = None,
    unit: OptId = None,
) -> list[AssignmentDetailOut]:
    rows = assignments_for_user(request.user).select_related("unit", "task")
    if task is not None:
        rows = rows.filter(task_id=task)
    if document is not None:
        rows = rows.filter(task__document_id=document)
    if unit is not None:
        rows = rows.filter(unit_id=unit)
    return [
        AssignmentDetailOut(
            id=a.pk,
            task_id=a.task_id,
            document_id=a.task.document_id,
            unit_id=a.unit_id,
            unit=a.unit.name,
            role=a.role,
            source_text=a.source_text,
        )
        for a in rows.order_by("task__document_id", "task__position", "role", "id")[page.slice()]
    ]


@api.get("/orgunits", response={200: list[OrgUnitOut], **ERRORS}, tags=["orgunits"])
def list_units(request: HttpRequest, page: Query[Page], q: str = "") -> list[OrgUnitOut]:
    units = units_for_user(request.user)
    if q:
        units = units.filter(name__icontains=q)
    return [OrgUnitOut.from_orm(unit) for unit in units[page.slice()]]


# Routers of their own modules: one line each.
api.add_router("", "theodoi.api.reports.router")
api.add_router("", "theodoi.api.periods.router")
api.add_router("", "theodoi.api.escalations.router")
api.add_router("", "theodoi.api.dashboard.router")
api.add_router("", "theodoi.api.report_versions.router")
