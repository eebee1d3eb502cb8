"""Monitoring pages: notifications and the bell, the reminder log and the
"Đôn đốc" button, escalated difficulties."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tests.web.builders import Org, Plan
from theodoi.audit.models import AuditEvent
from theodoi.monitoring import actions as monitoring
from theodoi.monitoring.models import Escalation, EscalationState, Reminder
from theodoi.notifications.models import Notification
from theodoi.reporting import actions
from theodoi.reporting.actions import ReportData


def submitted(plan: Plan, user, now, index: int = 1):  # type: ignore[no-untyped-def]
    data = ReportData(result="Đã làm", difficulties="Thiếu kinh phí tổ chức hội nghị")
    report = actions.save_draft(user, plan.period, plan.tasks[index], data, now=now)
    return actions.submit_report(user, report, now=now)


def test_bell_counts_unread_and_the_page_marks_read(
    plan, unit_officer_a, focal_officer, client_for, now
):
    submitted(plan, unit_officer_a, now)
    client = client_for(focal_officer)
    home = client.get(reverse("notifications:notifications")).content.decode()
    assert 'data-unread="1"' in home and "đã gửi báo cáo" in home
    note = Notification.objects.get(recipient=focal_officer)
    response = client.get(reverse("notifications:notification_open", args=[note.pk]))
    assert response.status_code == 302 and response["Location"] == note.url
    note.refresh_from_db()
    assert note.read_at == now
    assert "data-unread" not in client.get(reverse("notifications:notifications")).content.decode()


def test_notifications_are_private(plan, unit_officer_a, focal_officer, leader, client_for, now):
    submitted(plan, unit_officer_a, now)
    note = Notification.objects.get(recipient=focal_officer)
    assert (
        client_for(leader)
        .get(reverse("notifications:notification_open", args=[note.pk]))
        .status_code
        == 404
    )


def test_read_all(plan, unit_officer_a, focal_officer, client_for, now):
    submitted(plan, unit_officer_a, now)
    submitted(plan, unit_officer_a, now, index=0)
    client_for(focal_officer).post(reverse("notifications:notifications_read_all"))
    assert not Notification.objects.filter(recipient=focal_officer, read_at__isnull=True).exists()


def test_manual_reminder_button(
    org: Org, plan, focal_officer, unit_officer_b, leader, client_for, now
):
    url = reverse("monitoring:period_units", args=[plan.period.pk])
    client = client_for(focal_officer)
    page = client.get(url).content.decode()
    assert org.district_a.name in page and "Đôn đốc" in page
    button = reverse("monitoring:remind_unit", args=[plan.period.pk, org.district_a.pk])
    assert client.post(button).status_code == 302
    reminder = Reminder.objects.get()
    assert (
        reminder.kind == "manual" and reminder.sent_by == focal_officer and reminder.sent_at == now
    )
    assert Notification.objects.get(recipient=unit_officer_b).verb == "reminder.manual"
    assert AuditEvent.objects.filter(action="reminder.manual").exists()
    assert client_for(leader).post(button).status_code == 403
    log = client.get(reverse("monitoring:reminders")).content.decode()
    assert org.district_a.short_name in log and "Đôn đốc" in log


def test_no_reminder_for_a_unit_that_reported(org: Org, plan, unit_officer_b, focal_officer, now):
    submitted(plan, unit_officer_b, now, index=2)
    with pytest.raises(monitoring.MonitoringError, match="đã gửi đủ"):
        monitoring.send_manual_reminder(focal_officer, plan.period, org.district_a, now=now)


def test_units_see_only_their_reminders(
    org: Org, plan, focal_officer, unit_officer_a, client_for, now
):
    monitoring.send_manual_reminder(focal_officer, plan.period, org.district_a, now=now)
    monitoring.send_manual_reminder(focal_officer, plan.period, org.justice, now=now)
    page = client_for(unit_officer_a).get(reverse("monitoring:reminders"))
    assert [r.unit for r in page.context["page"]] == [org.justice]


def test_escalate_and_resolve(plan, unit_officer_a, focal_officer, leader, client_for, now):
    report = submitted(plan, unit_officer_a, now)
    focal = client_for(focal_officer)
    focal.post(reverse("monitoring:escalate", args=[report.pk]), {"summary": ""})
    escalation = Escalation.objects.get()
    assert escalation.summary == "Thiếu kinh phí tổ chức hội nghị"
    assert escalation.state == EscalationState.OPEN and escalation.raised_by == focal_officer
    assert Notification.objects.filter(recipient=leader, verb="escalation.raised").exists()
    leader_client = client_for(leader)
    assert "Thiếu kinh phí" in leader_client.get(reverse("monitoring:escalations")).content.decode()
    resolve = reverse("monitoring:resolve", args=[escalation.pk])
    assert leader_client.post(resolve, {"response": "x"}).status_code == 403
    focal.post(resolve, {"response": "UBND tỉnh bố trí kinh phí năm 2026"})
    escalation.refresh_from_db()
    assert escalation.state == EscalationState.RESOLVED and escalation.resolved_at == now
    assert Notification.objects.filter(recipient=unit_officer_a, verb="escalation.resolved")
    with pytest.raises(monitoring.MonitoringError, match="đã được trả lời"):
        monitoring.resolve_escalation(focal_officer, escalation, "lại", now=now)


def test_units_cannot_escalate(plan, unit_officer_a, now):
    report = submitted(plan, unit_officer_a, now)
    with pytest.raises(PermissionDenied):
        monitoring.escalate_difficulty(unit_officer_a, report, "x", now=now)


def test_period_units_query_count(
    org: Org, plan, focal_officer, client_for, now, django_assert_max_num_queries
):
    for unit in (org.district_a, org.district_b, org.justice):
        monitoring.send_manual_reminder(focal_officer, plan.period, unit, now=now)
    client = client_for(focal_officer)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("monitoring:period_units", args=[plan.period.pk]))
    assert len(response.context["rows"]) == 4
    assert sum(1 for row in response.context["rows"] if row["last"]) == 3


def test_messages_to_others_use_the_site_language(
    plan, unit_officer_a, focal_officer, client_for, now
):
    """A focal officer browsing in English still writes Vietnamese notifications."""
    from tests.web.reporting.test_views import a_report

    report = a_report(plan, unit_officer_a, now)
    client = client_for(focal_officer)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    client.post(
        reverse("reporting:review", args=[report.pk]), {"decision": "return", "comment": "x"}
    )
    note = Notification.objects.get(recipient=unit_officer_a, verb="report.returned")
    assert note.title.startswith("Báo cáo bị trả lại")
