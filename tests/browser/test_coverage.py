"""The coverage matrix and the comparison page in a real headless Chromium:
from a document page to its matrix, the .xlsx download, then the
comparison of two plans chosen in the form."""

from __future__ import annotations

import datetime
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.browser.conftest import login_as
from tests.web.builders import build_org, build_personas
from theodoi.documents.actions import publish_plan
from theodoi.documents.importing import store_parse_result
from theodoi.text.model import ParseResult
from theodoi.text.parse import parse_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "coverage"


def _store(name: str, actor: Any, parent: Any = None) -> Any:
    result = parse_text((FIXTURES / name).read_text(encoding="utf-8")).to_json_dict()
    return store_parse_result(
        ParseResult.from_json_dict(result),
        actor=actor,
        parent=parent,
        today=datetime.date(2025, 4, 10),
    ).document


def test_matrix_export_and_comparison(browser_page: Any, artifacts_dir: Path) -> None:
    focal = build_personas(build_org()).focal_officer
    programme = _store("ctr-tinh-uy.txt", focal)
    publish_plan(focal, programme, confirm_warnings=True)
    _store("kh-ubnd.txt", focal)
    _store("kh-an-toan-giao-thong.txt", focal, parent=programme)
    page = browser_page
    login_as(page, focal)

    page.goto(f"/van-ban/{programme.pk}/")
    page.get_by_role("link", name="Xem ma trận mức độ cụ thể hóa").click()
    page.wait_for_url("**/do-bao-phu/")
    table = page.locator("table.coverage-matrix")
    assert table.locator("thead th").count() == 3  # theme column + two child plans
    row = table.locator("tbody tr").filter(has_text="Phát triển du lịch cộng đồng")
    assert row.locator(".cov").nth(0).inner_text() == "Một phần"
    assert row.locator(".cov").nth(1).inner_text() == "Chưa có"
    page.screenshot(path=str(artifacts_dir / "coverage-matrix.png"), full_page=True)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Tải về (.xlsx)").click()
    sheet = load_workbook(BytesIO(Path(download_info.value.path()).read_bytes())).active
    assert sheet.cell(row=3, column=1).value == "II.1"
    assert sheet.cell(row=3, column=3).value == "Đã cụ thể hóa (II.2)"

    page.get_by_role("link", name="So sánh chi tiết").first.click()
    page.wait_for_url("**/so-sanh/**")
    pairs = page.locator("table.compare-table tbody tr.pair")
    assert pairs.count() == 5
    assert "Không có" in pairs.nth(2).inner_text()  # forests: not taken up
    assert "phòng cháy" in page.locator("ul.uncovered-b").inner_text()
    pairs.nth(0).locator("summary").click()
    assert "II.2.a" in pairs.nth(0).locator(".tasks-detail").inner_text()

    # another pair chosen in the form
    page.get_by_label("Văn bản B").select_option(
        label=page.locator("select[name=b] option", has_text="77/KH-UBND").inner_text()
    )
    page.get_by_role("button", name="So sánh").click()
    page.wait_for_url("**b=*")
    assert page.locator("table.compare-table .cov-missing").count() >= 4
    page.screenshot(path=str(artifacts_dir / "compare-plans.png"), full_page=True)
