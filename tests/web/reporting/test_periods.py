"""Reporting periods: cut-off (NĐ 09/2019), due dates, leap years."""

import datetime
import itertools

import pytest

from theodoi.reporting.periods import PeriodError, generate_periods, nearest_due

D = datetime.date


def test_annual_period_runs_from_15_12_to_14_12() -> None:
    (period,) = generate_periods("annual", 2025, 2025, due_month=12, due_day=15)
    assert (period.start, period.end) == (D(2024, 12, 15), D(2025, 12, 14))
    assert period.label == "Năm 2025"


def test_a_due_date_before_the_cut_off_moves_the_cut_off_before_it() -> None:
    """Due 10/12: the data cannot end on 14/12, after the report is due."""
    periods = generate_periods("annual", 2025, 2027, due_month=12, due_day=10)
    assert [(p.start, p.end, p.due_date) for p in periods] == [
        (D(2024, 12, 10), D(2025, 12, 9), D(2025, 12, 10)),
        (D(2025, 12, 10), D(2026, 12, 9), D(2026, 12, 10)),
        (D(2026, 12, 10), D(2027, 12, 9), D(2027, 12, 10)),
    ]
    for period in periods:
        assert period.due_date > period.end
        assert not period.figures_estimated


@pytest.mark.parametrize("recurrence", ["annual", "semiannual", "quarterly", "monthly"])
@pytest.mark.parametrize("due_day", [None, 1, 5, 10, 14, 15, 20, 28, 31])
def test_no_period_is_due_before_its_cut_off(recurrence: str, due_day: int | None) -> None:
    month = 12 if recurrence == "annual" and due_day else None
    periods = generate_periods(recurrence, 2024, 2026, due_month=month, due_day=due_day)
    for earlier, later in itertools.pairwise(periods):
        assert later.start == earlier.end + datetime.timedelta(days=1)
    for period in periods:
        assert period.due_date >= period.end, period


def test_due_date_in_january_falls_after_the_period() -> None:
    (period,) = generate_periods("annual", 2025, 2025, due_month=1, due_day=15)
    assert period.due_date == D(2026, 1, 15)
    assert not period.figures_estimated


def test_consecutive_periods_leave_no_gap() -> None:
    periods = generate_periods("quarterly", 2024, 2025, due_day=20)
    assert len(periods) == 8
    for earlier, later in itertools.pairwise(periods):
        assert later.start == earlier.end + datetime.timedelta(days=1)
    assert [p.label for p in periods[:4]] == [
        "Quý I/2024",
        "Quý II/2024",
        "Quý III/2024",
        "Quý IV/2024",
    ]
    assert periods[0].start == D(2023, 12, 15)
    assert periods[0].due_date == D(2024, 3, 20)


def test_calendar_periods_end_on_29_february_in_a_leap_year() -> None:
    months = generate_periods("monthly", 2024, 2024, cutoff_day=0)
    february = months[1]
    assert (february.start, february.end) == (D(2024, 2, 1), D(2024, 2, 29))
    assert generate_periods("monthly", 2025, 2025, cutoff_day=0)[1].end == D(2025, 2, 28)


def test_due_29_february_moves_to_28_in_common_years() -> None:
    assert nearest_due(D(2024, 3, 14), 2, 29) == D(2024, 2, 29)
    assert nearest_due(D(2025, 3, 14), 2, 29) == D(2025, 2, 28)


def test_semiannual_duty_with_a_june_date_is_the_mid_year_report() -> None:
    periods = generate_periods("semiannual", 2025, 2026, due_month=6, due_day=15)
    assert [(p.start, p.end, p.due_date) for p in periods] == [
        (D(2024, 12, 15), D(2025, 6, 14), D(2025, 6, 15)),
        (D(2025, 12, 15), D(2026, 6, 14), D(2026, 6, 15)),
    ]


def test_without_a_due_date_the_report_is_due_at_the_cut_off() -> None:
    (period,) = generate_periods("annual", 2025, 2025)
    assert period.due_date == period.end == D(2025, 12, 14)


@pytest.mark.parametrize(
    ("recurrence", "kwargs"),
    [
        ("on_request", {}),
        ("annual", {"cutoff_day": 30}),
        ("annual", {"due_month": 13, "due_day": 1}),
        ("annual", {"due_month": 12}),
    ],
)
def test_bad_duties_are_refused_with_a_reason(recurrence: str, kwargs: dict) -> None:
    with pytest.raises((PeriodError, ValueError)):
        generate_periods(recurrence, 2025, 2025, **kwargs)
