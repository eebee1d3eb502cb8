"""The unit directory upload and the match confirmation on the review
screen, in a real headless Chromium against the live server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import login_as
from tests.web.builders import build_org, build_personas
from theodoi.audit.models import AuditEvent
from theodoi.orgunits.models import Alias, OrgUnit
from theodoi.plans.models import Assignment
from theodoi.text.model import ParseResult

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def personas(settings: Any, tmp_path: Path) -> Any:
    settings.MEDIA_ROOT = tmp_path / "media"
    return build_personas(build_org())


def test_directory_upload_preview_and_confirm(
    browser_page: Any, personas: Any, tmp_path: Path, artifacts_dir: Path
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["code", "name", "kind", "parent", "aliases"])
    sheet.append(["so-y-te", "Sở Y tế", "department", "ubnd-tinh", "SYT"])
    sheet.append(["so-tu-phap", "Sở Tư pháp tỉnh Hòa Lâm", "department", "ubnd-tinh", ""])
    path = tmp_path / "danh-muc.xlsx"
    book.save(path)

    page = browser_page
    login_as(page, personas.admin)
    page.get_by_role("link", name="Đơn vị").click()
    page.get_by_label("Tệp danh mục đơn vị").set_input_files(str(path))
    page.get_by_role("button", name="Tải lên và xem trước").click()
    preview = page.locator("#directory-preview").inner_text()
    assert "Sở Y tế" in preview and "thêm mới" in preview
    assert "Sở Tư pháp → Sở Tư pháp tỉnh Hòa Lâm" in preview
    assert not OrgUnit.objects.filter(code="so-y-te").exists()
    page.screenshot(path=str(artifacts_dir / "directory-preview.png"), full_page=True)
    page.get_by_role("button", name="Xác nhận cập nhật danh mục").click()
    page.wait_for_selector("text=Đã cập nhật danh mục")
    assert OrgUnit.objects.get(code="so-y-te").aliases.get().name == "SYT"
    assert OrgUnit.objects.get(code="so-tu-phap").name == "Sở Tư pháp tỉnh Hòa Lâm"


def test_focal_officer_confirms_a_suggestion_and_creates_a_unit(
    browser_page: Any, personas: Any, artifacts_dir: Path
) -> None:
    from tests.web.documents.results import parse_result
    from theodoi.documents.importing import store_parse_result

    document = store_parse_result(
        ParseResult.from_json_dict(parse_result()), actor=personas.focal_officer
    ).document
    page = browser_page
    login_as(page, personas.focal_officer)
    page.goto(f"/van-ban/{document.pk}/ra-soat/")
    damaged = page.locator('.body-decision[data-name="Sở Thông tin và Truyền thônq"]')
    assert "gần giống, cần xác nhận" in damaged.inner_text()
    page.screenshot(path=str(artifacts_dir / "body-matching.png"), full_page=True)
    damaged.get_by_role("button", name="Xác nhận là Sở Thông tin và Truyền thông").click()
    page.wait_for_selector("text=“Sở Thông tin và Truyền thônq” là")
    assert Alias.objects.filter(name="Sở Thông tin và Truyền thônq").exists()
    assert Assignment.objects.filter(
        task__document=document, task__path="II.2", unit__code="so-tt-tt", role="coordinating"
    ).exists()

    unknown = page.locator('.body-decision[data-name="Trung tâm Phát triển cộng đồng Hòa Lâm"]')
    unknown.get_by_label("Loại").select_option("other")
    unknown.get_by_role("button", name="Tạo đơn vị mới").click()
    page.wait_for_selector("text=“Trung tâm Phát triển cộng đồng Hòa Lâm” là")
    unit = OrgUnit.objects.get(name="Trung tâm Phát triển cộng đồng Hòa Lâm")
    assert AuditEvent.objects.filter(action="orgunit.create", target_id=str(unit.pk)).exists()
    assert page.locator(".body-decision").count() == 0
