"""Good models in real headless Chromium: a unit officer proposes a practice
on a phone, the focal officer recognises it for replication on a desktop, and
the registry shows it to both."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import PHONE, login_as, new_page
from tests.web.builders import build_org, build_personas, build_plan
from theodoi.recognition.models import GoodPractice, PracticeState

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Sổ tay hỏi đáp pháp luật cho tổ hòa giải"


def test_propose_on_a_phone_and_recognise_on_a_desktop(  # type: ignore[no-untyped-def]
    browser: Any, browser_page: Any, live_server: Any, artifacts_dir: Path
) -> None:
    org = build_org()
    personas = build_personas(org)
    plan = build_plan(org)

    phone = new_page(browser, live_server, PHONE)
    login_as(phone, personas.unit_officer_a)
    phone.goto("/mo-hinh/")
    phone.get_by_role("link", name="Đề xuất mô hình").click()
    phone.get_by_label("Kế hoạch").select_option(value=str(plan.document.pk))
    phone.get_by_label("Tên mô hình, cách làm").fill(TITLE)
    how = "Biên soạn sổ tay, phát cho các tổ hòa giải ở cơ sở."
    phone.get_by_label("Cách làm", exact=True).fill(how)
    phone.get_by_role("button", name="Gửi đề xuất").click()
    phone.get_by_text("Đã gửi đề xuất mô hình tới cơ quan đầu mối.").wait_for()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= phone.evaluate("window.innerWidth") + 1, f"scrolls sideways: {width}px"
    phone.screenshot(path=str(artifacts_dir / "recognition-propose-phone.png"), full_page=True)

    desk = browser_page
    login_as(desk, personas.focal_officer)
    desk.goto("/mo-hinh/?trang-thai=de-xuat")
    desk.get_by_role("link", name=TITLE).click()
    desk.get_by_label("Ghi nhận", exact=True).check()
    desk.get_by_label("Đề nghị nhân rộng").check()
    desk.get_by_role("button", name="Lưu ý kiến").click()
    desk.get_by_text("Đã lưu ý kiến về mô hình.").wait_for()
    desk.screenshot(path=str(artifacts_dir / "recognition-review-1366x768.png"), full_page=True)

    practice = GoodPractice.objects.get()
    assert practice.state == PracticeState.RECOGNISED and practice.replicate
    phone.goto("/mo-hinh/?nhan-rong=1")
    assert phone.get_by_role("link", name=TITLE).is_visible()
    phone.context.close()
