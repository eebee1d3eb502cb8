"""Inspections in real headless Chromium: the focal officer plans one and
records a finding with a recommendation on a desktop; the inspected unit's
officer answers it on a phone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import PHONE, login_as, new_page
from tests.web.builders import build_org, build_personas, build_plan
from theodoi.inspections.models import Finding, FindingState

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_plan_record_and_answer(  # type: ignore[no-untyped-def]
    browser: Any, browser_page: Any, live_server: Any, artifacts_dir: Path
) -> None:
    org = build_org()
    personas = build_personas(org)
    plan = build_plan(org)

    desk = browser_page
    login_as(desk, personas.focal_officer)
    desk.goto("/kiem-tra/")
    desk.get_by_label("Lập kế hoạch kiểm tra cho").select_option(value=str(plan.document.pk))
    desk.get_by_role("button", name="Lập kế hoạch kiểm tra").click()
    desk.get_by_label("Nội dung kiểm tra").fill("Kiểm tra tiến độ rà soát văn bản")
    desk.get_by_label("Từ ngày").fill("2025-11-24")
    desk.get_by_label("Đến ngày").fill("2025-11-25")
    desk.get_by_label(org.justice.name).check()
    desk.get_by_role("button", name="Lưu kế hoạch kiểm tra").click()
    desk.get_by_text("Đã lập kế hoạch kiểm tra và báo cho các đơn vị.").wait_for()
    desk.get_by_label("Đơn vị", exact=True).select_option(label=org.justice.display_name)
    desk.get_by_label("Đánh giá").select_option(value="shortcoming")
    desk.get_by_role("textbox", name="Kết quả kiểm tra").fill("Chưa lập sổ theo dõi văn bản.")
    desk.get_by_role("textbox", name="Kiến nghị").fill("Lập sổ theo dõi văn bản trước 15/12.")
    desk.get_by_label("Hạn khắc phục").fill("2025-12-15")
    desk.get_by_role("button", name="Ghi kết quả").click()
    desk.get_by_text("Đã ghi kết quả kiểm tra.").wait_for()
    desk.screenshot(path=str(artifacts_dir / "inspection-1366x768.png"), full_page=True)

    phone = new_page(browser, live_server, PHONE)
    login_as(phone, personas.unit_officer_a)
    phone.goto("/kiem-tra/")
    phone.get_by_role("link", name="Lập sổ theo dõi văn bản trước 15/12.").click()
    phone.get_by_label("Kết quả khắc phục").fill("Đã lập sổ theo dõi từ ngày 01/12.")
    phone.get_by_role("button", name="Gửi báo cáo khắc phục").click()
    phone.get_by_text("Đã gửi báo cáo khắc phục.").wait_for()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= phone.evaluate("window.innerWidth") + 1, f"scrolls sideways: {width}px"
    phone.screenshot(path=str(artifacts_dir / "inspection-phone.png"), full_page=True)
    phone.context.close()
    assert Finding.objects.get().state == FindingState.RESPONDED
