"""Named changes to good models and commendations: one transaction each, the
acting user checked and recorded in the audit trail, the people concerned
notified."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from theodoi.accounts.models import Role, User
from theodoi.accounts.roles import can_write_reports, check_focal
from theodoi.audit.actions import record
from theodoi.documents.models import Document
from theodoi.notifications.delivery import notify, site_language, unit_people
from theodoi.orgunits.models import OrgUnit
from theodoi.plans.models import Task
from theodoi.recognition.access import commendations_for_user, practices_for_user
from theodoi.recognition.models import (
    Commendation,
    CommendationState,
    GoodPractice,
    NomineeKind,
    PracticeState,
)
from theodoi.reporting.access import followed_documents, periods_for_user
from theodoi.reporting.models import ReportingPeriod, TaskReport

#: Evidence of a good model: documents, sheets and photos, at most 20 MB.
EVIDENCE_SUFFIXES = frozenset({".pdf", ".docx", ".doc", ".odt", ".xlsx", ".jpg", ".jpeg", ".png"})
EVIDENCE_MAX_BYTES = 20 * 1024 * 1024


class RecognitionError(ValueError):
    """The change is not allowed as asked; the message tells the user why."""


@dataclass(frozen=True)
class PracticeData:
    title: str
    description: str
    results: str = ""


def _check_evidence(evidence: UploadedFile | None) -> None:
    if evidence is None:
        return
    suffix = PurePath(evidence.name or "").suffix.lower()
    if suffix not in EVIDENCE_SUFFIXES:
        raise RecognitionError(
            _("Tệp minh chứng phải là %(kinds)s (tệp gửi lên: %(name)s).")
            % {"kinds": ", ".join(sorted(EVIDENCE_SUFFIXES)), "name": evidence.name}
        )
    if (evidence.size or 0) > EVIDENCE_MAX_BYTES:
        raise RecognitionError(
            _("Tệp minh chứng quá lớn (tối đa %(mb)s MB).") % {"mb": EVIDENCE_MAX_BYTES // 2**20}
        )


def _focal_people(document: Document) -> list[User]:
    if document.focal_agency_id is None:
        return list(User.objects.filter(role=Role.FOCAL_OFFICER, is_active=True))
    return list(unit_people(document.focal_agency_id, [Role.FOCAL_OFFICER]))


def propose_practice(
    actor: Any,
    data: PracticeData,
    *,
    report: TaskReport | None = None,
    document: Document | None = None,
    evidence: UploadedFile | None = None,
    now: datetime.datetime | None = None,
) -> GoodPractice:
    """A unit proposes one of its practices, from a report or for a plan."""
    now = now or timezone.now()
    if not can_write_reports(actor):
        raise PermissionDenied(_("Chỉ cán bộ đơn vị được đề xuất mô hình hay của đơn vị."))
    unit: OrgUnit = actor.org_unit
    period: ReportingPeriod | None = None
    task: Task | None = None
    if report is not None:
        if report.unit_id != unit.pk:
            raise PermissionDenied(_("Báo cáo này không phải của đơn vị bạn."))
        period, task = report.period, report.task
        document = task.document
    if document is None:
        raise RecognitionError(_("Hãy chọn kế hoạch của mô hình."))
    if not periods_for_user(actor).filter(obligation__document=document).exists():
        raise PermissionDenied(_("Đơn vị bạn không thực hiện kế hoạch này."))
    if not data.title.strip() or not data.description.strip():
        raise RecognitionError(_("Hãy ghi tên mô hình và cách làm."))
    _check_evidence(evidence)
    with transaction.atomic():
        practice = GoodPractice.objects.create(
            document=document,
            period=period,
            unit=unit,
            task=task,
            report=report,
            title=data.title.strip()[:255],
            description=data.description.strip(),
            results=data.results.strip(),
            proposed_by=actor,
            proposed_at=now,
        )
        if evidence is not None:
            practice.evidence_name = PurePath(evidence.name or "").name[:255]
            practice.evidence.save(evidence.name or "minh-chung", evidence, save=True)
        record(actor, "practice.propose", practice, {"title": practice.title}, now=now)
        with site_language():
            notify(
                _focal_people(document),
                "practice.proposed",
                _("%(unit)s đề xuất mô hình: %(title)s") % {"unit": unit, "title": practice.title},
                url=reverse("recognition:detail", args=[practice.pk]),
            )
    return practice


@transaction.atomic
def review_practice(
    actor: Any,
    practice: GoodPractice,
    *,
    recognise: bool,
    replicate: bool = False,
    comment: str = "",
    now: datetime.datetime | None = None,
) -> GoodPractice:
    """Recognise (and possibly mark for replication) or decline a proposal.
    A decision may be revised; each one is in the audit trail."""
    now = now or timezone.now()
    check_focal(actor)
    if not practices_for_user(actor).filter(pk=practice.pk).exists():
        raise PermissionDenied(_("Mô hình không thuộc kế hoạch do cơ quan của bạn theo dõi."))
    if not recognise and replicate:
        raise RecognitionError(_("Chỉ nhân rộng được mô hình đã được ghi nhận."))
    if not recognise and not comment.strip():
        raise RecognitionError(_("Hãy ghi lý do không ghi nhận để đơn vị biết."))
    practice.state = PracticeState.RECOGNISED if recognise else PracticeState.DECLINED
    practice.replicate = replicate
    practice.review_comment = comment.strip()
    practice.reviewed_by = actor
    practice.reviewed_at = now
    practice.save()
    record(
        actor,
        "practice.review",
        practice,
        {"state": practice.state, "replicate": replicate},
        now=now,
    )
    with site_language():
        notify(
            unit_people(practice.unit_id),
            "practice.reviewed",
            _("Mô hình “%(title)s”: %(state)s")
            % {"title": practice.title, "state": practice.get_state_display()},
            body=practice.review_comment,
            url=reverse("recognition:detail", args=[practice.pk]),
        )
    return practice


@dataclass(frozen=True)
class CommendationData:
    nominee_kind: str
    nominee_name: str
    award: str
    reason: str


@transaction.atomic
def propose_commendation(
    actor: Any,
    document: Document,
    unit: OrgUnit,
    data: CommendationData,
    *,
    practice: GoodPractice | None = None,
    period: ReportingPeriod | None = None,
    now: datetime.datetime | None = None,
) -> Commendation:
    """The focal agency proposes to commend an organisation or a person."""
    now = now or timezone.now()
    check_focal(actor)
    if not followed_documents(actor).filter(pk=document.pk).exists():
        raise PermissionDenied(_("Kế hoạch không do cơ quan của bạn theo dõi."))
    if data.nominee_kind not in NomineeKind.values:
        raise RecognitionError(_("Đối tượng khen thưởng không hợp lệ."))
    if not (data.nominee_name.strip() and data.award.strip() and data.reason.strip()):
        raise RecognitionError(_("Hãy ghi tên tập thể, cá nhân, hình thức và thành tích."))
    if practice is not None and practice.document_id != document.pk:
        raise RecognitionError(_("Mô hình không thuộc kế hoạch này."))
    commendation = Commendation.objects.create(
        document=document,
        period=period or (practice.period if practice else None),
        practice=practice,
        unit=unit,
        nominee_kind=data.nominee_kind,
        nominee_name=data.nominee_name.strip()[:255],
        award=data.award.strip()[:255],
        reason=data.reason.strip(),
        proposed_by=actor,
        proposed_at=now,
    )
    record(actor, "commendation.propose", commendation, {"unit": unit.pk}, now=now)
    return commendation


@transaction.atomic
def decide_commendation(
    actor: Any,
    commendation: Commendation,
    *,
    granted: bool,
    decision: str = "",
    now: datetime.datetime | None = None,
) -> Commendation:
    """Record the outcome of a proposal (with the decision's number)."""
    now = now or timezone.now()
    check_focal(actor)
    if not commendations_for_user(actor).filter(pk=commendation.pk).exists():
        raise PermissionDenied(_("Đề nghị không thuộc kế hoạch do cơ quan của bạn theo dõi."))
    if granted and not decision.strip():
        raise RecognitionError(_("Hãy ghi số quyết định khen thưởng."))
    commendation.state = CommendationState.GRANTED if granted else CommendationState.NOT_GRANTED
    commendation.decision = decision.strip()[:100]
    commendation.decided_at = now
    commendation.save()
    record(actor, "commendation.decide", commendation, {"state": commendation.state}, now=now)
    with site_language():
        notify(
            unit_people(commendation.unit_id),
            "commendation.decided",
            _("Khen thưởng %(name)s: %(state)s")
            % {"name": commendation.nominee_name, "state": commendation.get_state_display()},
            url=reverse("recognition:list"),
        )
    return commendation
