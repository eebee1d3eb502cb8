"""A plan's reporting window: from when it can be tracked, until when.

Plain text in, plain dates out (no Django), so the rules are tested alone.

* **Earliest date.** A dated plan starts on its date. An undated one cannot
  start before the latest date it cites ("thực hiện Chương trình số
  51-CTr/TU ngày 19/3/2024"): that date is its earliest possible start, so
  the years between it and today can still be tracked. The officer corrects
  it on the review screen when the plan says otherwise.
* **Horizon.** The plan's own words: "giai đoạn 2024–2030", "đến năm 2030",
  "100 ngày", "năm 2026" (a one-year plan). Without any, the configured
  number of years (``THEODOI_PLAN_YEARS``) from the start year.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass

#: "ngày 19/3/2024", "ngày 19-3-2024", "19/03/2024"
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})(?!\d)")
#: "ngày 12 tháng 4 năm 2024"
_WORDED_DATE = re.compile(
    r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d{2})", re.IGNORECASE
)
_YEAR = r"((?:19|20)\d{2})"
_DASH = r"\s*[-–—]\s*"
#: "giai đoạn 2024–2030", "giai đoạn 2024 - 2030", "thời kỳ 2025-2030"
_SPAN = re.compile(
    rf"(?:giai\s+đoạn|thời\s+kỳ|từ\s+năm)\s+{_YEAR}(?:{_DASH}|\s+đến\s+(?:năm\s+)?){_YEAR}",
    re.IGNORECASE,
)
#: "đến năm 2030", "tầm nhìn đến năm 2045" (the vision is not the horizon)
_UNTIL = re.compile(rf"(tầm\s+nhìn\s+)?đến\s+năm\s+{_YEAR}", re.IGNORECASE)
#: "100 ngày", "kế hoạch 90 ngày"
_DAYS = re.compile(r"(?<!\d)(\d{2,3})\s+ngày(?!\s+\d)(?!\s+tháng)", re.IGNORECASE)
#: "năm 2026" standing alone in the title: a plan for that year
_ONE_YEAR = re.compile(rf"(?<!đến\s)(?<!từ\s)năm\s+{_YEAR}(?!\s*[-–—])", re.IGNORECASE)
#: The first heading of the body ("I. MỤC ĐÍCH …"): the preamble ends there.
_FIRST_HEADING = re.compile(r"^\s*I\s*[.:-]\s+\S", re.MULTILINE)
PREAMBLE_CHARS = 4000


@dataclass(frozen=True)
class Window:
    """The dates a plan is tracked over (both inclusive) and where they came from."""

    start: datetime.date
    end: datetime.date
    start_source: str  # "date" | "cited" | "today"
    end_source: str  # "span" | "until" | "days" | "year" | "default"

    @property
    def years(self) -> tuple[int, int]:
        return self.start.year, self.end.year


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


def preamble(source_text: str) -> str:
    """The text before the plan's first Roman-numeral heading (its citations)."""
    text = _nfc(source_text)
    match = _FIRST_HEADING.search(text)
    end = match.start() if match else len(text)
    return text[: min(end, PREAMBLE_CHARS)]


def cited_dates(text: str) -> list[datetime.date]:
    """Every well-formed date written in ``text``, in order."""
    text = _nfc(text)
    found: list[tuple[int, datetime.date]] = []
    for pattern in (_WORDED_DATE, _NUMERIC_DATE):
        for match in pattern.finditer(text):
            day, month, year = (int(part) for part in match.groups())
            try:
                found.append((match.start(), datetime.date(year, month, day)))
            except ValueError:
                continue
    return [date for _position, date in sorted(found)]


def plan_year(title: str) -> int | None:
    """The year of a one-year plan ("Kế hoạch … năm 2026"), not a date's year
    ("ngày 12 tháng 4 năm 2024") nor a span's."""
    text = _nfc(title)
    if _SPAN.search(text):
        return None
    for match in _ONE_YEAR.finditer(text):
        before = text[max(0, match.start() - 12) : match.start()].lower()
        if "tháng" not in before and "đến" not in before:
            return int(match.group(1))
    return None


def earliest_date(
    date: datetime.date | None, title: str, source_text: str, today: datetime.date
) -> tuple[datetime.date, str]:
    """The plan's own date, else the latest date its title or preamble cites
    (never after ``today``), else ``today``."""
    if date is not None:
        return date, "date"
    cited = [d for d in cited_dates(f"{title}\n{preamble(source_text)}") if d <= today]
    if cited:
        return max(cited), "cited"
    return today, "today"


def horizon(
    title: str, source_text: str, start: datetime.date, default_years: int
) -> tuple[datetime.date, str]:
    """The last day the plan is tracked: its stated horizon, else
    ``default_years`` calendar years counting the start year."""
    text = f"{_nfc(title)}\n{preamble(source_text)}"
    span = _SPAN.search(text)
    if span and int(span.group(1)) <= int(span.group(2)):
        return datetime.date(int(span.group(2)), 12, 31), "span"
    for until in _UNTIL.finditer(text):
        year = int(until.group(2))
        if until.group(1) is None and year >= start.year:
            return datetime.date(year, 12, 31), "until"
    days = _DAYS.search(_nfc(title))
    if days:
        return start + datetime.timedelta(days=int(days.group(1)) - 1), "days"
    one_year = plan_year(title)
    if one_year is not None and one_year >= start.year:
        return datetime.date(one_year, 12, 31), "year"
    return datetime.date(start.year + max(default_years, 1) - 1, 12, 31), "default"


def plan_window(
    *,
    date: datetime.date | None,
    title: str,
    source_text: str,
    today: datetime.date,
    default_years: int,
) -> Window:
    """The plan's window: earliest start and horizon (see the module's doc)."""
    start, start_source = earliest_date(date, title, source_text, today)
    year = plan_year(title)
    if start_source != "date" and year is not None:
        # "Kế hoạch … năm 2026" without a date covers that year at least.
        first_day = datetime.date(year, 1, 1)
        start = first_day if start_source == "today" else max(start, first_day)
    end, end_source = horizon(title, source_text, start, default_years)
    if end_source == "default":  # an open-ended plan is tracked at least until this year's end
        end = max(end, datetime.date(today.year, 12, 31))
    end = max(end, start)
    return Window(start, end, start_source, end_source)
