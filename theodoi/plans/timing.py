"""Reading a task's stated timing into a deadline. Plain functions, no ORM."""

from __future__ import annotations

import calendar
import datetime

QUARTER_END_MONTH = {1: 3, 2: 6, 3: 9, 4: 12}


def month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def task_deadline(
    timing_kind: str,
    due_date: datetime.date | None,
    due_year: int | None,
    due_quarter: int | None,
    due_month: int | None,
) -> datetime.date | None:
    """A task's own deadline: its date, the end of its quarter or month.

    Continuous and annual tasks have none: they are judged per reporting
    period against the period's due date.
    """
    if timing_kind == "due_date":
        return due_date
    if timing_kind == "quarter" and due_year and due_quarter:
        return month_end(due_year, QUARTER_END_MONTH[due_quarter])
    if timing_kind == "month" and due_year and due_month:
        return month_end(due_year, due_month)
    return None
