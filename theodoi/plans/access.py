"""Permission-checked fetch helpers for tasks: a task is visible when its
document is; changing tasks and assignments is for document managers."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from theodoi.accounts.roles import can_manage_documents
from theodoi.documents.access import documents_for_user
from theodoi.plans.models import Task


def tasks_for_user(user: Any) -> QuerySet[Task]:
    return Task.objects.filter(document__in=documents_for_user(user))


def get_task_for_user(user: Any, pk: int, *, for_change: bool = False) -> Task:
    try:
        task = tasks_for_user(user).select_related("document").get(pk=pk)
    except Task.DoesNotExist:
        raise Http404("Không tìm thấy nhiệm vụ.") from None
    if for_change and not can_manage_documents(user):
        raise PermissionDenied("Chỉ cơ quan đầu mối được sửa nhiệm vụ.")
    return task
