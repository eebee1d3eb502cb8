"""Views of the plans app: correcting tasks on the review screen.

Tasks are fetched through ``access.py`` and changed through ``actions.py``.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from theodoi.accounts.requests import AuthenticatedRequest
from theodoi.accounts.roles import sees_everything
from theodoi.documents.access import PUBLIC_STATES, get_document_for_user
from theodoi.documents.queries import assignments_prefetch, summarize_units
from theodoi.plans.access import get_task_for_user, tasks_for_user
from theodoi.plans.actions import (
    TaskError,
    add_task,
    delete_task,
    set_task_assignments,
    update_task,
)
from theodoi.plans.forms import AssignmentsForm, TaskForm
from theodoi.plans.models import AssignmentRole

PAGE_SIZE = 50


def _review_url(document_id: int, task_id: int | None = None) -> str:
    anchor = f"#nv-{task_id}" if task_id else ""
    return reverse("documents:review", args=[document_id]) + anchor


@login_required
def task_list(request: AuthenticatedRequest) -> HttpResponse:
    """Tasks of published plans: one's own unit's, or every one for oversight roles."""
    tasks = tasks_for_user(request.user).filter(document__state__in=PUBLIC_STATES)
    mine = not sees_everything(request.user)
    if mine:
        tasks = tasks.filter(assignments__unit=request.user.org_unit_id).distinct()
    query = request.GET.get("q", "").strip()
    if query:
        tasks = tasks.filter(text__icontains=query)
    tasks = tasks.select_related("document").prefetch_related(assignments_prefetch())
    tasks = tasks.order_by("-document__date", "document_id", "position")
    page = Paginator(tasks, PAGE_SIZE).get_page(request.GET.get("trang"))
    page.object_list = summarize_units(list(page.object_list))
    context = {"page": page, "query": query, "mine": mine}
    return render(request, "plans/task_list.html", context)


@login_required
def edit_task(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_task_for_user(request.user, pk, for_change=True)
    current = {
        role: [a.unit_id for a in task.assignments.filter(role=role)]
        for role in AssignmentRole.values
    }
    task_form = TaskForm(
        request.POST or None,
        initial={"path": task.path, "text": task.text, "timing_text": task.timing_text},
    )
    units_form = AssignmentsForm(request.POST or None, initial=current)
    if request.method == "POST" and task_form.is_valid() and units_form.is_valid():
        try:
            with transaction.atomic():
                update_task(request.user, task, **task_form.cleaned_data)
                for role in AssignmentRole.values:
                    if set(current[role]) != {u.pk for u in units_form.cleaned_data[role]}:
                        set_task_assignments(
                            request.user, task, role, units_form.cleaned_data[role]
                        )
        except TaskError as exc:
            task_form.add_error("path", str(exc))
        else:
            messages.success(request, _("Đã lưu nhiệm vụ %(path)s.") % {"path": task.path})
            return redirect(_review_url(task.document_id, task.pk))
    context = {"task": task, "task_form": task_form, "units_form": units_form}
    return render(request, "plans/task_form.html", context, status=400 if task_form.errors else 200)


@login_required
@require_POST
def new_task(request: HttpRequest, document_pk: int) -> HttpResponse:
    document = get_document_for_user(request.user, document_pk, for_change=True)
    form = TaskForm(request.POST, prefix="new")
    if not form.is_valid():
        messages.error(request, _("Nhiệm vụ mới chưa hợp lệ: %(e)s") % {"e": form.errors.as_text()})
        return redirect(_review_url(document.pk))
    try:
        task = add_task(request.user, document, **form.cleaned_data)
    except TaskError as exc:
        messages.error(request, str(exc))
        return redirect(_review_url(document.pk))
    messages.success(request, _("Đã thêm nhiệm vụ %(path)s.") % {"path": task.path})
    return redirect(_review_url(document.pk, task.pk))


@login_required
@require_POST
def remove_task(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_task_for_user(request.user, pk, for_change=True)
    try:
        delete_task(request.user, task)
    except TaskError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Đã xóa nhiệm vụ %(path)s.") % {"path": task.path})
    return redirect(_review_url(task.document_id))
