"""The daily experience in real headless Chromium, at a phone's width
(390 px) and a desktop's (1366 px): no sideways scroll on the review queue,
the dashboards and the task table; a header no taller than 120 px with its
navigation in a menu; chart text at 12 px or more as rendered; KPI cards that
lead to their lists; a favicon; a print layout without navigation or forms;
a unit picker that filters and shows what is selected. Screenshots are kept
in build/test-artifacts."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from tests.browser.conftest import DESKTOP, PHONE, login_as, new_page
from tests.web.builders import Org, Personas, build_org, build_personas
from tests.web.dashboards.scenario import Scenario, build_scenario
from theodoi.plans.models import Assignment, AssignmentRole
from theodoi.reporting import clock

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = datetime.date(2025, 11, 20)

#: Rendered size of every chart text: the font size in the SVG's units times
#: the scale the SVG is drawn at.
CHART_TEXT_PX = """() => Array.from(document.querySelectorAll('svg.chart text')).map(
    t => t.getScreenCTM().a * parseFloat(getComputedStyle(t).fontSize))"""


@pytest.fixture
def world() -> Iterator[tuple[Org, Personas, Scenario]]:
    org = build_org()
    moment = timezone.make_aware(datetime.datetime.combine(TODAY, datetime.time(10)))
    with clock.frozen(moment):
        yield org, build_personas(org), build_scenario(org)


def pages(scenario: Scenario) -> dict[str, str]:
    plan = f"/bang-theo-doi/{scenario.document.pk}/ky/{scenario.period_2025.pk}/"
    return {
        "dashboard": plan,
        "tasks": plan + "nhiem-vu/",
        "units": plan + "don-vi/",
        "trend": plan + "qua-cac-ky/",
        "overdue": plan + "qua-han/",
        "difficulties": plan + "vuong-mac/",
        "review-queue": "/bao-cao/tiep-nhan/?trang-thai=da-duyet",
        "home": "/",
    }


def scroll_width(page: Any) -> tuple[int, int]:
    return page.evaluate("document.documentElement.scrollWidth"), page.evaluate("window.innerWidth")


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390", "1366"])
def test_pages_fit_and_charts_are_readable(  # type: ignore[no-untyped-def]
    world, browser, live_server, artifacts_dir: Path, size: dict[str, int]
) -> None:
    _org, personas, scenario = world
    page = new_page(browser, live_server, size)
    try:
        login_as(page, personas.focal_officer)
        for name, url in pages(scenario).items():
            page.goto(url)
            page.screenshot(
                path=str(artifacts_dir / f"daily-{name}-{size['width']}.png"), full_page=True
            )
            width, viewport = scroll_width(page)
            assert width <= viewport, f"{name} scrolls sideways: {width}px in {viewport}px"
            sizes = page.evaluate(CHART_TEXT_PX)
            if name in ("dashboard", "trend"):
                assert sizes, f"no chart text on {name}"
            small = [round(s, 1) for s in sizes if s < 12]
            assert not small, f"{name}: chart text below 12 px: {small}"
            header = page.locator(".site-header").bounding_box()
            if size is PHONE:
                assert header["height"] <= 120, f"{name}: header {header['height']}px"
        # the task table is cards on a phone, with each cell headed by its column
        page.goto(pages(scenario)["tasks"])
        cell = page.locator("table.table-cards td[data-label]").first
        assert cell.get_attribute("data-label") == "Hạn"
        display = cell.evaluate("c => getComputedStyle(c).display")
        assert display == ("block" if size is PHONE else "table-cell")
    finally:
        page.context.close()


def test_phone_menu_opens_without_script(  # type: ignore[no-untyped-def]
    world, browser, live_server, artifacts_dir: Path
) -> None:
    _org, personas, _scenario = world
    context = browser.new_context(
        viewport=PHONE, locale="vi-VN", base_url=live_server.url, java_script_enabled=False
    )
    page = context.new_page()
    try:
        login_as(page, personas.focal_officer)
        nav = page.locator(".main-nav")
        assert not nav.is_visible()
        menu_link = page.locator(".phone-menu-body").get_by_role("link", name="Bảng theo dõi")
        assert not menu_link.is_visible()
        page.locator(".phone-menu summary").click()
        assert menu_link.is_visible()
        page.screenshot(path=str(artifacts_dir / "daily-menu-open-390.png"))
        menu_link.click()
        page.wait_for_url(lambda url: url.endswith("/bang-theo-doi/"))
    finally:
        context.close()


def test_kpi_cards_favicon_and_print(  # type: ignore[no-untyped-def]
    world, browser_page, artifacts_dir: Path
) -> None:
    _org, personas, scenario = world
    page = browser_page
    login_as(page, personas.focal_officer)

    icon = page.request.get("/favicon.ico")
    assert icon.status == 200 and icon.headers["content-type"] == "image/x-icon"
    assert icon.body()[:4] == b"\x00\x00\x01\x00"  # an ICO file
    for link in page.locator('link[rel="icon"]').all():
        assert page.request.get(link.get_attribute("href")).status == 200

    page.goto(pages(scenario)["dashboard"])
    page.locator('[data-metric="difficulties_open"]').click()
    page.wait_for_url(lambda url: url.endswith("/vuong-mac/"))
    page.goto(pages(scenario)["dashboard"])
    page.locator('[data-metric="units_late"]').click()
    page.wait_for_url(lambda url: url.endswith("/don-vi/"))

    page.goto("/")
    page.locator(".stat-submitted").click()
    page.wait_for_url(lambda url: "trang-thai=cho-duyet" in url)

    page.goto(pages(scenario)["dashboard"])
    assert page.locator(".main-nav").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".main-nav").is_visible()
    assert not page.locator(".site-header").is_visible()
    assert not page.locator("form.period-form").first.is_visible()
    assert page.locator("svg.chart").first.is_visible()
    folded = page.locator("details:not(.phone-menu) table").first
    assert folded.is_visible(), "a folded data table is printed unfolded"
    page.screenshot(path=str(artifacts_dir / "daily-dashboard-print.png"), full_page=True)
    page.goto(pages(scenario)["review-queue"])
    assert page.locator("main form").count() > 0
    assert not any(form.is_visible() for form in page.locator("main form").all())
    table = page.locator("main table").first.bounding_box()
    main = page.locator("main").bounding_box()
    assert table["width"] >= main["width"] - 2


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390", "1366"])
def test_unit_picker_filters_and_shows_the_selection(  # type: ignore[no-untyped-def]
    world, browser, live_server, artifacts_dir: Path, size: dict[str, int]
) -> None:
    org, personas, scenario = world
    # two more units owe reports on the plan: six to choose from
    for unit in (org.commune_a, org.mass_mobilisation):
        Assignment.objects.create(
            task=scenario.tasks["II.2"], unit=unit, role=AssignmentRole.IMPLEMENTING
        )
    page = new_page(browser, live_server, size)
    try:
        login_as(page, personas.focal_officer)
        page.goto(f"/bao-cao/dot-xuat/?van-ban={scenario.document.pk}")
        units = page.locator("fieldset").filter(has_text="Đơn vị phải báo cáo")
        boxes = units.locator('input[type="checkbox"]')
        assert boxes.count() >= 5
        search = units.get_by_role("searchbox")
        search.fill("tu phap")  # without diacritics
        visible = [b for b in boxes.all() if b.is_visible()]
        assert len(visible) == 1
        units.get_by_label(org.justice.name).check()
        chips = units.locator(".picker-chip")
        assert chips.count() == 1 and org.justice.name in chips.first.inner_text()
        search.fill("")
        assert all(b.is_visible() for b in boxes.all())
        page.screenshot(path=str(artifacts_dir / f"daily-picker-{size['width']}.png"))
        width, viewport = scroll_width(page)
        assert width <= viewport
        chips.first.get_by_role("button").click()
        assert chips.count() == 0
        assert not units.get_by_label(org.justice.name, exact=True).is_checked()
    finally:
        page.context.close()


def test_multi_select_picker_shows_the_chosen_units(  # type: ignore[no-untyped-def]
    world, phone_page, artifacts_dir: Path
) -> None:
    org, personas, scenario = world
    page = phone_page
    login_as(page, personas.focal_officer)
    response = page.goto(f"/nhiem-vu/{scenario.tasks['II.1.a'].pk}/sua/")
    assert response is not None and response.status == 200
    lead = page.get_by_label("Cơ quan chủ trì", exact=True)
    chips = page.get_by_role("list", name="Đã chọn — Cơ quan chủ trì")

    def chosen() -> list[str]:
        return chips.get_by_role("listitem").evaluate_all(
            "items => items.map(i => i.firstChild.textContent)"
        )

    # what the task already has shows without scrolling the list
    assert chosen() == [org.justice.name]
    page.get_by_role("searchbox", name="Tìm trong danh sách — Cơ quan chủ trì").fill("dong son")
    shown = lead.evaluate("s => Array.from(s.options).filter(o => !o.hidden).map(o => o.text)")
    assert shown == [org.district_a.name]
    lead.select_option(label=org.district_a.name)  # picks it alone, like a click
    assert chosen() == [org.district_a.name]
    page.screenshot(path=str(artifacts_dir / "daily-select-picker-390.png"), full_page=True)
    chips.get_by_role("button").click()
    assert chosen() == []
    assert lead.evaluate("s => s.selectedOptions.length") == 0


def test_signed_out_pages_fit_a_phone(phone_page, artifacts_dir: Path) -> None:  # type: ignore[no-untyped-def]
    page = phone_page
    page.goto("/dang-nhap/")
    page.screenshot(path=str(artifacts_dir / "daily-login-390.png"), full_page=True)
    width, viewport = scroll_width(page)
    assert width <= viewport, f"login page scrolls sideways: {width}px in {viewport}px"
    assert page.locator(".site-header").bounding_box()["height"] <= 120
    assert page.get_by_label("Ngôn ngữ", exact=True).is_visible()
