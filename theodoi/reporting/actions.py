"""Named changes to reporting data: one transaction each, the acting user
passed in, the audit trail written."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from theodoi.accounts.models import Role, User
from theodoi.accounts.roles import can_review_reports, can_write_reports
from theodoi.audit.actions import changed_fields, record
from theodoi.audit.models import AuditEvent
from theodoi.documents.models import Document
from theodoi.notifications.delivery import (
    emails_of,
    notify,
    queue_email,
    site_language,
    unit_people,
)
from theodoi.orgunits.models import OrgUnit
from theodoi.plans.models import Task
from theodoi.reporting import access, scope
from theodoi.reporting.evidence import check_evidence_content
from theodoi.reporting.models import (
    Attachment,
    PeriodSummary,
    PlanIndicator,
    Recurrence,
    ReportingObligation,
    ReportingPeriod,
    ReviewState,
    TaskReport,
)
from theodoi.reporting.periods import generate_periods
from theodoi.reporting.status import Completion


@transaction.atomic
def ensure_periods(
    obligation: ReportingObligation, first_year: int, last_year: int, actor: Any
) -> list[ReportingPeriod]:
    """Create the obligation's periods for the years given; existing ones
    (the same year and rank, whatever bounds they were given) are kept."""
    specs = generate_periods(
        obligation.recurrence,
        first_year,
        last_year,
        due_month=obligation.due_month,
        due_day=obligation.due_day,
        cutoff_day=obligation.effective_cutoff_day,
    )
    periods, created = [], []
    for spec in specs:
        period, is_new = ReportingPeriod.objects.get_or_create(
            obligation=obligation,
            year=spec.year,
            index=spec.index,
            defaults={
                "label": spec.label,
                "start": spec.start,
                "end": spec.end,
                "due_date": spec.due_date,
            },
        )
        periods.append(period)
        if is_new:
            created.append(spec.label)
    if created:
        record(actor, "periods.generate", obligation, {"created": created})
    return periods


@transaction.atomic
def open_period_reports(period: ReportingPeriod, actor: Any) -> int:
    """Create a draft report for every task × unit that must report in this period.

    Returns how many were created; reports that exist are left alone, so this
    may be run again after new assignments.
    """
    existing = set(TaskReport.objects.filter(period=period).values_list("task_id", "unit_id"))
    new = [
        TaskReport(task_id=task_id, unit_id=unit_id, period=period)
        for task_id, unit_id in sorted(scope.expected_pairs(period) - existing)
    ]
    TaskReport.objects.bulk_create(new)
    if new:
        record(actor, "reports.open", period, {"created": len(new)})
    return len(new)


# ---------------------------------------------------------------------------
# The reporting cycle: draft → (head approval) → submitted → accepted/returned.
# Each action takes the acting user and ``now``, checks permission, writes the
# audit trail and queues notifications, inside one transaction.
# ---------------------------------------------------------------------------


class ReportingError(ValueError):
    """The change is not allowed as asked; the message tells the user why."""


class EditConflict(ReportingError):
    """Someone saved the report after this person opened it (optimistic lock)."""

    def __init__(self, message: str, current_version: int) -> None:
        super().__init__(message)
        self.current_version = current_version


@dataclass(frozen=True)
class ReportData:
    """What a unit writes in a report (the form's cleaned data)."""

    completion: str = Completion.NOT_STARTED
    completed_on: datetime.date | None = None
    result: str = ""
    figures: list[dict[str, str]] = field(default_factory=list)
    difficulties: str = ""
    proposals: str = ""

    @classmethod
    def from_cleaned(cls, data: dict[str, Any]) -> ReportData:
        """From a report form's cleaned data (the task form and the period form)."""
        return cls(
            completion=data["completion"],
            completed_on=data.get("completed_on"),
            result=data.get("result", ""),
            figures=data.get("figures", []),
            difficulties=data.get("difficulties", ""),
            proposals=data.get("proposals", ""),
        )

    def as_fields(self) -> dict[str, Any]:
        return {
            "completion": self.completion,
            "completed_on": self.completed_on,
            "result": self.result.strip(),
            "figures": self.figures,
            "difficulties": self.difficulties.strip(),
            "proposals": self.proposals.strip(),
        }


def _now(now: datetime.datetime | None) -> datetime.datetime:
    return now or timezone.now()


def _check_unit_may_edit(
    actor: Any,
    period: ReportingPeriod,
    unit_id: int,
    today: datetime.date,
    task_id: int | None = None,
) -> None:
    if not can_write_reports(actor) or actor.org_unit_id != unit_id:
        raise PermissionDenied(_("Chỉ cán bộ của đơn vị được lập báo cáo này."))
    report = None
    if task_id is not None:  # a report reopened after the lock may still be fixed
        report = TaskReport.objects.filter(period=period, unit_id=unit_id, task_id=task_id).first()
    access.check_not_locked(period, today, report)


def _lock_report(report: TaskReport) -> TaskReport:
    """Re-read the report under a row lock so two clicks cannot race.

    Only the report's own row is locked (``of=("self",)``): locking the joined
    task, plan, unit and period rows too made every unit's submission wait for
    the one before and deadlock with the key checks of new reports at commit."""
    return (
        TaskReport.objects.select_for_update(of=("self",))
        .select_related("task", "task__document", "unit", "period", "period__obligation")
        .get(pk=report.pk)
    )


def _check_editable(report: TaskReport) -> None:
    if report.awaiting_head_approval:
        raise ReportingError(_("Báo cáo đang chờ lãnh đạo đơn vị duyệt, chưa sửa được."))
    if report.review_state not in access.EDITABLE_STATES:
        raise ReportingError(
            _("Báo cáo đã gửi cơ quan đầu mối (%(state)s), không sửa được nữa.")
            % {"state": report.get_review_state_display()}
        )


@transaction.atomic
def save_draft(
    actor: Any,
    period: ReportingPeriod,
    task: Task,
    data: ReportData,
    *,
    version: int | None = None,
    now: datetime.datetime | None = None,
) -> TaskReport:
    """Create or update the actor's unit's report on ``task`` for ``period``.

    ``version`` is the report's version when the person opened it (0 for a
    report not yet written); a newer saved version means someone else changed
    it meanwhile, and the change is refused instead of silently overwriting.
    ``None`` skips the check (callers that do not read before writing)."""
    report, pending = _write_draft(actor, period, task, data, version=version, now=_now(now))
    report.save()
    pending()
    return report


def _write_draft(
    actor: Any,
    period: ReportingPeriod,
    task: Task,
    data: ReportData,
    *,
    version: int | None,
    now: datetime.datetime,
) -> tuple[TaskReport, Any]:
    """``save_draft``'s checks and changes inside the caller's transaction,
    the report locked and changed but not yet saved; returns it and the
    audit step to run once it is saved (so that ``save_report`` can save a
    draft and send it with one write of the row)."""
    today = timezone.localdate(now)
    unit_id = actor.org_unit_id
    if not can_write_reports(actor):
        raise PermissionDenied(_("Chỉ cán bộ của đơn vị được lập báo cáo này."))
    if not scope.is_expected(period, task.pk, unit_id):
        raise PermissionDenied(_("Đơn vị không phải báo cáo nhiệm vụ này trong kỳ."))
    # Only the report's own row is locked. A report created here while the
    # period is locked disappears with the transaction the refusal rolls back.
    report, created = TaskReport.objects.select_for_update(of=("self",)).get_or_create(
        task=task, unit_id=unit_id, period=period
    )
    # The same rows, already read (the unit with the signed-in user): the
    # audit line and the head-approval rule need no further queries.
    report.task, report.period, report.unit = task, period, actor.org_unit
    access.check_not_locked(period, today, report)
    if version is not None and report.version != version:
        _raise_conflict(report)
    _check_editable(report)
    fields = data.as_fields()
    if fields["completion"] != Completion.DONE:
        fields["completed_on"] = None
    elif fields["completed_on"] is None:
        raise ReportingError(_("Nhiệm vụ đã hoàn thành cần có ngày hoàn thành."))
    before = {name: getattr(report, name) for name in fields}
    for name, value in fields.items():
        setattr(report, name, value)
    changes = changed_fields(before, fields)

    def pending() -> None:
        record(actor, "report.create" if created else "report.save_draft", report, changes, now=now)

    return report, pending


def _raise_conflict(report: TaskReport) -> None:
    last = (
        AuditEvent.objects.filter(
            target_type=ContentType.objects.get_for_model(TaskReport), target_id=str(report.pk)
        )
        .order_by("-at", "-id")
        .first()
    )
    who = last.actor_name if last else ""
    when = timezone.localtime(last.at).strftime("%H:%M %d/%m/%Y") if last else ""
    raise EditConflict(
        _(
            "Báo cáo này vừa được %(who)s lưu lúc %(when)s, sau khi bạn mở trang; "
            "nội dung của bạn chưa được lưu. Hãy mở lại báo cáo trong thẻ khác để "
            "xem bản mới, rồi bấm lưu lần nữa nếu vẫn muốn ghi đè bằng nội dung dưới đây."
        )
        % {"who": who or _("người khác"), "when": when or "?"},
        report.version,
    )


@transaction.atomic
def save_report(
    actor: Any,
    period: ReportingPeriod,
    task: Task,
    data: ReportData,
    files: list[UploadedFile] | None = None,
    *,
    submit: bool = False,
    version: int | None = None,
    now: datetime.datetime | None = None,
    announce: bool = True,
    stored: list[str] | None = None,
) -> TaskReport:
    """What the report form does in one step: save the text, attach the
    evidence and (when asked) send the report, all or nothing.

    A refused file or a refused submission leaves the report exactly as it
    was: no half-saved draft behind an error message. Files written to storage
    before the failure are deleted again; a caller saving several reports in
    one transaction passes ``stored`` and deletes them itself (the names are
    added to it). ``announce=False`` leaves the notifications to the caller
    (the period form sends one per event, not one per task)."""
    own = stored is None
    written: list[str] = [] if stored is None else stored
    now = _now(now)
    try:
        report, pending = _write_draft(actor, period, task, data, version=version, now=now)
        if files or not submit:
            report.save()
            pending()
            pending = None
        if files:
            attachments = add_attachments(actor, report, files, now=now)
            written += [str(attachment.file.name) for attachment in attachments if attachment.file]
        if submit:
            # The report is locked and checked already: it is sent with the
            # same write that saves its text (one UPDATE, one index update).
            report = _submit_locked(actor, report, now, before_save=pending, announce=announce)
    except BaseException:
        if own:
            _delete_stored(written)
        raise
    return report


def _delete_stored(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)


def _attachment_limits() -> tuple[int, frozenset[str]]:
    max_mb = int(getattr(settings, "REPORT_ATTACHMENT_MAX_MB", 20))
    return max_mb, ATTACHMENT_EXTENSIONS


ATTACHMENT_EXTENSIONS = frozenset(
    {"pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "csv", "txt", "jpg", "jpeg", "png", "zip"}
)
MAX_ATTACHMENTS_PER_REPORT = 20


def check_attachment(name: str, size: int) -> None:
    """Refuse a file by type or size with a message naming the file."""
    max_mb, extensions = _attachment_limits()
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in extensions:
        raise ReportingError(
            _("Tệp “%(name)s”: chỉ nhận các loại %(types)s.")
            % {"name": name, "types": ", ".join(sorted(extensions))}
        )
    if size > max_mb * 1024 * 1024:
        raise ReportingError(_("Tệp “%(name)s” lớn hơn %(mb)s MB.") % {"name": name, "mb": max_mb})
    if size == 0:
        raise ReportingError(_("Tệp “%(name)s” rỗng.") % {"name": name})


@transaction.atomic
def add_attachments(
    actor: Any,
    report: TaskReport,
    files: list[UploadedFile],
    *,
    now: datetime.datetime | None = None,
) -> list[Attachment]:
    """Attach evidence files to a report the actor may edit."""
    now = _now(now)
    report = _lock_report(report)
    _check_unit_may_edit(
        actor, report.period, report.unit_id, timezone.localdate(now), report.task_id
    )
    _check_editable(report)
    if report.attachments.count() + len(files) > MAX_ATTACHMENTS_PER_REPORT:
        raise ReportingError(
            _("Mỗi báo cáo đính kèm tối đa %(n)s tệp.") % {"n": MAX_ATTACHMENTS_PER_REPORT}
        )
    for upload in files:
        check_attachment(upload.name or "", upload.size or 0)
        try:
            check_evidence_content(upload.name or "", upload)
        except ValueError as exc:
            raise ReportingError(str(exc)) from exc
    attachments = []
    for upload in files:
        name = (upload.name or "tep")[-255:]
        attachment = Attachment(
            report=report,
            original_name=name,
            content_type=(upload.content_type or "")[:100],
            size=upload.size or 0,
            uploaded_by=actor,
        )
        attachment.file.save(name, upload, save=False)
        attachment.save()
        attachments.append(attachment)
    record(
        actor, "report.attach", report, {"files": [a.original_name for a in attachments]}, now=now
    )
    return attachments


@transaction.atomic
def remove_attachment(
    actor: Any, attachment: Attachment, *, now: datetime.datetime | None = None
) -> None:
    now = _now(now)
    report = _lock_report(attachment.report)
    _check_unit_may_edit(
        actor, report.period, report.unit_id, timezone.localdate(now), report.task_id
    )
    _check_editable(report)
    name = attachment.original_name
    stored = attachment.file.name
    attachment.delete()
    transaction.on_commit(lambda: default_storage.delete(stored) if stored else None)
    record(actor, "report.detach", report, {"file": name}, now=now)


def _focal_people(report: TaskReport) -> list[Any]:
    """Focal officers following the report's plan."""
    agency_id = report.task.document.focal_agency_id
    people = User.objects.filter(role=Role.FOCAL_OFFICER, is_active=True)
    if agency_id is not None:
        people = people.filter(org_unit_id=agency_id)
    return list(people)


def _review_url(report: TaskReport) -> str:
    return reverse("reporting:review_detail", args=[report.pk])


def _form_url(report: TaskReport) -> str:
    return reverse("reporting:report_form", args=[report.period_id, report.task_id])


def _send_to_focal(
    actor: Any, report: TaskReport, now: datetime.datetime, *, announce: bool = True
) -> None:
    """Move a report into the focal agency's queue, marking it late if it is."""
    report.review_state = ReviewState.SUBMITTED
    report.awaiting_head_approval = False
    report.submitted_at = now
    if report.first_submitted_at is None:
        report.first_submitted_at = now
        report.submitted_late = timezone.localdate(now) > report.period.due_date
    report.save()
    if not announce:
        return
    with site_language():
        title = _("%(unit)s đã gửi báo cáo: %(task)s") % {
            "unit": report.unit.display_name,
            "task": report.task.path,
        }
    notify(
        _focal_people(report),
        "report.submitted",
        title,
        report.period.label,
        _review_url(report),
        now=now,
    )


@transaction.atomic
def submit_report(
    actor: Any,
    report: TaskReport,
    *,
    now: datetime.datetime | None = None,
    announce: bool = True,
) -> TaskReport:
    """Send the report: to the unit head first when the unit asks for that,
    else straight to the focal agency. A report sent after the due date is
    kept and marked late. ``announce=False``: the caller notifies."""
    now = _now(now)
    report = _lock_report(report)
    _check_unit_may_edit(
        actor, report.period, report.unit_id, timezone.localdate(now), report.task_id
    )
    _check_editable(report)
    return _submit_locked(actor, report, now, announce=announce)


def _submit_locked(
    actor: Any,
    report: TaskReport,
    now: datetime.datetime,
    *,
    before_save: Any = None,
    announce: bool = True,
) -> TaskReport:
    """``submit_report`` on a report the caller has locked and checked.
    ``before_save``: the draft's audit step, still owed by ``save_report``."""
    if not report.result.strip() and report.completion != Completion.NOT_STARTED:
        raise ReportingError(_("Hãy ghi kết quả thực hiện trước khi gửi."))
    needs_head = report.unit.requires_head_approval and actor.role != Role.UNIT_HEAD
    report.submitted_by = actor
    report.head_approved_by = None
    report.head_approved_at = None
    if before_save is not None:
        before_save()
    if needs_head:
        report.awaiting_head_approval = True
        report.save()
        if announce:
            heads = unit_people(report.unit_id, [Role.UNIT_HEAD])
            with site_language():
                title = _("Báo cáo chờ duyệt: %(task)s") % {"task": report.task.path}
            notify(
                heads,
                "report.awaiting_approval",
                title,
                report.period.label,
                _form_url(report),
                now=now,
            )
        record(actor, "report.submit_for_approval", report, now=now)
        return report
    if actor.role == Role.UNIT_HEAD:
        report.head_approved_by = actor
        report.head_approved_at = now
    _send_to_focal(actor, report, now, announce=announce)
    record(actor, "report.submit", report, {"late": report.submitted_late}, now=now)
    return report


def _check_head(actor: Any, report: TaskReport) -> None:
    if actor.role != Role.UNIT_HEAD or actor.org_unit_id != report.unit_id:
        raise PermissionDenied(_("Chỉ lãnh đạo đơn vị được duyệt báo cáo của đơn vị."))
    if not report.awaiting_head_approval:
        raise ReportingError(_("Báo cáo không ở trạng thái chờ lãnh đạo đơn vị duyệt."))


@transaction.atomic
def approve_report(
    actor: Any,
    report: TaskReport,
    *,
    now: datetime.datetime | None = None,
    announce: bool = True,
) -> TaskReport:
    """The unit head approves: the report goes to the focal agency."""
    now = _now(now)
    report = _lock_report(report)
    _check_head(actor, report)
    access.check_not_locked(report.period, timezone.localdate(now))
    report.head_approved_by = actor
    report.head_approved_at = now
    _send_to_focal(actor, report, now, announce=announce)
    record(actor, "report.approve", report, {"late": report.submitted_late}, now=now)
    return report


@transaction.atomic
def send_back_to_officer(
    actor: Any, report: TaskReport, comment: str, *, now: datetime.datetime | None = None
) -> TaskReport:
    """The unit head does not approve: the report goes back to the unit's draft."""
    now = _now(now)
    report = _lock_report(report)
    _check_head(actor, report)
    report.awaiting_head_approval = False
    report.save()
    if report.submitted_by is not None:
        with site_language():
            title = _("Lãnh đạo đơn vị chưa duyệt báo cáo: %(task)s") % {"task": report.task.path}
        notify(
            [report.submitted_by], "report.sent_back", title, comment, _form_url(report), now=now
        )
    record(actor, "report.send_back", report, {"comment": comment}, now=now)
    return report


def _check_reviewer(actor: Any, report: TaskReport) -> None:
    if not can_review_reports(actor):
        raise PermissionDenied(_("Chỉ cơ quan đầu mối được duyệt báo cáo."))
    if not access.reports_for_user(actor).filter(pk=report.pk).exists():
        raise PermissionDenied(_("Báo cáo không thuộc kế hoạch do cơ quan của bạn theo dõi."))
    if report.review_state != ReviewState.SUBMITTED:
        raise ReportingError(
            _("Chỉ duyệt được báo cáo đã gửi (hiện: %(state)s).")
            % {"state": report.get_review_state_display()}
        )


def _tell_unit(
    report: TaskReport, verb: str, title: str, body: str, now: datetime.datetime, *, email: bool
) -> None:
    people = list(unit_people(report.unit_id))
    notify(people, verb, title, body, _form_url(report), now=now)
    if email:
        queue_email([*emails_of(people), report.unit.email], title, body)


@transaction.atomic
def accept_report(
    actor: Any, report: TaskReport, comment: str = "", *, now: datetime.datetime | None = None
) -> TaskReport:
    now = _now(now)
    report = _lock_report(report)
    _check_reviewer(actor, report)
    report.review_state = ReviewState.ACCEPTED
    report.review_comment = comment.strip()
    report.reviewed_by = actor
    report.reviewed_at = now
    report.save()
    with site_language():
        title = _("Báo cáo đã được tiếp nhận: %(task)s") % {"task": report.task.path}
    _tell_unit(report, "report.accepted", title, report.review_comment, now, email=False)
    record(actor, "report.accept", report, {"comment": report.review_comment}, now=now)
    return report


@transaction.atomic
def return_report(
    actor: Any,
    report: TaskReport,
    comment: str,
    *,
    reopen_until: datetime.date | None = None,
    now: datetime.datetime | None = None,
) -> TaskReport:
    """Send the report back to the unit with what to fix (a comment is required).

    In a locked period the report is reopened for its unit alone, until
    ``reopen_until`` (default: ``REPORTING_REOPEN_DAYS`` from today), so the
    form takes the fix; the period stays locked for everyone else and the
    report keeps its first submission (date, lateness), so the year's
    history does not change under it.
    """
    now = _now(now)
    today = timezone.localdate(now)
    if not comment.strip():
        raise ReportingError(_("Hãy ghi rõ lý do trả lại báo cáo."))
    report = _lock_report(report)
    _check_reviewer(actor, report)
    changes: dict[str, Any] = {"comment": comment.strip()}
    if scope.is_locked(report.period, today):
        until = reopen_until or today + datetime.timedelta(days=scope.reopen_days())
        if until < today:
            raise ReportingError(_("Hạn sửa báo cáo phải từ hôm nay trở đi."))
        report.reopened_until = until
        changes["reopened_until"] = until.isoformat()
    report.review_state = ReviewState.RETURNED
    report.review_comment = comment.strip()
    report.reviewed_by = actor
    report.reviewed_at = now
    report.save()
    with site_language():
        title = _("Báo cáo bị trả lại: %(task)s (%(period)s)") % {
            "task": report.task.path,
            "period": report.period.label,
        }
        if report.reopened_until is not None and "reopened_until" in changes:
            title += " " + _("— sửa và gửi lại trước ngày %(day)s") % {
                "day": report.reopened_until.strftime("%d/%m/%Y")
            }
    _tell_unit(report, "report.returned", title, report.review_comment, now, email=True)
    record(actor, "report.return", report, changes, now=now)
    return report


@transaction.atomic
def request_ad_hoc_report(
    actor: Any,
    document: Document,
    *,
    label: str,
    due_date: datetime.date,
    units: list[OrgUnit],
    tasks: list[Task] | None = None,
    note: str = "",
    now: datetime.datetime | None = None,
) -> ReportingPeriod:
    """Ask chosen units for a report (đột xuất) on chosen tasks, due ``due_date``.

    Creates an on-request duty for the plan (once) and a period for this
    request; the chosen units are notified in the application and by e-mail.
    """
    now = _now(now)
    today = timezone.localdate(now)
    if not can_review_reports(actor):
        raise PermissionDenied(_("Chỉ cơ quan đầu mối được yêu cầu báo cáo đột xuất."))
    if not access.followed_documents(actor).filter(pk=document.pk).exists():
        raise PermissionDenied(_("Kế hoạch không do cơ quan của bạn theo dõi."))
    if due_date < today:
        raise ReportingError(_("Hạn báo cáo đột xuất phải từ hôm nay trở đi."))
    if not units:
        raise ReportingError(_("Hãy chọn ít nhất một đơn vị."))
    tasks = tasks or []
    if any(task.document_id != document.pk for task in tasks):
        raise ReportingError(_("Nhiệm vụ được chọn không thuộc kế hoạch này."))
    obligation, _created = ReportingObligation.objects.get_or_create(
        document=document,
        recurrence=Recurrence.ON_REQUEST,
        defaults={"to_text": str(actor.org_unit or ""), "to_unit": actor.org_unit},
    )
    if ReportingPeriod.objects.filter(obligation=obligation, start=today, end=due_date).exists():
        raise ReportingError(
            _(
                "Hôm nay đã có một yêu cầu báo cáo đột xuất của kế hoạch này với hạn "
                "%(due)s. Hãy chọn hạn khác hoặc sửa yêu cầu đã gửi."
            )
            % {"due": due_date.strftime("%d/%m/%Y")}
        )
    period = ReportingPeriod.objects.create(
        obligation=obligation,
        label=(label.strip() or _("Báo cáo đột xuất"))[:100],
        year=due_date.year,
        index=ReportingPeriod.objects.filter(obligation=obligation).count() + 1,
        start=today,
        end=due_date,
        due_date=due_date,
        request_note=note.strip(),
        requested_by=actor,
    )
    period.units.set(units)
    period.tasks.set(tasks)
    if not scope.expected_pairs(period):
        raise ReportingError(_("Các đơn vị được chọn không được giao nhiệm vụ nào đã chọn."))
    with site_language():
        title = _("Yêu cầu báo cáo đột xuất: %(label)s, hạn %(due)s") % {
            "label": period.label,
            "due": due_date.strftime("%d/%m/%Y"),
        }
    inbox = reverse("reporting:inbox") + f"?ky={period.pk}"
    for unit in units:
        people = list(unit_people(unit.pk))
        notify(people, "report.requested", title, period.request_note, inbox, now=now)
        queue_email([*emails_of(people), unit.email], title, period.request_note)
    record(
        actor,
        "report.request_ad_hoc",
        period,
        {
            "units": [u.pk for u in units],
            "tasks": [t.pk for t in tasks],
            "due": due_date.isoformat(),
        },
        now=now,
    )
    return period


# ---------------------------------------------------------------------------
# One report per unit per period: every task of the period in one form.
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TaskEntry:
    """One task's part of the period form, with the version it showed."""

    task: Task
    data: ReportData
    version: int | None = None
    files: list[UploadedFile] = field(default_factory=list)  # evidence, checked by content


@dataclass(frozen=True)
class SummaryData:
    """The unit's summary of the period (tóm tắt kết quả chung, khó khăn chung)."""

    results: str = ""
    difficulties: str = ""
    version: int | None = None


class PeriodEditConflict(ReportingError):
    """Someone saved part of the period's report after this person opened it.

    ``versions`` maps the stale parts (a task id, or ``"summary"``) to their
    current version, so the form can offer to overwrite knowingly."""

    def __init__(self, message: str, versions: dict[str, int]) -> None:
        super().__init__(message)
        self.versions = versions


def _check_period_versions(
    actor: Any, period: ReportingPeriod, entries: list[TaskEntry], summary: SummaryData
) -> None:
    """Compare every part's version under row locks before writing anything."""
    reports = {
        report.task_id: report
        for report in TaskReport.objects.select_for_update(of=("self",)).filter(
            period=period, unit_id=actor.org_unit_id, task__in=[e.task for e in entries]
        )
    }
    stale: dict[str, int] = {}
    for entry in entries:
        report = reports.get(entry.task.pk)
        current = report.version if report is not None else 0
        if entry.version is not None and entry.version != current:
            stale[str(entry.task.pk)] = current
    existing = (
        PeriodSummary.objects.select_for_update()
        .filter(period=period, unit_id=actor.org_unit_id)
        .first()
    )
    current_summary = existing.version if existing is not None else 0
    if summary.version is not None and summary.version != current_summary:
        stale["summary"] = current_summary
    if stale:
        paths = [e.task.path for e in entries if str(e.task.pk) in stale]
        if "summary" in stale:
            paths.append(_("phần tóm tắt chung"))
        raise PeriodEditConflict(
            _(
                "Một số phần của báo cáo vừa được người khác lưu sau khi bạn mở trang "
                "(%(parts)s); nội dung của bạn chưa được lưu. Hãy xem lại, rồi bấm lưu "
                "lần nữa nếu vẫn muốn ghi đè bằng nội dung dưới đây."
            )
            % {"parts": ", ".join(paths)},
            stale,
        )


def _save_summary(
    actor: Any, period: ReportingPeriod, summary: SummaryData, now: datetime.datetime
) -> PeriodSummary:
    existing = PeriodSummary.objects.filter(period=period, unit_id=actor.org_unit_id).first()
    created = existing is None
    record_ = existing or PeriodSummary(period=period, unit_id=actor.org_unit_id)
    fields = {"results": summary.results.strip(), "difficulties": summary.difficulties.strip()}
    before = {name: getattr(record_, name) for name in fields}
    if before != fields or created:
        for name, value in fields.items():
            setattr(record_, name, value)
        record_.updated_by = actor
        record_.save()
        record(actor, "period_summary.save", record_, changed_fields(before, fields), now=now)
    return record_


@transaction.atomic
def save_period_reports(
    actor: Any,
    period: ReportingPeriod,
    entries: list[TaskEntry],
    summary: SummaryData,
    *,
    submit: bool = False,
    now: datetime.datetime | None = None,
) -> list[TaskReport]:
    """Save (and with ``submit`` send) all of a unit's reports of a period
    and its summary, all or nothing.

    Every part is checked against the version the form showed before any is
    written; each task then goes through ``save_report`` (permission, lock
    date, editable state, submission rules), so a refusal of any one leaves
    every report and the summary as they were."""
    now = _now(now)
    if not can_write_reports(actor) or actor.org_unit_id is None:
        raise PermissionDenied(_("Chỉ cán bộ đơn vị được lập báo cáo."))
    if not entries:  # with entries, each task checks the lock (reopened reports pass)
        access.check_not_locked(period, timezone.localdate(now))
    _check_period_versions(actor, period, entries, summary)
    stored: list[str] = []
    try:
        reports = _save_entries(actor, period, entries, summary, submit, now, stored)
    except BaseException:
        _delete_stored(stored)  # every task's files: the whole form is refused
        raise
    if submit:
        record(actor, "report.submit_period", period, {"tasks": len(reports)}, now=now)
        _announce_period(actor, period, reports, now)
    return reports


def _save_entries(
    actor: Any,
    period: ReportingPeriod,
    entries: list[TaskEntry],
    summary: SummaryData,
    submit: bool,
    now: datetime.datetime,
    stored: list[str],
) -> list[TaskReport]:
    reports = []
    for entry in entries:
        try:  # checked again after the row exists: two first saves may race
            reports.append(
                save_report(
                    actor,
                    period,
                    entry.task,
                    entry.data,
                    entry.files,
                    submit=submit,
                    version=entry.version,
                    now=now,
                    announce=False,
                    stored=stored,
                )
            )
        except EditConflict as exc:
            raise PeriodEditConflict(str(exc), {str(entry.task.pk): exc.current_version}) from exc
    try:
        with transaction.atomic():
            _save_summary(actor, period, summary, now)
    except IntegrityError:  # another first save of the summary won the race
        current = PeriodSummary.objects.get(period=period, unit_id=actor.org_unit_id)
        raise PeriodEditConflict(
            _("Phần tóm tắt chung vừa được người khác lưu; nội dung của bạn chưa được lưu."),
            {"summary": current.version},
        ) from None
    return reports


def _period_review_url(period: ReportingPeriod) -> str:
    return reverse("reporting:review_queue") + f"?ky={period.pk}"


def _announce_period(
    actor: Any, period: ReportingPeriod, reports: list[TaskReport], now: datetime.datetime
) -> None:
    """One notification per event of a period form, not one per task: the
    focal officers hear once that the unit sent its period's report (with
    how many tasks), the unit heads once that reports wait for them."""
    unit = OrgUnit.objects.get(pk=actor.org_unit_id)
    sent = [r for r in reports if r.review_state == ReviewState.SUBMITTED]
    waiting = [r for r in reports if r.awaiting_head_approval]
    if sent:
        _announce_sent(unit, period, sent, now)
    if waiting:
        with site_language():
            title = _("%(n)s báo cáo của kỳ %(period)s chờ lãnh đạo đơn vị duyệt") % {
                "n": len(waiting),
                "period": period.label,
            }
            body = ", ".join(r.task.path for r in waiting)
        notify(
            unit_people(unit.pk, [Role.UNIT_HEAD]),
            "report.awaiting_approval",
            title,
            body,
            reverse("reporting:period_form", args=[period.pk]),
            now=now,
        )


def _announce_sent(
    unit: OrgUnit, period: ReportingPeriod, sent: list[TaskReport], now: datetime.datetime
) -> None:
    with site_language():
        title = _("%(unit)s đã gửi báo cáo cả kỳ %(period)s (%(n)s nhiệm vụ)") % {
            "unit": unit.display_name,
            "period": period.label,
            "n": len(sent),
        }
        body = ", ".join(r.task.path for r in sent)
    notify(_focal_people(sent[0]), "report.submitted", title, body, _period_review_url(period),
           now=now)  # fmt: skip


@transaction.atomic
def define_indicator(
    actor: Any,
    document: Document,
    label: str,
    unit: str = "",
    *,
    now: datetime.datetime | None = None,
) -> PlanIndicator:
    """The focal agency adds an indicator units pick their figures from."""
    if not can_review_reports(actor):
        raise PermissionDenied(_("Chỉ cơ quan đầu mối được định nghĩa chỉ tiêu."))
    if not access.followed_documents(actor).filter(pk=document.pk).exists():
        raise PermissionDenied(_("Kế hoạch không do cơ quan của bạn theo dõi."))
    label, unit = " ".join(label.split()), " ".join(unit.split())
    if not label:
        raise ReportingError(_("Hãy ghi tên chỉ tiêu."))
    indicator, created = PlanIndicator.objects.get_or_create(
        document=document, label=label[:255], unit=unit[:50]
    )
    if not created:
        raise ReportingError(_("Chỉ tiêu “%(label)s” đã có.") % {"label": indicator})
    record(actor, "indicator.define", document, {"label": label, "unit": unit}, now=now)
    return indicator


@transaction.atomic
def remove_indicator(
    actor: Any, indicator: PlanIndicator, *, now: datetime.datetime | None = None
) -> None:
    """Stored figures keep their label: only the choice offered goes away."""
    if not can_review_reports(actor):
        raise PermissionDenied(_("Chỉ cơ quan đầu mối được định nghĩa chỉ tiêu."))
    if not access.followed_documents(actor).filter(pk=indicator.document_id).exists():
        raise PermissionDenied(_("Kế hoạch không do cơ quan của bạn theo dõi."))
    document = indicator.document
    changes = {"label": indicator.label, "unit": indicator.unit}
    indicator.delete()
    record(actor, "indicator.remove", document, changes, now=now)


@transaction.atomic
def approve_period_reports(
    actor: Any, period: ReportingPeriod, *, now: datetime.datetime | None = None
) -> list[TaskReport]:
    """The unit head approves every report of the period waiting for them,
    all or nothing (the one-form counterpart of ``approve_report``)."""
    now = _now(now)
    waiting = TaskReport.objects.filter(
        period=period, unit_id=actor.org_unit_id, awaiting_head_approval=True
    ).order_by("task__position")
    approved = [approve_report(actor, report, now=now, announce=False) for report in waiting]
    if not approved:
        raise ReportingError(_("Không có báo cáo nào chờ lãnh đạo đơn vị duyệt."))
    _announce_sent(approved[0].unit, period, approved, now)
    return approved
