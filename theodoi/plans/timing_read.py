"""Reading the parser's timing of a task ("Quý II/2025", "thường xuyên", an
ISO date …) into the fields of ``Task``. Plain functions, no ORM.

The parser gives both the text as written and, when it could, a normalised
reading (the core's ``Timing``: kind, start, end, month). The normalised
reading wins; the text is read here as a fallback so a timing typed by an
officer on the review screen gets the same treatment.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from theodoi.text.lexicon import iso_date, read_due
from theodoi.text.model import Timing


@dataclass(frozen=True)
class TimingFields:
    """The timing columns of a ``Task``."""

    timing_kind: str
    timing_text: str
    due_date: datetime.date | None = None
    due_year: int | None = None
    due_quarter: int | None = None
    due_month: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "timing_kind": self.timing_kind,
            "timing_text": self.timing_text,
            "due_date": self.due_date,
            "due_year": self.due_year,
            "due_quarter": self.due_quarter,
            "due_month": self.due_month,
        }


def read_timing(timing: Timing | None) -> TimingFields:
    """The task fields for a parsed timing, using the parser's reading when it
    gives one (the core's ``Timing``: kind, start, end), else the words."""
    if timing is None:
        return read_timing_text("")
    text = (timing.text or "").strip()[:255]
    fields = _from_normalized(text, timing)
    return fields if fields is not None else read_timing_text(text)


def _from_normalized(text: str, timing: Timing) -> TimingFields | None:
    kind = timing.kind
    end = iso_date(timing.end) or iso_date(timing.start)
    if kind == "continuous":
        return TimingFields("continuous", text)
    if kind == "annual":
        return TimingFields("annual", text)
    if kind == "quarter" and end is not None:
        return TimingFields(
            "quarter", text, due_year=end.year, due_quarter=(end.month - 1) // 3 + 1
        )
    if kind == "month" and end is not None:
        return TimingFields("month", text, due_year=end.year, due_month=end.month)
    if kind in {"date", "year", "year_range", "half_year"} and end is not None:
        return TimingFields("due_date", text, due_date=end)
    return None


def read_timing_text(text: str) -> TimingFields:
    """Read a timing from its words alone (the words are the core's: theodoi.text.lexicon)."""
    reading = read_due(text)
    if reading.kind == "unspecified":
        return TimingFields("unspecified", text if text.strip() else "")
    return TimingFields(
        reading.kind,
        text,
        due_date=reading.date,
        due_year=reading.year,
        due_quarter=reading.quarter,
        due_month=reading.month,
    )
