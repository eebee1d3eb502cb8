"""Every dashboard table downloads as .xlsx with the same rows as the page's
data (read back with openpyxl), and only for those who may see the page."""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tests.web.builders import Org
from tests.web.dashboards.scenario import Scenario
from theodoi.dashboards.drilldown import difficulties_register, unit_tasks
from theodoi.dashboards.metrics import task_status, unit_status


def sheet_rows(response: Any) -> list[dict[str, Any]]:
    assert response.status_code == 200
    assert response["Content-Type"].endswith("spreadsheetml.sheet")
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    assert sheet.freeze_panes == "A4" and sheet.auto_filter.ref.startswith("A3:")
    values = list(sheet.iter_rows(min_row=3, values_only=True))
    return [dict(zip(values[0], row, strict=True)) for row in values[1:]]


def url(scenario: Scenario, table: str) -> str:
    return reverse("dashboards:export", args=[scenario.document.pk, scenario.period_2025.pk, table])


@pytest.fixture
def focal(client_for: Callable[..., Client], focal_officer: Any) -> Client:
    return client_for(focal_officer)


def test_task_table(scenario: Scenario, focal: Client, today: datetime.date) -> None:
    rows = sheet_rows(focal.get(url(scenario, "nhiem-vu")))
    tasks, _ = task_status(scenario.document, scenario.period_2025, today)
    assert [(r["Nhiệm vụ số"], r["Tình trạng"]) for r in rows] == [
        (t.path, t.label_text) for t in tasks
    ]
    assert ("II.1.b", "Hoàn thành quá hạn") in [(r["Nhiệm vụ số"], r["Tình trạng"]) for r in rows]


def test_unit_overdue_and_difficulty_tables(scenario: Scenario, focal: Client) -> None:
    units = sheet_rows(focal.get(url(scenario, "don-vi")))
    expected = unit_status(scenario.document, scenario.period_2025)
    assert [(r["Đơn vị"], r["Đã gửi"]) for r in units] == [(u.name, u.tasks_sent) for u in expected]
    overdue = sheet_rows(focal.get(url(scenario, "qua-han")))
    assert [(r["Đơn vị"], r["Nhiệm vụ số"]) for r in overdue] == [("Sở TT&TT", "II.3.a")]
    difficulties = sheet_rows(focal.get(url(scenario, "vuong-mac")))
    register = difficulties_register(scenario.document, scenario.period_2025)
    assert len(difficulties) == register.count() == 3
    assert "Thiếu kinh phí tổ chức hội nghị." in [r["Khó khăn, vướng mắc"] for r in difficulties]


def test_unit_officer_exports_own_unit_only(
    scenario: Scenario,
    org: Org,
    client_for: Callable[..., Client],
    unit_officer_a: Any,
    today: datetime.date,
) -> None:
    officer = client_for(unit_officer_a)
    args = [scenario.document.pk, scenario.period_2025.pk]
    own = sheet_rows(officer.get(reverse("dashboards:export_unit", args=[*args, org.justice.pk])))
    lines = unit_tasks(scenario.document, scenario.period_2025, org.justice, today)
    assert [r["Tình trạng"] for r in own] == [line.label_text for line in lines]
    other = officer.get(reverse("dashboards:export_unit", args=[*args, org.district_b.pk]))
    assert other.status_code in (403, 404)
    assert officer.get(url(scenario, "nhiem-vu")).status_code == 403
    assert client_for(unit_officer_a).get(url(scenario, "khong-co")).status_code in (403, 404)


def test_unknown_table_is_404(scenario: Scenario, focal: Client) -> None:
    assert focal.get(url(scenario, "khong-co")).status_code == 404


def test_pages_offer_the_export(scenario: Scenario, focal: Client) -> None:
    page = focal.get(
        reverse("dashboards:tasks", args=[scenario.document.pk, scenario.period_2025.pk])
    ).content.decode()
    assert url(scenario, "nhiem-vu") in page
    assert (
        reverse("reports:workspace", args=[scenario.document.pk, scenario.period_2025.pk]) in page
    )
