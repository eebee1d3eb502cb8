"""Choosing how notifications arrive by e-mail, in real headless Chromium at
desktop and phone width: from the bell to "Thông báo qua thư điện tử"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import DESKTOP, PHONE, login_as, new_page
from tests.web.builders import build_org, build_personas
from theodoi.notifications.delivery import notify
from theodoi.notifications.models import EmailChoice, EmailPreference

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(("name", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_choose_the_daily_digest(  # type: ignore[no-untyped-def]
    browser: Any, live_server: Any, artifacts_dir: Path, name: str, viewport: dict[str, int]
) -> None:
    personas = build_personas(build_org())
    officer = personas.unit_officer_a
    officer.email = "tu.tran@hoalam.example.vn"
    officer.save(update_fields=["email"])
    notify([officer], "test.event", "Báo cáo bị trả lại", email=False)
    page = new_page(browser, live_server, viewport)
    try:
        login_as(page, officer)
        page.locator("#notification-bell").click()
        page.get_by_role("link", name="Thông báo qua thư điện tử").click()
        page.get_by_role("heading", name="Thông báo qua thư điện tử").wait_for()
        assert page.get_by_label("Gửi ngay từng thông báo").is_checked()
        page.get_by_label("Gửi một thư tổng hợp mỗi ngày").check()
        page.get_by_role("button", name="Lưu").click()
        page.get_by_text("Đã lưu cách nhận thông báo qua thư điện tử.").wait_for()
        assert page.get_by_label("Gửi một thư tổng hợp mỗi ngày").is_checked()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= page.evaluate("window.innerWidth") + 1, f"scrolls sideways: {width}px"
        page.screenshot(path=str(artifacts_dir / f"email-preferences-{name}.png"), full_page=True)
    finally:
        page.context.close()
    assert EmailPreference.objects.get(user=officer).choice == EmailChoice.DAILY
