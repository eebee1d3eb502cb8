"""Views of the reporting app: parse input, call an access helper or an
action, render. Rules live in ``access.py`` (who may see or change what) and
``actions.py`` (what a change does); the time comes from ``clock``."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from itertools import groupby
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from theodoi.accounts.requests import AuthenticatedRequest
from theodoi.accounts.roles import can_review_reports, can_write_reports, is_unit_head
from theodoi.orgunits.models import OrgUnit
from theodoi.plans.models import Assignment, Task
from theodoi.project.params import id_param
from theodoi.reporting import access, actions, clock, period_report, scope
from theodoi.reporting.forms import AdHocRequestForm, ReportForm, ReviewForm, SendBackForm
from theodoi.reporting.models import PeriodSummary, ReviewState, TaskReport

View = Callable[..., HttpResponse]


def refuse_with_message(view: View) -> View:
    """Show a refused change as a 403 page that says why (locked period,
    read-only role) instead of a bare "Forbidden"."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as exc:
            message = str(exc) or _("Bạn không có quyền thực hiện thao tác này.")
            return render(request, "reporting/forbidden.html", {"message": message}, status=403)

    return wrapper


@login_required
def report_list(request: HttpRequest) -> HttpResponse:
    """The menu's "Báo cáo": units go to their inbox, oversight to the queue."""
    if can_write_reports(request.user):
        return redirect("reporting:inbox")
    return redirect("reporting:review_queue")


def _task_rows(period: Any, unit_id: int, today: Any) -> list[dict[str, Any]]:
    assignments = (
        scope.expected_assignments(period)
        .filter(unit_id=unit_id)
        .select_related("task")
        .order_by("task__position", "role")
    )
    reports = {
        report.task_id: report
        for report in TaskReport.objects.filter(period=period, unit_id=unit_id).select_related(
            "period"
        )
    }
    rows: dict[int, dict[str, Any]] = {}
    for assignment in assignments:
        row = rows.setdefault(
            assignment.task_id,
            {"task": assignment.task, "roles": [], "report": reports.get(assignment.task_id)},
        )
        row["roles"].append(assignment.get_role_display())
    for row in rows.values():
        report = row["report"]
        if report is not None:
            report.task = row["task"]  # already loaded: status() needs its deadline
            row["status"] = report.status(today)
    return list(rows.values())


@login_required
@refuse_with_message
def inbox(request: AuthenticatedRequest) -> HttpResponse:
    """A unit's tasks for the chosen period, grouped by theme, with their state."""
    unit_id = request.user.org_unit_id
    if not can_write_reports(request.user) or unit_id is None:
        raise PermissionDenied(_("Trang này dành cho cán bộ đơn vị."))
    today = clock.today()
    periods = scope.periods_for_unit(unit_id, today)
    chosen = request.GET.get("ky", "")
    period = next((p for p in periods if str(p.pk) == chosen), None)
    period = period or scope.default_period(periods, today)
    rows = _task_rows(period, unit_id, today) if period else []
    groups = [(section, list(items)) for section, items in groupby(rows, key=_theme)]
    context = {
        "periods": periods,
        "period": period,
        "groups": groups,
        "rows": rows,
        "today": today,
        "locked": scope.is_locked(period, today) if period else False,
        "locks_on": scope.locks_on(period) if period else None,
        "counts": _inbox_counts(rows),
        "due": period_report.due_periods(unit_id, periods, today),
    }
    return render(request, "reporting/inbox.html", context)


def _theme(row: dict[str, Any]) -> str:
    """The heading a task sits under ("1. Đổi mới công tác tuyên truyền")."""
    task = row["task"]
    return task.heading or task.section


def _inbox_counts(rows: list[dict[str, Any]]) -> dict[str, int]:
    sent = sum(
        1 for row in rows if row["report"] and row["report"].review_state in scope.SENT_STATES
    )
    returned = sum(
        1 for row in rows if row["report"] and row["report"].review_state == ReviewState.RETURNED
    )
    awaiting = sum(1 for row in rows if row["report"] and row["report"].awaiting_head_approval)
    return {
        "total": len(rows),
        "sent": sent,
        "returned": returned,
        "awaiting": awaiting,
        "left": len(rows) - sent,
    }


@login_required
@refuse_with_message
def report_form(request: AuthenticatedRequest, period_id: int, task_id: int) -> HttpResponse:
    """The unit's report on one task for one period: read, save, submit."""
    period, task, report = access.get_slot_for_user(request.user, period_id, task_id)
    today = clock.today()
    if request.method == "POST":
        return _save_report(request, period, task, report)
    form = ReportForm.for_report(report)
    return _render_form(request, period, task, report, form, today)


def _render_form(
    request: AuthenticatedRequest,
    period: Any,
    task: Task,
    report: Any,
    form: ReportForm,
    today: Any,
    *,
    status: int = 200,
) -> HttpResponse:
    editable = report is None or access.can_change_report(request.user, report)
    locked = scope.report_locked(period, report, today)
    context = {
        "period": period,
        "task": task,
        "report": report,
        "form": form,
        "editable": editable and not locked,
        "locked": locked,
        "locks_on": scope.locks_on(period),
        "today": today,
        "status": report.status(today) if report else None,
        "attachments": list(report.attachments.all()) if report else [],
        "is_head": is_unit_head(request.user),
        "send_back_form": SendBackForm(),
        "indicators": period_report.plan_indicators(task.document_id) if editable else [],
    }
    return render(request, "reporting/report_form.html", context, status=status)


def _save_report(
    request: AuthenticatedRequest, period: Any, task: Task, report: Any
) -> HttpResponse:
    form = ReportForm(request.POST, request.FILES)
    today = clock.today()
    if not form.is_valid():
        return _render_form(request, period, task, report, form, today)
    now = clock.now()
    submit = request.POST.get("action") == "submit"
    try:
        report = actions.save_report(
            request.user,
            period,
            task,
            form.report_data(),
            form.cleaned_data["evidence"],
            submit=submit,
            version=form.cleaned_data.get("version"),
            now=now,
        )
    except actions.ReportingError as exc:
        messages.error(request, str(exc))
        status = 200
        if isinstance(exc, actions.EditConflict):
            # Keep what the person typed; a second save knowingly overwrites.
            data = request.POST.copy()
            data["version"] = str(exc.current_version)
            form = ReportForm(data, request.FILES)
            form.is_valid()
            status = 409
        return _render_form(request, period, task, report, form, today, status=status)
    messages.success(request, _submitted_message(report) if submit else _("Đã lưu bản nháp."))
    return redirect("reporting:report_form", period.pk, task.pk)


def _submitted_message(report: TaskReport) -> str:
    if report.awaiting_head_approval:
        return _("Đã chuyển lãnh đạo đơn vị duyệt.")
    if report.submitted_late:
        return _("Đã gửi báo cáo (sau hạn: báo cáo được ghi nhận là gửi muộn).")
    return _("Đã gửi báo cáo đến cơ quan đầu mối.")


def _report_action(request: HttpRequest, pk: int, run: Callable[[TaskReport], Any], done: str):
    """Run a unit-side action on a report and come back to its form."""
    report = access.get_report_for_user(request.user, pk)
    try:
        run(report)
        messages.success(request, done)
    except actions.ReportingError as exc:
        messages.error(request, str(exc))
    return redirect("reporting:report_form", report.period_id, report.task_id)


@login_required
@require_POST
@refuse_with_message
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    now = clock.now()
    return _report_action(
        request,
        pk,
        lambda report: actions.approve_report(request.user, report, now=now),
        _("Đã duyệt và gửi báo cáo đến cơ quan đầu mối."),
    )


@login_required
@require_POST
@refuse_with_message
def send_back(request: HttpRequest, pk: int) -> HttpResponse:
    comment = request.POST.get("comment", "")
    now = clock.now()
    return _report_action(
        request,
        pk,
        lambda report: actions.send_back_to_officer(request.user, report, comment, now=now),
        _("Đã trả lại cho cán bộ soạn thảo."),
    )


@login_required
@require_POST
@refuse_with_message
def attachment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    attachment = access.get_attachment_for_user(request.user, pk)
    report = attachment.report
    try:
        actions.remove_attachment(request.user, attachment, now=clock.now())
        messages.success(request, _("Đã xóa tệp."))
    except actions.ReportingError as exc:
        messages.error(request, str(exc))
    if request.POST.get("tu") == "ky":  # removed from the one-form period page
        period_url = reverse("reporting:period_form", args=[report.period_id])
        return redirect(f"{period_url}#nhiem-vu-{report.task_id}")
    return redirect("reporting:report_form", report.period_id, report.task_id)


@login_required
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    attachment = access.get_attachment_for_user(request.user, pk)
    return FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name
    )


REVIEW_FILTERS = {
    "cho-duyet": ReviewState.SUBMITTED,
    "tra-lai": ReviewState.RETURNED,
    "da-duyet": ReviewState.ACCEPTED,
    "dang-soan": ReviewState.DRAFT,
}


@login_required
@refuse_with_message
def review_queue(request: HttpRequest) -> HttpResponse:
    """Reports waiting for the focal agency (or other states, by filter)."""
    if access.document_filter(request.user, "document") is None:
        raise PermissionDenied(_("Trang này dành cho cơ quan đầu mối và lãnh đạo."))
    state_key = request.GET.get("trang-thai", "cho-duyet")
    state = REVIEW_FILTERS.get(state_key, ReviewState.SUBMITTED)
    periods = list(
        access.periods_for_user(request.user)
        .select_related("obligation__document")
        .order_by("-due_date")[:50]
    )
    reports = access.reports_for_user(request.user).filter(review_state=state)
    period = next((p for p in periods if str(p.pk) == request.GET.get("ky")), None)
    if period is not None:
        reports = reports.filter(period=period)
    reports = reports.select_related("task", "task__document", "unit", "period").order_by(
        "submitted_at", "period__due_date", "unit__tree_path", "task__position"
    )
    page = Paginator(reports, 50).get_page(request.GET.get("trang"))
    today = clock.today()
    summaries = period_report.summaries_for({(r.period_id, r.unit_id) for r in page})
    shown: list[PeriodSummary] = []  # in the order the queue first shows each unit
    for report in page:
        summary = summaries.get((report.period_id, report.unit_id))
        setattr(report, "period_summary", summary)  # noqa: B010  (read by the template)
        if summary is not None and summary not in shown:
            shown.append(summary)
    context = {
        "page": page,
        "summaries": shown,
        "periods": periods,
        "period": period,
        "state_key": state_key,
        "filters": REVIEW_FILTERS,
        "today": today,
        "can_review": can_review_reports(request.user),
        "open_periods": [p for p in periods if p.start <= today and not scope.is_locked(p, today)],
    }
    return render(request, "reporting/review_queue.html", context)


@login_required
@refuse_with_message
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.get_report_for_user(request.user, pk)
    today = clock.today()
    context = {
        "report": report,
        "status": report.status(today),
        "attachments": list(report.attachments.all()),
        "escalations": list(report.escalations.all()),
        "summary": PeriodSummary.objects.filter(
            period_id=report.period_id, unit_id=report.unit_id
        ).first(),
        "form": ReviewForm(),
        "can_review": can_review_reports(request.user)
        and report.review_state == ReviewState.SUBMITTED,
        "can_escalate": can_review_reports(request.user),
        "today": today,
    }
    return render(request, "reporting/review_detail.html", context)


@login_required
@require_POST
@refuse_with_message
def review(request: HttpRequest, pk: int) -> HttpResponse:
    """Accept or return a submitted report."""
    report = access.get_report_for_reviewer(request.user, pk)
    comment = request.POST.get("comment", "")
    now = clock.now()
    try:
        if request.POST.get("decision") == "accept":
            actions.accept_report(request.user, report, comment, now=now)
            messages.success(request, _("Đã tiếp nhận báo cáo."))
        else:
            actions.return_report(request.user, report, comment, now=now)
            messages.success(request, _("Đã trả lại báo cáo cho đơn vị."))
    except actions.ReportingError as exc:
        messages.error(request, str(exc))
        return redirect("reporting:review_detail", report.pk)
    return redirect(reverse("reporting:review_queue") + f"?ky={report.period_id}")


@login_required
@refuse_with_message
def ad_hoc_request(request: HttpRequest) -> HttpResponse:
    """Ask units for a report (đột xuất): pick a plan, then units and tasks."""
    if not can_review_reports(request.user):
        raise PermissionDenied(_("Chỉ cơ quan đầu mối được yêu cầu báo cáo đột xuất."))
    documents = list(access.followed_documents(request.user).order_by("-date")[:200])
    document = None
    chosen = id_param(request.POST.get("document") or request.GET.get("van-ban"))
    if chosen is not None:
        document = access.followed_documents(request.user).filter(pk=chosen).first()
    form = None
    if document is not None:
        units, tasks = _ad_hoc_choices(document)
        data = request.POST if request.method == "POST" else None
        form = AdHocRequestForm(data, units=units, tasks=tasks)
        if data is not None and form.is_valid():
            response = _create_ad_hoc(request, document, form)
            if response is not None:
                return response
    context = {"documents": documents, "document": document, "form": form}
    return render(request, "reporting/ad_hoc_form.html", context)


def _ad_hoc_choices(document: Any) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    assignments = Assignment.objects.filter(task__document=document, must_report=True)
    unit_ids = assignments.values("unit_id")
    units = [(unit.pk, unit.name) for unit in OrgUnit.objects.filter(pk__in=unit_ids)]
    tasks = [
        (task.pk, f"{task.path} — {task.summary}")
        for task in Task.objects.filter(document=document, is_active=True).order_by("position")
    ]
    return units, tasks


def _create_ad_hoc(request: HttpRequest, document: Any, form: AdHocRequestForm) -> Any:
    data = form.cleaned_data
    try:
        period = actions.request_ad_hoc_report(
            request.user,
            document,
            label=data["label"],
            due_date=data["due_date"],
            units=list(OrgUnit.objects.filter(pk__in=data["units"])),
            tasks=list(Task.objects.filter(pk__in=data["tasks"], document=document)),
            note=data["note"],
            now=clock.now(),
        )
    except actions.ReportingError as exc:
        messages.error(request, str(exc))
        return None
    messages.success(request, _("Đã gửi yêu cầu báo cáo đột xuất đến các đơn vị."))
    return redirect(reverse("monitoring:period_units", args=[period.pk]))
