"""The dashboard's numbers against the hand-computed scenario."""

from __future__ import annotations

import datetime

from tests.web.dashboards.scenario import EXPECTED_2024, EXPECTED_2025, Scenario
from theodoi.dashboards.metrics import plan_status, theme_path
from theodoi.reporting.status import StatusLabel


def labels_by_path(status) -> dict[str, StatusLabel]:  # type: ignore[no-untyped-def]
    return {row.path: row.label for row in status.tasks}


def test_2025_numbers_match_hand_computation(scenario: Scenario, today: datetime.date) -> None:
    status = plan_status(scenario.document, scenario.period_2025, today)
    assert status.as_json() == EXPECTED_2025
    assert labels_by_path(status) == {
        "II.1.a": StatusLabel.DONE_ON_TIME,
        "II.1.b": StatusLabel.DONE_LATE,
        "II.2": StatusLabel.IN_PROGRESS_ON_TIME,
        "II.3.a": StatusLabel.IN_PROGRESS_OVERDUE,
        "II.3.b": StatusLabel.NOT_STARTED,
    }
    assert status.difficulties_total == 3
    assert status.sub_plans_units == 1
    assert [plan.number for plan in status.sub_plans] == ["12/KH-UBND"]


def test_continuous_tasks_are_judged_again_each_period(
    scenario: Scenario, today: datetime.date
) -> None:
    status = plan_status(scenario.document, scenario.period_2024, today)
    assert status.as_json() == EXPECTED_2024
    labels = labels_by_path(status)
    assert labels["II.1.a"] == StatusLabel.IN_PROGRESS_OVERDUE  # done only in 2025
    assert labels["II.3.b"] == StatusLabel.DONE_LATE  # done in 2024, not sent in 2025
    deadlines = {row.path: row.deadline for row in status.tasks}
    assert deadlines["II.1.b"] == datetime.date(2024, 12, 10)  # own 30/06/2025 is later


def test_units_on_time_and_late(scenario: Scenario, today: datetime.date, org) -> None:  # type: ignore[no-untyped-def]
    status = plan_status(scenario.document, scenario.period_2025, today)
    units = {row.unit_id: row for row in status.units}
    assert units[org.justice.pk].on_time
    assert units[org.information.pk].reported and not units[org.information.pk].on_time
    assert not units[org.district_b.pk].reported
    assert units[org.district_b.pk].tasks_sent == 0
    assert org.front.pk not in units  # must_report=False


def test_trend_runs_oldest_first_and_matches_each_period(
    scenario: Scenario, today: datetime.date
) -> None:
    status = plan_status(scenario.document, scenario.period_2025, today)
    assert [f.period.year for f in status.trend] == [2024, 2025]
    earlier = plan_status(scenario.document, scenario.period_2024, today)
    assert status.trend[0].counts == earlier.counts
    assert status.trend[0].units_reported == earlier.units_reported
    assert status.trend[0].reported_on_time == earlier.reported_on_time
    # the trend's totals (counted in SQL) agree with the per-unit rows
    assert (status.trend[-1].units_reported, status.trend[-1].reported_on_time) == (
        status.units_reported,
        status.reported_on_time,
    )


def test_the_clock_moves_labels(scenario: Scenario) -> None:
    """After the 2025 due date, the task still in progress becomes overdue."""
    later = plan_status(scenario.document, scenario.period_2025, datetime.date(2025, 12, 11))
    assert labels_by_path(later)["II.2"] == StatusLabel.IN_PROGRESS_OVERDUE


def test_themes_group_tasks(scenario: Scenario, today: datetime.date) -> None:
    status = plan_status(scenario.document, scenario.period_2025, today)
    assert [theme.path for theme in status.themes] == ["II.1", "II", "II.3"]
    assert theme_path("III.2.a-2") == "III.2"
    assert status.themes[0].total == 2


def test_theme_titles_come_from_the_outline(scenario: Scenario, today: datetime.date) -> None:
    from theodoi.plans.models import OutlineNode

    document = scenario.document
    section = OutlineNode.objects.create(document=document, path="II", heading="NHIỆM VỤ")
    theme = OutlineNode.objects.create(
        document=document, parent=section, path="II.1", heading="Đẩy mạnh tuyên truyền"
    )
    for path in ("II.1.a", "II.1.b"):
        node = OutlineNode.objects.create(document=document, parent=theme, path=path)
        scenario.tasks[path].node = node
        scenario.tasks[path].save(update_fields=["node"])
    themes = plan_status(document, scenario.period_2025, today).themes
    assert themes[0].title == "Đẩy mạnh tuyên truyền"


def test_trend_page_figures_equal_the_full_computation(
    scenario: Scenario, today: datetime.date
) -> None:
    """The trend page's lighter computation gives the same series as
    ``plan_status``, the current period included."""
    from theodoi.dashboards.metrics import trend_status

    full = plan_status(scenario.document, scenario.period_2025, today)
    light = trend_status(scenario.document, scenario.period_2025, today)
    assert len(light.trend) == 2
    assert light.trend == full.trend
    assert light.counts == full.counts
