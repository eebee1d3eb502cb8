"""The one-form period report: a unit answers all its tasks of a period on
one page, with its summary of the period on top, and saves or sends them
together (``actions.save_period_reports``, one transaction)."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from theodoi.accounts.requests import AuthenticatedRequest
from theodoi.accounts.roles import can_review_reports, is_unit_head
from theodoi.reporting import access, actions, clock, period_report, scope
from theodoi.reporting.models import Attachment, PeriodSummary, PlanIndicator, ReportingPeriod
from theodoi.reporting.period_forms import PeriodSummaryForm, PeriodTaskForm
from theodoi.reporting.views import _task_rows, _theme, refuse_with_message

PREFILL_FIELDS = ("result", "difficulties", "proposals")


@login_required
@refuse_with_message
def period_form(request: AuthenticatedRequest, period_id: int) -> HttpResponse:
    """All of the unit's reports of one period: read, save, send."""
    period, unit = access.get_unit_period_for_user(request.user, period_id)
    today = clock.today()
    rows = _task_rows(period, unit.pk, today)
    for row in rows:
        report = row["report"]
        row["editable"] = (
            report is None or access.can_change_report(request.user, report)
        ) and not scope.report_locked(period, report, today)
    _attach_files(rows)
    summary = PeriodSummary.objects.filter(period=period, unit=unit).first()
    if request.method == "POST" and request.POST.get("action") == "approve":
        return _approve_all(request, period)
    if request.method == "POST":
        return _save(request, period, rows, summary)
    for row in rows:
        if row["editable"]:
            row["form"] = PeriodTaskForm.for_report(row["report"], prefix=f"t{row['task'].pk}")
    summary_form = PeriodSummaryForm.for_summary(summary)
    previous = _previous(period, unit.pk, rows)
    if request.GET.get("tu-ky-truoc") == "1":
        kept = _prefill(rows, summary_form, previous)
        if kept:
            messages.info(
                request,
                _(
                    "Đã điền từ kỳ trước vào các ô còn trống; "
                    "%(n)s ô đã có nội dung được giữ nguyên."
                )
                % {"n": kept},
            )
    return _render(request, period, rows, summary, summary_form, previous, today)


def _attach_files(rows: list[dict[str, Any]]) -> None:
    """Each row's evidence files, in one query for the whole period."""
    by_report: dict[int, list[Attachment]] = {}
    reports = [row["report"].pk for row in rows if row["report"] is not None]
    if reports:
        for attachment in Attachment.objects.filter(report_id__in=reports).order_by("pk"):
            by_report.setdefault(attachment.report_id, []).append(attachment)
    for row in rows:
        row["attachments"] = by_report.get(row["report"].pk, []) if row["report"] else []


def _approve_all(request: AuthenticatedRequest, period: ReportingPeriod) -> HttpResponse:
    try:
        approved = actions.approve_period_reports(request.user, period, now=clock.now())
        messages.success(
            request,
            _("Đã duyệt và gửi %(n)s báo cáo đến cơ quan đầu mối.") % {"n": len(approved)},
        )
    except actions.ReportingError as exc:
        messages.error(request, str(exc))
    return redirect("reporting:period_form", period.pk)


def _previous(period: ReportingPeriod, unit_id: int, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """What the unit wrote last time, per task and for the summary, as the
    page's JSON for the "start from the previous period" button."""
    reports = period_report.previous_reports(period, unit_id, [row["task"].pk for row in rows])
    tasks = {
        str(task_id): {
            "result": report.result,
            "difficulties": report.difficulties,
            "proposals": report.proposals,
            "figures": report.figure_list,
            "period": report.period.label,
        }
        for task_id, report in reports.items()
    }
    summary = period_report.previous_summary(period, unit_id)
    return {
        "tasks": tasks,
        "summary": (
            {"results": summary.results, "difficulties": summary.difficulties} if summary else None
        ),
    }


def _fill(form: Any, values: dict[str, Any], names: tuple[str, ...]) -> int:
    """Put ``values`` into the form's empty fields; count the ones kept."""
    kept = 0
    for name in names:
        if not values.get(name):
            continue
        if str(form.initial.get(name) or "").strip():
            kept += 1
        else:
            form.initial[name] = values[name]
    return kept


def _prefill(rows: list[dict[str, Any]], summary_form: Any, previous: dict[str, Any]) -> int:
    kept = 0
    for row in rows:
        old = previous["tasks"].get(str(row["task"].pk))
        if not row["editable"] or old is None:
            continue
        form = row["form"]
        kept += _fill(form, old, PREFILL_FIELDS)
        if old["figures"] and not form._initial_figures:
            form._initial_figures = old["figures"]
        elif old["figures"]:
            kept += 1
    if previous["summary"]:
        kept += _fill(summary_form, previous["summary"], ("results", "difficulties"))
    return kept


def _render(
    request: AuthenticatedRequest,
    period: ReportingPeriod,
    rows: list[dict[str, Any]],
    summary: PeriodSummary | None,
    summary_form: PeriodSummaryForm,
    previous: dict[str, Any],
    today: Any,
    *,
    status: int = 200,
) -> HttpResponse:
    context = {
        "period": period,
        "groups": [(section, list(items)) for section, items in groupby(rows, key=_theme)],
        "editable": any(row["editable"] for row in rows),
        "summary": summary,
        "summary_form": summary_form,
        "summary_editable": not scope.is_locked(period, today)
        or any(row["editable"] for row in rows),
        "previous": previous,
        "has_previous": bool(previous["tasks"] or previous["summary"]),
        "indicators": period_report.plan_indicators(period.obligation.document_id),
        "awaiting_head": is_unit_head(request.user)
        and not scope.is_locked(period, today)
        and any(row["report"] and row["report"].awaiting_head_approval for row in rows),
        "locked": scope.is_locked(period, today),
        "locks_on": scope.locks_on(period),
        "today": today,
    }
    return render(request, "reporting/period_form.html", context, status=status)


def _save(
    request: AuthenticatedRequest,
    period: ReportingPeriod,
    rows: list[dict[str, Any]],
    summary: PeriodSummary | None,
) -> HttpResponse:
    today = clock.today()
    editable = [row for row in rows if row["editable"]]
    for row in editable:
        row["form"] = PeriodTaskForm(request.POST, request.FILES, prefix=f"t{row['task'].pk}")
    summary_form = PeriodSummaryForm(request.POST, prefix="tong-hop")
    valid = all([row["form"].is_valid() for row in editable]) and summary_form.is_valid()
    previous = _previous(period, request.user.org_unit_id or 0, rows)
    if not valid:
        messages.error(request, _("Báo cáo chưa lưu: hãy sửa các ô được đánh dấu bên dưới."))
        return _render(request, period, rows, summary, summary_form, previous, today)
    entries = [
        actions.TaskEntry(
            row["task"],
            row["form"].report_data(),
            row["form"].cleaned_data["version"],
            row["form"].cleaned_data["evidence"],
        )
        for row in editable
    ]
    submit = request.POST.get("action") == "submit"
    try:
        actions.save_period_reports(
            request.user,
            period,
            entries,
            summary_form.summary_data(),
            submit=submit,
            now=clock.now(),
        )
    except actions.PeriodEditConflict as exc:
        messages.error(request, str(exc))
        _rebind_with_versions(request, rows, exc.versions)
        summary_form = _summary_with_version(request, exc.versions)
        return _render(request, period, rows, summary, summary_form, previous, today, status=409)
    except actions.ReportingError as exc:
        messages.error(request, str(exc))
        return _render(request, period, rows, summary, summary_form, previous, today)
    if submit:
        messages.success(
            request, _("Đã gửi báo cáo của cả kỳ (%(n)s nhiệm vụ).") % {"n": len(entries)}
        )
    else:
        messages.success(request, _("Đã lưu bản nháp báo cáo của cả kỳ."))
    return redirect("reporting:period_form", period.pk)


def _rebind_with_versions(
    request: AuthenticatedRequest, rows: list[dict[str, Any]], versions: dict[str, int]
) -> None:
    """Keep what the person typed; a second save knowingly overwrites."""
    data = request.POST.copy()
    for key, version in versions.items():
        if key != "summary":
            data[f"t{key}-version"] = str(version)
    for row in rows:
        if row["editable"]:
            row["form"] = PeriodTaskForm(data, prefix=f"t{row['task'].pk}")
            row["form"].is_valid()


def _summary_with_version(
    request: AuthenticatedRequest, versions: dict[str, int]
) -> PeriodSummaryForm:
    data = request.POST.copy()
    if "summary" in versions:
        data["tong-hop-version"] = str(versions["summary"])
    form = PeriodSummaryForm(data, prefix="tong-hop")
    form.is_valid()
    return form


@login_required
@refuse_with_message
def indicators(request: AuthenticatedRequest, document_id: int) -> HttpResponse:
    """The focal agency's list of a plan's indicators: add, remove, and see
    the labels units already used."""
    if not can_review_reports(request.user):
        raise PermissionDenied(_("Chỉ cơ quan đầu mối được định nghĩa chỉ tiêu."))
    document = access.followed_documents(request.user).filter(pk=document_id).first()
    if document is None:
        raise Http404(_("Không tìm thấy kế hoạch."))
    if request.method == "POST":
        try:
            if request.POST.get("xoa"):
                indicator = get_object_or_404(
                    PlanIndicator, pk=request.POST["xoa"], document=document
                )
                actions.remove_indicator(request.user, indicator, now=clock.now())
                messages.success(request, _("Đã bỏ chỉ tiêu."))
            else:
                actions.define_indicator(
                    request.user,
                    document,
                    request.POST.get("label", ""),
                    request.POST.get("unit", ""),
                    now=clock.now(),
                )
                messages.success(request, _("Đã thêm chỉ tiêu."))
        except actions.ReportingError as exc:
            messages.error(request, str(exc))
        return redirect("reporting:indicators", document.pk)
    defined = list(PlanIndicator.objects.filter(document=document))
    own = {(i.label, i.unit) for i in defined}
    used = [i for i in period_report.plan_indicators(document.pk) if (i.label, i.unit) not in own]
    context = {"document": document, "defined": defined, "used": used}
    return render(request, "reporting/indicators.html", context)
