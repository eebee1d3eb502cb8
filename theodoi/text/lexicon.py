"""Language knowledge the web app shares with the parser.

The word lists live in ``theodoi/text/data`` (checked by the data integrity
test in tests/text/test_bodies.py); the web apps call these functions instead
of carrying their own copies:

- ``kind_of_code``: document kind of a number's code ("NQ" → nghi_quyet),
  from ``doc_kinds.tsv`` (the parser's own table);
- ``is_collective``: a name standing for many bodies ("các sở", "cấp huyện",
  "… liên quan"), from ``collective_phrases.tsv`` (``collective_determiners``:
  its "các", "những", "mọi");
- ``strip_head_title``: a body key without its head's title ("giam-doc-so-tu-phap"
  → "so-tu-phap"), from ``head_titles.txt``, the Fatherland Front's names made one;
- ``read_due``: a timing as written read into kind and due fields ("Quý II/2025",
  "thường xuyên", "30/6/2025"), with the words of ``timing_words.tsv``.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from theodoi.text.bodies import canonical_key
from theodoi.text.vietnamese import strip_diacritics


def data_rows(name: str) -> list[list[str]]:
    """The tab-separated rows of a file in ``theodoi/text/data`` (comments and
    blank lines skipped)."""
    text = resources.files("theodoi.text.data").joinpath(name).read_text(encoding="utf-8")
    return [
        line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]


def _fold(text: str) -> str:
    return strip_diacritics(text).lower()


# --- document kinds -------------------------------------------------------------


@lru_cache(maxsize=1)
def _kind_codes() -> dict[str, str]:
    out: dict[str, str] = {}
    for code, kind, *_rest in data_rows("doc_kinds.tsv"):
        out[code.upper()] = kind
        out[code.upper().replace("Đ", "D")] = kind  # "QD" typed without the Đ
    return out


def kind_of_code(code: str) -> str | None:
    """The document kind a number's code names, any case ("CTr", "CTR"); None if unknown."""
    return _kind_codes().get(code.strip().upper())


# --- collective names -------------------------------------------------------------


@lru_cache(maxsize=1)
def _collective() -> re.Pattern[str]:
    by_how: dict[str, list[str]] = {"determiner": [], "word": [], "anywhere": []}
    for phrase, how in data_rows("collective_phrases.tsv"):
        by_how[how].append(re.escape(_fold(phrase)).replace(r"\ ", r"\s+"))
    determiners, words, anywhere = by_how["determiner"], by_how["word"], by_how["anywhere"]
    parts = []
    if determiners:
        parts.append(rf"(?:^|\s)(?:{'|'.join(determiners)})\s")
    if words:
        parts.append(rf"\b(?:{'|'.join(words)})\b")
    if anywhere:
        parts.append("|".join(anywhere))
    return re.compile("|".join(parts))


def is_collective(name: str) -> bool:
    """Whether a name stands for many bodies ("các sở", "cấp huyện", "… liên quan")."""
    return bool(_collective().search(_fold(name)))


@lru_cache(maxsize=1)
def collective_determiners() -> frozenset[str]:
    """The words that make the name after them many bodies ("các", "những",
    "mọi"), without diacritics as in a body key ("cac", "nhung", "moi")."""
    return frozenset(
        _fold(phrase) for phrase, how in data_rows("collective_phrases.tsv") if how == "determiner"
    )


# --- head titles --------------------------------------------------------------------


@lru_cache(maxsize=1)
def _head_titles() -> re.Pattern[str]:
    keys = sorted({canonical_key(row[0]) for row in data_rows("head_titles.txt")}, key=len)[::-1]
    return re.compile(rf"^(?:{'|'.join(re.escape(k) for k in keys)})-")


def strip_head_title(key: str) -> str:
    """A body key without a leading head title ("giam-doc-so-tu-phap" → "so-tu-phap")."""
    return _FRONT.sub("mat-tran-to-quoc", _head_titles().sub("", key))


#: The Fatherland Front as plans name it: "Mặt trận Tổ quốc Việt Nam (tỉnh)", "Ủy ban
#: MTTQ Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh" are one body (its committee acts).
_FRONT = re.compile(r"^(?:uy-ban-)?mat-tran-to-quoc(?:-viet-nam)?(?=-|$)")


# --- timing words --------------------------------------------------------------------

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_QUARTER = re.compile(r"quy\s+([ivx]+|[1-4])\s*(?:/|nam\s+)\s*(\d{4})")
_MONTH = re.compile(r"thang\s+(\d{1,2})\s*(?:/|nam\s+)\s*(\d{4})")
_YEAR = re.compile(r"(?:nam|trong nam)\s+(\d{4})$")


@lru_cache(maxsize=1)
def _timing_words() -> tuple[tuple[str, str], ...]:
    return tuple((_fold(words), kind) for words, kind in data_rows("timing_words.tsv"))


@dataclass(frozen=True)
class DueReading:
    """A timing as written, read from its words alone.

    ``kind``: continuous | annual | due_date | quarter | month | unspecified.
    """

    kind: str
    date: datetime.date | None = None
    year: int | None = None
    quarter: int | None = None
    month: int | None = None


def iso_date(value: object) -> datetime.date | None:
    if not isinstance(value, str) or not _ISO.match(value):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def read_due(text: str) -> DueReading:
    """Read a timing from its words ("Quý II/2025", "thường xuyên", "30/6/2025", "năm 2026")."""
    folded = _fold(text).strip()
    if not folded:
        return DueReading("unspecified")
    for kind in ("continuous", "annual"):  # "thường xuyên, hằng năm" is continuous
        if any(words in folded for words, k in _timing_words() if k == kind):
            return DueReading(kind)
    iso = iso_date(folded)
    if iso is not None:
        return DueReading("due_date", date=iso)
    if match := _QUARTER.search(folded):
        number = match.group(1)
        quarter = ROMAN.get(number) or (int(number) if number.isdigit() else None)
        if quarter:
            return DueReading("quarter", year=int(match.group(2)), quarter=quarter)
    if match := _DMY.search(folded):
        try:
            day = datetime.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        except ValueError:
            day = None
        if day is not None:
            return DueReading("due_date", date=day)
    if match := _MONTH.search(folded):
        month = int(match.group(1))
        if 1 <= month <= 12:
            return DueReading("month", year=int(match.group(2)), month=month)
    if match := _YEAR.search(folded):
        return DueReading("due_date", date=datetime.date(int(match.group(1)), 12, 31))
    return DueReading("unspecified")
