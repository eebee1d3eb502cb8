"""Reading the parser's timing of a task ("Quý II/2025", "thường xuyên", an
ISO date …) into the fields of ``Task``. Plain functions, no ORM.

The parser gives both the text as written and, when it could, a normalised
reading (``timing_normalized``: kind, start, end, month). The normalised
reading wins; the text is read here as a fallback so a timing typed by an
officer on the review screen gets the same treatment.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any

from theodoi.text.vietnamese import strip_diacritics

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_QUARTER = re.compile(r"quy\s+([ivx]+|[1-4])\s*(?:/|nam\s+)\s*(\d{4})")
_MONTH = re.compile(r"thang\s+(\d{1,2})\s*(?:/|nam\s+)\s*(\d{4})")
_YEAR = re.compile(r"(?:nam|trong nam)\s+(\d{4})$")


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


def _iso(value: object) -> datetime.date | None:
    if not isinstance(value, str) or not _ISO.match(value):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def read_timing(text: str | None, normalized: dict[str, Any] | None = None) -> TimingFields:
    """The task fields for a timing as stated, using the parser's reading when given."""
    text = (text or "").strip()[:255]
    if normalized:
        fields = _from_normalized(text, normalized)
        if fields is not None:
            return fields
    return read_timing_text(text)


def _from_normalized(text: str, normalized: dict[str, Any]) -> TimingFields | None:
    kind = str(normalized.get("kind") or "")
    end = _iso(normalized.get("end")) or _iso(normalized.get("start"))
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
    """Read a timing from its words alone."""
    folded = strip_diacritics(text).lower().strip()
    if not folded:
        return TimingFields("unspecified", "")
    if "thuong xuyen" in folded or "lien tuc" in folded:
        return TimingFields("continuous", text)
    if "hang nam" in folded or "hàng năm" in text.lower():
        return TimingFields("annual", text)
    iso = _iso(folded)
    if iso is not None:
        return TimingFields("due_date", text, due_date=iso)
    if match := _QUARTER.search(folded):
        number = match.group(1)
        quarter = ROMAN.get(number) or (int(number) if number.isdigit() else None)
        if quarter:
            return TimingFields("quarter", text, due_year=int(match.group(2)), due_quarter=quarter)
    if match := _DMY.search(folded):
        try:
            day = datetime.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        except ValueError:
            day = None
        if day is not None:
            return TimingFields("due_date", text, due_date=day)
    if match := _MONTH.search(folded):
        month = int(match.group(1))
        if 1 <= month <= 12:
            return TimingFields("month", text, due_year=int(match.group(2)), due_month=month)
    if match := _YEAR.search(folded):
        return TimingFields("due_date", text, due_date=datetime.date(int(match.group(1)), 12, 31))
    return TimingFields("unspecified", text)
