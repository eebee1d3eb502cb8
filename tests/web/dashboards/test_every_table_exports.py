"""Every dashboard table exports to .xlsx, with the same rows as the page.

Enumerated two ways: (1) every ``<table>`` in the templates of the dashboard
apps (dashboards, monitoring, leadership, inspections, recognition) names
its export (``data-export``, and the sheet in ``data-export-sheet``), unless
listed in ``NOT_DASHBOARD_TABLES`` with the reason; (2) each page holding
those tables is opened as the people who use it, and for every table on it
the export is downloaded, read back with openpyxl, and compared row by row
with the table on the page (same number of rows, the row's key in the row,
every count of the sheet's row shown in the page's row; a rate the sheet
adds, headed "%", may be absent from the page).
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tests.web.builders import Org, person
from tests.web.dashboards.scenario import Scenario
from theodoi.accounts.models import Role
from theodoi.inspections import actions as inspections
from theodoi.inspections.actions import FindingData, InspectionPlan
from theodoi.leadership import actions as leadership
from theodoi.monitoring import actions as monitoring
from theodoi.recognition import actions as recognition
from theodoi.recognition.actions import CommendationData
from theodoi.reporting import clock

ROOT = Path(__file__).resolve().parents[3] / "theodoi"
DASHBOARD_APPS = ("dashboards", "monitoring", "leadership", "inspections", "recognition")
NOT_DASHBOARD_TABLES = {
    # A settings form (a leader chosen per unit), not figures to take away.
    "leadership/templates/leadership/assignments.html",
}


def test_every_dashboard_table_in_the_templates_names_its_export() -> None:
    missing = []
    seen = 0
    for app in DASHBOARD_APPS:
        for template in sorted((ROOT / app / "templates").rglob("*.html")):
            name = str(template.relative_to(ROOT / app).as_posix())
            key = f"{app}/{name}"
            for tag in re.findall(r"<table\b[^>]*>", template.read_text()):
                seen += 1
                if key not in NOT_DASHBOARD_TABLES and "data-export=" not in tag:
                    missing.append((key, tag))
    assert seen >= 20 and missing == []


def html_tables(page: str) -> list[tuple[str, str, list[str]]]:
    """(export URL, sheet, text of each body row) of each table on the page."""
    tree = lxml.html.fromstring(page)
    found = []
    for table in tree.iter("table"):
        rows = []
        for row in table.xpath(".//tr[not(ancestor::thead)]"):
            cells = row.xpath("./th|./td")
            if len(cells) == 1 and cells[0].get("colspan"):
                continue  # "nothing yet" spanning the table
            rows.append(" ".join(" ".join(cell.text_content().split()) for cell in cells))
        found.append((table.get("data-export", ""), table.get("data-export-sheet", ""), rows))
    return found


def check_page(client: Client, url: str) -> list[str]:
    """Every table on the page against its export; the sheets checked."""
    response = client.get(url)
    assert response.status_code == 200, url
    checked = []
    for export, sheet, rows in html_tables(response.content.decode()):
        assert export, f"{url}: a table without an export"
        download = client.get(export)
        assert download.status_code == 200, export
        assert download["Content-Type"].endswith("spreadsheetml.sheet")
        assert f'href="{export}"'.replace("&", "&amp;") in response.content.decode().replace(
            "&amp;", "&"
        ).replace("&", "&amp;"), f"{url}: no visible link to {export}"
        book = load_workbook(io.BytesIO(download.content))
        assert sheet in book.sheetnames, (export, sheet, book.sheetnames)
        header = next(book[sheet].iter_rows(min_row=3, max_row=3, values_only=True))
        derived = [index for index, title in enumerate(header) if "%" in str(title)]
        values = [
            row
            for row in book[sheet].iter_rows(min_row=4, values_only=True)
            if any(value not in (None, "") for value in row)
        ]
        assert len(values) == len(rows), (url, sheet, values, rows)
        for cells, text in zip(values, rows, strict=True):
            assert str(cells[0]) in text, (url, sheet, cells, text)
            for index, value in enumerate(cells):
                if isinstance(value, int) and index not in derived:  # a rate may be extra
                    assert str(value) in text, (url, sheet, value, text)
        checked.append(f"{sheet}@{url}")
    return checked


@pytest.fixture
def world(
    scenario: Scenario, org: Org, focal_officer: Any, leader: Any, now: datetime.datetime
) -> Scenario:
    """The dashboard scenario plus what the other dashboard pages list: an
    inspection recommendation, a commendation, a reminder, a leader in charge."""
    inspection = inspections.plan_inspection(
        focal_officer,
        scenario.document,
        InspectionPlan(
            title="Kiểm tra thực hiện kế hoạch tại Sở Tư pháp",
            inspecting_unit=org.home_affairs,
            starts_on=datetime.date(2025, 10, 6),
            ends_on=datetime.date(2025, 10, 8),
            units=[org.justice],
        ),
    )
    inspections.record_finding(
        focal_officer,
        inspection,
        org.justice,
        FindingData(
            "shortcoming",
            "Chưa cập nhật sổ theo dõi.",
            "Cập nhật sổ theo dõi hằng tháng",
            datetime.date(2025, 12, 15),
        ),
        now=now,
    )
    recognition.propose_commendation(
        focal_officer,
        scenario.document,
        org.justice,
        CommendationData("organisation", "Sở Tư pháp", "Bằng khen của Chủ tịch UBND tỉnh", "Tốt"),
        period=scenario.period_2025,
        now=now,
    )
    monitoring.send_manual_reminder(focal_officer, scenario.period_2025, org.district_b, now=now)
    leadership.assign_leader(focal_officer, org.district_a, leader)
    return scenario


def test_every_dashboard_table_exports_the_rows_on_the_page(
    world: Scenario,
    org: Org,
    client_for: Callable[..., Client],
    focal_officer: Any,
    leader: Any,
) -> None:
    document, period = world.document.pk, world.period_2025.pk
    focal = client_for(focal_officer)
    plan_pages = [
        reverse(f"dashboards:{name}", args=[document, period])
        for name in ("plan", "tasks", "trend", "units", "overdue", "difficulties")
    ]
    plan_pages += [
        reverse("dashboards:theme", args=[document, period, "II.1"]),
        reverse("dashboards:unit", args=[document, period, org.justice.pk]),
        reverse("monitoring:period_units", args=[period]),
        reverse("monitoring:reminders"),
        reverse("monitoring:reminders") + f"?ky={period}",
        reverse("inspections:list"),
        reverse("recognition:list"),
    ]
    checked = [sheet for url in plan_pages for sheet in check_page(focal, url)]
    checked += check_page(client_for(leader), reverse("leadership:dashboard"))
    tay_giang = person("canbo_tg", "Vũ Thị Giang", Role.UNIT_OFFICER, org.district_b)
    checked += check_page(client_for(tay_giang), reverse("home"))  # the unit's to-do list
    after_due = timezone.make_aware(datetime.datetime(2025, 12, 20, 9))
    with clock.frozen(after_due):  # Tây Giang still owes reports: the late-units table
        checked += check_page(focal, reverse("home"))
    sheets = {entry.split("@")[0] for entry in checked}
    assert sheets == {
        "Tình trạng", "Gửi báo cáo", "Đơn vị gửi ít", "Nhóm nhiệm vụ", "Khó khăn",
        "Nhiệm vụ", "Qua các kỳ", "Đơn vị", "Quá hạn", "Nhiệm vụ đơn vị",
        "Đơn vị chưa gửi đủ", "Nhật ký đôn đốc", "Kiến nghị", "Khen thưởng",
        "Đơn vị phụ trách", "Việc cần làm",
    }, checked  # fmt: skip
    assert len(checked) >= 21


def test_exports_keep_to_what_the_person_may_see(
    world: Scenario, client_for: Callable[..., Client], unit_officer_a: Any, focal_officer: Any
) -> None:
    officer = client_for(unit_officer_a)
    document, period = world.document.pk, world.period_2025.pk
    for url in (
        reverse("dashboards:export", args=[document, period, "tong-quan"]),
        reverse("dashboards:export", args=[document, period, "qua-cac-ky"]),
        reverse("dashboards:export_theme", args=[document, period, "II.1"]),
        reverse("monitoring:period_units_xlsx", args=[period]),
        reverse("leadership:plan_units_xlsx", args=[document]),
    ):
        assert officer.get(url).status_code in (403, 404), url
    focal = client_for(focal_officer)
    missing = reverse("dashboards:export_theme", args=[document, period, "IX.9"])
    assert focal.get(missing).status_code == 404
