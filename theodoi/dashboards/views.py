"""Dashboard pages: check access, compute, render. Read-only (GET only).

Numbers come from ``metrics.plan_status`` (the same function as
``theodoi status``); access from ``access.py``; "today" from the reporting
clock so tests can fix it.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from theodoi.documents.amendments import versions
from theodoi.documents.models import Document, DocumentState
from theodoi.project.params import id_param, year_param
from theodoi.reporting import clock
from theodoi.reporting.models import ReportingPeriod

from . import access, drilldown, panels
from .lookups import default_period, periods_of
from .metrics import (
    PlanStatus,
    count_labels,
    overdue_rows,
    plan_status,
    reporting_totals,
    task_status,
    trend_status,
    unit_status,
)

PAGE_SIZE = 50


def _today() -> datetime.date:
    return clock.today()


def _page(request: HttpRequest, items: Any) -> Page:  # type: ignore[type-arg]
    return Paginator(items, PAGE_SIZE).get_page(request.GET.get("trang"))


def _periods(request: HttpRequest, document: Document) -> list[ReportingPeriod]:
    """The plan's periods, fetched once per request: the period picker lists
    them and the chosen period is taken from them (one query, not two)."""
    cached: dict[int, list[ReportingPeriod]] = request.__dict__.setdefault("_plan_periods", {})
    if document.pk not in cached:
        cached[document.pk] = list(periods_of(document))
    return cached[document.pk]


def _period(request: HttpRequest, document: Document, pk: int) -> ReportingPeriod:
    """A period of ``document`` (404 otherwise), as ``access.get_period_for_plan``."""
    found = next((p for p in _periods(request, document) if p.pk == pk), None)
    if found is None:
        raise Http404("Không tìm thấy kỳ báo cáo.")
    return found


def _unit_url(document: Document, period: ReportingPeriod) -> str:
    """A unit page's URL with ``0`` for the unit's id (row builders swap it)."""
    return reverse("dashboards:unit", args=[document.pk, period.pk, 0])


def _frame(
    request: HttpRequest, document: Document, period: ReportingPeriod, tab: str = ""
) -> dict[str, Any]:
    """What every plan page shows around its content: the plan, the period
    picker and the tabs."""
    return {
        "document": document,
        "period": period,
        "periods": _periods(request, document),
        "today": _today(),
        "is_plan_viewer": access.is_plan_viewer(request.user),
        "can_download": access.can_download_report(request.user),
        "tab": tab,
        "newest_version": _newest_version(document),
    }


def _newest_version(document: Document) -> Document | None:
    """The version that replaced a superseded plan (its dashboard is history)."""
    if document.state != DocumentState.SUPERSEDED:
        return None
    return versions(document)[0]


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    plans = access.plans_for_user(request.user).select_related("focal_agency")
    return render(
        request,
        "dashboards/index.html",
        {"plans": plans, "is_plan_viewer": access.is_plan_viewer(request.user)},
    )


@login_required
@require_GET
def plan_entry(request: HttpRequest, plan: int) -> HttpResponse:
    """Open a plan on the chosen (``?ky=``) or the current period; unit
    people land on their own unit's view."""
    document = access.get_plan_for_user(request.user, plan)
    chosen = id_param(request.GET.get("ky"))
    period: ReportingPeriod | None
    if chosen is not None:
        period = access.get_period_for_plan(document, chosen)
    else:
        period = default_period(document, _today())
    if period is None:
        return render(request, "dashboards/no_period.html", {"document": document})
    if access.is_plan_viewer(request.user):
        return redirect("dashboards:plan", plan=document.pk, period=period.pk)
    unit_id = getattr(request.user, "org_unit_id", None)
    if not access.is_unit_viewer(request.user) or unit_id is None:
        raise PermissionDenied(_("Bạn không có quyền xem bảng theo dõi này."))
    return redirect("dashboards:unit", plan=document.pk, period=period.pk, unit=unit_id)


def _plan_and_period(
    request: HttpRequest, plan: int, period: int
) -> tuple[Document, ReportingPeriod]:
    document = access.get_plan_dashboard_for_user(request.user, plan)
    return document, _period(request, document, period)


def _plan_and_status(
    request: HttpRequest, plan: int, period: int
) -> tuple[Document, ReportingPeriod, PlanStatus]:
    document, chosen = _plan_and_period(request, plan, period)
    return document, chosen, plan_status(document, chosen, _today(), with_trend=False)


@login_required
@require_GET
def plan_overview(request: HttpRequest, plan: int, period: int) -> HttpResponse:
    document, chosen, status = _plan_and_status(request, plan, period)
    urgent = panels.least_complete(status.units)
    difficulty_states = status.difficulty_states
    context = _frame(request, document, chosen, "plan") | {
        "status": status,
        "label_rows": panels.label_rows(status.counts),
        "status_chart": panels.status_chart(status.counts, _("Tình hình thực hiện nhiệm vụ")),
        "reporting_chart": panels.reporting_chart(status),
        "urgent_units": urgent,
        "completeness_chart": panels.completeness_chart(
            urgent, _("Mức độ gửi báo cáo của các đơn vị")
        ),
        "urgent_rows": panels.urgent_unit_rows(urgent, _unit_url(document, chosen)),
        "theme_rows": panels.theme_table_rows(
            status.themes,
            lambda theme: reverse("dashboards:theme", args=[document.pk, chosen.pk, theme]),
        ),
        "difficulty_rows": panels.difficulty_segments(difficulty_states),
        "difficulty_chart": panels.charts.count_bars(
            panels.difficulty_segments(difficulty_states), _("Khó khăn, vướng mắc theo tình trạng")
        ),
    }
    return render(request, "dashboards/plan.html", context)


@login_required
@require_GET
def task_list(request: HttpRequest, plan: int, period: int) -> HttpResponse:
    document, chosen = _plan_and_period(request, plan, period)
    tasks, _themes = task_status(document, chosen, _today())
    context = _frame(request, document, chosen, "tasks") | {
        "task_rows": panels.task_table_rows(tasks)
    }
    return render(request, "dashboards/tasks.html", context)


@login_required
@require_GET
def trend(request: HttpRequest, plan: int, period: int) -> HttpResponse:
    """The same period of earlier years side by side."""
    document, chosen = _plan_and_period(request, plan, period)
    status = trend_status(document, chosen, _today())
    context = _frame(request, document, chosen, "trend") | {
        "status": status,
        "label_rows": panels.label_rows(status.counts),
        "trend_chart": panels.trend_chart(status),
        "trend_rows": [(f, panels.label_rows(f.counts)) for f in status.trend],
    }
    return render(request, "dashboards/trend.html", context)


@login_required
@require_GET
def unit_list(request: HttpRequest, plan: int, period: int) -> HttpResponse:
    document, chosen = _plan_and_period(request, plan, period)
    units = unit_status(document, chosen)
    reported, on_time = reporting_totals(units)
    page = _page(request, units)
    unit_url = _unit_url(document, chosen)
    context = _frame(request, document, chosen, "units") | {
        "units_expected": len(units),
        "units_reported": reported,
        "reported_on_time": on_time,
        "page": page,
        "unit_rows": panels.unit_table_rows(list(page), unit_url),
    }
    return render(request, "dashboards/units.html", context)


@login_required
@require_GET
def theme_detail(request: HttpRequest, plan: int, period: int, theme: str) -> HttpResponse:
    document, chosen = _plan_and_period(request, plan, period)
    tasks, themes = task_status(document, chosen, _today())
    found = next((t for t in themes if t.path == theme), None)
    if found is None:
        raise Http404(_("Không tìm thấy nhóm nhiệm vụ."))
    context = _frame(request, document, chosen) | {
        "theme": found,
        "task_rows": panels.task_table_rows([row for row in tasks if row.theme == theme]),
        "label_rows": panels.label_rows(found.counts),
        "status_chart": panels.status_chart(found.counts, found.title),
    }
    return render(request, "dashboards/theme.html", context)


@login_required
@require_GET
def unit_detail(request: HttpRequest, plan: int, period: int, unit: int) -> HttpResponse:
    document = access.get_plan_for_user(request.user, plan)
    chosen = _period(request, document, period)
    org_unit = access.get_unit_for_dashboard(request.user, document, unit)
    rows = drilldown.unit_tasks(document, chosen, org_unit, _today())
    counts = count_labels(row.label for row in rows)
    context = _frame(request, document, chosen) | {
        "unit": org_unit,
        "rows": rows,
        "task_rows": panels.unit_task_rows(rows),
        "sent": sum(row.sent for row in rows),
        "label_rows": panels.label_rows(counts),
        "status_chart": panels.status_chart(counts, org_unit.display_name),
    }
    return render(request, "dashboards/unit.html", context)


@login_required
@require_GET
def overdue_list(request: HttpRequest, plan: int, period: int) -> HttpResponse:
    document, chosen = _plan_and_period(request, plan, period)
    tasks = overdue_rows(task_status(document, chosen, _today())[0])
    page = _page(request, drilldown.overdue_pairs(document, chosen, tasks))
    rows = drilldown.overdue_rows_for_page(chosen, list(page), tasks)
    context = _frame(request, document, chosen, "overdue") | {
        "overdue_tasks": tasks,
        "page": page,
        "rows": rows,
        "overdue_rows": panels.overdue_table_rows(rows, _unit_url(document, chosen)),
    }
    return render(request, "dashboards/overdue.html", context)


@login_required
@require_GET
def difficulty_list(request: HttpRequest, plan: int, period: int) -> HttpResponse:
    document = access.get_plan_dashboard_for_user(request.user, plan)
    chosen = _period(request, document, period)
    page = _page(request, drilldown.difficulties_register(document, chosen))
    context = _frame(request, document, chosen, "difficulties") | {
        "page": page,
        "difficulty_rows": panels.difficulty_table_rows(
            page, _unit_url(document, chosen), drilldown.ESCALATION_LABELS
        ),
    }
    return render(request, "dashboards/difficulties.html", context)


@login_required
@require_GET
def report_docx(request: HttpRequest, plan: int, period: int) -> HttpResponse:
    """The aggregated report draft as a Word file."""
    if not access.can_download_report(request.user):
        access.get_plan_for_user(request.user, plan)  # 404 before 403
        raise PermissionDenied(_("Chỉ cơ quan đầu mối và lãnh đạo tải được báo cáo tổng hợp."))
    document = access.get_plan_dashboard_for_user(request.user, plan)
    chosen = access.get_period_for_plan(document, period)
    from .report_docx import build_report, report_filename

    content = build_report(document, chosen, _today())
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="{report_filename(document, chosen)}"'
    return response


def plan_url(document: Document, period: ReportingPeriod) -> str:
    return reverse("dashboards:plan", kwargs={"plan": document.pk, "period": period.pk})


@login_required
@require_GET
def export_table(request: HttpRequest, plan: int, period: int, table: str) -> HttpResponse:
    """A plan-wide dashboard table, every row, as .xlsx (the overview: one
    sheet per table on the page)."""
    from .report_tables import TABLES, plan_sheets, xlsx_response

    document, chosen = _plan_and_period(request, plan, period)
    if table not in TABLES:
        raise Http404(_("Không có bảng này."))
    sheets = plan_sheets(table, document, chosen, _today())
    return xlsx_response(f"{table}-{document.pk}-{chosen.year}.xlsx", *sheets)


@login_required
@require_GET
def export_theme(request: HttpRequest, plan: int, period: int, theme: str) -> HttpResponse:
    """A theme page's tables as .xlsx."""
    from .report_tables import theme_table, xlsx_response

    document, chosen = _plan_and_period(request, plan, period)
    try:
        sheets = theme_table(document, chosen, theme, _today())
    except KeyError:
        raise Http404(_("Không tìm thấy nhóm nhiệm vụ.")) from None
    name = f"nhom-{theme.replace('.', '-')}-{document.pk}-{chosen.year}.xlsx"
    return xlsx_response(name, *sheets)


@login_required
@require_GET
def export_unit(request: HttpRequest, plan: int, period: int, unit: int) -> HttpResponse:
    """One unit's tasks as .xlsx (unit people may export their own)."""
    from .report_tables import LABEL_COLUMNS, SheetTable, unit_table, xlsx_response

    document = access.get_plan_for_user(request.user, plan)
    chosen = _period(request, document, period)
    org_unit = access.get_unit_for_dashboard(request.user, document, unit)
    tasks = unit_table(document, chosen, org_unit, _today())
    counts = count_labels(row.label for row in tasks.rows)
    labels = SheetTable("Tình trạng", tasks.title, LABEL_COLUMNS, panels.label_rows(counts))
    name = f"don-vi-{org_unit.pk}-{document.pk}-{chosen.year}.xlsx"
    return xlsx_response(name, tasks, labels)


REVIEW_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@login_required
@require_GET
def review_report(request: HttpRequest, plan: int, suffix: str) -> HttpResponse:
    """The review over several years (sơ kết, tổng kết): ``?tu=2024&den=2025``,
    ``&tong-ket=1`` for the final review."""
    if suffix not in REVIEW_TYPES:
        raise Http404(_("Không có định dạng này."))
    if not access.can_download_report(request.user):
        access.get_plan_for_user(request.user, plan)  # 404 before 403
        raise PermissionDenied(_("Chỉ cơ quan đầu mối và lãnh đạo tải được báo cáo tổng hợp."))
    document = access.get_plan_dashboard_for_user(request.user, plan)
    from .review_report import ReviewError, collect_review, render_review, review_filename

    first, last = year_param(request.GET.get("tu")), year_param(request.GET.get("den"))
    if first is None or last is None:
        return HttpResponse(_("Hãy chọn từ năm và đến năm (ví dụ 2024, 2025)."), status=400)
    try:
        data = collect_review(
            document,
            first,
            last,
            _today(),
            final_review=request.GET.get("tong-ket") == "1",
        )
    except ReviewError as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")
    response = HttpResponse(render_review(data, f".{suffix}"), content_type=REVIEW_TYPES[suffix])
    name = review_filename(document, first, last, f".{suffix}")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
