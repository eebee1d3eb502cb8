"""The daily digest and the page "Thông báo qua thư điện tử", through the
real database, the django-tasks queue and Django's locmem e-mail backend."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from theodoi.audit.models import AuditEvent
from theodoi.monitoring.tasks import send_daily_reminders
from theodoi.notifications import actions
from theodoi.notifications.delivery import notify
from theodoi.notifications.models import EmailChoice, EmailPreference
from theodoi.notifications.tasks import send_digests


@pytest.fixture
def daily_reader(unit_officer_a, now):  # type: ignore[no-untyped-def]
    unit_officer_a.email = "tu.tran@hoalam.example.vn"
    unit_officer_a.save(update_fields=["email"])
    actions.set_email_choice(unit_officer_a, EmailChoice.DAILY, now=now)
    return unit_officer_a


def test_digest_groups_a_days_notifications_into_one_email(  # type: ignore[no-untyped-def]
    daily_reader, focal_officer, now, mailoutbox, django_capture_on_commit_callbacks
):
    titles = ["Báo cáo bị trả lại", "Kế hoạch kiểm tra", "Đôn đốc báo cáo"]
    with django_capture_on_commit_callbacks(execute=True):
        for hour, title in enumerate(titles, start=1):
            notify([daily_reader], "test.event", title, now=now + datetime.timedelta(hours=hour))
        notify([focal_officer], "test.event", "Không thuộc thư này", now=now)
    assert mailoutbox == []  # nothing at once for a digest reader
    next_morning = now + datetime.timedelta(days=1)
    sent = send_digests(next_morning)
    assert sent == [{"user": daily_reader.username, "notifications": 3}]
    [mail] = mailoutbox
    assert mail.to == ["tu.tran@hoalam.example.vn"] and "3" in mail.subject
    positions = [mail.body.index(title) for title in titles]
    assert positions == sorted(positions) and "Không thuộc thư này" not in mail.body
    # A second run the same morning sends nothing; the next day only what is new.
    assert send_digests(next_morning + datetime.timedelta(minutes=5)) == []
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            [daily_reader],
            "test.event",
            "Mới hôm sau",
            now=next_morning + datetime.timedelta(hours=3),
        )
    assert send_digests(next_morning + datetime.timedelta(days=1)) == [
        {"user": daily_reader.username, "notifications": 1}
    ]
    assert "Mới hôm sau" in mailoutbox[-1].body and "Kế hoạch kiểm tra" not in mailoutbox[-1].body


def test_read_notifications_and_other_choices_are_left_out(  # type: ignore[no-untyped-def]
    daily_reader, unit_officer_b, now, mailoutbox
):
    unit_officer_b.email = "b@hoalam.example.vn"
    unit_officer_b.save(update_fields=["email"])
    actions.set_email_choice(unit_officer_b, EmailChoice.NONE, now=now)
    later = now + datetime.timedelta(hours=1)
    [note] = notify([daily_reader], "test.event", "Đã đọc rồi", now=later)
    notify([unit_officer_b], "test.event", "Không muốn thư", now=later)
    actions.mark_notifications_read(daily_reader, [note.pk], now=later)
    assert send_digests(now + datetime.timedelta(days=1)) == []
    assert mailoutbox == []


@pytest.mark.django_db(transaction=True)  # the worker needs autocommit (PostgreSQL)
def test_the_daily_job_sends_the_digest_through_the_queue(  # type: ignore[no-untyped-def]
    daily_reader, now, mailoutbox
):
    notify([daily_reader], "test.event", "Việc mới", now=now + datetime.timedelta(hours=2))
    result = send_daily_reminders.enqueue((now + datetime.timedelta(days=1)).isoformat())
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    assert DBTaskResult.objects.get(id=result.id).status == "SUCCESSFUL"
    [mail] = mailoutbox
    assert mail.to == ["tu.tran@hoalam.example.vn"] and "Việc mới" in mail.body


def test_preference_page_saves_the_choice(unit_officer_a, client_for, now):  # type: ignore[no-untyped-def]
    client = client_for(unit_officer_a)
    url = reverse("notifications:email_preferences")
    assert f'href="{url}"' in client.get(reverse("account")).content.decode()
    assert f'href="{url}"' in client.get(reverse("notifications:notifications")).content.decode()
    page = client.get(url).content.decode()
    assert "Thông báo qua thư điện tử" in page
    assert 'value="immediate" checked' in page  # the default
    response = client.post(url, {"choice": "daily"})
    assert response.status_code == 302
    preference = EmailPreference.objects.get(user=unit_officer_a)
    assert preference.choice == EmailChoice.DAILY and preference.last_digest_at is not None
    assert 'value="daily" checked' in client.get(url).content.decode()
    event = AuditEvent.objects.get(action="notifications.email_choice")
    assert event.changes == {"from": "immediate", "to": "daily"}


def test_preference_page_refuses_an_unknown_choice(unit_officer_a, client_for):  # type: ignore[no-untyped-def]
    response = client_for(unit_officer_a).post(
        reverse("notifications:email_preferences"), {"choice": "weekly"}
    )
    assert response.status_code == 400
    assert "Lựa chọn không hợp lệ: weekly" in response.content.decode()
    assert not EmailPreference.objects.exists()


def test_preference_page_in_english(unit_officer_a, client_for):  # type: ignore[no-untyped-def]
    client = client_for(unit_officer_a)
    assert client.post("/i18n/setlang/", {"language": "en", "next": "/"}).status_code == 302
    page = client.get(reverse("notifications:email_preferences")).content.decode()
    assert "E-mail notifications" in page and "One digest a day" in page
    assert "Thông báo qua thư điện tử" not in page and "Gửi ngay" not in page


def test_preference_page_needs_login(client):  # type: ignore[no-untyped-def]
    response = client.get(reverse("notifications:email_preferences"))
    assert response.status_code == 302 and "dang-nhap" in response["Location"]
