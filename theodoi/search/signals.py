"""Keep the search index in step with every save and delete.

Imports create tasks in bulk (no signals); the document's own save at the
end of the import re-indexes its tasks, so nothing is missed.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save

from theodoi.documents.models import Document
from theodoi.plans.models import Task
from theodoi.reporting.models import TaskReport
from theodoi.search import index
from theodoi.search.models import EntryKind


def _document_saved(sender: Any, instance: Document, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        index.index_document(instance)


def _task_saved(sender: Any, instance: Task, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        index.index_task(instance)


def _report_saved(sender: Any, instance: TaskReport, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        index.index_report(instance)


def _deleted(kind: str) -> Any:
    def handler(sender: Any, instance: Any, **kwargs: Any) -> None:
        index.forget(kind, instance.pk)

    return handler


_task_deleted = _deleted(EntryKind.TASK)
_report_deleted = _deleted(EntryKind.REPORT)


def connect() -> None:
    post_save.connect(_document_saved, sender=Document, dispatch_uid="search.document")
    post_save.connect(_task_saved, sender=Task, dispatch_uid="search.task")
    post_save.connect(_report_saved, sender=TaskReport, dispatch_uid="search.report")
    post_delete.connect(_task_deleted, sender=Task, dispatch_uid="search.task.delete")
    post_delete.connect(_report_deleted, sender=TaskReport, dispatch_uid="search.report.delete")
