"""The rest of issue 16 in real headless Chromium, at desktop and phone
width (390 px), screenshots kept in build/test-artifacts:

- from the home page's to-do list a unit opens the one-form period page,
  attaches evidence to a task and sends every task at once; the focal
  officer gets one notification and sees the unit's summary on the queue;
- the per-task form takes figures as rows picked from the plan's indicators;
- the public page's own chart, read anonymously."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser import test_period_report
from tests.browser.conftest import DESKTOP, PHONE, login_as, new_page
from theodoi.notifications.models import Notification
from theodoi.public.actions import publish_page
from theodoi.reporting.models import Attachment, ReviewState, TaskReport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

#: The period report's world: a plan, last year's reports, an indicator.
world = test_period_report.world


def no_sideways_scroll(page: Any) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.evaluate("window.innerWidth")
    assert width <= viewport + 1, f"page scrolls sideways: {width}px in {viewport}px"


def test_home_to_period_form_with_evidence_then_the_queue(  # type: ignore[no-untyped-def]
    world, browser, browser_page, live_server, artifacts_dir: Path, tmp_path: Path
) -> None:
    _org, personas, plan = world
    first, second = plan.tasks[0].pk, plan.tasks[1].pk
    page = browser_page
    login_as(page, personas.unit_officer_a)
    page.get_by_role("link", name="Báo cáo cả kỳ Năm 2025").click()
    page.wait_for_url(f"**/bao-cao/ky/{plan.period.pk}/")
    evidence = tmp_path / "bien-ban-hoi-nghi.pdf"
    evidence.write_bytes(b"%PDF-1.4\n% bien ban\n")
    page.locator(f'[name="t{first}-evidence"]').set_input_files(str(evidence))
    page.locator(f'[name="t{first}-result"]').fill("Đã tổ chức 3 hội nghị.")
    page.locator(f'[name="t{second}-result"]').fill("Đã rà soát 42 văn bản.")
    page.locator('[name="tong-hop-results"]').fill("Năm 2025 cơ bản đạt kế hoạch.")
    page.screenshot(path=str(artifacts_dir / "period-evidence-desktop.png"), full_page=True)
    page.get_by_role("button", name="Gửi cả báo cáo").click()
    page.get_by_text("Đã gửi báo cáo của cả kỳ (2 nhiệm vụ).").wait_for()
    sent = TaskReport.objects.filter(period=plan.period)
    assert set(sent.values_list("review_state", flat=True)) == {ReviewState.SUBMITTED}
    attachment = Attachment.objects.get()
    assert attachment.original_name == "bien-ban-hoi-nghi.pdf"
    assert attachment.report.task_id == first
    page.get_by_role("link", name="bien-ban-hoi-nghi.pdf").wait_for()  # listed with its link
    assert Notification.objects.filter(verb="report.submitted").count() == 1

    phone = new_page(browser, live_server, PHONE)
    login_as(phone, personas.focal_officer)
    phone.goto(f"/bao-cao/tiep-nhan/?ky={plan.period.pk}")
    phone.get_by_role("heading", name="Tóm tắt chung của đơn vị").wait_for()
    assert phone.get_by_text("Năm 2025 cơ bản đạt kế hoạch.").is_visible()
    no_sideways_scroll(phone)
    phone.screenshot(path=str(artifacts_dir / "queue-summary-phone.png"), full_page=True)
    phone.context.close()


def test_home_to_do_on_a_phone(world, browser, live_server, artifacts_dir: Path) -> None:  # type: ignore[no-untyped-def]
    _org, personas, plan = world
    phone = new_page(browser, live_server, PHONE)
    login_as(phone, personas.unit_officer_a)
    link = phone.get_by_role("link", name="Báo cáo cả kỳ Năm 2025")
    link.wait_for()
    no_sideways_scroll(phone)
    phone.screenshot(path=str(artifacts_dir / "home-due-periods-phone.png"), full_page=True)
    link.click()
    phone.wait_for_url(f"**/bao-cao/ky/{plan.period.pk}/")
    no_sideways_scroll(phone)
    phone.context.close()


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_task_form_figures_as_rows(  # type: ignore[no-untyped-def]
    world, browser, live_server, artifacts_dir: Path, viewport: str
) -> None:
    _org, personas, plan = world
    page = new_page(browser, live_server, PHONE if viewport == "phone" else DESKTOP)
    login_as(page, personas.unit_officer_a)
    page.goto(f"/bao-cao/ky/{plan.period.pk}/nhiem-vu/{plan.tasks[1].pk}/")
    page.get_by_role("button", name="Thêm dòng số liệu").wait_for()  # the script runs
    label = page.locator('[name="figure-label"]').first
    label.fill("Văn bản được rà soát")
    label.dispatch_event("change")
    assert page.locator('[name="figure-unit"]').first.input_value() == "văn bản"
    page.locator('[name="figure-value"]').first.fill("42")
    page.get_by_role("button", name="Thêm dòng số liệu").click()
    assert page.locator('[name="figure-label"]').count() == 3
    page.locator("#id_result").fill("Đang rà soát.")
    page.locator("#id_completion_1").check()
    no_sideways_scroll(page)
    page.screenshot(path=str(artifacts_dir / f"task-figures-{viewport}.png"), full_page=True)
    page.get_by_role("button", name="Lưu nháp").click()
    page.get_by_text("Đã lưu bản nháp.").wait_for()
    report = TaskReport.objects.get(task=plan.tasks[1], period=plan.period)
    assert report.figures == [{"label": "Văn bản được rà soát", "value": 42, "unit": "văn bản"}]
    page.context.close()


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_public_theme_chart_anonymously(  # type: ignore[no-untyped-def]
    world, browser, live_server, artifacts_dir: Path, viewport: str
) -> None:
    _org, personas, plan = world
    publish_page(personas.focal_officer, plan.document)
    visitor = new_page(browser, live_server, PHONE if viewport == "phone" else DESKTOP)
    assert visitor.goto(f"/cong-khai/{plan.document.pk}/").status == 200
    chart = visitor.locator("#theme-chart svg")
    chart.wait_for()
    box = chart.bounding_box()
    assert box is not None and box["width"] > 200
    # the chart's text stays readable: 12 px or more once scaled to the page
    smallest = visitor.evaluate(
        """() => Math.min(...Array.from(document.querySelectorAll('#theme-chart svg text'))
              .map(t => t.getBoundingClientRect().height))"""
    )
    assert smallest >= 11
    assert visitor.locator("a[href^='/dang-nhap'], a[href='/']").count() == 0
    no_sideways_scroll(visitor)
    visitor.screenshot(
        path=str(artifacts_dir / f"public-theme-chart-{viewport}.png"), full_page=True
    )
    visitor.context.close()
