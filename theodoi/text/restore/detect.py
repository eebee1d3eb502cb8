"""Deciding which lines need repair.

WHY per line: documents mix clean and damaged text (a typed cover page over a
scanned body, a clean quotation in an OCR file). A line is *clean* when its
words are Vietnamese syllables that already carry their marks; *damaged* when
it has words no Vietnamese text contains ("hién", "t6", "ciia") or runs of
bare syllables; *unsure* when too short to tell (a heading "KE HOACH" or
"Ban hanh"): those follow the document's recent lines.
"""

from __future__ import annotations

import enum

from theodoi.text.restore.model import RestoreModel
from theodoi.text.restore.tokens import has_marks, is_letters, pieces


class LineState(enum.Enum):
    CLEAN = "clean"
    DAMAGED = "damaged"
    UNSURE = "unsure"


def _is_acronym(word: str) -> bool:
    """UBND, HĐND, TW, CTr: capitals that are not a syllable."""
    capitals = sum(1 for ch in word if ch.isupper())
    return capitals >= 2 and capitals >= len(word) - 1


RARELY_BARE = 0.05  # "cua" is "của" 99 times in 100: a bare "cua" is suspicious


def line_state(line: str, model: RestoreModel) -> LineState:
    """Classify one line; see the module docstring."""
    marked = plausible = suspicious = bad = 0
    for kind, text in pieces(line):
        if kind != "word":
            continue
        if all(ch.isdigit() or ch in "-/.,%" for ch in text):
            continue
        for part in text.replace("-", " ").replace("/", " ").replace(".", " ").split():
            lower = part.lower()
            if "/" in text and len(part) <= 2:
                continue  # đ/c, T/M, V/v: abbreviations
            if any(ch.isdigit() for ch in part) and ("/" in text or "-" in text):
                continue  # 118/KH-UBND, 2025-2030: a code, not damage
            if len(part) == 1 and not model.is_word(lower):
                continue  # list letters "l)", variables "x"
            if model.is_word(lower):
                if has_marks(lower):
                    marked += 1
                elif model.bare_share(lower) < RARELY_BARE:
                    suspicious += 1
                else:
                    plausible += 1
            elif not (_is_acronym(part) and is_letters(lower)):
                bad += 1
    damage = bad + suspicious
    if marked + plausible + damage == 0:
        return LineState.UNSURE
    if damage == 0:
        return LineState.CLEAN if marked or plausible >= 3 else LineState.UNSURE
    if marked >= 3 * damage:
        return LineState.CLEAN  # a rare name, loan word or footnote mark in clean text
    return LineState.DAMAGED
