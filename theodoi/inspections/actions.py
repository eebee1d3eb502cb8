"""Named changes to inspections: one transaction each, the acting user
checked and recorded in the audit trail, the people concerned notified."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from theodoi.accounts.models import Role, User
from theodoi.accounts.roles import can_write_reports, check_focal
from theodoi.audit.actions import record
from theodoi.documents.models import Document
from theodoi.inspections.access import findings_for_user, inspections_for_user
from theodoi.inspections.models import (
    Assessment,
    Finding,
    FindingState,
    Inspection,
    InspectionKind,
    InspectionState,
)
from theodoi.notifications.delivery import notify, site_language, unit_people
from theodoi.orgunits.models import OrgUnit
from theodoi.plans.models import Task
from theodoi.reporting.access import followed_documents


class InspectionError(ValueError):
    """The change is not allowed as asked; the message tells the user why."""


def _check_follows(actor: Any, inspection: Inspection) -> None:
    if not inspections_for_user(actor).filter(pk=inspection.pk).exists():
        raise PermissionDenied(_("Đợt kiểm tra không thuộc kế hoạch do cơ quan của bạn theo dõi."))


@dataclass(frozen=True)
class InspectionPlan:
    title: str
    inspecting_unit: OrgUnit
    starts_on: datetime.date
    ends_on: datetime.date
    units: Sequence[OrgUnit]
    tasks: Sequence[Task] = ()
    team: str = ""
    kind: str = InspectionKind.INSPECTION


@transaction.atomic
def plan_inspection(actor: Any, document: Document, plan: InspectionPlan) -> Inspection:
    """Which units, when, by whom, on which tasks; the units are told."""
    check_focal(actor)
    if not followed_documents(actor).filter(pk=document.pk).exists():
        raise PermissionDenied(_("Kế hoạch không do cơ quan của bạn theo dõi."))
    if not plan.title.strip():
        raise InspectionError(_("Hãy ghi nội dung kiểm tra."))
    if not plan.units:
        raise InspectionError(_("Hãy chọn ít nhất một đơn vị được kiểm tra."))
    if plan.ends_on < plan.starts_on:
        raise InspectionError(_("Ngày kết thúc phải sau ngày bắt đầu."))
    if plan.kind not in InspectionKind.values:
        raise InspectionError(_("Hình thức kiểm tra không hợp lệ."))
    foreign = [task.path for task in plan.tasks if task.document_id != document.pk]
    if foreign:
        raise InspectionError(
            _("Nhiệm vụ không thuộc kế hoạch này: %(paths)s") % {"paths": ", ".join(foreign)}
        )
    inspection = Inspection.objects.create(
        document=document,
        kind=plan.kind,
        title=plan.title.strip()[:255],
        inspecting_unit=plan.inspecting_unit,
        team=plan.team.strip(),
        starts_on=plan.starts_on,
        ends_on=plan.ends_on,
        created_by=actor,
    )
    inspection.units.set(plan.units)
    inspection.tasks.set(plan.tasks)
    record(
        actor,
        "inspection.plan",
        inspection,
        {"units": sorted(unit.pk for unit in plan.units)},
    )
    people = User.objects.filter(
        org_unit__in=plan.units, is_active=True, role__in=[Role.UNIT_OFFICER, Role.UNIT_HEAD]
    )
    with site_language():
        notify(
            people,
            "inspection.planned",
            _("%(kind)s từ %(start)s đến %(end)s: %(title)s")
            % {
                "kind": inspection.get_kind_display(),
                "start": plan.starts_on.strftime("%d/%m/%Y"),
                "end": plan.ends_on.strftime("%d/%m/%Y"),
                "title": inspection.title,
            },
            url=reverse("inspections:detail", args=[inspection.pk]),
        )
    return inspection


@dataclass(frozen=True)
class FindingData:
    assessment: str
    text: str
    recommendation: str = ""
    deadline: datetime.date | None = None
    task: Task | None = None


@transaction.atomic
def record_finding(
    actor: Any,
    inspection: Inspection,
    unit: OrgUnit,
    data: FindingData,
    *,
    now: datetime.datetime | None = None,
) -> Finding:
    """What the team found at one unit; a recommendation needs a deadline
    and opens a follow-up the unit must answer."""
    now = now or timezone.now()
    check_focal(actor)
    _check_follows(actor, inspection)
    if inspection.state == InspectionState.CANCELLED:
        raise InspectionError(_("Đợt kiểm tra đã hủy."))
    if not inspection.units.filter(pk=unit.pk).exists():
        raise InspectionError(
            _("%(unit)s không có trong danh sách được kiểm tra.") % {"unit": unit.name}
        )
    if data.assessment not in Assessment.values:
        raise InspectionError(_("Hãy chọn mức đánh giá."))
    if not data.text.strip():
        raise InspectionError(_("Hãy ghi kết quả kiểm tra."))
    if data.recommendation.strip() and data.deadline is None:
        raise InspectionError(_("Kiến nghị phải có hạn khắc phục."))
    if data.task is not None and data.task.document_id != inspection.document_id:
        raise InspectionError(_("Nhiệm vụ không thuộc kế hoạch của đợt kiểm tra."))
    finding = Finding.objects.create(
        inspection=inspection,
        unit=unit,
        task=data.task,
        assessment=data.assessment,
        text=data.text.strip(),
        recommendation=data.recommendation.strip(),
        deadline=data.deadline if data.recommendation.strip() else None,
        state=FindingState.OPEN if data.recommendation.strip() else FindingState.NO_ACTION,
        recorded_by=actor,
        recorded_at=now,
    )
    if inspection.state == InspectionState.PLANNED:
        inspection.state = InspectionState.DONE
        inspection.save(update_fields=["state"])
    record(actor, "inspection.finding", finding, {"assessment": data.assessment}, now=now)
    if finding.state == FindingState.OPEN:
        with site_language():
            notify(
                unit_people(unit.pk),
                "inspection.recommendation",
                _("Kiến nghị sau kiểm tra, hạn khắc phục %(deadline)s")
                % {"deadline": finding.deadline.strftime("%d/%m/%Y")},  # type: ignore[union-attr]
                body=finding.recommendation,
                url=reverse("inspections:detail", args=[inspection.pk]),
                now=now,
            )
    return finding


@transaction.atomic
def respond_to_finding(
    actor: Any, finding: Finding, response: str, *, now: datetime.datetime | None = None
) -> Finding:
    """The unit reports what it did about a recommendation (may be revised
    until the focal agency closes it)."""
    now = now or timezone.now()
    if not can_write_reports(actor) or actor.org_unit_id != finding.unit_id:
        raise PermissionDenied(_("Chỉ đơn vị được kiểm tra báo cáo khắc phục."))
    if finding.state not in (FindingState.OPEN, FindingState.RESPONDED):
        raise InspectionError(_("Kết quả kiểm tra này không cần báo cáo khắc phục."))
    if not response.strip():
        raise InspectionError(_("Hãy ghi kết quả khắc phục."))
    finding.response = response.strip()
    finding.responded_by = actor
    finding.responded_at = now
    finding.state = FindingState.RESPONDED
    finding.save()
    record(actor, "inspection.respond", finding, now=now)
    inspection = finding.inspection
    focal = User.objects.filter(
        org_unit_id=inspection.inspecting_unit_id, role=Role.FOCAL_OFFICER, is_active=True
    )
    with site_language():
        notify(
            focal,
            "inspection.responded",
            _("%(unit)s báo cáo khắc phục sau kiểm tra") % {"unit": finding.unit.name},
            body=finding.response,
            url=reverse("inspections:detail", args=[inspection.pk]),
            now=now,
        )
    return finding


@transaction.atomic
def close_finding(actor: Any, finding: Finding, *, now: datetime.datetime | None = None) -> Finding:
    """The focal agency accepts the unit's follow-up."""
    now = now or timezone.now()
    check_focal(actor)
    if not findings_for_user(actor).filter(pk=finding.pk).exists():
        raise PermissionDenied(_("Đợt kiểm tra không thuộc kế hoạch do cơ quan của bạn theo dõi."))
    if finding.state != FindingState.RESPONDED:
        raise InspectionError(_("Đơn vị chưa báo cáo khắc phục."))
    finding.state = FindingState.CLOSED
    finding.closed_at = now
    finding.save(update_fields=["state", "closed_at"])
    record(actor, "inspection.close", finding, now=now)
    return finding
