"""E-mail for every event that notifies someone, by each person's choice,
through the real database, the django-tasks queue and Django's locmem
e-mail backend (``mailoutbox``)."""

from __future__ import annotations

import ast
import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction

from tests.web.builders import Org, Plan
from tests.web.reporting.clocks import at
from theodoi.accounts.models import User
from theodoi.inspections import actions as inspections
from theodoi.inspections.actions import FindingData, InspectionPlan
from theodoi.leadership import actions as leadership
from theodoi.monitoring import actions as monitoring
from theodoi.monitoring.reminders import send_reminders
from theodoi.notifications.delivery import notify
from theodoi.notifications.models import EmailChoice, EmailPreference, Notification
from theodoi.orgunits.models import OrgUnit
from theodoi.recognition import actions as recognition
from theodoi.recognition.actions import CommendationData, PracticeData
from theodoi.reporting import actions as reporting
from theodoi.reporting.actions import ReportData

PRACTICE = PracticeData(
    title="Tổ tự quản tuyên truyền pháp luật ở khu dân cư",
    description="Mỗi khu dân cư có một tổ tự quản, họp hằng tháng.",
    results="120 buổi sinh hoạt.",
)

Step = Callable[[], object]


@pytest.fixture(autouse=True)
def _immediate_tasks(settings) -> None:  # type: ignore[no-untyped-def]
    """The queue runs each job as it is enqueued (django-tasks' own backend)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def everyone_has_an_address(personas) -> None:  # type: ignore[no-untyped-def]
    for user in User.objects.all():
        user.email = f"{user.username}@hoalam.example.vn"
        user.save(update_fields=["email"])
    OrgUnit.objects.update(email="")  # only people's own choices are under test


def submitted(plan: Plan, user: Any, now: datetime.datetime, index: int = 1) -> Any:
    data = ReportData(result="Đã làm", difficulties="Thiếu kinh phí tổ chức hội nghị")
    report = reporting.save_draft(user, plan.period, plan.tasks[index], data, now=now)
    return reporting.submit_report(user, report, now=now)


def _inspection(org: Org, plan: Plan, who: Any) -> Any:
    start = datetime.date(2025, 10, 6)
    return inspections.plan_inspection(
        who["focal"],
        plan.document,
        InspectionPlan(
            title="Kiểm tra việc thực hiện kế hoạch năm 2025",
            inspecting_unit=org.home_affairs,
            starts_on=start,
            ends_on=start + datetime.timedelta(days=4),
            units=[org.justice],
            tasks=[plan.tasks[1]],
            team="Sở Nội vụ",
        ),
    )


def _finding(org: Org, plan: Plan, who: Any, now: datetime.datetime) -> Any:
    return inspections.record_finding(
        who["focal"],
        _inspection(org, plan, who),
        org.justice,
        FindingData("shortcoming", "Chưa lập sổ.", "Lập sổ", datetime.date(2025, 12, 1)),
        now=now,
    )


def _practice(plan: Plan, who: Any, now: datetime.datetime) -> Any:
    report = submitted(plan, who["officer_a"], now)
    return recognition.propose_practice(who["officer_a"], PRACTICE, report=report, now=now)


def _escalation(plan: Plan, who: Any, now: datetime.datetime) -> Any:
    report = submitted(plan, who["officer_b"], now, index=2)
    return monitoring.escalate_difficulty(who["focal"], report, "", now=now)


def _head_approval(org: Org) -> None:
    org.justice.requires_head_approval = True
    org.justice.save()


# Each event: (verb, setup) where setup prepares the state and returns the
# step that causes the event; only that step's notifications are checked.
def ev_submitted(org, plan, who, now) -> Step:  # type: ignore[no-untyped-def]
    report = reporting.save_draft(
        who["officer_a"], plan.period, plan.tasks[1], ReportData(result="x"), now=now
    )
    return lambda: reporting.submit_report(who["officer_a"], report, now=now)


def ev_awaiting(org, plan, who, now) -> Step:  # type: ignore[no-untyped-def]
    _head_approval(org)
    return lambda: submitted(plan, who["officer_a"], now)


def ev_sent_back(org, plan, who, now) -> Step:  # type: ignore[no-untyped-def]
    _head_approval(org)
    report = submitted(plan, who["officer_a"], now)
    return lambda: reporting.send_back_to_officer(who["head_a"], report, "Bổ sung", now=now)


def ev_returned(org, plan, who, now) -> Step:  # type: ignore[no-untyped-def]
    report = submitted(plan, who["officer_a"], now)
    return lambda: reporting.return_report(who["focal"], report, "Thiếu số liệu", now=now)


def ev_accepted(org, plan, who, now) -> Step:  # type: ignore[no-untyped-def]
    report = submitted(plan, who["officer_a"], now)
    return lambda: reporting.accept_report(who["focal"], report, "Tốt", now=now)


def ev_requested(org, plan, who, now) -> Step:  # type: ignore[no-untyped-def]
    return lambda: reporting.request_ad_hoc_report(
        who["focal"],
        plan.document,
        label="Báo cáo nhanh hội nghị đối thoại",
        due_date=now.date() + datetime.timedelta(days=10),
        units=[org.district_a],
        tasks=[plan.tasks[2]],
        note="Báo cáo số cuộc đối thoại.",
        now=now,
    )


def ev_raised(org, plan, who, now) -> Step:  # type: ignore[no-untyped-def]
    report = submitted(plan, who["officer_b"], now, index=2)
    return lambda: monitoring.escalate_difficulty(who["focal"], report, "", now=now)


def ev_resolved(org, plan, who, now) -> Step:  # type: ignore[no-untyped-def]
    escalation = _escalation(plan, who, now)
    return lambda: monitoring.resolve_escalation(who["focal"], escalation, "Đã bố trí", now=now)


def ev_answered(org, plan, who, now) -> Step:  # type: ignore[no-untyped-def]
    escalation = _escalation(plan, who, now)
    return lambda: leadership.answer_escalation(who["leader"], escalation, "Bố trí", now=now)


def ev_manual_reminder(org, plan, who, now) -> Step:  # type: ignore[no-untyped-def]
    return lambda: monitoring.send_manual_reminder(
        who["focal"], plan.period, org.district_a, "Đề nghị báo cáo", now=now
    )


def ev_upcoming_reminder(org, plan, who, now) -> Step:  # type: ignore[no-untyped-def]
    return lambda: send_reminders(at(plan.period.due_date - datetime.timedelta(days=7)))


def ev_planned(org, plan, who, now) -> Step:  # type: ignore[no-untyped-def]
    return lambda: _inspection(org, plan, who)


def ev_recommendation(org, plan, who, now) -> Step:  # type: ignore[no-untyped-def]
    inspection = _inspection(org, plan, who)
    return lambda: inspections.record_finding(
        who["focal"],
        inspection,
        org.justice,
        FindingData("shortcoming", "Chưa lập sổ.", "Lập sổ", datetime.date(2025, 12, 1)),
        now=now,
    )


def ev_responded(org, plan, who, now) -> Step:  # type: ignore[no-untyped-def]
    finding = _finding(org, plan, who, now)
    return lambda: inspections.respond_to_finding(who["officer_a"], finding, "Đã lập", now=now)


def ev_proposed(org, plan, who, now) -> Step:  # type: ignore[no-untyped-def]
    report = submitted(plan, who["officer_a"], now)
    return lambda: recognition.propose_practice(who["officer_a"], PRACTICE, report=report, now=now)


def ev_reviewed(org, plan, who, now) -> Step:  # type: ignore[no-untyped-def]
    practice = _practice(plan, who, now)
    return lambda: recognition.review_practice(
        who["focal"], practice, recognise=True, replicate=True, now=now
    )


def ev_commendation(org, plan, who, now) -> Step:  # type: ignore[no-untyped-def]
    practice = _practice(plan, who, now)
    recognition.review_practice(who["focal"], practice, recognise=True, now=now)
    data = CommendationData("organisation", "Sở Tư pháp", "Bằng khen", "Có mô hình hay")
    commendation = recognition.propose_commendation(
        who["focal"], plan.document, practice.unit, data, practice=practice, now=now
    )
    return lambda: recognition.decide_commendation(
        who["focal"], commendation, granted=True, decision="15/QĐ-UBND", now=now
    )


EVENTS = {
    "report.submitted": ev_submitted,
    "report.awaiting_approval": ev_awaiting,
    "report.sent_back": ev_sent_back,
    "report.returned": ev_returned,
    "report.accepted": ev_accepted,
    "report.requested": ev_requested,
    "escalation.raised": ev_raised,
    "escalation.resolved": ev_resolved,
    "escalation.answered": ev_answered,
    "reminder.manual": ev_manual_reminder,
    "reminder.upcoming": ev_upcoming_reminder,
    "inspection.planned": ev_planned,
    "inspection.recommendation": ev_recommendation,
    "inspection.responded": ev_responded,
    "practice.proposed": ev_proposed,
    "practice.reviewed": ev_reviewed,
    "commendation.decided": ev_commendation,
}


@pytest.mark.usefixtures("everyone_has_an_address")
@pytest.mark.parametrize("choice", [EmailChoice.IMMEDIATE, EmailChoice.NONE])
@pytest.mark.parametrize("verb", sorted(EVENTS))
def test_every_event_mails_by_the_recipients_choice(  # type: ignore[no-untyped-def]
    verb,
    choice,
    org,
    plan,
    focal_officer,
    unit_officer_a,
    unit_head_a,
    unit_officer_b,
    leader,
    now,
    settings,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    settings.REMINDER_DAYS_BEFORE = [7, 1]
    who = {
        "focal": focal_officer,
        "officer_a": unit_officer_a,
        "head_a": unit_head_a,
        "officer_b": unit_officer_b,
        "leader": leader,
    }
    with django_capture_on_commit_callbacks(execute=True):
        step = EVENTS[verb](org, plan, who, now)
    mark = Notification.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    for user in User.objects.all():
        EmailPreference.objects.update_or_create(user=user, defaults={"choice": choice})
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        step()
    new = list(Notification.objects.filter(pk__gt=mark).select_related("recipient"))
    assert new and {note.verb for note in new} == {verb}
    sent = sorted((address, mail.subject) for mail in mailoutbox for address in mail.to)
    if choice == EmailChoice.IMMEDIATE:
        assert sent == sorted((note.recipient.email, note.title) for note in new)
    else:
        assert sent == []


def test_every_notify_call_mails_unless_the_caller_mails_itself() -> None:
    """Every call of ``notify`` in the code keeps e-mail on, except the reminder
    job, which mails in its own transaction (and by the same choices)."""
    allowed = {"theodoi/monitoring/reminders.py"}
    root = Path(__file__).resolve().parents[3]
    calls, silenced = 0, set()
    for path in (root / "theodoi").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "notify":
                calls += 1
                for keyword in node.keywords:
                    if keyword.arg == "email":
                        silenced.add(str(path.relative_to(root)))
    assert calls >= 15
    assert silenced == allowed


@pytest.mark.usefixtures("everyone_has_an_address")
def test_default_is_immediate_and_daily_waits_for_the_digest(  # type: ignore[no-untyped-def]
    focal_officer, unit_officer_a, leader, mailoutbox, django_capture_on_commit_callbacks
):
    for user in (focal_officer, unit_officer_a, leader):
        user.refresh_from_db()
    EmailPreference.objects.create(user=leader, choice=EmailChoice.DAILY)
    with django_capture_on_commit_callbacks(execute=True):
        notify([focal_officer, unit_officer_a, leader, focal_officer], "test.event", "Tiêu đề")
    assert sorted(mail.to[0] for mail in mailoutbox) == sorted(
        [focal_officer.email, unit_officer_a.email]
    )
    assert Notification.objects.filter(recipient=leader).count() == 1


@pytest.mark.usefixtures("everyone_has_an_address")
def test_a_rolled_back_change_sends_nothing(  # type: ignore[no-untyped-def]
    focal_officer, mailoutbox, django_capture_on_commit_callbacks
):
    focal_officer.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                notify([focal_officer], "test.event", "Tiêu đề")
                raise RuntimeError("the change fails")
        except RuntimeError:
            pass
    assert mailoutbox == [] and not Notification.objects.exists()
