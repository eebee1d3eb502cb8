"""Pages of the recognition registry: parse input, call an action, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from theodoi.accounts.roles import can_review_reports, can_write_reports
from theodoi.dashboards.report_tables import Column, SheetTable, xlsx_response
from theodoi.documents.models import Document
from theodoi.orgunits.models import OrgUnit
from theodoi.project.params import id_param
from theodoi.recognition import actions
from theodoi.recognition.access import (
    commendations_for_user,
    get_commendation_for_user,
    get_practice_for_user,
    practices_for_user,
)
from theodoi.recognition.forms import CommendationForm, DecisionForm, PracticeForm, ReviewForm
from theodoi.recognition.models import Commendation, PracticeState
from theodoi.reporting.access import followed_documents, get_report_for_user, periods_for_user

STATE_FILTERS = {
    "de-xuat": PracticeState.PROPOSED,
    "ghi-nhan": PracticeState.RECOGNISED,
    "khong-ghi-nhan": PracticeState.DECLINED,
}


def _plans_of(user: object) -> object:
    if can_review_reports(user):
        return followed_documents(user)
    return Document.objects.filter(
        pk__in=periods_for_user(user).values("obligation__document")
    ).order_by("-date", "pk")


@login_required
@require_GET
def practice_list(request: HttpRequest) -> HttpResponse:
    practices = practices_for_user(request.user).select_related("unit", "document", "task")
    commendations = _commendations(request)
    plan_id = id_param(request.GET.get("ke-hoach"))
    plan = str(plan_id) if plan_id is not None else ""
    if plan_id is not None:
        practices = practices.filter(document_id=plan_id)
    state = STATE_FILTERS.get(request.GET.get("trang-thai", ""))
    if state:
        practices = practices.filter(state=state)
    replicate = request.GET.get("nhan-rong") == "1"
    if replicate:
        practices = practices.filter(replicate=True)
    return render(
        request,
        "recognition/list.html",
        {
            "practices": practices[:200],
            "commendations": commendations[:200],
            "plans": _plans_of(request.user),
            "plan": plan,
            "state": request.GET.get("trang-thai", ""),
            "replicate": replicate,
            "can_propose": can_write_reports(request.user),
            "commendations_xlsx": reverse("recognition:commendations_xlsx")
            + (f"?ke-hoach={plan}" if plan.isdigit() else ""),
        },
    )


def _commendations(request: HttpRequest) -> QuerySet[Commendation]:
    commendations = commendations_for_user(request.user).select_related("unit", "document")
    plan_id = id_param(request.GET.get("ke-hoach"))
    if plan_id is not None:
        commendations = commendations.filter(document_id=plan_id)
    return commendations


@login_required
@require_GET
def commendations_xlsx(request: HttpRequest) -> HttpResponse:
    """The commendation proposals (same filter as the page), every row, as .xlsx."""
    columns = (
        Column(
            "Tập thể, cá nhân", 40, lambda c: f"{c.nominee_name} ({c.get_nominee_kind_display()})"
        ),
        Column("Hình thức", 30, lambda c: c.award),
        Column("Đơn vị", 36, lambda c: c.unit.display_name),
        Column(
            "Trạng thái",
            30,
            lambda c: c.get_state_display() + (f" — {c.decision}" if c.decision else ""),
        ),
        Column("Kế hoạch", 40, lambda c: str(c.document)),
    )
    table = SheetTable("Khen thưởng", "Đề nghị khen thưởng", columns, _commendations(request))
    return xlsx_response("de-nghi-khen-thuong.xlsx", table)


@login_required
def propose(request: HttpRequest) -> HttpResponse:
    """A unit proposes a practice, from one of its reports (``?bao-cao=``)
    or for one of the plans it carries out."""
    if not can_write_reports(request.user):
        raise PermissionDenied(_("Chỉ cán bộ đơn vị được đề xuất mô hình hay của đơn vị."))
    report_id = id_param(request.GET.get("bao-cao"))
    report = get_report_for_user(request.user, report_id) if report_id is not None else None
    documents = None if report is not None else _plans_of(request.user)
    form = PracticeForm(request.POST or None, request.FILES or None, documents=documents)
    if request.method == "POST" and form.is_valid():
        data = actions.PracticeData(
            form.cleaned_data["title"],
            form.cleaned_data["description"],
            form.cleaned_data["results"],
        )
        try:
            practice = actions.propose_practice(
                request.user,
                data,
                report=report,
                document=form.cleaned_data.get("document"),
                evidence=form.cleaned_data.get("evidence"),
            )
        except actions.RecognitionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Đã gửi đề xuất mô hình tới cơ quan đầu mối."))
            return redirect("recognition:detail", pk=practice.pk)
    return render(request, "recognition/propose.html", {"form": form, "report": report})


@login_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    practice = get_practice_for_user(request.user, pk)
    focal = can_review_reports(request.user)
    return render(
        request,
        "recognition/detail.html",
        {
            "practice": practice,
            "commendations": commendations_for_user(request.user).filter(practice=practice),
            "review_form": ReviewForm() if focal else None,
            "commendation_form": (
                CommendationForm(
                    units=OrgUnit.objects.filter(pk=practice.unit_id),
                    initial={"unit": practice.unit_id, "nominee_name": practice.unit.name},
                )
                if focal and practice.state == PracticeState.RECOGNISED
                else None
            ),
            "decision_form": DecisionForm() if focal else None,
        },
    )


@login_required
@require_POST
def review(request: HttpRequest, pk: int) -> HttpResponse:
    practice = get_practice_for_user(request.user, pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn ghi nhận hoặc không ghi nhận."))
        return redirect("recognition:detail", pk=pk)
    try:
        actions.review_practice(
            request.user,
            practice,
            recognise=form.cleaned_data["decision"] == "recognise",
            replicate=form.cleaned_data["replicate"],
            comment=form.cleaned_data["comment"],
        )
    except actions.RecognitionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Đã lưu ý kiến về mô hình."))
    return redirect("recognition:detail", pk=pk)


@login_required
@require_POST
def commend(request: HttpRequest, pk: int) -> HttpResponse:
    practice = get_practice_for_user(request.user, pk)
    form = CommendationForm(request.POST, units=OrgUnit.objects.filter(pk=practice.unit_id))
    if not form.is_valid():
        messages.error(request, _("Hãy ghi đủ đối tượng, hình thức và thành tích."))
        return redirect("recognition:detail", pk=pk)
    data = actions.CommendationData(
        form.cleaned_data["nominee_kind"],
        form.cleaned_data["nominee_name"],
        form.cleaned_data["award"],
        form.cleaned_data["reason"],
    )
    try:
        actions.propose_commendation(
            request.user, practice.document, form.cleaned_data["unit"], data, practice=practice
        )
    except actions.RecognitionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Đã ghi đề nghị khen thưởng."))
    return redirect("recognition:detail", pk=pk)


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    commendation = get_commendation_for_user(request.user, pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            actions.decide_commendation(
                request.user,
                commendation,
                granted=form.cleaned_data["outcome"] == "granted",
                decision=form.cleaned_data["decision"],
            )
        except actions.RecognitionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Đã ghi kết quả khen thưởng."))
    if commendation.practice_id:
        return redirect("recognition:detail", pk=commendation.practice_id)
    return redirect("recognition:list")


@login_required
@require_GET
def evidence(request: HttpRequest, pk: int) -> FileResponse:
    practice = get_practice_for_user(request.user, pk)
    if not practice.evidence:
        raise Http404(_("Mô hình này không có tài liệu minh chứng."))
    return FileResponse(
        practice.evidence.open("rb"), as_attachment=True, filename=practice.evidence_name
    )
