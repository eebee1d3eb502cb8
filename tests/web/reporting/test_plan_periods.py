"""Periods an imported plan gets: from its real start to its own horizon, one
per year for the units' line, none for the focal agency's report upward.

The plans are fictional Hòa Lâm plans (tests/web/documents/results.py),
stored through the real import path."""

from __future__ import annotations

import datetime

from tests.web.builders import Org
from tests.web.documents.results import parse_result
from theodoi.documents.importing import store_parse_result
from theodoi.documents.models import Document
from theodoi.reporting.models import Recurrence, ReportingPeriod, TaskReport
from theodoi.reporting.plan_periods import period_years, rebuild_periods
from theodoi.text.model import ParseResult

D = datetime.date
TODAY = D(2026, 12, 7)

UNITS_LINE = {
    "from": "Các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố",
    "to": "Sở Nội vụ",
    "via": None,
    "recurrence": "annual",
    "due": "12-15",
}
UPWARD_LINE = {
    "from": "Sở Nội vụ",
    "to": "UBND tỉnh",
    "via": None,
    "recurrence": "annual",
    "due": None,
}


def periods_of(document: Document) -> list[ReportingPeriod]:
    return list(
        ReportingPeriod.objects.filter(obligation__document=document).order_by("due_date", "id")
    )


def store(**changes: object) -> Document:
    return store_parse_result(
        ParseResult.from_json_dict(parse_result(**changes)), today=TODAY
    ).document


def test_dated_plan_one_period_per_year_from_its_date(org: Org) -> None:
    document = store(date="2025-03-10", reporting=[UNITS_LINE, UPWARD_LINE])
    periods = periods_of(document)
    labels = [p.label for p in periods]
    assert labels == ["Năm 2025", "Năm 2026", "Năm 2027", "Năm 2028", "Năm 2029"]
    assert len(set(labels)) == len(labels)  # the upward line adds no second "Năm 2026"
    assert {p.obligation.from_text for p in periods} == {UNITS_LINE["from"]}
    for period in periods:
        assert period.due_date >= period.end
    assert period_years(document) == [2025, 2026, 2027, 2028, 2029]


def test_upward_line_listed_first_still_gives_no_units_period(org: Org) -> None:
    document = store(reporting=[UPWARD_LINE, UNITS_LINE])
    (senders,) = {p.obligation.from_text for p in periods_of(document)}
    assert senders == UNITS_LINE["from"]


def test_undated_plan_starts_at_the_latest_date_it_cites(org: Org) -> None:
    title = (
        "Thực hiện Chương trình số 12-CTr/TU ngày 19/3/2024 của Ban Thường vụ "
        "Tỉnh ủy Hòa Lâm và Kế hoạch số 08/KH-UBND ngày 02 tháng 5 năm 2024"
    )
    document = store(number=None, date=None, title=title, reporting=[UNITS_LINE])
    years = period_years(document)
    assert years[0] == 2024  # not today's year: 2024 and 2025 can be tracked
    assert years[-1] >= TODAY.year
    first = periods_of(document)[0]
    assert first.end >= D(2024, 5, 2)


def test_horizon_bound_plan_stops_at_its_horizon(org: Org) -> None:
    title = "Kế hoạch thực hiện công tác dân vận giai đoạn 2025–2027"
    document = store(title=title, date="2025-02-01", reporting=[UNITS_LINE])
    assert period_years(document) == [2025, 2026, 2027]
    until = store(
        number="46/KH-UBND",
        title="Kế hoạch chuyển đổi số đến năm 2026",
        date="2025-02-01",
        reporting=[UNITS_LINE],
    )
    assert period_years(until) == [2025, 2026]


def test_one_hundred_day_plan_has_one_period_closing_on_its_last_day(org: Org) -> None:
    title = "Kế hoạch 100 ngày cao điểm cải cách hành chính"
    document = store(title=title, date="2026-03-02", reporting=[UNITS_LINE])
    (period,) = periods_of(document)
    assert period.end == D(2026, 6, 9)  # 02/3 + 99 days: the 100th day
    assert period.due_date >= period.end
    assert period.start <= D(2026, 3, 2)


def test_plan_stating_only_the_upward_duty_gets_a_units_line(org: Org) -> None:
    document = store(reporting=[UPWARD_LINE])
    periods = periods_of(document)
    assert periods, "a plan with a reporting duty must get periods"
    assert {p.obligation.from_text for p in periods} == {""}
    assert {p.obligation.to_unit_id for p in periods} == {org.home_affairs.pk}
    assert document.reporting_obligations.count() == 2


def test_on_request_duty_only_still_gives_yearly_periods(org: Org) -> None:
    line = {**UPWARD_LINE, "recurrence": "on_request"}
    document = store(reporting=[line])
    recurrences = {p.obligation.recurrence for p in periods_of(document)}
    assert recurrences == {Recurrence.ANNUAL}


def test_officer_correction_rebuilds_and_keeps_periods_with_reports(
    org: Org, focal_officer
) -> None:
    document = store(
        date=None, number=None, title="Kế hoạch công tác dân vận", reporting=[UNITS_LINE]
    )
    before = periods_of(document)
    kept = before[-1]
    TaskReport.objects.create(task=document.tasks.first(), unit=org.justice, period=kept)
    document.tracked_from = D(2023, 6, 1)
    document.tracked_until = D(2024, 12, 31)
    document.save()
    rebuild_periods(document, TODAY, focal_officer)
    years = [p.year for p in periods_of(document)]
    assert years[:2] == [2023, 2024]
    assert kept.pk in {p.pk for p in periods_of(document)}  # its report is never lost


def test_correcting_the_date_on_review_moves_the_periods(org: Org, focal_officer) -> None:
    from theodoi.documents.actions import update_document

    document = store(
        date=None, number=None, title="Kế hoạch công tác dân vận", reporting=[UNITS_LINE]
    )
    update_document(focal_officer, document, date=D(2023, 2, 1))
    assert period_years(document)[0] == 2023
