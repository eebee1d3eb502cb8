"""Permission-checked fetch helpers for reporting data.

Who sees which reports:

- admins and leaders: every report (leaders read only);
- focal officers: reports on the plans of their agency (``Document.focal_agency``
  is their unit) and on plans with no focal agency set yet;
- unit officers and heads: their own unit's reports and those of the units
  under it (a district sees its communes); they change only their own unit's.

Views and actions never call ``TaskReport.objects.get``: they call these,
so the rules live in one place.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from theodoi.accounts.models import Role
from theodoi.accounts.roles import (
    can_review_reports,
    can_write_reports,
    is_admin,
    sees_everything,
)
from theodoi.documents.models import Document, DocumentState
from theodoi.plans.models import Task
from theodoi.reporting import scope
from theodoi.reporting.models import Attachment, ReportingPeriod, ReviewState, TaskReport

EDITABLE_STATES = (ReviewState.DRAFT, ReviewState.RETURNED)


def _unit(user: Any) -> Any:
    if not getattr(user, "is_authenticated", False):
        return None
    return getattr(user, "org_unit", None)


def document_filter(user: Any, field: str) -> Q | None:
    """A filter on ``field`` (a path to a Document) for the plans an oversight
    role follows; ``None`` for people outside the oversight roles."""
    prefix = f"{field}__" if field else ""
    if is_admin(user) or (sees_everything(user) and user.role == Role.LEADER):
        return Q()
    if sees_everything(user):  # focal officer
        shared = Q(**{f"{prefix}focal_agency__isnull": True})
        if user.org_unit_id is None:
            return shared
        return shared | Q(**{f"{prefix}focal_agency_id": user.org_unit_id})
    return None


def followed_documents(user: Any) -> QuerySet[Document]:
    """Published plans an oversight role follows (none for unit people)."""
    oversight = document_filter(user, "")
    if oversight is None:
        return Document.objects.none()
    return Document.objects.filter(oversight, state=DocumentState.PUBLISHED)


def reports_for_user(user: Any) -> QuerySet[TaskReport]:
    oversight = document_filter(user, "task__document")
    if oversight is not None:
        return TaskReport.objects.filter(oversight)
    unit = _unit(user)
    if unit is None:
        return TaskReport.objects.none()
    return TaskReport.objects.filter(unit__tree_path__startswith=unit.tree_path)


def periods_for_user(user: Any) -> QuerySet[ReportingPeriod]:
    """Periods of plans the user follows (oversight) or reports on (units)."""
    oversight = document_filter(user, "obligation__document")
    if oversight is not None:
        return ReportingPeriod.objects.filter(oversight)
    unit = _unit(user)
    if unit is None:
        return ReportingPeriod.objects.none()
    return ReportingPeriod.objects.filter(
        obligation__document__tasks__assignments__unit__tree_path__startswith=unit.tree_path
    ).distinct()


def can_change_report(user: Any, report: TaskReport) -> bool:
    return (
        can_write_reports(user)
        and report.unit_id == user.org_unit_id
        and report.review_state in EDITABLE_STATES
        and not report.awaiting_head_approval
    )


def waiting_for_review(user: Any) -> QuerySet[TaskReport]:
    """Reports in the focal agency's queue, every period: the one count the
    home page and the review queue ("Chờ duyệt") both show."""
    return reports_for_user(user).filter(review_state=ReviewState.SUBMITTED)


def check_not_locked(
    period: ReportingPeriod, today: datetime.date, report: TaskReport | None = None
) -> None:
    """Refuse a change in a locked period, unless ``report`` was reopened."""
    if scope.report_locked(period, report, today):
        raise PermissionDenied(
            _("Kỳ báo cáo “%(period)s” đã khóa sổ từ ngày %(day)s, không thể sửa báo cáo.")
            % {"period": period.label, "day": scope.locks_on(period).strftime("%d/%m/%Y")}
        )


def get_report_for_user(
    user: Any, pk: int, *, for_change: bool = False, today: datetime.date | None = None
) -> TaskReport:
    """The report if ``user`` may see it (404 otherwise); with ``for_change``,
    403 unless the user may change it now (``today`` checks the lock)."""
    try:
        report = (
            reports_for_user(user)
            .select_related("task", "task__document", "unit", "period", "period__obligation")
            .get(pk=pk)
        )
    except TaskReport.DoesNotExist:
        raise Http404(_("Không tìm thấy báo cáo.")) from None
    if for_change:
        if not can_change_report(user, report):
            raise PermissionDenied(_("Bạn không được sửa báo cáo này."))
        if today is not None:
            check_not_locked(report.period, today, report)
    return report


def get_report_for_reviewer(user: Any, pk: int) -> TaskReport:
    """A report the user may accept or return (403 for read-only roles)."""
    report = get_report_for_user(user, pk)
    if not can_review_reports(user):
        raise PermissionDenied(_("Chỉ cơ quan đầu mối được duyệt báo cáo."))
    return report


def get_period_for_user(user: Any, pk: int) -> ReportingPeriod:
    try:
        return (
            periods_for_user(user).select_related("obligation", "obligation__document").get(pk=pk)
        )
    except ReportingPeriod.DoesNotExist:
        raise Http404(_("Không tìm thấy kỳ báo cáo.")) from None


def get_slot_for_user(
    user: Any, period_id: int, task_id: int
) -> tuple[ReportingPeriod, Task, TaskReport | None]:
    """The period, task and (if any) report of the user's own unit for that
    task × period. 404 unless the unit owes that report."""
    unit = _unit(user)
    if unit is None or not can_write_reports(user):
        raise PermissionDenied(_("Chỉ cán bộ đơn vị được lập báo cáo."))
    # "The unit owes this task in this period" is the access rule, and it is
    # stricter than "the period is among the unit's" (periods_for_user, a
    # DISTINCT over every assignment of the plan): the period is read by its
    # id alone and the rule below gives the 404 for anyone else's.
    try:
        period = ReportingPeriod.objects.select_related("obligation", "obligation__document").get(
            pk=period_id
        )
    except ReportingPeriod.DoesNotExist:
        raise Http404(_("Không tìm thấy kỳ báo cáo.")) from None
    if not scope.is_expected(period, task_id, unit.pk):
        raise Http404(_("Đơn vị không phải báo cáo nhiệm vụ này trong kỳ."))
    task = Task.objects.get(pk=task_id)
    document = period.obligation.document
    if task.document_id == document.pk:  # always, for an expected task: no join
        task.document = document
    else:
        task = Task.objects.select_related("document").get(pk=task_id)
    report = TaskReport.objects.filter(period=period, task=task, unit=unit).first()
    if report is not None:  # the rows just read: no joins to read them again
        report.period, report.task, report.unit = period, task, unit
    return period, task, report


def get_unit_period_for_user(user: Any, period_id: int) -> tuple[ReportingPeriod, Any]:
    """A period in which the user's own unit owes reports, and that unit;
    404 for any other period (another unit's, even one under the user's)."""
    unit = _unit(user)
    if unit is None or not can_write_reports(user):
        raise PermissionDenied(_("Chỉ cán bộ đơn vị được lập báo cáo."))
    period = get_period_for_user(user, period_id)
    if not scope.expected_assignments(period).filter(unit_id=unit.pk).exists():
        raise Http404(_("Đơn vị không phải báo cáo trong kỳ này."))
    return period, unit


def get_attachment_for_user(user: Any, pk: int) -> Attachment:
    try:
        return Attachment.objects.select_related("report").get(
            pk=pk, report__in=reports_for_user(user)
        )
    except Attachment.DoesNotExist:
        raise Http404(_("Không tìm thấy tệp.")) from None
