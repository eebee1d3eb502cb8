"""The Content-Security-Policy does not break any page: in real Chromium,
every page a role opens (the dashboard with its charts, the report form, the
review queue, the admin, the API docs) raises no CSP violation, and Swagger
UI renders from local files."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
from django.utils import timezone

from tests.browser.conftest import login_as, logout
from tests.web.builders import Org, Personas, build_org, build_personas
from tests.web.dashboards.scenario import Scenario, build_scenario
from theodoi.reporting import clock

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = datetime.date(2025, 11, 20)
_LISTEN = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e =>
    window.__csp.push([e.violatedDirective, e.blockedURI, e.sourceFile, e.lineNumber].join(' ')));
"""


@pytest.fixture
def world() -> Iterator[tuple[Org, Personas, Scenario]]:
    org = build_org()
    moment = timezone.make_aware(datetime.datetime.combine(TODAY, datetime.time(10)))
    with clock.frozen(moment):
        yield org, build_personas(org), build_scenario(org)


def _violations(page: Any, url: str, console: list[str]) -> list[str]:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    found = page.evaluate("window.__csp || []")
    return [f"{url}: {v}" for v in found] + [f"{url}: {m}" for m in console]


def test_no_page_violates_the_content_security_policy(
    browser_page: Any, world: tuple[Org, Personas, Scenario]
) -> None:
    _org, personas, scenario = world
    page = browser_page
    console: list[str] = []
    page.on(
        "console",
        lambda m: console.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.add_init_script(_LISTEN)
    problems: list[str] = []
    login_as(page, personas.focal_officer)
    document = scenario.document.pk
    for url in (
        "/",
        "/bang-theo-doi/",
        f"/bang-theo-doi/{document}/",
        "/bao-cao/tiep-nhan/",
        "/van-ban/",
        "/tai-khoan/",
        "/api/docs",
    ):
        problems += _violations(page, url, console)
        console.clear()
    assert page.locator(".swagger-ui .opblock").count() >= 10  # Swagger UI drew the operations
    logout(page)
    login_as(page, personas.unit_officer_a)
    for url in ("/", "/bao-cao/don-vi/"):
        problems += _violations(page, url, console)
        console.clear()
    logout(page)
    login_as(page, personas.admin)
    for url in ("/admin/", "/admin/accounts/user/"):
        problems += _violations(page, url, console)
        console.clear()
    assert problems == []
