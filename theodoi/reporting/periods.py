"""Reporting periods from a reporting duty: plain dates in, plain dates out.

NĐ 09/2019/NĐ-CP fixes when report data is cut off: a period ends on the
``cutoff_day`` (14) of its last month and starts the day after the previous
one ended, so a year runs from 15/12 of the year before to 14/12. With
``cutoff_day=0`` periods follow calendar months instead.

The due date comes from the plan ("trước ngày 10/12 hằng năm"). A due date is
placed on the occurrence of its MM-DD nearest to the period's end, so 15/01
falls in the following January. A report cannot be due before its data end:
when the plan's due date comes before the cut-off (10/12 against 14/12), the
plan wins and the data are cut off the day before the due date (a year then
runs 10/12 – 09/12), so a period never closes after its own due date.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, replace

ROMAN_QUARTERS = {1: "I", 2: "II", 3: "III", 4: "IV"}
#: Months per period and the months periods end in, per recurrence.
SHAPES: dict[str, tuple[int, tuple[int, ...]]] = {
    "annual": (12, (12,)),
    "semiannual": (6, (6, 12)),
    "quarterly": (3, (3, 6, 9, 12)),
    "monthly": (1, tuple(range(1, 13))),
}


class PeriodError(ValueError):
    """The duty cannot be turned into periods (the message says why)."""


@dataclass(frozen=True)
class PeriodSpec:
    year: int
    index: int
    label: str
    start: datetime.date
    end: datetime.date
    due_date: datetime.date

    @property
    def figures_estimated(self) -> bool:
        """Due on the cut-off day itself: the last day's figures are estimates."""
        return self.due_date <= self.end


def safe_date(year: int, month: int, day: int) -> datetime.date:
    """The date, with a day past the month's end moved to its last day (29/02 → 28/02)."""
    return datetime.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def period_bounds(
    year: int, end_month: int, months: int, cutoff_day: int
) -> tuple[datetime.date, datetime.date]:
    """First and last day of the period of ``months`` months ending in ``end_month``."""
    if cutoff_day == 0:
        start_year, start_month = shift_months(year, end_month, 1 - months)
        return (
            datetime.date(start_year, start_month, 1),
            safe_date(year, end_month, 31),
        )
    previous_year, previous_month = shift_months(year, end_month, -months)
    start = safe_date(previous_year, previous_month, cutoff_day) + datetime.timedelta(days=1)
    return start, safe_date(year, end_month, cutoff_day)


def nearest_due(end: datetime.date, due_month: int | None, due_day: int | None) -> datetime.date:
    """The occurrence of the due date nearest to ``end`` (ties go later).

    Without a month (sub-annual duties: "trước ngày 15 hằng tháng") the day is
    looked for in the months around ``end``; without any date the report is
    due on the cut-off day itself.
    """
    if due_day is None:
        return end
    if due_month is not None:
        candidates = [safe_date(end.year + delta, due_month, due_day) for delta in (-1, 0, 1)]
    else:
        candidates = [
            safe_date(*shift_months(end.year, end.month, delta), due_day) for delta in (-1, 0, 1)
        ]
    return min(candidates, key=lambda day: (abs((day - end).days), -day.toordinal()))


def period_label(recurrence: str, year: int, end_month: int) -> str:
    if recurrence == "annual":
        return f"Năm {year}"
    if recurrence == "semiannual":
        return f"6 tháng {'đầu' if end_month == 6 else 'cuối'} năm {year}"
    if recurrence == "quarterly":
        return f"Quý {ROMAN_QUARTERS[end_month // 3]}/{year}"
    return f"Tháng {end_month}/{year}"


def generate_periods(
    recurrence: str,
    first_year: int,
    last_year: int,
    *,
    due_month: int | None = None,
    due_day: int | None = None,
    cutoff_day: int = 14,
) -> list[PeriodSpec]:
    """Every period of a duty whose end falls in ``first_year``..``last_year``.

    A semiannual duty with a due month ("báo cáo 6 tháng trước ngày 15/6") is
    the mid-year report only: the year-end one is a separate annual duty.
    Quarterly and monthly duties use only the due day, in the month nearest
    each period's end.
    """
    if recurrence not in SHAPES:
        raise PeriodError(
            f"Periods are generated for {', '.join(SHAPES)} duties, not {recurrence!r}."
        )
    if not 0 <= cutoff_day <= 28:
        raise PeriodError(f"cutoff_day must be 0..28, not {cutoff_day}.")
    if first_year > last_year:
        raise PeriodError(f"first_year {first_year} is after last_year {last_year}.")
    if due_month is not None and due_day is None:
        raise PeriodError("A due month needs a due day.")
    if due_day is not None:
        safe_date(2024, due_month or 1, 1)  # raises for a month outside 1..12
        if not 1 <= due_day <= 31:
            raise PeriodError(f"due_day must be 1..31, not {due_day}.")
    months, end_months = SHAPES[recurrence]
    if recurrence == "semiannual" and due_month is not None:
        end_months = (6,) if abs(due_month - 6) < abs(due_month - 12) else (12,)
    month = due_month if recurrence in ("annual", "semiannual") else None

    def close(year: int, end_month: int) -> tuple[datetime.date, datetime.date]:
        """Cut-off and due date of the period ending in ``end_month``."""
        _start, end = period_bounds(year, end_month, months, cutoff_day)
        if end_month not in end_months:
            return end, end
        due = nearest_due(end, month, due_day)
        if due < end:  # the plan's deadline first: data end the day before it
            end = due - datetime.timedelta(days=1)
        return end, due

    periods = []
    for year in range(first_year, last_year + 1):
        for end_month in end_months:
            end, due = close(year, end_month)
            previous_end, _due = close(*shift_months(year, end_month, -months))
            periods.append(
                PeriodSpec(
                    year=year,
                    index=end_months.index(end_month) + 1,
                    label=period_label(recurrence, year, end_month),
                    start=previous_end + datetime.timedelta(days=1),
                    end=end,
                    due_date=due,
                )
            )
    return periods


def periods_in_window(
    recurrence: str,
    first_day: datetime.date,
    last_day: datetime.date,
    *,
    close_at_end: bool = False,
    due_month: int | None = None,
    due_day: int | None = None,
    cutoff_day: int = 14,
) -> list[PeriodSpec]:
    """The periods of a duty over a plan's window ``first_day``..``last_day``.

    A period is kept when its data overlap the window and it closes within
    it. With ``close_at_end`` (a plan counted in days: "100 ngày") the period
    running at the window's end is kept too, closed on the window's last day
    and due as long after it as the regime's due date is after its cut-off.
    A one-off duty (``once``) is one period over the whole window;
    ``periodic`` (no regime stated) is reported yearly.
    """
    if first_day > last_day:
        raise PeriodError(f"the window starts {first_day} after it ends {last_day}.")
    if recurrence == "once":
        due = nearest_due(last_day, due_month, due_day) if due_day else last_day
        return [
            PeriodSpec(
                year=last_day.year,
                index=1,
                label=f"Tổng kết {first_day:%d/%m/%Y} – {last_day:%d/%m/%Y}",
                start=first_day,
                end=last_day,
                due_date=max(due, last_day),
            )
        ]
    if recurrence == "periodic":
        recurrence = "annual"
    specs = generate_periods(
        recurrence,
        first_day.year,
        last_day.year + 1,
        due_month=due_month,
        due_day=due_day,
        cutoff_day=cutoff_day,
    )
    kept = []
    for spec in specs:
        if spec.end < first_day or spec.start > last_day:
            continue
        if spec.end > last_day:
            if not close_at_end:
                continue
            lag = max(spec.due_date - spec.end, datetime.timedelta(0))
            spec = replace(spec, end=last_day, due_date=last_day + lag)
        kept.append(spec)
    return kept
