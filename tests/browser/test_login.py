"""Signing in with a real browser: Vietnamese first, English on request."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import login_as
from tests.web.builders import build_org, build_personas, build_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_english_browser_gets_vietnamese_until_english_is_chosen(  # type: ignore[no-untyped-def]
    browser: Any, live_server: Any
) -> None:
    org = build_org()
    personas = build_personas(org)
    build_plan(org)
    context = browser.new_context(locale="en-US", base_url=live_server.url)
    page = context.new_page()
    try:
        page.goto("/")
        assert "/dang-nhap/" in page.url
        assert page.get_by_role("heading", name="Đăng nhập").is_visible()
        login_as(page, personas.focal_officer)
        page.get_by_role("heading", name="Tình hình nhận báo cáo").wait_for()
        page.select_option("#language-select", "en")
        page.get_by_role("button", name="Đổi").click()
        page.get_by_role("heading", name="Reports received").wait_for()
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.get_by_role("button", name="Sign out").is_visible()
    finally:
        context.close()


def test_wrong_password_is_explained(browser_page: Any) -> None:  # type: ignore[no-untyped-def]
    personas = build_personas(build_org())
    browser_page.goto("/dang-nhap/")
    browser_page.get_by_label("Tên đăng nhập").fill(personas.unit_officer_a.username)
    browser_page.get_by_label("Mật khẩu").fill("sai-mat-khau")
    browser_page.get_by_role("button", name="Đăng nhập").click()
    alert = browser_page.get_by_role("alert")
    alert.wait_for()
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in alert.inner_text()
