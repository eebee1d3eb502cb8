"""The report form saves, attaches and sends in one step, all or nothing, and
refuses to overwrite a report someone saved after the form was opened."""

from __future__ import annotations

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.web.builders import Plan, person
from theodoi.accounts.models import Role
from theodoi.reporting.models import Attachment, ReviewState, TaskReport

FORM = {
    "completion": "in_progress",
    "completed_on": "",
    "result": "Đã rà soát 42 văn bản quy phạm pháp luật.",
    "figures": "Văn bản rà soát | 42 | văn bản",
    "difficulties": "",
    "proposals": "",
}


def form_url(plan: Plan, index: int = 1) -> str:
    return reverse("reporting:report_form", args=[plan.period.pk, plan.tasks[index].pk])


def stored_files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()]


def test_a_refused_evidence_file_saves_nothing(
    plan, unit_officer_a, client_for, now, settings, tmp_path
):
    """Before: the text was saved as a draft (its own transaction) and only
    the file was refused, while the page showed an error."""
    settings.MEDIA_ROOT = tmp_path
    settings.REPORT_ATTACHMENT_MAX_MB = 1
    client = client_for(unit_officer_a)
    small = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 small", content_type="application/pdf")
    big = SimpleUploadedFile("anh-hop.pdf", b"%PDF-1.4" + b"0" * (1024 * 1024 + 1))
    page = client.post(form_url(plan), {**FORM, "action": "submit", "evidence": [small, big]})
    assert page.status_code == 200
    assert "anh-hop.pdf" in page.content.decode() and "1 MB" in page.content.decode()
    assert not TaskReport.objects.exists()
    assert not Attachment.objects.exists()
    assert stored_files(tmp_path) == []


def test_a_refused_file_leaves_an_existing_draft_as_it_was(
    plan, unit_officer_a, client_for, now, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    settings.REPORT_ATTACHMENT_MAX_MB = 1
    client = client_for(unit_officer_a)
    assert client.post(form_url(plan), {**FORM, "action": "save"}).status_code == 302
    before = TaskReport.objects.get()
    big = SimpleUploadedFile("anh-hop.pdf", b"%PDF-1.4" + b"0" * (1024 * 1024 + 1))
    changed = {**FORM, "result": "Nội dung mới", "action": "save", "evidence": [big]}
    client.post(form_url(plan), changed)
    after = TaskReport.objects.get()
    assert after.result == before.result and after.version == before.version


def test_a_refused_submission_does_not_save_the_text(plan, unit_officer_a, client_for, now):
    """Sending needs a result; the refusal must not leave the text saved."""
    page = client_for(unit_officer_a).post(
        form_url(plan), {**FORM, "result": "", "action": "submit"}
    )
    assert page.status_code == 200 and "Hãy ghi kết quả" in page.content.decode()
    assert not TaskReport.objects.exists()


def test_save_evidence_and_submit_in_one_post(
    plan, unit_officer_a, client_for, now, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    pdf = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 a", content_type="application/pdf")
    client = client_for(unit_officer_a)
    response = client.post(form_url(plan), {**FORM, "action": "submit", "evidence": [pdf]})
    assert response.status_code == 302
    report = TaskReport.objects.get()
    assert report.review_state == ReviewState.SUBMITTED
    assert [a.original_name for a in report.attachments.all()] == ["bien-ban.pdf"]


def test_two_people_editing_one_report_get_a_conflict(plan, org, client_for, now):
    """Two officers of one unit open the same report; the second save is
    refused with a message instead of silently replacing the first."""
    first = person("cb_tp_1", "Trần Văn Một", Role.UNIT_OFFICER, org.justice)
    second = person("cb_tp_2", "Đỗ Thị Hai", Role.UNIT_OFFICER, org.justice)
    one, two = client_for(first), client_for(second)
    opened = [
        client.get(form_url(plan)).context["form"]["version"].value() for client in (one, two)
    ]
    assert opened == [0, 0]
    saved = one.post(form_url(plan), {**FORM, "version": opened[0], "action": "save"})
    assert saved.status_code == 302
    stale = {**FORM, "result": "Bản của người thứ hai", "version": opened[1], "action": "save"}
    refused = two.post(form_url(plan), stale)
    assert refused.status_code == 409
    page = refused.content.decode()
    assert "Trần Văn Một" in page and "chưa được lưu" in page
    assert "Bản của người thứ hai" in page  # what they typed is still in the form
    report = TaskReport.objects.get()
    assert report.result == FORM["result"]
    # The re-shown form carries the current version: saving again is a
    # deliberate overwrite and goes through.
    again = {**stale, "version": refused.context["form"]["version"].value()}
    assert two.post(form_url(plan), again).status_code == 302
    report.refresh_from_db()
    assert report.result == "Bản của người thứ hai"


def test_a_stale_form_cannot_submit_either(plan, org, client_for, now):
    first = person("cb_tp_1", "Trần Văn Một", Role.UNIT_OFFICER, org.justice)
    second = person("cb_tp_2", "Đỗ Thị Hai", Role.UNIT_OFFICER, org.justice)
    one, two = client_for(first), client_for(second)
    one.post(form_url(plan), {**FORM, "version": 0, "action": "save"})
    refused = two.post(form_url(plan), {**FORM, "version": 0, "action": "submit"})
    assert refused.status_code == 409
    assert TaskReport.objects.get().review_state == ReviewState.DRAFT


def test_every_save_raises_the_version(plan, unit_officer_a, client_for, now):
    client = client_for(unit_officer_a)
    client.post(form_url(plan), {**FORM, "version": 0, "action": "save"})
    first = TaskReport.objects.get().version
    client.post(form_url(plan), {**FORM, "version": first, "action": "submit"})
    assert TaskReport.objects.get().version > first
