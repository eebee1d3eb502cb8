"""Words restoration must never change: abbreviations and names in capitals.

WHY: "TT.TU" (Thường trực Tỉnh ủy) restored to "TT.TỰ" sends the distribution
list, and later the body names and units, astray. In a line that has
lower-case letters, a word written all in capitals is an abbreviation or a
proper name set in capitals: it is kept as written. In a line written all in
capitals (a heading) capitals say nothing, so only the known abbreviations
(``data/protected_abbreviations.txt`` and the body abbreviations) are kept.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from theodoi.text.vietnamese import strip_diacritics

DATA = Path(__file__).resolve().parent.parent / "data"


def _words(name: str) -> set[str]:
    out = set()
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.add(line.split("\t")[0].strip())
    return out


@cache
def known_abbreviations() -> frozenset[str]:
    """Known abbreviations, without diacritics ("BCĐ" → "BCD")."""
    names = _words("protected_abbreviations.txt") | _words("body_abbreviations.tsv")
    return frozenset(strip_diacritics(name).upper() for name in names)


def has_lowercase(line: str) -> bool:
    return any(ch.islower() for ch in line)


def is_protected(word: str, line_has_lowercase: bool) -> bool:
    """True for a word restoration must keep as written (see module doc)."""
    if not word.isupper():  # fast path (C): a lower-case letter, or no cased letter
        return False
    letters = [ch for ch in word if ch.isalpha()]
    if len(letters) < 2 or any(not ch.isupper() for ch in letters):
        return False
    if line_has_lowercase:
        return True
    return strip_diacritics(word).upper() in known_abbreviations()
