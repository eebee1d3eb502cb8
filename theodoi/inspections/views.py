"""Inspection pages: parse input, call an action, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from theodoi.accounts.roles import can_review_reports
from theodoi.dashboards.report_tables import Column, SheetTable, xlsx_response
from theodoi.documents.access import get_document_for_user
from theodoi.inspections import actions
from theodoi.inspections.access import (
    findings_for_user,
    get_finding_for_user,
    get_inspection_for_user,
    inspections_for_user,
)
from theodoi.inspections.forms import FindingForm, InspectionForm
from theodoi.inspections.models import Finding, FindingState
from theodoi.orgunits.models import OrgUnit
from theodoi.plans.models import Task
from theodoi.project.params import id_param
from theodoi.reporting import clock
from theodoi.reporting.access import followed_documents


@login_required
@require_GET
def inspection_list(request: HttpRequest) -> HttpResponse:
    inspections = inspections_for_user(request.user).select_related("document", "inspecting_unit")
    follow_ups = _follow_ups(request)
    return render(
        request,
        "inspections/list.html",
        {
            "inspections": inspections[:200],
            "follow_ups": follow_ups[:200],
            "can_plan": can_review_reports(request.user),
            "plans": followed_documents(request.user) if can_review_reports(request.user) else [],
            "today": clock.today(),
        },
    )


def _follow_ups(request: HttpRequest) -> QuerySet[Finding]:
    return (
        findings_for_user(request.user)
        .filter(state__in=[FindingState.OPEN, FindingState.RESPONDED])
        .select_related("inspection", "unit")
        .order_by("deadline", "pk")
    )


@login_required
@require_GET
def follow_ups_xlsx(request: HttpRequest) -> HttpResponse:
    """The recommendations being followed up, every row, as .xlsx."""
    today = clock.today()

    def deadline(finding: Finding) -> str:
        if finding.deadline is None:
            return ""
        late = finding.state == FindingState.OPEN and finding.deadline < today
        return f"{finding.deadline:%d/%m/%Y}" + (" (quá hạn)" if late else "")

    columns = (
        Column("Đơn vị", 40, lambda f: f.unit.display_name),
        Column("Kiến nghị", 70, lambda f: f.recommendation),
        Column("Hạn khắc phục", 16, deadline),
        Column("Trạng thái", 18, lambda f: f.get_state_display()),
        Column("Đợt kiểm tra", 50, lambda f: f.inspection.title),
    )
    title = f"Kiến nghị sau kiểm tra, giám sát đang theo dõi — đến ngày {today:%d/%m/%Y}"
    table = SheetTable("Kiến nghị", title, columns, _follow_ups(request))
    return xlsx_response(f"kien-nghi-kiem-tra-{today:%Y%m%d}.xlsx", table)


@login_required
@require_GET
def pick_plan(request: HttpRequest) -> HttpResponse:
    """The plan picker of the list page posts here (no script needed)."""
    chosen = id_param(request.GET.get("ke-hoach"))
    if chosen is None:
        return redirect("inspections:list")
    return redirect("inspections:new", plan=chosen)


@login_required
def new_inspection(request: HttpRequest, plan: int) -> HttpResponse:
    if not can_review_reports(request.user):
        raise PermissionDenied(_("Chỉ cơ quan đầu mối được lập kế hoạch kiểm tra."))
    document = get_document_for_user(request.user, plan)
    assigned = OrgUnit.objects.filter(assignments__task__document=document).values("pk")
    units = OrgUnit.objects.filter(pk__in=assigned)
    tasks = Task.objects.filter(document=document).order_by("position", "pk")
    own_unit = getattr(request.user, "org_unit_id", None) or 0
    inspectors = OrgUnit.objects.filter(Q(pk=own_unit) | Q(pk__in=assigned))
    form = InspectionForm(
        request.POST or None,
        units=units.order_by("tree_path"),
        tasks=tasks,
        inspectors=inspectors.order_by("tree_path"),
        initial={"inspecting_unit": getattr(request.user, "org_unit_id", None)},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            inspection = actions.plan_inspection(
                request.user,
                document,
                actions.InspectionPlan(
                    title=data["title"],
                    inspecting_unit=data["inspecting_unit"],
                    starts_on=data["starts_on"],
                    ends_on=data["ends_on"],
                    units=list(data["units"]),
                    tasks=list(data["tasks"]),
                    team=data["team"],
                    kind=data["kind"],
                ),
            )
        except actions.InspectionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Đã lập kế hoạch kiểm tra và báo cho các đơn vị."))
            return redirect("inspections:detail", pk=inspection.pk)
    return render(request, "inspections/new.html", {"form": form, "document": document})


@login_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = get_inspection_for_user(request.user, pk)
    findings = (
        findings_for_user(request.user).filter(inspection=inspection).select_related("unit", "task")
    )
    focal = can_review_reports(request.user)
    finding_form = None
    if focal:
        finding_form = FindingForm(
            units=inspection.units.order_by("tree_path"),
            tasks=Task.objects.filter(document=inspection.document_id).order_by("position"),
        )
    return render(
        request,
        "inspections/detail.html",
        {
            "inspection": inspection,
            "units": inspection.units.order_by("tree_path"),
            "tasks": inspection.tasks.order_by("position"),
            "findings": findings,
            "finding_form": finding_form,
            "is_focal": focal,
            "own_unit_id": getattr(request.user, "org_unit_id", None),
            "today": clock.today(),
        },
    )


@login_required
@require_POST
def add_finding(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = get_inspection_for_user(request.user, pk)
    form = FindingForm(
        request.POST,
        units=inspection.units.all(),
        tasks=Task.objects.filter(document=inspection.document_id),
    )
    if not form.is_valid():
        messages.error(request, _("Hãy ghi đủ đơn vị, đánh giá và kết quả kiểm tra."))
        return redirect("inspections:detail", pk=pk)
    data = form.cleaned_data
    try:
        actions.record_finding(
            request.user,
            inspection,
            data["unit"],
            actions.FindingData(
                assessment=data["assessment"],
                text=data["text"],
                recommendation=data["recommendation"],
                deadline=data["deadline"],
                task=data["task"],
            ),
        )
    except actions.InspectionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Đã ghi kết quả kiểm tra."))
    return redirect("inspections:detail", pk=pk)


@login_required
@require_POST
def respond(request: HttpRequest, pk: int) -> HttpResponse:
    finding = get_finding_for_user(request.user, pk)
    try:
        actions.respond_to_finding(request.user, finding, request.POST.get("response", ""))
    except actions.InspectionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Đã gửi báo cáo khắc phục."))
    return redirect("inspections:detail", pk=finding.inspection_id)


@login_required
@require_POST
def close(request: HttpRequest, pk: int) -> HttpResponse:
    finding = get_finding_for_user(request.user, pk)
    try:
        actions.close_finding(request.user, finding)
    except actions.InspectionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Đã kết thúc theo dõi kiến nghị."))
    return redirect("inspections:detail", pk=finding.inspection_id)
