"""A scanned plan uploaded in Chromium: the waiting page shows the pages
read so far without reloading, then goes on to the review screen."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import login_as
from tests.text.readers.scans import scanned_plan_pdf
from tests.web.builders import build_org, build_personas
from theodoi.documents.models import ImportProgress

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed"),
]


@pytest.fixture
def focal_officer(settings: Any, tmp_path: Path) -> Any:
    settings.MEDIA_ROOT = tmp_path / "media"
    return build_personas(build_org()).focal_officer


def test_waiting_page_shows_pages_done(
    browser_page: Any, focal_officer: Any, tmp_path: Path
) -> None:
    from django.core.management import call_command

    page = browser_page
    login_as(page, focal_officer)
    page.goto("/van-ban/tai-len/")
    page.get_by_label("Tệp văn bản").set_input_files(str(scanned_plan_pdf(tmp_path)))
    page.get_by_role("button", name="Tải lên và phân tích").click()
    page.wait_for_url("**/dang-phan-tich/**")
    page.evaluate("window.sameView = true")  # gone if the page reloads

    row = ImportProgress.objects.get()
    for done in (1, 2):  # what the worker writes as it reads the pages
        row.done, row.total = done, 3
        row.save()
        status = page.get_by_role("status")
        status.get_by_text(f"Đã nhận dạng chữ {done}/3 trang").wait_for()
        assert page.locator("progress").evaluate("bar => [bar.value, bar.max]") == [done, 3]
    assert page.evaluate("window.sameView") is True

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    page.wait_for_url("**/ra-soat/**")
    assert "Phòng Kinh tế" in page.locator(".source-text").inner_text()
