"""Report versions through the web: request with edited narrative, the
background task (the real db_worker), progress, preview, permission-checked
downloads, and every version kept."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from docx import Document as open_docx
from openpyxl import load_workbook

from tests.web.dashboards.scenario import Scenario
from theodoi.audit.models import AuditEvent
from theodoi.reports.models import GenerationState, ReportVersion


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")


def workspace_url(scenario: Scenario) -> str:
    return reverse(
        "reports:workspace",
        kwargs={"plan": scenario.document.pk, "period": scenario.period_2025.pk},
    )


def docx_text(content: bytes) -> str:
    return "\n".join(p.text for p in open_docx(io.BytesIO(content)).paragraphs)


@pytest.fixture
def focal(client_for: Callable[..., Client], focal_officer: Any) -> Client:
    return client_for(focal_officer)


def test_generate_edit_regenerate_and_keep_every_version(
    scenario: Scenario, focal: Client, django_capture_on_commit_callbacks: Any
) -> None:
    url = workspace_url(scenario)
    page = focal.get(url)
    assert page.status_code == 200
    assert "Chưa tạo báo cáo nào cho kỳ này." in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = focal.post(url, {"assessment": "", "leadership_proposals": ""})
    assert response.status_code == 302
    first = ReportVersion.objects.get()
    assert (first.number, first.state) == (1, GenerationState.QUEUED)
    assert 'http-equiv="refresh"' in focal.get(url).content.decode()  # follows progress
    run_worker()
    first.refresh_from_db()
    assert (first.state, first.progress) == (GenerationState.DONE, 100), first.error
    progress = focal.get(reverse("reports:progress", args=[first.pk])).json()
    assert progress == {"state": "done", "progress": 100, "step": ""}

    edited = "Các đơn vị cơ bản triển khai nghiêm túc kế hoạch của tỉnh Hòa Lâm."
    with django_capture_on_commit_callbacks(execute=True):
        focal.post(
            url, {"assessment": edited, "leadership_proposals": "Giao Sở Tài chính bố trí kinh phí"}
        )
    run_worker()
    second = ReportVersion.objects.get(number=2)
    assert second.state == GenerationState.DONE
    assert second.narrative["assessment"] == edited
    preview = focal.get(reverse("reports:preview", args=[second.pk])).content.decode()
    assert edited in preview and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in preview
    new = focal.get(reverse("reports:download", args=[second.pk, "docx"]))
    assert new["Content-Type"].startswith("application/vnd.openxmlformats")
    text = docx_text(b"".join(new.streaming_content))
    assert edited in text and "1. Giao Sở Tài chính bố trí kinh phí." in text
    old = docx_text(
        b"".join(focal.get(reverse("reports:download", args=[first.pk, "docx"])).streaming_content)
    )
    assert edited not in old and "Đánh giá chung:" in old  # the first version is kept as it was
    annex = focal.get(reverse("reports:download", args=[second.pk, "xlsx"]))
    book = load_workbook(io.BytesIO(b"".join(annex.streaming_content)))
    assert book.sheetnames == ["Phụ lục", "Đơn vị"]
    form = focal.get(url).content.decode()
    assert edited in form  # regenerating starts from the last edits
    assert AuditEvent.objects.filter(action="reports.request").count() == 2


def test_unit_officers_and_other_plans_get_nothing(
    scenario: Scenario,
    client_for: Callable[..., Client],
    unit_officer_a: Any,
    focal_officer: Any,
) -> None:
    version = ReportVersion.objects.create(
        document=scenario.document,
        period=scenario.period_2025,
        number=1,
        as_of=scenario.period_2025.due_date,
        requested_at=scenario.period_2025.obligation.document.created_at,
        state=GenerationState.DONE,
    )
    officer = client_for(unit_officer_a)
    assert officer.get(workspace_url(scenario)).status_code == 403
    assert officer.post(workspace_url(scenario), {}).status_code == 403
    assert officer.get(reverse("reports:download", args=[version.pk, "docx"])).status_code == 404
    assert officer.get(reverse("reports:preview", args=[version.pk])).status_code == 404
    focal = client_for(focal_officer)
    assert focal.get(reverse("reports:download", args=[version.pk, "exe"])).status_code == 404
    assert (
        focal.get(reverse("reports:download", args=[version.pk, "docx"])).status_code == 404
    )  # no file
    assert ReportVersion.objects.count() == 1


def test_a_failed_generation_is_kept_with_its_reason(
    scenario: Scenario,
    focal: Client,
    django_capture_on_commit_callbacks: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_office(docx: bytes) -> bytes:
        raise RuntimeError("LibreOffice did not answer")

    monkeypatch.setattr("theodoi.dashboards.report_files.docx_to_pdf", no_office)
    with django_capture_on_commit_callbacks(execute=True):
        focal.post(workspace_url(scenario), {"assessment": "", "with_pdf": "on"})
    version = ReportVersion.objects.get()
    assert version.with_pdf
    run_worker()
    version.refresh_from_db()
    assert version.state == GenerationState.FAILED
    assert "LibreOffice did not answer" in version.error
    assert not version.docx and not version.pdf  # nothing half-made is offered
    assert "Lỗi" in focal.get(workspace_url(scenario)).content.decode()


def test_a_narrative_stored_by_an_older_version_still_generates(
    scenario: Scenario, focal: Client, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        focal.post(workspace_url(scenario), {})
    version = ReportVersion.objects.get()
    # Before every part was editable only these two were stored; an unknown
    # key (from a newer release, say) is ignored rather than failing.
    version.narrative = {
        "assessment": "Đánh giá cũ của Sở.",
        "leadership_proposals": "Đề xuất cũ",
        "unknown_part": "x",
    }
    version.save()
    run_worker()
    version.refresh_from_db()
    assert version.state == GenerationState.DONE, version.error
    text = docx_text(version.docx.open("rb").read())
    assert "Đánh giá cũ của Sở." in text and "1. Đề xuất cũ." in text
    assert "Thực hiện Kế hoạch số 77/KH-UBND" in text  # the parts it lacks are generated
    form = focal.get(workspace_url(scenario)).content.decode()
    assert "Đánh giá cũ của Sở." in form and "Thực hiện Kế hoạch số 77/KH-UBND" in form


def test_workspace_in_english(scenario: Scenario, focal: Client) -> None:
    focal.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = focal.get(workspace_url(scenario)).content.decode()
    for text in (
        "Generated versions",
        "Generate the report",
        "Overall assessment",
        "Proposals to the leadership",
        "Limitations and causes",
        "Directions and tasks for the next period",
        "Also a PDF",
        "No report has been generated for this period yet.",
    ):
        assert text in page, text
    assert "Tạo báo cáo" not in page
