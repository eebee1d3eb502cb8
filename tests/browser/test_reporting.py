"""The reporting cycle in a real browser: a unit officer submits, the focal
officer returns, the unit fixes and resubmits; a leader cannot edit."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import login_as, new_page
from tests.web.builders import Org, Personas, Plan, build_org, build_personas, build_plan
from tests.web.reporting.clocks import at, freeze
from theodoi.reporting import actions
from theodoi.reporting.actions import ReportData
from theodoi.reporting.models import ReviewState, TaskReport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = datetime.date(2025, 11, 20)


@pytest.fixture
def world(settings: Any, tmp_path: Path) -> Iterator[tuple[Org, Personas, Plan]]:
    settings.MEDIA_ROOT = tmp_path / "media"
    org = build_org()
    with freeze(at(TODAY)):
        yield org, build_personas(org), build_plan(org)


def submitted_report(personas: Personas, plan: Plan) -> TaskReport:
    now = at(TODAY)
    data = ReportData(result="Đã rà soát 12 văn bản.")
    report = actions.save_draft(personas.unit_officer_a, plan.period, plan.tasks[1], data, now=now)
    return actions.submit_report(personas.unit_officer_a, report, now=now)


def test_unit_officer_submits_a_report(world, browser_page, tmp_path):  # type: ignore[no-untyped-def]
    _org, personas, _plan = world
    page = browser_page
    login_as(page, personas.unit_officer_a)
    page.goto("/bao-cao/")
    page.get_by_role("link", name="Lập báo cáo II.2").click()
    page.get_by_label("Đã hoàn thành").check()
    page.get_by_label("Ngày hoàn thành").fill("30/06/2025")
    page.get_by_label("Kết quả thực hiện").fill("Đã rà soát 42 văn bản quy phạm pháp luật.")
    page.locator('[name="figure-label"]').first.fill("Văn bản rà soát")
    page.locator('[name="figure-value"]').first.fill("42")
    page.locator('[name="figure-unit"]').first.fill("văn bản")
    page.get_by_label("Khó khăn, vướng mắc").fill("Thiếu cán bộ pháp chế.")
    evidence = tmp_path / "bien-ban-ra-soat.pdf"
    evidence.write_bytes(b"%PDF-1.4\n% bien ban\n")
    page.get_by_label("Tài liệu kiểm chứng").set_input_files(str(evidence))
    page.get_by_role("button", name="Gửi báo cáo").click()
    page.get_by_text("Đã gửi báo cáo đến cơ quan đầu mối.").wait_for()
    report = TaskReport.objects.get()
    assert report.review_state == ReviewState.SUBMITTED and not report.submitted_late
    assert report.figures == [{"label": "Văn bản rà soát", "value": 42, "unit": "văn bản"}]
    assert [a.original_name for a in report.attachments.all()] == ["bien-ban-ra-soat.pdf"]
    assert page.get_by_role("link", name="bien-ban-ra-soat.pdf").is_visible()
    page.goto("/bao-cao/don-vi/")
    assert page.get_by_text("Đã gửi 1/2 nhiệm vụ.").is_visible()


def test_focal_officer_returns_and_the_unit_resubmits(world, browser, live_server):  # type: ignore[no-untyped-def]
    _org, personas, plan = world
    report = submitted_report(personas, plan)
    page = new_page(browser, live_server)
    login_as(page, personas.focal_officer)
    page.goto("/bao-cao/tiep-nhan/")
    page.get_by_role("link", name="Xem, duyệt").first.click()
    page.get_by_label("Ý kiến của cơ quan đầu mối").fill("Bổ sung danh mục văn bản đã rà soát.")
    page.get_by_role("button", name="Trả lại để bổ sung").click()
    page.get_by_text("Đã trả lại báo cáo cho đơn vị.").wait_for()
    report.refresh_from_db()
    assert report.review_state == ReviewState.RETURNED
    page.context.close()

    page = new_page(browser, live_server)
    login_as(page, personas.unit_officer_a)
    assert page.locator("#notification-bell .bell-count").inner_text() == "1"
    page.goto("/bao-cao/don-vi/")
    page.get_by_role("link", name="Sửa, gửi lại II.2").click()
    assert page.get_by_role("alert").filter(has_text="Bổ sung danh mục").is_visible()
    page.get_by_label("Kết quả thực hiện").fill("Đã rà soát 12 văn bản; danh mục kèm theo.")
    page.get_by_role("button", name="Gửi lại báo cáo").click()
    page.get_by_text("Đã gửi báo cáo đến cơ quan đầu mối.").wait_for()
    report.refresh_from_db()
    assert report.review_state == ReviewState.SUBMITTED
    assert report.result == "Đã rà soát 12 văn bản; danh mục kèm theo."
    page.context.close()


def test_leader_cannot_edit(world, browser_page, live_server):  # type: ignore[no-untyped-def]
    _org, personas, plan = world
    report = submitted_report(personas, plan)
    page = browser_page
    login_as(page, personas.leader)
    page.goto(f"/bao-cao/{report.pk}/")
    assert page.get_by_text("Đã rà soát 12 văn bản.").is_visible()
    assert page.get_by_role("button", name="Tiếp nhận").count() == 0
    assert page.get_by_role("button", name="Trả lại để bổ sung").count() == 0
    response = page.goto(f"/bao-cao/ky/{plan.period.pk}/nhiem-vu/{plan.tasks[1].pk}/")
    assert response is not None and response.status == 403
    assert page.get_by_text("Chỉ cán bộ đơn vị được lập báo cáo.").is_visible()
    # A forged POST (with a valid CSRF token) is refused on the server too.
    page.goto(f"/bao-cao/{report.pk}/")
    csrf = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    result = page.request.post(
        f"{live_server.url}/bao-cao/{report.pk}/duyet/",
        form={"decision": "accept", "csrfmiddlewaretoken": csrf},
        headers={"Referer": f"{live_server.url}/bao-cao/{report.pk}/"},
    )
    assert result.status == 403
    report.refresh_from_db()
    assert report.review_state == ReviewState.SUBMITTED


def test_inbox_fits_a_phone(world, phone_page):  # type: ignore[no-untyped-def]
    _org, personas, _plan = world
    login_as(phone_page, personas.unit_officer_a)
    phone_page.goto("/bao-cao/don-vi/")
    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    phone_page.get_by_role("link", name="Lập báo cáo II.1").focus()
    phone_page.keyboard.press("Enter")
    phone_page.get_by_label("Kết quả thực hiện").wait_for()


def test_focal_officer_urges_a_unit_which_sees_it_in_the_bell(world, browser, live_server):  # type: ignore[no-untyped-def]
    org, personas, _plan = world
    page = new_page(browser, live_server)
    login_as(page, personas.focal_officer)
    page.goto("/bao-cao/tiep-nhan/")
    page.get_by_role("link", name="Năm 2025").first.click()
    page.get_by_role("button", name=f"Đôn đốc {org.district_a.name}").click()
    page.get_by_text(f"Đã đôn đốc {org.district_a.name}.").wait_for()
    page.context.close()

    page = new_page(browser, live_server)
    login_as(page, personas.unit_officer_b)
    assert page.locator("#notification-bell .bell-count").inner_text() == "1"
    page.locator("#notification-bell").click()
    page.get_by_role("link", name="Đôn đốc báo cáo: Năm 2025").click()
    page.get_by_role("heading", name="Báo cáo của đơn vị").first.wait_for()
    assert page.locator("#notification-bell .bell-count").count() == 0
    page.context.close()
