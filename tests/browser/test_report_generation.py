"""Generating the aggregated report from the web in real Chromium: edit the
narrative, generate in the background (the real db_worker), follow progress,
preview, download the .docx and the annex."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from docx import Document as open_docx
from openpyxl import load_workbook

from tests.browser.conftest import login_as
from tests.web.builders import Org, Personas, build_org, build_personas
from tests.web.dashboards.scenario import Scenario, build_scenario
from theodoi.reporting import clock
from theodoi.reports.models import ReportVersion

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = datetime.date(2025, 11, 20)
ASSESSMENT = "Các cơ quan, đơn vị cơ bản triển khai nghiêm túc kế hoạch trên địa bàn tỉnh."


@pytest.fixture
def world() -> Iterator[tuple[Org, Personas, Scenario]]:
    org = build_org()
    moment = timezone.make_aware(datetime.datetime.combine(TODAY, datetime.time(10)))
    with clock.frozen(moment):
        yield org, build_personas(org), build_scenario(org)


def test_generate_preview_and_download(  # type: ignore[no-untyped-def]
    world, browser_page, artifacts_dir: Path, tmp_path: Path
) -> None:
    _org, personas, scenario = world
    page = browser_page
    login_as(page, personas.focal_officer)
    page.goto(f"/bang-theo-doi/{scenario.document.pk}/ky/{scenario.period_2025.pk}/")
    page.get_by_role("link", name="Báo cáo tổng hợp").click()
    page.get_by_text("Chưa tạo báo cáo nào cho kỳ này.").wait_for()
    page.get_by_label("Đánh giá chung").fill(ASSESSMENT)
    page.get_by_role("button", name="Tạo báo cáo").click()
    page.locator('[data-version="1"] [data-state="queued"]').wait_for()
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    assert ReportVersion.objects.get().state == "done"
    page.locator('[data-version="1"] [data-state="done"]').wait_for()  # the page refreshes itself
    page.screenshot(path=str(artifacts_dir / "report-workspace.png"), full_page=True)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Báo cáo (.docx)").click()
    docx = tmp_path / "report.docx"
    download_info.value.save_as(docx)
    text = "\n".join(p.text for p in open_docx(str(docx)).paragraphs)
    assert ASSESSMENT in text and "BÁO CÁO" in text
    with page.expect_download() as annex_info:
        page.get_by_role("link", name="Phụ lục (.xlsx)").click()
    annex = tmp_path / "annex.xlsx"
    annex_info.value.save_as(annex)
    assert load_workbook(annex).sheetnames == ["Phụ lục", "Đơn vị"]

    page.get_by_role("link", name="Xem trước").click()
    page.get_by_text(ASSESSMENT).wait_for()
    assert page.get_by_text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").is_visible()
    page.screenshot(path=str(artifacts_dir / "report-preview.png"), full_page=True)


def test_unit_officer_cannot_download(  # type: ignore[no-untyped-def]
    world, browser_page
) -> None:
    _org, personas, scenario = world
    page = browser_page
    login_as(page, personas.unit_officer_a)
    response = page.goto(f"/bao-cao-tong-hop/{scenario.document.pk}/ky/{scenario.period_2025.pk}/")
    assert response is not None and response.status == 403


def test_rewrite_every_part_and_get_the_pdf_and_csv(  # type: ignore[no-untyped-def]
    world, browser_page, artifacts_dir: Path, tmp_path: Path
) -> None:
    import shutil
    import subprocess

    from tests.web.dashboards.pdfcheck import require_tools

    require_tools()
    _org, personas, scenario = world
    page = browser_page
    login_as(page, personas.focal_officer)
    page.goto(f"/bao-cao-tong-hop/{scenario.document.pk}/ky/{scenario.period_2025.pk}/")
    opening = page.get_by_label("Đoạn mở đầu", exact=True)
    assert opening.input_value().startswith("Thực hiện Kế hoạch số 77/KH-UBND")  # pre-filled
    assert "KT. GIÁM ĐỐC" in page.get_by_label("Thẩm quyền, chức vụ người ký").input_value()
    page.get_by_label("Hạn chế và nguyên nhân", exact=True).fill(
        "Một vài đơn vị chưa bố trí cán bộ theo dõi chuyên trách."
    )
    page.get_by_label("Họ và tên người ký").fill("Phạm Quốc Trung")
    page.get_by_label("Kèm bản PDF", exact=False).check()
    page.get_by_role("button", name="Tạo báo cáo").click()
    page.locator('[data-version="1"] [data-state="queued"]').wait_for()
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    page.locator('[data-version="1"] [data-state="done"]').wait_for()
    with page.expect_download() as pdf_info:
        page.get_by_role("link", name="Báo cáo (.pdf)").click()
    pdf = tmp_path / "report.pdf"
    pdf_info.value.save_as(pdf)
    printed = subprocess.run(
        [shutil.which("pdftotext") or "pdftotext", str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "Phạm Quốc Trung" in printed and "chuyên trách" in printed
    with page.expect_download() as csv_info:
        page.get_by_role("link", name="Phụ lục (.csv)").click()
    assert csv_info.value.suggested_filename.endswith("-phu-luc.csv")
    # Regenerating starts from these edits.
    assert page.get_by_label("Họ và tên người ký").input_value() == "Phạm Quốc Trung"
    page.screenshot(path=str(artifacts_dir / "report-workspace-all-parts.png"), full_page=True)
