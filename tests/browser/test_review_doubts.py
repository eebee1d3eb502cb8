"""Upload a fictional plan with doubtful items: the review screen lists them
first ("Cần kiểm tra"), marks them with the reason, and the list's links lead
to the marked tasks — on a desktop and on a 390px phone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import login_as
from tests.web.builders import build_org, build_personas
from tests.web.documents.docx_plans import docx_bytes_from_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "plans" / "confidence-doubts.txt"


@pytest.fixture
def focal_officer(settings: Any, tmp_path: Path) -> Any:
    settings.MEDIA_ROOT = tmp_path / "media"
    return build_personas(build_org()).focal_officer


def _upload(page: Any, tmp_path: Path) -> None:
    path = docx_bytes_from_text(PLAN.read_text(encoding="utf-8"), tmp_path / "ke-hoach-318.docx")
    page.goto("/van-ban/tai-len/")
    page.get_by_label("Tệp văn bản").set_input_files(str(path))
    page.get_by_role("button", name="Tải lên và phân tích").click()
    page.wait_for_url("**/ra-soat/**")


def test_doubtful_items_listed_first_and_marked(
    browser_page: Any, focal_officer: Any, tmp_path: Path, artifacts_dir: Path
) -> None:
    page = browser_page
    login_as(page, focal_officer)
    _upload(page, tmp_path)

    listing = page.locator("#can-kiem-tra")
    assert listing.is_visible()
    assert "Cần kiểm tra (2)" in listing.locator("h2").inner_text()
    links = listing.locator(".check-list > li > a")
    assert links.count() == 2
    assert links.nth(0).inner_text().startswith("II.4")  # least sure first
    assert links.nth(1).inner_text().startswith("II.2")
    reasons = listing.inner_text()
    assert "Đánh số bị nhảy trước mục này" in reasons
    assert "Chỉ ghi chung chung, không nêu cơ quan cụ thể" in reasons
    # the list is above the tree
    list_top = listing.bounding_box()["y"]
    tree_top = page.locator("#task-tree").bounding_box()["y"]
    assert list_top < tree_top

    # following a link lands on the marked task
    links.nth(1).click()
    target = page.locator('li.task[data-path="II.2"]')
    assert "doubtful" in (target.get_attribute("class") or "")
    assert page.evaluate("location.hash") == f"#{target.get_attribute('id')}"
    marks = target.locator(".task-doubts").inner_text()
    assert "Không đọc được thời gian thành ngày hoặc kỳ" in marks
    assert "các đơn vị có liên quan" in marks
    # a sure task carries no mark
    sure = page.locator('li.task[data-path="II.1"]')
    assert sure.locator(".task-doubts").count() == 0
    assert "doubtful" not in (sure.get_attribute("class") or "")
    page.screenshot(path=str(artifacts_dir / "review-doubts-desktop.png"), full_page=True)


def test_doubt_list_fits_a_phone(
    phone_page: Any, focal_officer: Any, tmp_path: Path, artifacts_dir: Path
) -> None:
    page = phone_page
    login_as(page, focal_officer)
    _upload(page, tmp_path)
    listing = page.locator("#can-kiem-tra")
    assert listing.is_visible()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 1
    listing.locator(".check-list > li > a").first.click()
    target = page.locator('li.task[data-path="II.4"]')
    assert target.locator(".task-doubts").is_visible()
    page.screenshot(path=str(artifacts_dir / "review-doubts-phone.png"), full_page=True)
