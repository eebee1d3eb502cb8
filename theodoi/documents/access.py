"""Permission-checked fetch helpers for documents.

Views and the API never call ``Document.objects.get``: they call these, so
who-may-see-what is decided in one place:

- administrators: every document;
- focal officers: the documents of their agency (its focal agency, or
  imported by someone of their unit), drafts included, and the published
  plans that carry those out (units' sub-plans they follow up);
- unit officers and heads: published plans that assign their unit a task,
  and their unit's own sub-plans (drafts included);
- leaders: every published document, read only;
- everyone signed in: placeholders (a number cited by another document).

A document outside these is a 404, never a 403, so URLs reveal nothing.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from theodoi.accounts.models import Role
from theodoi.accounts.roles import _role
from theodoi.documents.models import Document, DocumentLink, DocumentState, LinkRelation
from theodoi.plans.models import Assignment

#: What people outside the document's agency may see: no drafts under review.
#: Superseded versions stay readable: the plan's history.
PUBLIC_STATES = (
    DocumentState.PUBLISHED,
    DocumentState.SUPERSEDED,
    DocumentState.ARCHIVED,
    DocumentState.PLACEHOLDER,
)
UNIT_ROLES = (Role.UNIT_OFFICER, Role.UNIT_HEAD)


def _own_agency(user: Any) -> Q:
    unit_id = user.org_unit_id
    return Q(focal_agency_id=unit_id) | Q(created_by__org_unit_id=unit_id)


def documents_for_user(user: Any) -> QuerySet[Document]:
    """Every document ``user`` may read."""
    role = _role(user)
    documents = Document.objects.all()
    if role == Role.ADMIN:
        return documents
    placeholder = Q(state=DocumentState.PLACEHOLDER)
    if role == Role.LEADER:
        return documents.filter(state__in=PUBLIC_STATES)
    if role is None or user.org_unit_id is None:
        return documents.filter(placeholder) if role else documents.none()
    if role == Role.FOCAL_OFFICER:
        unit_id = user.org_unit_id
        carries_out_ours = DocumentLink.objects.filter(
            Q(target__focal_agency_id=unit_id) | Q(target__created_by__org_unit_id=unit_id),
            source=OuterRef("pk"),
            relation=LinkRelation.IMPLEMENTS,
        )
        return documents.filter(
            placeholder
            | _own_agency(user)
            | (Q(state__in=PUBLIC_STATES) & Exists(carries_out_ours))
        )
    if role in UNIT_ROLES:
        assigned = Assignment.objects.filter(  # held delegations give no access yet
            task__document=OuterRef("pk"), unit=user.org_unit_id, awaiting_approval=False
        )
        return documents.filter(
            placeholder
            | Q(created_by__org_unit_id=user.org_unit_id)
            | (Q(state__in=PUBLIC_STATES) & Exists(assigned))
        )
    return documents.none()


def can_change_document(user: Any, document: Document) -> bool:
    """Review, correct and publish: the document's own agency or unit, or an admin."""
    role = _role(user)
    if role == Role.ADMIN:
        return True
    if document.state == DocumentState.PLACEHOLDER or user.org_unit_id is None:
        return False
    creator = document.created_by
    creator_unit = creator.org_unit_id if creator is not None else None
    if role == Role.FOCAL_OFFICER:
        return user.org_unit_id in (document.focal_agency_id, creator_unit)
    if role in UNIT_ROLES:
        return creator_unit == user.org_unit_id
    return False


def can_upload_documents(user: Any) -> bool:
    """Focal officers upload plans; unit officers and heads their unit's sub-plans."""
    role = _role(user)
    if role == Role.ADMIN:
        return True
    return role in (Role.FOCAL_OFFICER, *UNIT_ROLES) and user.org_unit_id is not None


def get_document_for_user(user: Any, pk: int, *, for_change: bool = False) -> Document:
    """The document, if ``user`` may see it (404 otherwise) and, with
    ``for_change``, may change it (403 otherwise)."""
    try:
        document = documents_for_user(user).select_related("created_by").get(pk=pk)
    except Document.DoesNotExist:
        raise Http404(_("Không tìm thấy văn bản.")) from None
    if for_change and not can_change_document(user, document):
        raise PermissionDenied(_("Bạn không có quyền sửa văn bản này."))
    return document
