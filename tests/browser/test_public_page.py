"""A plan's public page in real headless Chromium: the focal officer
publishes it from the plan's page, an anonymous visitor reads it at desktop
and phone width (no sideways scrolling), and it disappears when withdrawn."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.utils import timezone

from tests.browser.conftest import PHONE, login_as, new_page
from tests.web.builders import Org, Personas, build_org, build_personas
from tests.web.dashboards.scenario import Scenario, build_scenario
from theodoi.reporting import clock

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = datetime.date(2025, 11, 20)


@pytest.fixture
def world() -> Iterator[tuple[Org, Personas, Scenario]]:
    org = build_org()
    moment = timezone.make_aware(datetime.datetime.combine(TODAY, datetime.time(10)))
    with clock.frozen(moment):
        yield org, build_personas(org), build_scenario(org)


def test_publish_read_anonymously_and_withdraw(  # type: ignore[no-untyped-def]
    world, browser, browser_page, live_server, artifacts_dir: Path
) -> None:
    _org, personas, scenario = world
    public_url = f"/cong-khai/{scenario.document.pk}/"
    visitor = new_page(browser, live_server)
    assert visitor.goto(public_url).status == 404

    officer = browser_page
    login_as(officer, personas.focal_officer)
    officer.goto(f"/van-ban/{scenario.document.pk}/")
    officer.get_by_label("Lời giới thiệu").fill("Trang thử nghiệm công khai tiến độ.")
    officer.get_by_role("button", name="Công khai", exact=True).click()
    officer.get_by_text("Đã công khai kế hoạch.").wait_for()

    assert visitor.goto(public_url).status == 200
    visitor.get_by_role("heading", name="Kết quả thực hiện").wait_for()
    assert visitor.get_by_text("Trang thử nghiệm công khai tiến độ.").is_visible()
    body = visitor.inner_text("main")
    assert personas.focal_officer.full_name not in body
    visitor.screenshot(path=str(artifacts_dir / "public-page-1366x768.png"), full_page=True)

    phone = new_page(browser, live_server, PHONE)
    phone.goto(public_url)
    width = phone.evaluate("document.documentElement.scrollWidth")
    viewport = phone.evaluate("window.innerWidth")
    assert width <= viewport + 1, f"page scrolls sideways: {width}px in {viewport}px"
    phone.screenshot(path=str(artifacts_dir / "public-page-phone.png"), full_page=True)
    phone.context.close()

    officer.goto(f"/van-ban/{scenario.document.pk}/")
    officer.get_by_role("button", name="Thôi công khai").click()
    officer.get_by_text("Đã thôi công khai kế hoạch.").wait_for()
    assert visitor.goto(public_url).status == 404
    visitor.context.close()
