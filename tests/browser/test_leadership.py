"""A leader in charge in real headless Chromium: the focal officer assigns
the leader on a desktop, the leader answers the unit's difficulty on a
phone, and the unit's officer reads the answer."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from tests.browser.conftest import PHONE, login_as, new_page
from tests.web.builders import build_org, build_personas, build_plan
from theodoi.monitoring import actions as monitoring
from theodoi.monitoring.models import Escalation, EscalationState
from theodoi.notifications.models import Notification
from theodoi.reporting import actions as reporting
from theodoi.reporting import clock
from theodoi.reporting.actions import ReportData

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_assign_then_answer_on_a_phone(  # type: ignore[no-untyped-def]
    browser: Any, browser_page: Any, live_server: Any, artifacts_dir: Path
) -> None:
    moment = timezone.make_aware(datetime.datetime(2025, 11, 20, 10))
    with clock.frozen(moment):
        _run(browser, browser_page, live_server, artifacts_dir)


def _run(browser: Any, desk: Any, live_server: Any, artifacts_dir: Path) -> None:
    org = build_org()
    personas = build_personas(org)
    plan = build_plan(org)

    login_as(desk, personas.focal_officer)
    desk.goto("/lanh-dao/phan-cong/")
    desk.get_by_label(f"Lãnh đạo phụ trách {org.district_a.display_name}").select_option(
        label=personas.leader.display_name
    )
    row = desk.locator("tr", has=desk.get_by_text(org.district_a.display_name, exact=True))
    row.get_by_role("button", name="Lưu").click()
    desk.get_by_text("Đã cập nhật lãnh đạo phụ trách").wait_for()

    officer = personas.unit_officer_b
    now = clock.now()
    report = reporting.save_draft(
        officer,
        plan.period,
        plan.tasks[2],
        ReportData(difficulties="Thiếu kinh phí tổ chức"),
        now=now,
    )
    report = reporting.submit_report(officer, report, now=now)
    monitoring.escalate_difficulty(personas.focal_officer, report, "", now=now)

    phone = new_page(browser, live_server, PHONE)
    login_as(phone, personas.leader)
    phone.goto("/lanh-dao/")
    phone.get_by_text("Thiếu kinh phí tổ chức").wait_for()
    phone.get_by_role("textbox", name="Ý kiến chỉ đạo").fill("Giao Sở Tài chính cân đối kinh phí.")
    phone.get_by_role("button", name="Gửi ý kiến chỉ đạo").click()
    phone.get_by_text("Đã gửi ý kiến chỉ đạo tới đơn vị và cơ quan đầu mối.").wait_for()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= phone.evaluate("window.innerWidth") + 1, f"scrolls sideways: {width}px"
    phone.screenshot(path=str(artifacts_dir / "leader-answer-phone.png"), full_page=True)
    phone.context.close()

    assert Escalation.objects.get().state == EscalationState.RESOLVED
    assert Notification.objects.filter(recipient=officer, verb="escalation.answered").exists()
