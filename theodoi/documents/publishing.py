"""What stands in the way of publishing a plan, listed before it is published.

Blocking problems make a plan nobody could follow (no task, no focal agency,
a focal agency nobody signs in for: the plan would vanish from every focal
officer's pages). The others (no number or date, tasks nobody owns, body
names not resolved, no reporting period) may be accepted, but only
explicitly: the review screen's checkbox, ``theodoi import --publish
--confirm-warnings``, the API's ``confirm_warnings``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from theodoi.accounts.models import User
from theodoi.documents.models import Document
from theodoi.plans.models import Assignment
from theodoi.reporting.models import Recurrence, ReportingPeriod

#: Task paths named in a problem's message before "…".
SHOWN = 8


@dataclass(frozen=True)
class Problem:
    code: str
    message: str
    blocking: bool


def _paths(paths: list[str]) -> str:
    shown = ", ".join(paths[:SHOWN])
    return shown + (" …" if len(paths) > SHOWN else "")


def unresolved_names(document: Document) -> list[str]:
    """Body names the import could not resolve that no assignment uses yet."""
    notes = document.stored_notes()
    names = [str(name) for name in notes.get("unresolved") or []]
    mapped = set(
        Assignment.objects.filter(task__document=document, source_text__in=names).values_list(
            "source_text", flat=True
        )
    )
    return [name for name in names if name not in mapped]


def unowned_paths(document: Document) -> list[str]:
    """Active tasks no unit is assigned to."""
    return list(
        document.tasks.filter(is_active=True, assignments__isnull=True)
        .order_by("position")
        .values_list("path", flat=True)
    )


def implied_paths(document: Document) -> list[str]:
    """Active tasks owned only through the units the plan charges with the whole
    plan (``text/extract/implementers.py``): owned, but read off the plan's
    organisation rather than named, so the officer checks them."""
    notes = document.stored_notes()
    paths = [str(path) for path in notes.get("implied") or []]
    if not paths:
        return []
    return list(
        document.tasks.filter(is_active=True, path__in=paths, assignments__isnull=False)
        .distinct()
        .order_by("position")
        .values_list("path", flat=True)
    )


def _blocking(document: Document) -> list[Problem]:
    problems = []
    if not document.tasks.filter(is_active=True).exists():
        problems.append(
            Problem("no_tasks", _("Văn bản chưa có nhiệm vụ nào để theo dõi."), blocking=True)
        )
    if document.focal_agency_id is None:
        problems.append(
            Problem(
                "no_focal_agency",
                _("Chưa xác định cơ quan đầu mối theo dõi: hãy chọn ở phần thông tin văn bản."),
                blocking=True,
            )
        )
    elif not User.objects.filter(org_unit_id=document.focal_agency_id, is_active=True).exists():
        problems.append(
            Problem(
                "focal_without_users",
                _(
                    "Cơ quan đầu mối %(unit)s chưa có cán bộ nào dùng hệ thống: "
                    "kế hoạch sẽ không ai theo dõi. Hãy tạo tài khoản trước khi ban hành."
                )
                % {"unit": document.focal_agency},
                blocking=True,
            )
        )
    return problems


def _warnings(document: Document) -> list[Problem]:
    problems = []
    if not document.number.strip():
        problems.append(Problem("no_number", _("Văn bản chưa có số, ký hiệu."), blocking=False))
    if document.date is None:
        problems.append(
            Problem(
                "no_date",
                _("Văn bản chưa có ngày ban hành: kỳ báo cáo tính từ ngày %(day)s.")
                % {"day": _first_day(document)},
                blocking=False,
            )
        )
    unowned = unowned_paths(document)
    if unowned:
        problems.append(
            Problem(
                "unowned_tasks",
                _("%(n)d nhiệm vụ chưa giao cho đơn vị nào: %(paths)s.")
                % {"n": len(unowned), "paths": _paths(unowned)},
                blocking=False,
            )
        )
    implied = implied_paths(document)
    if implied:
        problems.append(
            Problem(
                "implied_owners",
                _(
                    "%(n)d nhiệm vụ không nêu cơ quan thực hiện nên được giao cho các cơ quan "
                    "mà phần Tổ chức thực hiện giao thực hiện cả kế hoạch; hãy kiểm tra: %(paths)s."
                )
                % {"n": len(implied), "paths": _paths(implied)},
                blocking=False,
            )
        )
    names = unresolved_names(document)
    if names:
        problems.append(
            Problem(
                "unresolved_bodies",
                _("%(n)d tên cơ quan chưa xác định được đơn vị: %(names)s.")
                % {"n": len(names), "names": "; ".join(names[:SHOWN])},
                blocking=False,
            )
        )
    held = Assignment.objects.filter(task__document=document, awaiting_approval=True).count()
    if held:
        problems.append(
            Problem(
                "awaiting_approval",
                _(
                    "%(n)d phân công cho đơn vị khác chờ cơ quan đầu mối duyệt: "
                    "các đơn vị đó chưa phải báo cáo cho đến khi được duyệt."
                )
                % {"n": held},
                blocking=False,
            )
        )
    periods = ReportingPeriod.objects.filter(obligation__document=document).exclude(
        obligation__recurrence=Recurrence.ON_REQUEST
    )
    if not periods.exists():
        problems.append(
            Problem(
                "no_period",
                _("Kế hoạch không có kỳ báo cáo định kỳ nào: đơn vị chỉ báo cáo khi được yêu cầu."),
                blocking=False,
            )
        )
    return problems


def _first_day(document: Document) -> str:
    first = (
        ReportingPeriod.objects.filter(obligation__document=document)
        .order_by("start")
        .values_list("start", flat=True)
        .first()
    )
    return first.strftime("%d/%m/%Y") if first else "?"


def publish_problems(document: Document) -> list[Problem]:
    """Every problem of the plan, blocking ones first."""
    return _blocking(document) + _warnings(document)
