"""What each role sees first on the home page.

Admins: the size of the system. Focal officers and leaders: the current
reporting round across all units, by state and by the five status labels.
Unit people: their unit's reports that need them. All counts are aggregate
queries (a handful per page whatever the number of units).
"""

from __future__ import annotations

import datetime
from collections import Counter
from typing import Any

from django.db.models import Count, QuerySet

from theodoi.accounts import roles
from theodoi.accounts.models import User
from theodoi.documents.models import Document, DocumentState
from theodoi.orgunits.models import OrgUnit
from theodoi.reporting.access import EDITABLE_STATES, reports_for_user, waiting_for_review
from theodoi.reporting.models import ReportingPeriod, ReviewState, TaskReport
from theodoi.reporting.status import StatusLabel
from theodoi.reporting.todo import due_forms, unit_to_do

#: Rows of "Việc cần làm" on the home page (the count says how many in all).
TO_DO_SHOWN = 50


def current_periods(today: datetime.date) -> list[ReportingPeriod]:
    """For each duty of a published plan, the latest period that has begun."""
    periods = (
        ReportingPeriod.objects.filter(
            obligation__document__state=DocumentState.PUBLISHED, start__lte=today
        )
        .select_related("obligation__document")
        .order_by("obligation_id", "-start")
    )
    latest: dict[int, ReportingPeriod] = {}
    for period in periods:
        latest.setdefault(period.obligation_id, period)
    return sorted(latest.values(), key=lambda p: p.due_date)


def state_counts(reports: QuerySet[TaskReport]) -> list[tuple[str, str, int]]:
    counts = dict(reports.values_list("review_state").annotate(n=Count("id")))
    return [(state.value, str(state.label), counts.get(state.value, 0)) for state in ReviewState]


def status_counts(
    reports: QuerySet[TaskReport], today: datetime.date
) -> list[tuple[str, str, int]]:
    """How many reports carry each of the five labels (one query)."""
    counter: Counter[str] = Counter(
        report.status(today).label.value
        for report in reports.select_related("task", "period").only(
            "completion",
            "completed_on",
            "task__timing_kind",
            "task__due_date",
            "task__due_year",
            "task__due_quarter",
            "task__due_month",
            "period__due_date",
        )
    )
    return [(label.value, str(label.label), counter.get(label.value, 0)) for label in StatusLabel]


#: Units shown on the home page (the .xlsx export holds them all).
LATE_UNITS_SHOWN = 10


def late_units_of(periods: list[ReportingPeriod], today: datetime.date) -> QuerySet[OrgUnit]:
    """Units with reports still owed for periods already due, most owed first."""
    return (
        OrgUnit.objects.filter(
            task_reports__period__in=[p for p in periods if p.due_date < today],
            task_reports__review_state__in=EDITABLE_STATES,
        )
        .annotate(missing=Count("task_reports"))
        .order_by("-missing", "tree_path")
    )


def home_tables(user: Any, today: datetime.date) -> list[Any]:
    """The home page's tables for ``user``, every row, as export sheets."""
    from .report_tables import Column, SheetTable, _date

    periods = current_periods(today)
    columns: tuple[Column, ...]
    if roles.sees_everything(user):
        columns = (
            Column("Đơn vị", 40, lambda u: u.name),
            Column("Báo cáo chưa gửi", 14, lambda u: u.missing),
        )
        title = f"Đơn vị chưa gửi đủ báo cáo (đã quá hạn) — đến ngày {today:%d/%m/%Y}"
        return [SheetTable("Đơn vị chưa gửi đủ", title, columns, late_units_of(periods, today))]
    if roles.can_write_reports(user) and user.org_unit_id:
        columns = (
            Column("Nhiệm vụ số", 10, lambda i: i.task.path),
            Column("Nhiệm vụ", 60, lambda i: i.task.summary),
            Column("Kỳ", 20, lambda i: i.period.label),
            Column("Văn bản", 40, lambda i: str(i.period.obligation.document)),
            Column("Hạn", 12, lambda i: _date(i.period.due_date)),
            Column(
                "Trạng thái",
                18,
                lambda i: i.report.get_review_state_display() if i.report else "Chưa bắt đầu",
            ),
        )
        title = f"Việc cần làm của {user.org_unit} — đến ngày {today:%d/%m/%Y}"
        return [SheetTable("Việc cần làm", title, columns, unit_to_do(user.org_unit_id, today))]
    return []


def _oversight(user: Any, today: datetime.date) -> dict[str, Any]:
    periods = current_periods(today)
    reports = reports_for_user(user).filter(period__in=periods)
    late_units = late_units_of(periods, today)[:LATE_UNITS_SHOWN]
    return {
        "periods": periods,
        "state_counts": state_counts(reports),
        "status_counts": status_counts(reports, today),
        "waiting_review": waiting_for_review(user).count(),  # as the review queue counts
        "late_units": late_units,
    }


def _unit(user: User, today: datetime.date) -> dict[str, Any]:
    periods = current_periods(today)
    mine = TaskReport.objects.filter(unit_id=user.org_unit_id, period__in=periods)
    to_do = unit_to_do(user.org_unit_id, today) if user.org_unit_id else []
    return {
        "periods": periods,
        "state_counts": state_counts(mine),
        "to_do": to_do[:TO_DO_SHOWN],
        "to_do_count": len(to_do),
        "due_forms": due_forms(to_do),
    }


def _admin() -> dict[str, Any]:
    return {
        "unit_count": OrgUnit.objects.count(),
        "user_count": User.objects.count(),
        "document_count": Document.objects.exclude(state=DocumentState.PLACEHOLDER).count(),
    }


def home_context(user: Any, today: datetime.date) -> dict[str, Any]:
    context: dict[str, Any] = {"today": today, "role": user.role}
    if roles.is_admin(user):
        context.update(_admin())
    if roles.sees_everything(user):
        context["view"] = "oversight"
        context.update(_oversight(user, today))
    elif roles.can_write_reports(user):
        context["view"] = "unit"
        context.update(_unit(user, today))
    else:
        context["view"] = "none"
    return context
