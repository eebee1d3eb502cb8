"""Permission-checked fetch helpers for documents.

Views and the API never call ``Document.objects.get``: they call these, so
who-may-see-what is decided in one place.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from theodoi.accounts.roles import can_manage_documents
from theodoi.documents.models import Document, DocumentState

#: What people outside the focal agency see: no drafts under review.
PUBLIC_STATES = (DocumentState.PUBLISHED, DocumentState.ARCHIVED, DocumentState.PLACEHOLDER)


def documents_for_user(user: Any) -> QuerySet[Document]:
    if not getattr(user, "is_authenticated", False):
        return Document.objects.none()
    if can_manage_documents(user):
        return Document.objects.all()
    return Document.objects.filter(state__in=PUBLIC_STATES)


def get_document_for_user(user: Any, pk: int, *, for_change: bool = False) -> Document:
    """The document, if ``user`` may see it (404 otherwise) and, with
    ``for_change``, may change it (403 otherwise)."""
    try:
        document = documents_for_user(user).get(pk=pk)
    except Document.DoesNotExist:
        raise Http404("Không tìm thấy văn bản.") from None
    if for_change and not can_manage_documents(user):
        raise PermissionDenied("Chỉ cơ quan đầu mối được sửa văn bản.")
    return document
