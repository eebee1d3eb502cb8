"""Importing in the background (Django tasks framework, django-tasks-db).

Scans and PDFs may need OCR, which can take minutes: the upload page stores
the file, queues ``import_uploaded`` and shows a status page that refreshes
until the worker (started by ``theodoi serve``) has finished. The result is
JSON: ``{"document_id": …}`` or ``{"error": "…"}`` for a file the importer
refused, so the page can say why.

While it reads a scan, the worker keeps an ``ImportProgress`` row up to date
(OCR pages done / total, heard from the parser's child process); the status
page polls it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django_tasks import task

from theodoi.documents.importing import ImportInputError, SourceFile
from theodoi.documents.models import ImportProgress

#: File kinds parsed in the background by default: those that may need OCR.
DEFAULT_BACKGROUND_KINDS = ("pdf", "image")
PENDING_FOLDER = "uploads/pending"


def runs_in_background(data: bytes) -> bool:
    """Whether a file of this content is imported by the worker rather than
    during the request (``THEODOI_IMPORT_BACKGROUND_KINDS`` setting, if set)."""
    from theodoi.text.readers import detect_kind
    from theodoi.text.source import InputError

    kinds = getattr(settings, "THEODOI_IMPORT_BACKGROUND_KINDS", DEFAULT_BACKGROUND_KINDS)
    try:
        return detect_kind(data) in kinds
    except InputError:
        return False  # the synchronous path reports the problem at once


def queue_import(user: Any, source: SourceFile, parent_id: int | None) -> str:
    """Keep the upload where the worker can read it and queue its import;
    returns the task result's id for the status page."""
    name = f"{PENDING_FOLDER}/{uuid.uuid4().hex}"
    stored = default_storage.save(name, ContentFile(source.data))
    ImportProgress.objects.update_or_create(upload=stored, defaults={"done": 0, "total": 0})
    result = import_uploaded.enqueue(user.pk, stored, source.name, source.content_type, parent_id)
    return str(result.id)


@task()
def import_uploaded(
    user_id: int, stored_name: str, original_name: str, content_type: str, parent_id: int | None
) -> dict[str, Any]:
    from theodoi.accounts.models import User
    from theodoi.documents.access import get_document_for_user
    from theodoi.documents.actions import import_document

    try:
        user = User.objects.get(pk=user_id)
        with default_storage.open(stored_name, "rb") as file:
            data = file.read()
        parent = get_document_for_user(user, parent_id) if parent_id else None
        outcome = import_document(
            user,
            SourceFile(original_name, data, content_type),
            parent=parent,
            on_progress=_progress_of(stored_name),
        )
    except ImportInputError as exc:
        return {"error": str(exc)}
    finally:
        default_storage.delete(stored_name)
        ImportProgress.objects.filter(upload=stored_name).delete()
    return {"document_id": outcome.document.pk, **outcome.summary()}


def _progress_of(stored_name: str) -> Callable[[int, int], None]:
    def note(done: int, total: int) -> None:
        ImportProgress.objects.update_or_create(
            upload=stored_name, defaults={"done": done, "total": total}
        )

    return note


def progress(stored_name: str) -> tuple[int, int] | None:
    """(pages done, pages to read) of a queued or running import, if known."""
    row = ImportProgress.objects.filter(upload=stored_name).values_list("done", "total").first()
    return (row[0], row[1]) if row else None
