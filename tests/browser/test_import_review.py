"""Upload a plan, correct it on the review screen and publish it, in a real
headless Chromium against the live server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import login_as
from tests.web.builders import build_org, build_personas
from tests.web.documents.docx_plans import plan_88_docx
from theodoi.documents.models import Document, DocumentState

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def focal_officer(settings: Any, tmp_path: Path) -> Any:
    settings.MEDIA_ROOT = tmp_path / "media"
    return build_personas(build_org()).focal_officer


def test_upload_review_and_publish(browser_page: Any, focal_officer: Any, tmp_path: Path) -> None:
    page = browser_page
    login_as(page, focal_officer)
    page.goto("/van-ban/")
    page.get_by_role("link", name="Tải lên văn bản").click()
    page.get_by_label("Tệp văn bản").set_input_files(str(plan_88_docx(tmp_path)))
    page.get_by_role("button", name="Tải lên và phân tích").click()
    page.wait_for_url("**/ra-soat/**")

    # the source text beside the extracted tree
    assert "Đẩy mạnh tuyên truyền" in page.locator(".source-text").inner_text()
    task = page.locator('li.task[data-path="II.2"]')
    assert "Sở Tư pháp" in task.inner_text()
    # the unknown centre is listed for a decision, not made a unit
    assert "không có trong danh mục" in page.locator("#body-matching .table-wrap").inner_text()

    # correct a task's timing and text
    task.get_by_role("link", name="Sửa").click()
    page.get_by_label("Thời gian thực hiện").fill("Quý IV/2025")
    page.get_by_label("Nội dung nhiệm vụ").fill("Rà soát, sửa đổi văn bản về dân chủ ở cơ sở")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_url("**/ra-soat/**")
    corrected = page.locator('li.task[data-path="II.2"]').inner_text()
    assert "Quý IV/2025" in corrected and "sửa đổi văn bản" in corrected

    # add a task the parser missed, by keyboard
    page.get_by_text("Thêm nhiệm vụ bị bỏ sót").click()
    page.get_by_label("Vị trí trong văn bản").fill("II.5")
    page.locator("#id_new-text").fill("Tổng kết mô hình dân vận khéo")
    page.locator("#id_new-timing_text").press("Tab")
    page.get_by_role("button", name="Thêm nhiệm vụ").press("Enter")
    page.wait_for_url("**/ra-soat/**")
    assert page.locator('li.task[data-path="II.5"]').count() == 1

    # II.5 has no unit yet (nor II.4, whose centre is not in the directory):
    # warnings the officer confirms explicitly
    problems = page.locator("#publish-problems").inner_text()
    assert "chưa giao cho đơn vị nào: II.4, II.5" in problems
    page.get_by_label("Tôi đã xem các vấn đề trên và vẫn ban hành.").check()
    page.get_by_role("button", name="Ban hành theo dõi").click()
    page.wait_for_url("**/van-ban/*/")
    assert "Đã ban hành theo dõi" in page.locator("main").inner_text()

    document = Document.objects.get(number="88/KH-UBND")
    assert document.state == DocumentState.PUBLISHED
    task = document.tasks.get(path="II.2")
    assert (task.timing_kind, task.due_quarter, task.due_year) == ("quarter", 4, 2025)
    assert document.tasks.filter(path="II.5").exists()


def test_review_screen_fits_a_phone(phone_page: Any, focal_officer: Any, tmp_path: Path) -> None:
    from theodoi.documents.actions import import_document
    from theodoi.documents.importing import SourceFile

    path = plan_88_docx(tmp_path)
    document = import_document(focal_officer, SourceFile(path.name, path.read_bytes())).document
    login_as(phone_page, focal_officer)
    phone_page.goto(f"/van-ban/{document.pk}/ra-soat/")
    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 1
    assert phone_page.get_by_role("button", name="Ban hành theo dõi").is_visible()
