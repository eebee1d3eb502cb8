"""Dashboard pages: the numbers shown, who may see what, read-only."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from tests.web.builders import Org, Personas, person
from tests.web.dashboards.scenario import EXPECTED_2025, Scenario, plan_document
from theodoi.accounts.models import Role


def url(name: str, scenario: Scenario, **extra: object) -> str:
    kwargs = {"plan": scenario.document.pk, "period": scenario.period_2025.pk, **extra}
    return reverse(f"dashboards:{name}", kwargs=kwargs)


def metric(html: str, name: str) -> int:
    found = re.search(rf'data-metric="{name}">(\d+)<', html)
    assert found, f"metric {name} not on the page"
    return int(found.group(1))


def status_count(html: str, code: str) -> int:
    found = re.search(rf'data-status="{code}">(\d+)<', html)
    assert found, f"status {code} not on the page"
    return int(found.group(1))


def test_overview_shows_the_status_numbers(
    scenario: Scenario, personas: Personas, client_for: Callable[..., Client]
) -> None:
    response = client_for(personas.focal_officer).get(url("plan", scenario))
    assert response.status_code == 200
    html = response.content.decode()
    for key in ("units_expected", "units_reported", "reported_on_time", "difficulties_open"):
        assert metric(html, key) == EXPECTED_2025[key]
    assert status_count(html, "done_late") == 1
    assert status_count(html, "in_progress_overdue") == 1
    assert 'role="img"' in html and "<title>" in html  # accessible SVG charts
    assert "Hoàn thành đúng hạn" in html and "10/12/2025" in html
    assert "Năm 2024" in html  # in the period picker


def test_trend_page_compares_years(
    scenario: Scenario, personas: Personas, client_for: Callable[..., Client]
) -> None:
    html = client_for(personas.leader).get(url("trend", scenario)).content.decode()
    rows = re.findall(
        r'<th scope="row"><a [^>]*>(Năm \d{4})</a></th><td class="num">(\d+/\d+)</td>'
        r'<td class="num">(\d+)</td>',
        html,
    )
    assert rows == [("Năm 2024", "3/4", "2"), ("Năm 2025", "3/4", "2")]
    assert 'role="img"' in html


def test_entry_redirects_to_the_current_period(
    scenario: Scenario, personas: Personas, client_for: Callable[..., Client]
) -> None:
    client = client_for(personas.leader)
    response = client.get(reverse("dashboards:entry", args=[scenario.document.pk]))
    assert response.status_code == 302
    assert response["Location"] == url("plan", scenario)
    chosen = client.get(
        reverse("dashboards:entry", args=[scenario.document.pk]),
        {"ky": scenario.period_2024.pk},
    )
    assert chosen["Location"].endswith(f"/ky/{scenario.period_2024.pk}/")


@pytest.mark.parametrize("name", ["units", "tasks", "trend", "overdue", "difficulties"])
def test_drill_down_pages_render(
    name: str, scenario: Scenario, personas: Personas, client_for: Callable[..., Client]
) -> None:
    response = client_for(personas.leader).get(url(name, scenario))
    assert response.status_code == 200


def test_task_page_lists_every_tracked_task(
    scenario: Scenario, personas: Personas, client_for: Callable[..., Client]
) -> None:
    html = client_for(personas.focal_officer).get(url("tasks", scenario)).content.decode()
    labels = re.findall(r'<span class="label label-(\w+)">', html)
    assert sorted(labels) == sorted(
        ["done_on_time", "done_late", "in_progress_on_time", "in_progress_overdue", "not_started"]
    )
    assert "III.1" not in html  # nobody owes a report on it: not tracked


def test_theme_and_unit_pages(
    scenario: Scenario, org: Org, personas: Personas, client_for: Callable[..., Client]
) -> None:
    client = client_for(personas.focal_officer)
    theme = client.get(url("theme", scenario, theme="II.3")).content.decode()
    assert "Đang thực hiện quá hạn" in theme and "II.3.b" in theme and "II.1.a" not in theme
    unit = client.get(url("unit", scenario, unit=org.information.pk)).content.decode()
    assert 'data-unit-sent="2"' in unit
    assert client.get(url("theme", scenario, theme="IX")).status_code == 404


def test_overdue_list_names_the_late_pairs(
    scenario: Scenario, personas: Personas, client_for: Callable[..., Client]
) -> None:
    html = client_for(personas.focal_officer).get(url("overdue", scenario)).content.decode()
    # Only II.3.a (due 31/03/2025) is overdue in 2025, owed by Sở TT&TT.
    assert "1 lượt đơn vị chưa báo cáo hoàn thành" in html
    assert "II.3.a" in html and "II.2" not in html


def test_difficulties_register_shows_escalation_state(
    scenario: Scenario, personas: Personas, client_for: Callable[..., Client]
) -> None:
    html = client_for(personas.focal_officer).get(url("difficulties", scenario)).content.decode()
    assert "3 khó khăn, vướng mắc được nêu trong kỳ" in html
    assert "Đã chỉ đạo kết nối." in html  # the resolution
    assert "Chưa có hướng dẫn." not in html  # a draft's difficulty is not counted


def test_report_download(
    scenario: Scenario, personas: Personas, client_for: Callable[..., Client]
) -> None:
    response = client_for(personas.leader).get(url("report", scenario))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response.content[:2] == b"PK"
    assert "77-KH-UBND-2025.docx" in response["Content-Disposition"]


# ------------------------------------------------------------ permissions


def test_unit_officer_sees_only_own_unit(
    scenario: Scenario, org: Org, personas: Personas, client_for: Callable[..., Client]
) -> None:
    client = client_for(personas.unit_officer_a)  # Sở Tư pháp
    entry = client.get(reverse("dashboards:entry", args=[scenario.document.pk]))
    assert entry["Location"] == url("unit", scenario, unit=org.justice.pk)
    assert client.get(entry["Location"]).status_code == 200
    assert client.get(url("unit", scenario, unit=org.district_a.pk)).status_code == 404
    for name in ("plan", "units", "tasks", "trend", "overdue", "difficulties", "report"):
        assert client.get(url(name, scenario)).status_code == 403, name


def test_district_sees_its_commune_but_not_a_sibling(
    scenario: Scenario, org: Org, personas: Personas, client_for: Callable[..., Client]
) -> None:
    client = client_for(personas.unit_officer_b)  # UBND Đông Sơn, over xã Bình An
    assert client.get(url("unit", scenario, unit=org.commune_a.pk)).status_code == 200
    assert client.get(url("unit", scenario, unit=org.district_b.pk)).status_code == 404


def test_focal_officer_of_another_agency_gets_404(
    scenario: Scenario, org: Org, personas: Personas, client_for: Callable[..., Client]
) -> None:
    other = person("daumoi_dv", "Võ Thị Dân Vận", Role.FOCAL_OFFICER, org.mass_mobilisation)
    own = plan_document(org, "9-KH/BDV", org.mass_mobilisation, "Kế hoạch của Ban Dân vận")
    client = client_for(other)
    assert client.get(url("plan", scenario)).status_code == 404
    assert client.get(reverse("dashboards:entry", args=[scenario.document.pk])).status_code == 404
    listing = client.get(reverse("dashboards:index")).content.decode()
    assert "9-KH/BDV" in listing and "77/KH-UBND" not in listing
    # and the Sở Nội vụ officer does not see the Ban Dân vận plan
    focal = client_for(personas.focal_officer)
    assert focal.get(reverse("dashboards:entry", args=[own.pk])).status_code == 404


def test_unit_without_tasks_in_the_plan_gets_404(
    scenario: Scenario, org: Org, client_for: Callable[..., Client]
) -> None:
    outsider = person("canbo_tg", "Đỗ Văn Giang", Role.UNIT_OFFICER, org.party)
    client = client_for(outsider)
    assert client.get(reverse("dashboards:entry", args=[scenario.document.pk])).status_code == 404


def test_period_of_another_plan_is_404(
    scenario: Scenario, org: Org, personas: Personas, client_for: Callable[..., Client]
) -> None:
    from tests.web.builders import build_plan

    other = build_plan(org)
    bad = reverse(
        "dashboards:plan", kwargs={"plan": scenario.document.pk, "period": other.period.pk}
    )
    assert client_for(personas.leader).get(bad).status_code == 404


def test_anonymous_is_sent_to_login(scenario: Scenario) -> None:
    response = Client().get(url("plan", scenario))
    assert response.status_code == 302 and "dang-nhap" in response["Location"]


@pytest.mark.parametrize(
    "name", ["plan", "units", "tasks", "trend", "overdue", "difficulties", "report"]
)
def test_leader_is_read_only(
    name: str, scenario: Scenario, personas: Personas, client_for: Callable[..., Client]
) -> None:
    client = client_for(personas.leader)
    assert client.post(url(name, scenario)).status_code == 405
    if name == "report":
        return
    page = client.get(url(name, scenario)).content.decode()
    forms = re.findall(r'<form[^>]*method="post"[^>]*action="([^"]*)"', page)
    assert all("bang-theo-doi" not in action for action in forms)


def test_unit_list_links_each_unit_with_its_state(
    scenario: Scenario, org: Org, personas: Personas, client_for: Callable[..., Client]
) -> None:
    html = client_for(personas.focal_officer).get(url("units", scenario)).content.decode()
    justice = url("unit", scenario, unit=org.justice.pk)
    assert f'<a href="{justice}">Sở Tư pháp</a>' in html
    assert html.count("Đủ, đúng hạn") == 2  # Tư pháp, Đông Sơn
    assert html.count("Đủ, muộn") == 1  # TT&TT
    assert html.count("Chưa đủ") == 1  # Tây Giang
