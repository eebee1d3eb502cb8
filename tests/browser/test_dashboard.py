"""The plan dashboard in real headless Chromium: the numbers on screen are
the database's (``plan_status``, the function behind ``theodoi status``),
screenshots at desktop and phone width are kept as test artifacts, and a
unit officer only reaches their own unit's view."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from tests.browser.conftest import login_as
from tests.web.builders import Org, Personas, build_org, build_personas
from tests.web.dashboards.scenario import Scenario, build_scenario
from theodoi.dashboards.metrics import LABEL_ORDER, plan_status
from theodoi.reporting import clock

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = datetime.date(2025, 11, 20)


@pytest.fixture
def world() -> Iterator[tuple[Org, Personas, Scenario]]:
    org = build_org()
    moment = timezone.make_aware(datetime.datetime.combine(TODAY, datetime.time(10)))
    with clock.frozen(moment):
        yield org, build_personas(org), build_scenario(org)


def number(page: Any, selector: str) -> int:
    return int(page.locator(selector).first.inner_text().strip())


def open_dashboard(page: Any, personas: Personas, scenario: Scenario) -> None:
    login_as(page, personas.focal_officer)
    page.goto("/bang-theo-doi/")
    page.get_by_role("link", name="Kế hoạch số 77/KH-UBND").click()
    page.get_by_role("heading", name="Tình hình thực hiện — Năm 2025").wait_for()


def test_dashboard_numbers_equal_the_database(  # type: ignore[no-untyped-def]
    world, browser_page, artifacts_dir: Path
) -> None:
    _org, personas, scenario = world
    page = browser_page
    open_dashboard(page, personas, scenario)
    status = plan_status(scenario.document, scenario.period_2025, TODAY)
    for key in ("units_expected", "units_reported", "reported_on_time", "difficulties_open"):
        assert number(page, f'[data-metric="{key}"]') == getattr(status, key), key
    for label in LABEL_ORDER:
        assert number(page, f'[data-status="{label.value}"]') == status.counts[label]
    chart = page.get_by_role("img", name="Tình hình thực hiện nhiệm vụ").first
    assert chart.is_visible()
    page.screenshot(path=str(artifacts_dir / "dashboard-1366x768.png"), full_page=True)

    # Pick the 2024 period with the form (no JavaScript involved).
    page.get_by_label("Kỳ báo cáo").select_option(label="Năm 2024 (hạn 10/12/2024)")
    page.get_by_role("button", name="Xem").click()
    page.get_by_role("heading", name="Tình hình thực hiện — Năm 2024").wait_for()
    earlier = plan_status(scenario.document, scenario.period_2024, TODAY)
    assert number(page, '[data-metric="units_reported"]') == earlier.units_reported
    assert number(page, '[data-status="in_progress_overdue"]') == 2


def test_dashboard_fits_a_phone(world, phone_page, artifacts_dir: Path) -> None:  # type: ignore[no-untyped-def]
    _org, personas, scenario = world
    page = phone_page
    open_dashboard(page, personas, scenario)
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.evaluate("window.innerWidth")
    assert width <= viewport + 1, f"page scrolls sideways: {width}px in {viewport}px"
    page.screenshot(path=str(artifacts_dir / "dashboard-phone.png"), full_page=True)


def test_unit_officer_lands_on_own_unit(world, browser_page) -> None:  # type: ignore[no-untyped-def]
    org, personas, scenario = world
    page = browser_page
    login_as(page, personas.unit_officer_a)
    page.goto(f"/bang-theo-doi/{scenario.document.pk}/")
    page.get_by_role("heading", name=org.justice.name).wait_for()
    assert page.get_by_role("link", name="Tải dự thảo báo cáo (.docx)").count() == 0
    response = page.goto(f"/bang-theo-doi/{scenario.document.pk}/ky/{scenario.period_2025.pk}/")
    assert response is not None and response.status == 403


def test_overview_and_theme_tables_download_as_xlsx(  # type: ignore[no-untyped-def]
    world, browser_page, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    _org, personas, scenario = world
    page = browser_page
    open_dashboard(page, personas, scenario)
    with page.expect_download() as overview_info:
        page.get_by_role("link", name="Xuất các bảng (.xlsx)").click()
    overview = tmp_path / "overview.xlsx"
    overview_info.value.save_as(overview)
    book = load_workbook(overview)
    assert book.sheetnames == ["Tình trạng", "Gửi báo cáo", "Đơn vị gửi ít", "Nhóm nhiệm vụ",
                               "Khó khăn"]  # fmt: skip
    on_screen = number(page, '[data-status="done_on_time"]')
    sheet = {row[0]: row[1] for row in book["Tình trạng"].iter_rows(min_row=4, values_only=True)}
    assert sheet["Hoàn thành đúng hạn"] == on_screen
    page.goto(f"/bang-theo-doi/{scenario.document.pk}/ky/{scenario.period_2025.pk}/nhom/II.1/")
    with page.expect_download() as theme_info:
        page.get_by_role("link", name="Xuất Excel (.xlsx)").click()
    theme = tmp_path / "theme.xlsx"
    theme_info.value.save_as(theme)
    tasks = [
        row[0] for row in load_workbook(theme)["Nhiệm vụ"].iter_rows(min_row=4, values_only=True)
    ]
    assert tasks == ["II.1.a", "II.1.b"]
