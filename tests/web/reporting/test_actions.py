"""The reporting cycle's actions through the real database, with a frozen clock."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from tests.web.builders import Org, Plan, person
from tests.web.reporting.clocks import at
from theodoi.accounts.models import Role
from theodoi.audit.models import AuditEvent
from theodoi.notifications.models import Notification
from theodoi.reporting import actions, scope
from theodoi.reporting.actions import ReportData, ReportingError
from theodoi.reporting.models import Recurrence, ReviewState, TaskReport
from theodoi.reporting.status import Completion

DONE = ReportData(
    completion=Completion.DONE,
    completed_on=datetime.date(2025, 6, 20),
    result="Đã rà soát 42 văn bản.",
    figures=[{"label": "Văn bản rà soát", "value": 42, "unit": "văn bản"}],
    difficulties="Thiếu biên chế.",
    proposals="Bổ sung 01 biên chế.",
)


def draft(plan: Plan, user, now, task_index: int = 1) -> TaskReport:  # type: ignore[no-untyped-def]
    return actions.save_draft(user, plan.period, plan.tasks[task_index], DONE, now=now)


def submitted(plan: Plan, user, now) -> TaskReport:  # type: ignore[no-untyped-def]
    return actions.submit_report(user, draft(plan, user, now), now=now)


def test_save_draft_creates_the_report_and_audits_it(plan, unit_officer_a, now):
    report = draft(plan, unit_officer_a, now)
    assert report.review_state == ReviewState.DRAFT
    assert report.unit == unit_officer_a.org_unit
    assert report.figures[0]["value"] == 42
    event = AuditEvent.objects.get(action="report.create")
    assert event.actor == unit_officer_a and event.target_id == str(report.pk)
    assert event.changes["result"] == ["", DONE.result]
    again = actions.save_draft(
        unit_officer_a, plan.period, plan.tasks[1], ReportData(result="Sửa lại"), now=now
    )
    assert again.pk == report.pk and again.completed_on is None
    assert AuditEvent.objects.filter(action="report.save_draft").count() == 1


def test_done_needs_a_completion_date(plan, unit_officer_a, now):
    with pytest.raises(ReportingError, match="ngày hoàn thành"):
        actions.save_draft(
            unit_officer_a,
            plan.period,
            plan.tasks[1],
            ReportData(completion=Completion.DONE, result="x"),
            now=now,
        )


def test_a_unit_cannot_report_on_a_task_it_was_not_given(plan, unit_officer_b, now):
    with pytest.raises(PermissionDenied):
        draft(plan, unit_officer_b, now)  # II.2 belongs to Sở Tư pháp
    assert not TaskReport.objects.exists()


@pytest.mark.parametrize("persona", ["focal_officer", "leader", "admin_user"])
def test_oversight_roles_cannot_write_reports(plan, persona, request, now):
    with pytest.raises(PermissionDenied):
        draft(plan, request.getfixturevalue(persona), now)


def test_submit_on_time_goes_to_the_focal_agency(plan, unit_officer_a, focal_officer, now):
    report = submitted(plan, unit_officer_a, now)
    assert report.review_state == ReviewState.SUBMITTED
    assert report.submitted_by == unit_officer_a and report.submitted_at == now
    assert report.submitted_late is False
    note = Notification.objects.get(recipient=focal_officer)
    assert note.verb == "report.submitted" and str(report.pk) in note.url
    assert AuditEvent.objects.filter(action="report.submit", target_id=str(report.pk)).exists()


def test_late_submission_is_kept_and_marked_late(plan, unit_officer_a):
    after_due = at(plan.period.due_date + datetime.timedelta(days=3))
    report = submitted(plan, unit_officer_a, after_due)
    assert report.review_state == ReviewState.SUBMITTED
    assert report.submitted_late is True


def test_locked_period_refuses_changes_with_a_clear_message(plan, unit_officer_a, settings, now):
    report = draft(plan, unit_officer_a, now)
    settings.REPORTING_LOCK_DAYS = 5
    locked_day = at(plan.period.due_date + datetime.timedelta(days=6))
    assert scope.is_locked(plan.period, locked_day.date())
    with pytest.raises(PermissionDenied, match="khóa sổ từ ngày 15/12/2025"):
        actions.submit_report(unit_officer_a, report, now=locked_day)
    with pytest.raises(PermissionDenied, match="khóa sổ"):
        draft(plan, unit_officer_a, locked_day)
    last_open_day = at(plan.period.due_date + datetime.timedelta(days=5))
    assert actions.submit_report(unit_officer_a, report, now=last_open_day).submitted_late


def test_submitted_report_cannot_be_edited(plan, unit_officer_a, now):
    submitted(plan, unit_officer_a, now)
    with pytest.raises(ReportingError, match="không sửa được"):
        draft(plan, unit_officer_a, now)


def test_head_approval_when_the_unit_asks_for_it(
    org: Org, plan, unit_officer_a, unit_head_a, focal_officer, now
):
    org.justice.requires_head_approval = True
    org.justice.save()
    report = submitted(plan, unit_officer_a, now)
    assert report.review_state == ReviewState.DRAFT and report.awaiting_head_approval
    assert Notification.objects.filter(recipient=unit_head_a, verb="report.awaiting_approval")
    assert not Notification.objects.filter(recipient=focal_officer).exists()
    with pytest.raises(ReportingError, match="chờ lãnh đạo"):
        draft(plan, unit_officer_a, now)
    with pytest.raises(PermissionDenied):
        actions.approve_report(unit_officer_a, report, now=now)
    approved = actions.approve_report(unit_head_a, report, now=now)
    assert approved.review_state == ReviewState.SUBMITTED
    assert approved.head_approved_by == unit_head_a and approved.submitted_by == unit_officer_a
    assert not approved.awaiting_head_approval
    assert Notification.objects.filter(recipient=focal_officer, verb="report.submitted")


def test_head_sends_back_to_the_officer(org: Org, plan, unit_officer_a, unit_head_a, now):
    org.justice.requires_head_approval = True
    org.justice.save()
    report = submitted(plan, unit_officer_a, now)
    back = actions.send_back_to_officer(unit_head_a, report, "Bổ sung số liệu", now=now)
    assert back.review_state == ReviewState.DRAFT and not back.awaiting_head_approval
    assert Notification.objects.get(recipient=unit_officer_a).body == "Bổ sung số liệu"
    assert draft(plan, unit_officer_a, now).pk == report.pk  # editable again


def test_head_submits_directly(org: Org, plan, unit_head_a, now):
    org.justice.requires_head_approval = True
    org.justice.save()
    report = submitted(plan, unit_head_a, now)
    assert report.review_state == ReviewState.SUBMITTED and report.head_approved_by == unit_head_a


@pytest.mark.django_db(transaction=True)  # the worker needs autocommit (PostgreSQL)
def test_return_and_resubmit(
    org: Org,
    plan,
    unit_officer_a,
    unit_head_a,
    focal_officer,
    now,
    mailoutbox,
):
    org.justice.email = "sotuphap@hoalam.example.vn"
    org.justice.save()
    report = submitted(plan, unit_officer_a, now)
    with pytest.raises(ReportingError, match="lý do"):
        actions.return_report(focal_officer, report, "  ", now=now)
    assert not DBTaskResult.objects.exists()  # the submit e-mailed no one
    returned = actions.return_report(focal_officer, report, "Thiếu số liệu", now=now)
    job = DBTaskResult.objects.get()
    assert job.args_kwargs["args"][0] == ["sotuphap@hoalam.example.vn"]
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    [mail] = mailoutbox
    assert mail.to == ["sotuphap@hoalam.example.vn"] and "bị trả lại" in mail.subject
    assert returned.review_state == ReviewState.RETURNED
    assert returned.review_comment == "Thiếu số liệu" and returned.reviewed_by == focal_officer
    recipients = set(
        Notification.objects.filter(verb="report.returned").values_list("recipient", flat=True)
    )
    assert recipients == {unit_officer_a.pk, unit_head_a.pk}
    later = now + datetime.timedelta(days=30)  # after the due date
    fixed = actions.save_draft(unit_officer_a, plan.period, plan.tasks[1], DONE, now=later)
    again = actions.submit_report(unit_officer_a, fixed, now=later)
    assert again.review_state == ReviewState.SUBMITTED
    assert again.first_submitted_at == now and again.submitted_late is False


def test_accept(plan, unit_officer_a, focal_officer, now):
    report = submitted(plan, unit_officer_a, now)
    accepted = actions.accept_report(focal_officer, report, "Tốt", now=now)
    assert accepted.review_state == ReviewState.ACCEPTED and accepted.reviewed_at == now
    assert Notification.objects.filter(recipient=unit_officer_a, verb="report.accepted")
    with pytest.raises(ReportingError, match="Chỉ duyệt được"):
        actions.accept_report(focal_officer, accepted, now=now)


def test_draft_cannot_be_reviewed(plan, unit_officer_a, focal_officer, now):
    report = draft(plan, unit_officer_a, now)
    with pytest.raises(ReportingError):
        actions.return_report(focal_officer, report, "x", now=now)


def test_only_the_plans_focal_agency_reviews(org: Org, plan, unit_officer_a, leader, now):
    report = submitted(plan, unit_officer_a, now)
    other_focal = person("daumoi_dv", "Cán Bộ Dân Vận", Role.FOCAL_OFFICER, org.mass_mobilisation)
    with pytest.raises(PermissionDenied):
        actions.accept_report(other_focal, report, now=now)
    with pytest.raises(PermissionDenied):
        actions.accept_report(leader, report, now=now)
    assert TaskReport.objects.get(pk=report.pk).review_state == ReviewState.SUBMITTED


def test_attachments_with_type_and_size_limits(plan, unit_officer_a, settings, now, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.REPORT_ATTACHMENT_MAX_MB = 1
    report = draft(plan, unit_officer_a, now)
    pdf = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    [attachment] = actions.add_attachments(unit_officer_a, report, [pdf], now=now)
    assert attachment.size == len(b"%PDF-1.4 test") and attachment.uploaded_by == unit_officer_a
    assert (tmp_path / attachment.file.name).exists()
    with pytest.raises(ReportingError, match="chỉ nhận"):
        actions.add_attachments(
            unit_officer_a, report, [SimpleUploadedFile("virus.exe", b"MZ")], now=now
        )
    big = SimpleUploadedFile("lon.pdf", b"x" * (1024 * 1024 + 1))
    with pytest.raises(ReportingError, match="lớn hơn 1 MB"):
        actions.add_attachments(unit_officer_a, report, [big], now=now)
    assert report.attachments.count() == 1
    actions.remove_attachment(unit_officer_a, attachment, now=now)
    assert report.attachments.count() == 0


def test_ad_hoc_request(org: Org, plan, focal_officer, unit_officer_b, unit_officer_a, now):
    due = now.date() + datetime.timedelta(days=10)
    period = actions.request_ad_hoc_report(
        focal_officer,
        plan.document,
        label="Báo cáo nhanh hội nghị đối thoại",
        due_date=due,
        units=[org.district_a],
        tasks=[plan.tasks[2]],
        note="Báo cáo số cuộc đối thoại.",
        now=now,
    )
    assert period.obligation.recurrence == Recurrence.ON_REQUEST
    assert period.due_date == due and period.requested_by == focal_officer
    assert scope.expected_pairs(period) == {(plan.tasks[2].pk, org.district_a.pk)}
    assert Notification.objects.filter(recipient=unit_officer_b, verb="report.requested")
    assert not Notification.objects.filter(recipient=unit_officer_a).exists()
    report = actions.save_draft(
        unit_officer_b, period, plan.tasks[2], ReportData(result="3 cuộc"), now=now
    )
    assert actions.submit_report(unit_officer_b, report, now=now).period == period
    with pytest.raises(PermissionDenied):
        actions.save_draft(unit_officer_a, period, plan.tasks[1], DONE, now=now)


def test_ad_hoc_request_checks(org: Org, plan, focal_officer, leader, now):
    yesterday = now.date() - datetime.timedelta(days=1)
    kwargs = {"label": "x", "units": [org.district_a], "now": now}
    with pytest.raises(ReportingError, match="từ hôm nay"):
        actions.request_ad_hoc_report(focal_officer, plan.document, due_date=yesterday, **kwargs)
    with pytest.raises(PermissionDenied):
        actions.request_ad_hoc_report(leader, plan.document, due_date=now.date(), **kwargs)
    with pytest.raises(ReportingError, match="không được giao"):
        actions.request_ad_hoc_report(
            focal_officer,
            plan.document,
            label="x",
            units=[org.front],
            due_date=now.date(),
            now=now,
        )


def test_is_expected_is_one_query_and_agrees_with_the_periods_scope(
    org: Org, plan, focal_officer, now, django_assert_num_queries
):
    """The report form asks ``is_expected`` on every request: one query for
    ad hoc periods too, with the same answer as ``expected_pairs`` for every
    task and unit, whether the request names tasks, units, both or neither."""
    from theodoi.orgunits.models import OrgUnit
    from theodoi.reporting.models import ReportingPeriod

    period = actions.request_ad_hoc_report(
        focal_officer,
        plan.document,
        label="Đột xuất",
        due_date=now.date() + datetime.timedelta(days=10),
        units=[org.district_a],
        tasks=[plan.tasks[2]],
        now=now,
    )
    units = list(OrgUnit.objects.all())
    choices = [
        ([plan.tasks[2]], [org.district_a]),
        ([], [org.district_a]),
        ([plan.tasks[0], plan.tasks[2]], []),
        ([], []),
    ]
    for tasks, chosen_units in choices:
        period.tasks.set(tasks)
        period.units.set(chosen_units)
        for each in (period, plan.period):
            fresh = ReportingPeriod.objects.select_related("obligation").get(pk=each.pk)
            expected = scope.expected_pairs(fresh)
            assert expected  # every choice leaves someone owing a report
            for task in plan.tasks:
                for unit in units:
                    with django_assert_num_queries(1):
                        answer = scope.is_expected(fresh, task.pk, unit.pk)
                    assert answer == ((task.pk, unit.pk) in expected), (tasks, chosen_units)
