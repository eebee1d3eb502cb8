"""Words restoration must never change: abbreviations and names in capitals.

WHY: "TT.TU" (Thường trực Tỉnh ủy) restored to "TT.TỰ" sends the distribution
list, and later the body names and units, astray. Capitals that cannot be a
syllable (UBND, MTTQ) are already kept by the decoder; the dangerous ones look
like a syllable stripped of its marks ("TU", "HU", "TT"). Those known
abbreviations (``data/protected_abbreviations.txt`` and the body
abbreviations) are kept whenever written in capitals. Other words in capitals
are still restored: measured on the held-out corpus, protecting every word in
capitals inside ordinary text cost a full point of accuracy (99.57 → 98.54 %),
since stripped headings and names in capitals need their marks back.
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


def is_protected(word: str) -> bool:
    """True for a word restoration must keep as written (see module doc)."""
    letters = [ch for ch in word if ch.isalpha()]
    if len(letters) < 2 or any(not ch.isupper() for ch in letters):
        return False
    return strip_diacritics(word).upper() in known_abbreviations()
