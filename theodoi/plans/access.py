"""Permission-checked fetch helpers for tasks and assignments: a task is
visible when its document is, and changeable when its document is."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from theodoi.documents.access import can_change_document, documents_for_user
from theodoi.plans.models import Assignment, Task


def tasks_for_user(user: Any) -> QuerySet[Task]:
    return Task.objects.filter(document__in=documents_for_user(user))


def assignments_for_user(user: Any) -> QuerySet[Assignment]:
    return Assignment.objects.filter(task__document__in=documents_for_user(user))


def get_task_for_user(user: Any, pk: int, *, for_change: bool = False) -> Task:
    """The task, if ``user`` may see it (404) and, with ``for_change``, change it (403)."""
    try:
        task = tasks_for_user(user).select_related("document", "document__created_by").get(pk=pk)
    except Task.DoesNotExist:
        raise Http404(_("Không tìm thấy nhiệm vụ.")) from None
    if for_change and not can_change_document(user, task.document):
        raise PermissionDenied(_("Bạn không có quyền sửa nhiệm vụ này."))
    return task
