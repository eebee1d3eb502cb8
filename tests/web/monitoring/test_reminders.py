"""The daily đôn đốc job: who is reminded, when, only once, and through the
django-tasks database backend and worker."""

from __future__ import annotations

import datetime
import json

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from tests.web.builders import Org, Plan
from tests.web.reporting.clocks import at
from theodoi.cli import main as theodoi_main
from theodoi.monitoring.models import Channel, Reminder, ReminderKind
from theodoi.monitoring.reminders import plan_reminders, reminder_kind, send_reminders
from theodoi.monitoring.tasks import send_daily_reminders
from theodoi.notifications.models import Notification
from theodoi.reporting import actions
from theodoi.reporting.actions import ReportData


def days_from_due(plan: Plan, days: int) -> datetime.datetime:
    return at(plan.period.due_date + datetime.timedelta(days=days))


def submit_all(plan: Plan, user, now) -> None:  # type: ignore[no-untyped-def]
    for task in plan.tasks:
        if task.assignments.filter(unit=user.org_unit).exists():
            report = actions.save_draft(user, plan.period, task, ReportData(result="x"), now=now)
            actions.submit_report(user, report, now=now)


@pytest.fixture
def reminder_settings(settings):  # type: ignore[no-untyped-def]
    settings.REMINDER_DAYS_BEFORE = [7, 1]
    settings.REMINDER_OVERDUE_EVERY_DAYS = 3
    settings.REPORTING_LOCK_DAYS = 30
    return settings


def test_schedule(plan, reminder_settings):
    period = plan.period
    kinds = {
        days: reminder_kind(period, days_from_due(plan, days).date())
        for days in (-8, -7, -5, -1, 0, 1, 2, 4, 30, 31)
    }
    assert kinds == {
        -8: None,
        -7: ReminderKind.UPCOMING,
        -5: None,
        -1: ReminderKind.UPCOMING,
        0: None,
        1: ReminderKind.OVERDUE,
        2: None,
        4: ReminderKind.OVERDUE,
        30: None,  # (30 - 1) % 3 != 0
        31: None,  # locked
    }


def test_upcoming_reminds_only_units_that_have_not_reported(
    org: Org, plan, unit_officer_a, unit_officer_b, reminder_settings, mailoutbox
):
    org.district_a.email = "dongson@hoalam.example.vn"
    org.district_a.save()
    submit_all(plan, unit_officer_a, days_from_due(plan, -10))  # Sở Tư pháp is done
    now = days_from_due(plan, -7)
    sent = send_reminders(now)
    assert {item["unit_id"] for item in sent} == {
        org.information.pk,
        org.district_a.pk,
        org.district_b.pk,
    }
    assert all(item["kind"] == ReminderKind.UPCOMING for item in sent)
    district = next(item for item in sent if item["unit_id"] == org.district_a.pk)
    assert district["tasks_missing"] == 1 and district["due_date"] == "10/12/2025"
    assert not Reminder.objects.filter(unit=org.justice).exists()
    note = Notification.objects.get(recipient=unit_officer_b)
    assert note.verb == "reminder.upcoming" and "10/12/2025" in note.body
    assert not Notification.objects.filter(recipient=unit_officer_a, verb__startswith="reminder")
    [mail] = mailoutbox
    assert mail.to == ["dongson@hoalam.example.vn"] and "Năm 2025" in mail.subject
    email_log = Reminder.objects.get(unit=org.district_a, channel=Channel.EMAIL)
    assert email_log.recipients == "dongson@hoalam.example.vn"
    assert email_log.day == now.date() and email_log.sent_at == now


def test_never_twice_on_the_same_day(org: Org, plan, reminder_settings, mailoutbox):
    now = days_from_due(plan, -1)
    first = send_reminders(now)
    assert len(first) == 4
    assert send_reminders(now + datetime.timedelta(hours=5)) == []
    assert plan_reminders(now.date()) == []
    assert Reminder.objects.filter(kind=ReminderKind.UPCOMING).count() == 4
    assert len(send_reminders(days_from_due(plan, 1))) == 4  # overdue is another kind


def test_overdue_and_late_reporters(org: Org, plan, unit_officer_b, reminder_settings):
    submit_all(plan, unit_officer_b, days_from_due(plan, 1))  # late but reported
    sent = send_reminders(days_from_due(plan, 4))
    assert {item["kind"] for item in sent} == {ReminderKind.OVERDUE}
    assert org.district_a.pk not in {item["unit_id"] for item in sent}
    assert "quá hạn" in Reminder.objects.filter(kind="overdue").first().message


def test_draft_and_returned_reports_still_count_as_missing(
    org: Org, plan, unit_officer_b, focal_officer, reminder_settings
):
    now = days_from_due(plan, -10)
    submit_all(plan, unit_officer_b, now)
    report = unit_officer_b.org_unit.task_reports.get()
    actions.return_report(focal_officer, report, "Bổ sung", now=now)
    sent = send_reminders(days_from_due(plan, -7))
    assert org.district_a.pk in {item["unit_id"] for item in sent}


def test_unpublished_plans_are_not_chased(plan, reminder_settings):
    plan.document.state = "draft"
    plan.document.save()
    assert send_reminders(days_from_due(plan, -7)) == []


@pytest.mark.django_db(transaction=True)  # the worker needs autocommit (PostgreSQL)
def test_job_runs_through_the_database_queue(org: Org, plan, reminder_settings, mailoutbox):
    org.district_b.email = "taygiang@hoalam.example.vn"
    org.district_b.save()
    now = days_from_due(plan, -7)
    result = send_daily_reminders.enqueue(now.isoformat())
    job = DBTaskResult.objects.get(id=result.id)
    assert job.status == "READY" and not Reminder.objects.exists()
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    job.refresh_from_db()
    assert job.status == "SUCCESSFUL"
    assert len(job.return_value) == 4
    assert Reminder.objects.filter(channel=Channel.IN_APP).count() == 4
    assert [mail.to for mail in mailoutbox] == [["taygiang@hoalam.example.vn"]]


def test_cli_dry_run_sends_nothing(plan, reminder_settings, capsys):
    assert theodoi_main(["remind", "--dry-run", "--date", "03/12/2025"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 4 and all(line["dry_run"] for line in lines)
    assert {line["kind"] for line in lines} == {"upcoming"}
    assert not Reminder.objects.exists()


@pytest.mark.django_db(transaction=True)  # the worker needs autocommit (PostgreSQL)
def test_cli_queues_the_job(plan, reminder_settings, capsys):
    assert theodoi_main(["remind", "--date", "2025-12-03"]) == 0
    queued = json.loads(capsys.readouterr().out)
    job = DBTaskResult.objects.get(id=queued["queued"])
    assert job.task_path.endswith("send_daily_reminders")
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    assert Reminder.objects.filter(kind="upcoming", channel="in_app").count() == 4


def test_cli_rejects_a_bad_date(capsys):
    with pytest.raises(SystemExit, match="not a date"):
        theodoi_main(["remind", "--date", "31/02/2025"])


@pytest.mark.django_db(transaction=True)  # the worker needs autocommit (PostgreSQL)
def test_daily_loop_reschedules_itself(plan, reminder_settings, capsys):
    from theodoi.monitoring.tasks import daily_reminder_loop

    assert theodoi_main(["remind", "--daily"]) == 0
    assert "queued" in json.loads(capsys.readouterr().out)
    assert theodoi_main(["remind", "--daily"]) == 0
    assert json.loads(capsys.readouterr().out)["already_queued"] is True
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    jobs = DBTaskResult.objects.filter(task_path=daily_reminder_loop.module_path)
    assert sorted(job.status for job in jobs) == ["READY", "SUCCESSFUL"]
    waiting = jobs.get(status="READY")
    assert waiting.run_after is not None and waiting.run_after.minute == 0


def test_next_run_is_the_next_reminder_hour(settings):
    from theodoi.monitoring.tasks import next_run

    settings.REMINDER_HOUR = 7
    early = at(datetime.date(2025, 12, 1), hour=6)
    late = at(datetime.date(2025, 12, 1), hour=7)
    assert next_run(early) == at(datetime.date(2025, 12, 1), hour=7)
    assert next_run(late) == at(datetime.date(2025, 12, 2), hour=7)


def test_a_failed_email_is_retried_on_the_next_run(org: Org, plan, reminder_settings):
    org.district_a.email = "dongson@hoalam.example.vn"
    org.district_a.save()
    reminder_settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    reminder_settings.EMAIL_HOST, reminder_settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens
    reminder_settings.EMAIL_USE_TLS = reminder_settings.EMAIL_USE_SSL = False
    reminder_settings.EMAIL_TIMEOUT = 2
    now = days_from_due(plan, -7)
    sent = send_reminders(now)
    assert org.district_a.pk not in {item["unit_id"] for item in sent}
    assert not Reminder.objects.filter(unit=org.district_a).exists()
    assert len(sent) == 3  # units without an address were reminded in the application
    reminder_settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    again = send_reminders(now + datetime.timedelta(hours=1))
    assert [item["unit_id"] for item in again] == [org.district_a.pk]


def test_cli_run_now_sends_in_this_process(plan, reminder_settings, capsys):
    assert theodoi_main(["remind", "--run-now", "--date", "09/12/2025"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {line["kind"] for line in lines} == {"upcoming"} and len(lines) == 4
    assert Reminder.objects.filter(day=datetime.date(2025, 12, 9)).count() == 4
