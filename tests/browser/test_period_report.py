"""One report per unit per period in a real browser: the unit starts from
last year's report without losing what it typed, picks figures from the
plan's indicators and sends every task at once; the page fits a phone."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import login_as
from tests.web.builders import Org, Personas, Plan, build_org, build_personas, build_plan
from tests.web.reporting.clocks import at, freeze
from theodoi.reporting import actions
from theodoi.reporting.actions import ReportData, SummaryData
from theodoi.reporting.models import (
    PeriodSummary,
    PlanIndicator,
    ReportingPeriod,
    ReviewState,
    TaskReport,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = datetime.date(2025, 11, 20)


@pytest.fixture
def world(settings: Any, tmp_path: Path) -> Iterator[tuple[Org, Personas, Plan]]:
    settings.MEDIA_ROOT = tmp_path / "media"
    org = build_org()
    personas, plan = build_personas(org), build_plan(org)
    last_year = ReportingPeriod.objects.create(
        obligation=plan.obligation,
        label="Năm 2024",
        year=2024,
        index=1,
        start=datetime.date(2023, 12, 15),
        end=datetime.date(2024, 12, 14),
        due_date=datetime.date(2024, 12, 10),
    )
    then = at(datetime.date(2024, 11, 20))
    officer = personas.unit_officer_a
    with freeze(then):
        for task, text in (
            (plan.tasks[0], "Đã phổ biến kế hoạch tại 12 cơ quan."),
            (plan.tasks[1], "Rà soát 30 văn bản."),
        ):
            figures: list[Any] = [
                {"label": "Cơ quan được phổ biến", "value": 12, "unit": "cơ quan"}
            ]
            data = ReportData(result=text, figures=figures if task is plan.tasks[0] else [])
            actions.save_draft(officer, last_year, task, data, now=then)
        actions.save_period_reports(
            officer, last_year, [], SummaryData("Năm 2024 đạt kế hoạch.", ""), now=then
        )
    PlanIndicator.objects.create(
        document=plan.document, label="Văn bản được rà soát", unit="văn bản"
    )
    with freeze(at(TODAY)):
        yield org, personas, plan


def test_unit_files_the_whole_period_in_one_form(world, browser_page, artifacts_dir):  # type: ignore[no-untyped-def]
    _org, personas, plan = world
    page = browser_page
    first, second = plan.tasks[0].pk, plan.tasks[1].pk
    login_as(page, personas.unit_officer_a)
    page.goto("/bao-cao/don-vi/")
    page.get_by_text("còn 2 nhiệm vụ phải báo cáo").wait_for()
    page.get_by_role("link", name="Lập báo cáo cả kỳ trong một mẫu").click()
    page.locator(f'[name="t{second}-result"]').fill("Năm nay đã rà soát 42 văn bản.")
    questions: list[str] = []

    def keep_my_text(dialog: Any) -> None:
        questions.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", keep_my_text)
    page.get_by_role("link", name="Bắt đầu từ báo cáo kỳ trước").click()
    assert page.locator(f'[name="t{first}-result"]').input_value() == (
        "Đã phổ biến kế hoạch tại 12 cơ quan."
    )
    assert page.locator(f'[name="t{first}-figure-value"]').first.input_value() == "12"
    assert page.locator('[name="tong-hop-results"]').input_value() == "Năm 2024 đạt kế hoạch."
    # what was typed is kept: the page asked, the person said no
    assert questions and "kỳ trước" in questions[0]
    assert page.locator(f'[name="t{second}-result"]').input_value() == (
        "Năm nay đã rà soát 42 văn bản."
    )
    label = page.locator(f'[name="t{second}-figure-label"]').first
    label.fill("Văn bản được rà soát")
    label.dispatch_event("change")
    assert page.locator(f'[name="t{second}-figure-unit"]').first.input_value() == "văn bản"
    page.locator(f'[name="t{second}-figure-value"]').first.fill("42")
    page.locator(f"#id_t{first}-completion_1").check()
    page.screenshot(path=str(artifacts_dir / "period-report-desktop.png"), full_page=True)
    page.get_by_role("button", name="Gửi cả báo cáo").click()
    page.get_by_text("Đã gửi báo cáo của cả kỳ (2 nhiệm vụ).").wait_for()
    reports = {r.task_id: r for r in TaskReport.objects.filter(period=plan.period)}
    assert {r.review_state for r in reports.values()} == {ReviewState.SUBMITTED}
    assert reports[second].figures == [
        {"label": "Văn bản được rà soát", "value": 42, "unit": "văn bản"}
    ]
    assert reports[second].result == "Năm nay đã rà soát 42 văn bản."
    assert PeriodSummary.objects.get(period=plan.period).results == "Năm 2024 đạt kế hoạch."


def test_period_form_fits_a_phone(world, phone_page, artifacts_dir):  # type: ignore[no-untyped-def]
    _org, personas, plan = world
    login_as(phone_page, personas.unit_officer_a)
    phone_page.goto(f"/bao-cao/ky/{plan.period.pk}/")
    phone_page.get_by_role("button", name="Gửi cả báo cáo").wait_for()
    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    phone_page.screenshot(path=str(artifacts_dir / "period-report-phone.png"), full_page=True)
    assert overflow <= 0
    box = phone_page.locator(f'[name="t{plan.tasks[0].pk}-figure-label"]').first.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390
