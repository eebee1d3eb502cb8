"""A cover letter filed in front of the plan it submits.

A body that drafts a plan for another sends it with a letter ("Tờ trình",
"Công văn") on top: its own header, number, date and signature, then the
plan with its own national header and "KẾ HOẠCH" title. The plan's metadata
and tasks are those of the second document, so everything before the plan's
header is dropped. Only a letter followed by a plan header within a short
distance of its title is recognised; a plan that merely cites a "tờ trình"
is left alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from theodoi.text.outline.lines import CleanText
from theodoi.text.vietnamese import strip_diacritics

_LETTER = re.compile(r"\b(?:TO TRINH|CONG VAN)\b")
_NATIONAL = re.compile(r"CONG HOA XA HOI CHU NGHIA|DOC LAP\s*-\s*TU DO")
_PLAN_TITLE = re.compile(r"\b(?:KE HOACH|CHUONG TRINH)\b")
MAX_LETTER_LINES = 120  # a cover letter is one or two pages
TITLE_WINDOW = 6  # lines after the plan's national header that may hold its title


def _key(text: str) -> str:
    """Upper case without diacritics (OCR marks are unreliable)."""
    return strip_diacritics(text).upper()


def plan_start(lines: list[str]) -> int:
    """Index of the submitted plan's first header line, or 0 when there is no cover letter."""
    keys = [_key(line) for line in lines[:MAX_LETTER_LINES]]
    letter = next((i for i, k in enumerate(keys) if _LETTER.search(k)), None)
    if letter is None:
        return 0
    first_header = next((i for i, k in enumerate(keys) if _NATIONAL.search(k)), None)
    if first_header is None or first_header > letter:
        return 0  # the letter marker must sit in the first document's header block
    for i in range(letter + 1, len(keys)):
        if not _NATIONAL.search(keys[i]):
            continue
        window = " ".join(keys[i : i + TITLE_WINDOW])
        if _PLAN_TITLE.search(window):
            start = i
            issuer_above = _NATIONAL.match(keys[i].strip()) is not None
            while (
                issuer_above
                and start > letter + 1
                and start > i - 2
                and _is_issuer_line(lines[start - 1])
            ):
                start -= 1
            return start
    return 0


def _is_issuer_line(line: str) -> bool:
    """An upper-case issuer line set on its own line just above the national motto."""
    letters = [ch for ch in line if ch.isalpha()]
    return bool(letters) and len(line) < 60 and all(ch.isupper() for ch in letters)


def skip_cover_letter(text: CleanText) -> CleanText:
    """The text without a cover letter in front of the plan (``plan_start``)."""
    start = plan_start([line.text for line in text.lines])
    if start == 0:
        return text
    positions = [max(p - start, 0) for p in text.note_positions]
    return replace(text, lines=text.lines[start:], note_positions=positions)
