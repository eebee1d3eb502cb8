"""Views of the documents app: parse input, call an action or a query, render.

Every document is fetched through ``access.py``; every change goes through
``actions.py``.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST
from django_tasks.base import TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist, TaskResultMismatch

from theodoi.dashboards.access import HISTORY_STATES
from theodoi.documents import queries
from theodoi.documents.access import (
    can_change_document,
    can_upload_documents,
    documents_for_user,
    get_document_for_user,
)
from theodoi.documents.actions import (
    ActionError,
    decide_delegated_tasks,
    discard_draft,
    import_document,
    publish_plan,
    set_tracking_window,
    update_document,
)
from theodoi.documents.amendments import versions
from theodoi.documents.delegation import may_approve, pending_assignments
from theodoi.documents.doubts import header_notes, mark_doubts
from theodoi.documents.forms import DocumentForm, RemapForm, UploadForm, mappable_units
from theodoi.documents.graph import build_graph
from theodoi.documents.graph_drawing import draw
from theodoi.documents.importing import ImportInputError, SourceFile
from theodoi.documents.models import DocumentState, StoredParseError
from theodoi.documents.review_extras import review_extras
from theodoi.documents.tasks import import_uploaded, progress, queue_import, runs_in_background
from theodoi.orgunits.models import UnitKind
from theodoi.plans.actions import TaskError, remap_body
from theodoi.plans.forms import TaskForm
from theodoi.reporting import clock

PAGE_SIZE = 50
SHOW_CHOICES = {
    queries.SHOW_ALL: _lazy("Tất cả"),
    queries.SHOW_REAL: _lazy("Văn bản đã có"),
    queries.SHOW_PLACEHOLDERS: _lazy("Văn bản được dẫn chiếu, chưa có"),
}


@login_required
def document_list(request: HttpRequest) -> HttpResponse:
    state = request.GET.get("trang-thai", "")
    if state not in DocumentState.values:
        state = ""
    show = request.GET.get("hien-thi", queries.SHOW_ALL)
    if show not in SHOW_CHOICES:
        show = queries.SHOW_ALL
    rows = queries.document_list(documents_for_user(request.user), state, show)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("trang"))
    context = {
        "page": page,
        "state": state,
        "states": DocumentState.choices,
        "show": show,
        "show_choices": SHOW_CHOICES.items(),
        "can_upload": can_upload_documents(request.user),
    }
    return render(request, "documents/list.html", context)


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    if not can_upload_documents(request.user):
        raise PermissionDenied
    parents = documents_for_user(request.user)
    form = UploadForm(request.POST or None, request.FILES or None, parents=parents)
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        source = SourceFile(file.name, file.read(), file.content_type or "")
        parent = form.cleaned_data["parent"]
        if runs_in_background(source.data):
            result_id = queue_import(request.user, source, parent.pk if parent else None)
            return redirect("documents:import_status", result_id=result_id)
        try:
            outcome = import_document(request.user, source, parent=parent)
        except ImportInputError as exc:
            form.add_error("file", _("Không đọc được văn bản: %(error)s") % {"error": exc})
        else:
            messages.success(
                request,
                _(
                    "Đã phân tích văn bản: %(tasks)d nhiệm vụ, %(units)d đơn vị. "
                    "Hãy rà soát trước khi ban hành."
                )
                % {"tasks": outcome.tasks, "units": outcome.units},
            )
            return redirect("documents:review", pk=outcome.document.pk)
    return render(
        request, "documents/upload.html", {"form": form}, status=400 if form.errors else 200
    )


def _own_import(request: HttpRequest, result_id: str) -> Any:
    try:
        result = import_uploaded.get_result(str(result_id))
    except (TaskResultDoesNotExist, TaskResultMismatch, ValueError):
        raise Http404 from None
    if not result.args or result.args[0] != request.user.pk:
        raise Http404
    return result


@login_required
def import_progress(request: HttpRequest, result_id: str) -> JsonResponse:
    """Pages read so far, for the status page's script to poll."""
    result = _own_import(request, result_id)
    done, total = progress(result.args[1]) or (0, 0)
    finished = result.status in (TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED)
    return JsonResponse(
        {"status": str(result.status), "finished": finished, "done": done, "total": total}
    )


@login_required
def import_status(request: HttpRequest, result_id: str) -> HttpResponse:
    """Where a background import stands; on to the review screen when done."""
    result = _own_import(request, result_id)
    outcome = result.return_value if result.status == TaskResultStatus.SUCCESSFUL else None
    if outcome and outcome.get("document_id"):
        messages.success(request, _("Đã phân tích văn bản. Hãy rà soát trước khi ban hành."))
        return redirect("documents:review", pk=outcome["document_id"])
    error = (outcome or {}).get("error")
    if result.status == TaskResultStatus.FAILED:
        error = _("Có lỗi khi phân tích văn bản. Hãy thử lại hoặc báo quản trị hệ thống.")
    done, total = progress(result.args[1]) or (0, 0)
    context = {
        "result": result,
        "error": error,
        "file_name": result.args[2],
        "done": done,
        "total": total,
    }
    return render(request, "documents/import_status.html", context)


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request.user, pk)
    tasks = queries.tasks_with_assignments(document)
    context = {
        "document": document,
        "tasks": tasks,
        "cascade": queries.cascade(document, documents_for_user(request.user)),
        "obligations": document.reporting_obligations.prefetch_related("periods"),
        "can_change": can_change_document(request.user, document),
        "versions": versions(document),
        "history_states": HISTORY_STATES,
        "pending": pending_assignments(document),
        "can_approve": may_approve(request.user, document),
    }
    return render(request, "documents/detail.html", context)


@login_required
def graph(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """The cascade drawn: the whole tree, or one document's cascade."""
    visible = documents_for_user(request.user)
    root = get_document_for_user(request.user, pk) if pk is not None else None
    drawing = draw(build_graph(visible, root), clock.today())
    return render(request, "documents/graph.html", {"drawing": drawing, "root": root})


@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request.user, pk, for_change=True)
    tasks = queries.tasks_with_assignments(document)
    try:
        parsed = document.parsed()
    except StoredParseError as exc:  # the page still serves the stored tasks
        messages.error(request, str(exc))
        parsed = None
    to_check = mark_doubts(parsed, tasks)  # marks the tasks before the tree is built
    initial = {
        "kind": document.kind,
        "number": document.number,
        "issuer": document.issuer,
        "place": document.place,
        "date": document.date,
        "title": document.title,
        "focal_agency": document.focal_agency_id,
    }
    context = {
        "document": document,
        "outline": queries.outline_with_tasks(document, tasks),
        "task_count": len(tasks),
        "to_check": to_check,
        "header_notes": header_notes(document, parsed),
        "bodies": queries.body_rows(document, tasks, parsed),
        "source_text": document.source_text,
        "source_lines": document.source_text.splitlines(),
        "warnings": parsed.warnings if parsed is not None else [],
        "document_form": DocumentForm(initial=initial),
        "new_task_form": TaskForm(prefix="new"),
        "remap_units": mappable_units().only("id", "name", "tree_path"),
        "unit_kinds": UnitKind.choices,
        **review_extras(document, timezone.localdate()),
    }
    return render(request, "documents/review.html", context)


@login_required
@require_POST
def update(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request.user, pk, for_change=True)
    form = DocumentForm(request.POST)
    if form.is_valid():
        try:
            update_document(request.user, document, **form.cleaned_data)
        except ActionError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Đã lưu thông tin văn bản."))
    else:
        messages.error(
            request, _("Thông tin văn bản chưa hợp lệ: %(e)s") % {"e": form.errors.as_text()}
        )
    return redirect("documents:review", pk=pk)


@login_required
@require_POST
def remap(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request.user, pk, for_change=True)
    form = RemapForm(request.POST)
    if form.is_valid():
        try:
            remap_body(
                request.user, document, form.cleaned_data["name"], form.cleaned_data["units"]
            )
        except TaskError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Đã cập nhật đơn vị cho “%(name)s”.") % form.cleaned_data)
    else:
        messages.error(request, _("Hãy chọn ít nhất một đơn vị."))
    return redirect(reverse("documents:review", args=[pk]) + "#co-quan")


@login_required
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request.user, pk, for_change=True)
    try:
        publish_plan(request.user, document, confirm_warnings=request.POST.get("xac-nhan") == "1")
    except ActionError as exc:
        messages.error(request, str(exc))
        return redirect("documents:review", pk=pk)
    messages.success(request, _("Đã ban hành theo dõi %(doc)s.") % {"doc": document})
    return redirect("documents:detail", pk=pk)


@login_required
@require_POST
def delegated(request: HttpRequest, pk: int) -> HttpResponse:
    """The focal agency approves or refuses a sub-plan's tasks for other units."""
    document = get_document_for_user(request.user, pk)
    try:
        approve = [int(v) for v in request.POST.getlist("duyet")]
        refuse = [n for n in map(int, request.POST.getlist("tu-choi")) if n not in approve]
    except ValueError:
        raise Http404 from None
    approved, refused = decide_delegated_tasks(request.user, document, approve, refuse)
    messages.success(
        request,
        _("Đã duyệt %(a)d, không duyệt %(r)d phân công.") % {"a": approved, "r": refused},
    )
    return redirect(reverse("documents:detail", args=[pk]) + "#cho-duyet")


@login_required
@require_POST
def tracking_window(request: HttpRequest, pk: int) -> HttpResponse:
    """The officer corrects when the plan is tracked from and until."""
    document = get_document_for_user(request.user, pk, for_change=True)
    try:
        start = datetime.date.fromisoformat(request.POST.get("tu-ngay", ""))
        end = datetime.date.fromisoformat(request.POST.get("den-ngay", ""))
        set_tracking_window(request.user, document, start, end, today=timezone.localdate())
    except ValueError as exc:  # a bad date, or ActionError
        messages.error(request, _("Không tính lại được kỳ báo cáo: %(e)s") % {"e": exc})
    else:
        messages.success(request, _("Đã tính lại kỳ báo cáo."))
    return redirect(reverse("documents:review", args=[pk]) + "#ky-bao-cao")


@login_required
@require_POST
def discard(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request.user, pk, for_change=True)
    try:
        discard_draft(request.user, document)
    except ActionError as exc:
        messages.error(request, str(exc))
        return redirect("documents:detail", pk=pk)
    messages.success(request, _("Đã xóa bản nháp."))
    return redirect("documents:list")


@login_required
def source_file(request: HttpRequest, pk: int) -> FileResponse:
    document = get_document_for_user(request.user, pk)
    if not document.source_file:
        raise Http404(_("Văn bản không có tệp gốc."))
    return FileResponse(
        document.source_file.open("rb"), as_attachment=True, filename=document.source_name
    )
