"""Reading stated timings into task fields (plain functions)."""

from __future__ import annotations

import datetime

import pytest

from theodoi.plans.timing_read import read_timing, read_timing_text
from theodoi.text.model import Timing


@pytest.mark.parametrize(
    ("text", "kind", "fields"),
    [
        ("thường xuyên", "continuous", {}),
        ("Thực hiện thường xuyên, liên tục", "continuous", {}),
        ("hằng năm", "annual", {}),
        ("hàng năm", "annual", {}),
        ("2025-06-30", "due_date", {"due_date": datetime.date(2025, 6, 30)}),
        ("trước ngày 15/10/2025", "due_date", {"due_date": datetime.date(2025, 10, 15)}),
        ("Quý II/2025", "quarter", {"due_year": 2025, "due_quarter": 2}),
        ("quý 3 năm 2026", "quarter", {"due_year": 2026, "due_quarter": 3}),
        ("tháng 10/2025", "month", {"due_year": 2025, "due_month": 10}),
        ("Trong năm 2026", "due_date", {"due_date": datetime.date(2026, 12, 31)}),
        ("", "unspecified", {}),
        ("khi có yêu cầu", "unspecified", {}),
    ],
)
def test_read_timing_text(text: str, kind: str, fields: dict[str, object]) -> None:
    read = read_timing_text(text)
    assert read.timing_kind == kind
    for name, value in fields.items():
        assert getattr(read, name) == value


def test_normalized_reading_wins_over_the_words() -> None:
    read = read_timing(Timing("Quý III/2024", "quarter", "2024-07-01", "2024-09-30"))
    assert (read.timing_kind, read.due_year, read.due_quarter) == ("quarter", 2024, 3)
    read = read_timing(Timing("năm 2025-2030", "year_range", "2025-01-01", "2030-12-31"))
    assert read.due_date == datetime.date(2030, 12, 31)
    # an unusable normalised reading falls back to the words
    assert read_timing(Timing("hằng năm", "other")).timing_kind == "annual"
    assert read_timing(None) == read_timing_text("")
