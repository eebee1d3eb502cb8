"""The one-form period report: evidence files per task (typed by content,
stored under random names, downloaded only by those who may see the report,
all in the one transaction) and one notification per event, not per task."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.web.reporting.test_period_form import period_url, whole_form
from theodoi.notifications.models import Notification
from theodoi.reporting.models import Attachment, PeriodSummary, ReviewState, TaskReport


def stored_files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()]


def pdf(name: str = "bien-ban.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4 bien ban", content_type="application/pdf")


def with_files(plan: Any, action: str = "save", **files: list[Any]) -> dict[str, Any]:
    data = whole_form(plan, action)
    first, second = plan.tasks[0].pk, plan.tasks[1].pk
    data[f"t{first}-evidence"] = files.get("first", [])
    data[f"t{second}-evidence"] = files.get("second", [])
    return data


def test_each_task_takes_its_own_evidence(
    plan, unit_officer_a, client_for, now, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client = client_for(unit_officer_a)
    page = client.get(period_url(plan.period)).content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert f'name="t{plan.tasks[0].pk}-evidence"' in page
    photo = SimpleUploadedFile("anh.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20)
    data = with_files(plan, "submit", first=[pdf(), photo], second=[pdf("ket-qua.pdf")])
    assert client.post(period_url(plan.period), data).status_code == 302
    by_task = {
        report.task_id: sorted(a.original_name for a in report.attachments.all())
        for report in TaskReport.objects.all()
    }
    assert by_task == {
        plan.tasks[0].pk: ["anh.png", "bien-ban.pdf"],
        plan.tasks[1].pk: ["ket-qua.pdf"],
    }
    files = stored_files(tmp_path)
    assert len(files) == 3
    assert not {path.name for path in files} & {"anh.png", "bien-ban.pdf", "ket-qua.pdf"}
    # the page lists them with their download links
    page = client.get(period_url(plan.period)).content.decode()
    for attachment in Attachment.objects.all():
        assert reverse("reporting:attachment", args=[attachment.pk]) in page


def test_a_renamed_web_page_is_refused_and_nothing_is_kept(
    plan, unit_officer_a, client_for, now, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    fake = SimpleUploadedFile("bao-cao.pdf", b"<html><script>alert(1)</script></html>")
    data = with_files(plan, "submit", first=[pdf()], second=[fake])
    page = client_for(unit_officer_a).post(period_url(plan.period), data)
    assert page.status_code == 200
    assert "bao-cao.pdf" in page.content.decode() and "HTML" in page.content.decode()
    # the first task's file was written before the second was refused: gone too
    assert not TaskReport.objects.exists() and not PeriodSummary.objects.exists()
    assert not Attachment.objects.exists()
    assert stored_files(tmp_path) == []


def test_a_refused_submission_deletes_the_files_of_every_task(
    plan, unit_officer_a, client_for, now, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    data = with_files(plan, "submit", first=[pdf()], second=[pdf("b.pdf")])
    data[f"t{plan.tasks[1].pk}-result"] = ""  # II.2 "done" without a result cannot be sent
    data[f"t{plan.tasks[1].pk}-completion"] = "in_progress"
    data[f"t{plan.tasks[1].pk}-completed_on"] = ""
    page = client_for(unit_officer_a).post(period_url(plan.period), data)
    assert page.status_code == 200
    assert not Attachment.objects.exists() and stored_files(tmp_path) == []


def test_download_is_permission_checked(
    plan, unit_officer_a, unit_officer_b, focal_officer, client_for, now, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client_for(unit_officer_a).post(period_url(plan.period), with_files(plan, first=[pdf()]))
    attachment = Attachment.objects.get()
    url = reverse("reporting:attachment", args=[attachment.pk])
    own = client_for(unit_officer_a).get(url)
    assert own.status_code == 200 and b"".join(own.streaming_content).startswith(b"%PDF")
    assert client_for(unit_officer_b).get(url).status_code in (403, 404)
    assert client_for(focal_officer).get(url).status_code == 200


def test_sending_the_period_notifies_once_per_event(
    plan, unit_officer_a, focal_officer, client_for, now
):
    client_for(unit_officer_a).post(period_url(plan.period), whole_form(plan, "submit"))
    assert set(TaskReport.objects.values_list("review_state", flat=True)) == {ReviewState.SUBMITTED}
    sent = Notification.objects.filter(verb="report.submitted")
    assert [n.recipient for n in sent] == [focal_officer]  # one, not one per task
    note = sent.get()
    assert "2 nhiệm vụ" in note.title and plan.period.label in note.title
    assert "II.1" in note.body and "II.2" in note.body
    assert client_for(focal_officer).get(note.url).status_code == 200
    # the per-task form still tells about its one task
    assert not Notification.objects.filter(verb="report.awaiting_approval").exists()


def test_head_approval_of_the_period_is_one_notification_each_way(
    org, plan, unit_officer_a, unit_head_a, focal_officer, client_for, now
):
    org.justice.requires_head_approval = True
    org.justice.save()
    client_for(unit_officer_a).post(period_url(plan.period), whole_form(plan, "submit"))
    waiting = Notification.objects.filter(verb="report.awaiting_approval")
    assert [n.recipient for n in waiting] == [unit_head_a]
    assert client_for(unit_head_a).get(waiting.get().url).status_code == 200
    assert not Notification.objects.filter(verb="report.submitted").exists()
    client_for(unit_head_a).post(period_url(plan.period), {"action": "approve"})
    sent = Notification.objects.filter(verb="report.submitted")
    assert [n.recipient for n in sent] == [focal_officer]


def test_saving_a_draft_notifies_nobody(plan, unit_officer_a, client_for, now):
    client_for(unit_officer_a).post(period_url(plan.period), whole_form(plan, "save"))
    assert not Notification.objects.exists()


def test_a_file_is_removed_from_the_period_page(
    plan, unit_officer_a, unit_officer_b, client_for, now, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client = client_for(unit_officer_a)
    client.post(period_url(plan.period), with_files(plan, first=[pdf()]))
    attachment = Attachment.objects.get()
    page = client.get(period_url(plan.period)).content.decode()
    delete = reverse("reporting:attachment_delete", args=[attachment.pk])
    assert f'action="{delete}"' in page and f'form="delete-{attachment.pk}"' in page
    # another unit cannot remove it
    assert client_for(unit_officer_b).post(delete, {"tu": "ky"}).status_code in (403, 404)
    assert Attachment.objects.exists()
    response = client.post(delete, {"tu": "ky"})
    assert response.status_code == 302
    assert response.url == f"{period_url(plan.period)}#nhiem-vu-{plan.tasks[0].pk}"
    assert not Attachment.objects.exists()
