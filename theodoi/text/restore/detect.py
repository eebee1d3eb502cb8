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
from theodoi.text.restore.protect import has_lowercase, is_protected
from theodoi.text.restore.tokens import has_marks, is_letters, pieces

RARELY_BARE = 0.05  # "cua" is "của" 99 times in 100: a bare "cua" is suspicious


class LineState(enum.Enum):
    CLEAN = "clean"
    DAMAGED = "damaged"
    UNSURE = "unsure"


def _is_acronym(word: str) -> bool:
    """UBND, HĐND, TW, CTr: capitals that are not a syllable."""
    capitals = sum(1 for ch in word if ch.isupper())
    return capitals >= 2 and capitals >= len(word) - 1


_SKIP, _MARKED, _PLAUSIBLE, _SUSPICIOUS, _BAD = range(5)


def _word_class(
    part: str, in_code: bool, composite: bool, mixed_case: bool, model: RestoreModel
) -> int:
    if is_protected(part, mixed_case=mixed_case, in_composite=composite):
        return _SKIP  # TU, TT.TU, HU: abbreviations that look like syllables
    lower = part.lower()
    if in_code and len(part) <= 2:
        return _SKIP  # đ/c, T/M, V/v: abbreviations
    if in_code and any(ch.isdigit() for ch in part):
        return _SKIP  # 118/KH-UBND, 2025-2030: a code, not damage
    if len(part) == 1 and not model.is_word(lower):
        return _SKIP  # list letters "l)", variables "x"
    if model.is_word(lower):
        if has_marks(lower):
            return _MARKED
        return _SUSPICIOUS if model.bare_share(lower) < RARELY_BARE else _PLAUSIBLE
    if _is_acronym(part) and is_letters(lower):
        return _SKIP
    return _BAD


def line_state(line: str, model: RestoreModel) -> LineState:
    """Classify one line; see the module docstring."""
    counts = [0, 0, 0, 0, 0]
    cache = model.word_class_cache
    mixed_case = has_lowercase(line)
    prefix = "a" if mixed_case else "A"
    for kind, text in pieces(line):
        if kind != "word":
            continue
        key = prefix + text
        classes = cache.get(key)
        if classes is None:
            if all(ch.isdigit() or ch in "-/.,%" for ch in text):
                classes = ()
            else:
                in_code = "/" in text or "-" in text
                parts = text.replace("-", " ").replace("/", " ").replace(".", " ").split()
                composite = len(parts) > 1
                classes = tuple(
                    _word_class(part, in_code, composite, mixed_case, model) for part in parts
                )
            if len(cache) > 100_000:
                cache.clear()
            cache[key] = classes
        for value in classes:
            counts[value] += 1
    marked, plausible = counts[_MARKED], counts[_PLAUSIBLE]
    damage = counts[_BAD] + counts[_SUSPICIOUS]
    if marked + plausible + damage == 0:
        return LineState.UNSURE
    if damage == 0:
        return LineState.CLEAN if marked or plausible >= 3 else LineState.UNSURE
    if marked >= 3 * damage:
        return LineState.CLEAN  # a rare name, loan word or footnote mark in clean text
    return LineState.DAMAGED
