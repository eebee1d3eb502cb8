"""Shared fixtures for browser tests: real headless Chromium (Debian's
/usr/bin/chromium) driven by Playwright's sync API against pytest-django's
live server.

- ``browser``: one Chromium for the whole session (skips when absent);
- ``browser_page``: a fresh context and page at 1366×768, ``base_url`` set to
  the live server, so ``page.goto("/bao-cao/")`` works;
- ``phone_page``: the same at a phone's width;
- ``new_page(browser, live_server)``: another person's page in the same test;
- ``login_as(page, user)``: signs in through the login form.

Playwright's sync API runs an event loop in the test thread; Django refuses
database calls from such a thread unless told it is safe, which it is here
(the loop only drives the browser).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
ARTIFACTS = Path(__file__).resolve().parents[2] / "build" / "test-artifacts"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    """Real hashing is slow by design; browser tests log in many times."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS
        )
        yield chromium
        chromium.close()


def new_page(browser: Any, live_server: Any, viewport: dict[str, int] = DESKTOP) -> Any:
    """A page in a fresh context (own cookies): a second person in one test.
    Close it with ``page.context.close()``."""
    context = browser.new_context(viewport=viewport, locale="vi-VN", base_url=live_server.url)
    context.set_default_timeout(15_000)
    return context.new_page()


def _page(browser: Any, live_server: Any, viewport: dict[str, int]) -> Iterator[Any]:
    page = new_page(browser, live_server, viewport)
    try:
        yield page
    finally:
        page.context.close()


@pytest.fixture
def browser_page(browser: Any, live_server: Any) -> Iterator[Any]:
    yield from _page(browser, live_server, DESKTOP)


@pytest.fixture
def phone_page(browser: Any, live_server: Any) -> Iterator[Any]:
    yield from _page(browser, live_server, PHONE)


@pytest.fixture
def artifacts_dir() -> Path:
    """Where screenshots are kept (build/test-artifacts)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


def login_as(page: Any, user: Any, password: str | None = None) -> None:
    """Sign in through the login form and wait for the home page."""
    from tests.web.builders import PASSWORD

    page.goto("/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill(password or PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(lambda url: "/dang-nhap/" not in url)


def logout(page: Any) -> None:
    page.context.clear_cookies()
