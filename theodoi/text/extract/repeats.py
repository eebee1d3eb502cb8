"""An appendix table that repeats the body's duties: each duty is one task.

Plans often list their duties in the body ("b) Nhiệm vụ" / "- Rà soát …") and
then repeat them, one row each, in an appendix table that adds who leads,
who coordinates and by when ("Phân công nhiệm vụ theo Phụ lục đính kèm").
The spec makes each such duty one task: the appendix row, which carries the
bodies and the deadline. A duty of the body that no row repeats stays a
task. Rows are matched on their wording (a row may shorten the body's
sentence, split it in two, or write "UBND" for "Ủy ban nhân dân"); the
organisation section's paragraphs (who monitors, who reports) are never
repeats of a row, whatever words they share with one.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from theodoi.text.extract.sections import ORG, classify_section
from theodoi.text.model import Task
from theodoi.text.vietnamese import strip_diacritics

#: A row's wording found (nearly) whole inside a body duty: the same duty.
SAME_DUTY = 88
#: Fewer repeated duties than this is coincidence, not an appendix that repeats the body.
MIN_REPEATS = 3
_MIN_ROW_CHARS = 30  # "Tổ chức thực hiện" is found in any duty
_UBND = re.compile(r"\bu[yỷ] ban nhan dan\b")


def _folded(text: str) -> str:
    folded = " ".join(strip_diacritics(text).lower().split())
    return _UBND.sub("ubnd", folded)


def _repeated(duty: str, rows: list[str]) -> bool:
    return any(fuzz.partial_ratio(row, duty) >= SAME_DUTY for row in rows)


def drop_repeated_duties(tasks: list[Task]) -> list[Task]:
    """``tasks`` without the body duties an appendix table repeats row for row."""
    rows = [
        _folded(t.text)
        for t in tasks
        if t.source == "table" and t.path.startswith("PL") and len(t.text) >= _MIN_ROW_CHARS
    ]
    if not rows:
        return tasks
    repeated = {
        id(t)
        for t in tasks
        if t.source != "table"
        and classify_section(t.section) != ORG
        and _repeated(_folded(t.text), rows)
    }
    if len(repeated) < MIN_REPEATS:
        return tasks
    return [t for t in tasks if id(t) not in repeated]
