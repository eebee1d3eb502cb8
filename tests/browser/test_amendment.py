"""A revised plan on the review screen: the task differences against the
published version, then publishing it over the old one (desktop width)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import login_as
from tests.web.builders import build_org, build_personas
from tests.web.documents.results import parse_result
from tests.web.documents.test_amendments import revised
from theodoi.documents.actions import publish_plan
from theodoi.documents.importing import store_parse_result
from theodoi.documents.models import DocumentState
from theodoi.text.model import ParseResult

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_amendment_diff_then_publish(browser_page: Any, artifacts_dir: Path) -> None:
    focal_officer = build_personas(build_org()).focal_officer
    old = store_parse_result(
        ParseResult.from_json_dict(parse_result()), actor=focal_officer
    ).document
    publish_plan(focal_officer, old, confirm_warnings=True)
    new = store_parse_result(ParseResult.from_json_dict(revised()), actor=focal_officer).document

    page = browser_page
    login_as(page, focal_officer)
    page.goto(f"/van-ban/{new.pk}/ra-soat/")
    diff = page.locator("#thay-doi")
    diff.scroll_into_view_if_needed()
    summary = diff.locator(".diff-summary").inner_text()
    assert "Thêm: 1" in summary and "Bỏ: 1" in summary and "Sửa: 1" in summary
    rows = {
        row.get_attribute("class"): row.inner_text()
        for row in page.locator("#diff-table tbody tr").all()
    }
    assert "II.5" in rows["diff-added"] and "Số hóa hồ sơ" in rows["diff-added"]
    assert "II.3.b" in rows["diff-removed"]
    assert "mạng xã hội" in rows["diff-changed"]
    assert "II.2" in rows["diff-unchanged"] and "II.4" in rows["diff-unchanged"]  # renumbered
    page.screenshot(path=str(artifacts_dir / "amendment-diff-desktop.png"), full_page=True)

    # The misspelt "Truyền thônq" is only a suggestion (never assigned silently):
    # the officer confirms publishing with it unresolved.
    problems = page.locator("#publish-problems").inner_text()
    assert "Truyền thônq" in problems
    page.get_by_label("Tôi đã xem các vấn đề trên và vẫn ban hành.").check()
    page.get_by_role("button", name="Ban hành theo dõi").click()
    page.wait_for_url(f"**/van-ban/{new.pk}/")
    versions = page.locator("#phien-ban").inner_text()
    assert "Đã được thay thế" in versions
    old.refresh_from_db()
    assert old.state == DocumentState.SUPERSEDED
