"""The cascade drawing and the search page in real headless Chromium at
desktop width: levels top to bottom, each box under its direct parent,
progress shown, boxes lead to the document pages; search typed without
diacritics highlights the words with them. Screenshots in build/test-artifacts."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from tests.browser.conftest import login_as
from tests.web.builders import Org, Personas, Plan, build_org, build_personas, build_plan
from theodoi.documents.models import Document, DocumentLink, DocumentState, LinkRelation
from theodoi.orgunits.models import Level
from theodoi.reporting import clock

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = datetime.date(2025, 11, 20)


@pytest.fixture
def world() -> Iterator[tuple[Org, Personas, Plan, dict[str, Document]]]:
    org = build_org()
    moment = timezone.make_aware(datetime.datetime.combine(TODAY, datetime.time(10)))
    with clock.frozen(moment):
        plan = build_plan(org)
        programme = Document.objects.create(
            number="12-CTr/TU", kind="chuong_trinh", state=DocumentState.PLACEHOLDER
        )
        resolution = Document.objects.create(
            number="43-NQ/TW", kind="nghi_quyet", state=DocumentState.PLACEHOLDER
        )
        district = Document.objects.create(
            number="88/KH-UBND",
            kind="ke_hoach",
            issuer=org.district_a.name,
            issuer_unit=org.district_a,
            level=Level.DISTRICT,
            state=DocumentState.PUBLISHED,
            title="Kế hoạch của huyện Đông Sơn thực hiện Kế hoạch 123/KH-UBND",
        )
        for child, parent in (
            (district, plan.document),
            (plan.document, programme),
            (programme, resolution),
        ):
            DocumentLink.objects.create(
                source=child, target=parent, relation=LinkRelation.IMPLEMENTS
            )
        docs = {
            "resolution": resolution,
            "programme": programme,
            "plan": plan.document,
            "district": district,
        }
        yield org, build_personas(org), plan, docs


def box(page: Any, document: Document) -> Any:
    return page.locator(f'a.graph-node[data-id="{document.pk}"]')


def test_cascade_drawing(browser_page: Any, world: Any, artifacts_dir: Path) -> None:
    _, personas, plan, docs = world
    page = browser_page
    login_as(page, personas.focal_officer)
    page.goto(f"/van-ban/{plan.document.pk}/so-do/")
    page.locator("svg.doc-graph").wait_for()
    tops = {name: box(page, doc).bounding_box()["y"] for name, doc in docs.items()}
    assert tops["resolution"] < tops["programme"] < tops["plan"] < tops["district"]
    assert box(page, docs["resolution"]).get_attribute("data-tier") == "central"
    assert box(page, docs["district"]).get_attribute("data-tier") == "district"
    assert "0/3 nhiệm vụ hoàn thành" in box(page, docs["plan"]).text_content()
    assert page.locator("path.graph-edge").count() == 3
    page.screenshot(path=str(artifacts_dir / "cascade-desktop.png"), full_page=True)
    box(page, docs["district"]).click()
    page.wait_for_url(f"**/van-ban/{docs['district'].pk}/")
    assert "88/KH-UBND" in page.content()


def test_search_without_diacritics(browser_page: Any, world: Any, artifacts_dir: Path) -> None:
    personas = world[1]
    page = browser_page
    login_as(page, personas.focal_officer)
    page.goto("/tim-kiem/")
    page.get_by_label("Từ khóa").fill("to chuc hoi nghi doi thoai")
    page.get_by_role("button", name="Tìm").click()
    first = page.locator("li.search-result").first
    first.wait_for()
    marks = first.locator("mark").all_inner_texts()
    assert {"Tổ", "chức", "hội", "nghị", "đối", "thoại"} <= set(marks)
    page.screenshot(path=str(artifacts_dir / "search-desktop.png"), full_page=True)
