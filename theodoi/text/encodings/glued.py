"""Put back the spaces a PDF text layer dropped between syllables.

Some PDF producers place each syllable by coordinates and write no space
character, so their text layer reads "Đảng uỷUBND xã chủtrì, phối hợp". The
duty readers look for "chủ trì" and for body names, so one lost space loses
a role. Vietnamese makes the damage detectable without a dictionary: every
written word is one syllable, so a letter run that is not a syllable but
splits into syllables was glued. Only runs that carry a Vietnamese mark are
touched ("online", "TikTok" and codes stay as they are); a case change
inside a run ("uỷUBND") is a boundary of its own. When a run splits in
more than one way ("vềnâng": "về nâng" or "vền âng"), the split made of
common syllables wins, judged by the restoration model's frequencies, and a
split into rare syllables is not made at all.
"""

from __future__ import annotations

import re
from functools import lru_cache

from theodoi.text.encodings.syllables import could_be_syllable, is_syllable
from theodoi.text.vietnamese import normalize_text

_LETTERS = re.compile(r"[^\W\d_]{3,}")
_MAX_SYLLABLE = 7
_MAX_PARTS = 4
_UNKNOWN = -9.0  # log10 frequency given to a syllable the model never saw
_RARE = -5.0  # below this log10 frequency a syllable is not part of a glued pair


def split_glued(token: str) -> str:
    """``token`` with a space wherever two syllables were glued together."""
    if token.isascii() or len(token) < 3:
        return token
    return _LETTERS.sub(_split_run, token)


def _split_run(match: re.Match[str]) -> str:
    run = match.group()
    if is_syllable(run):
        return run
    pieces = _case_pieces(run)
    if len(pieces) == 1:
        return _split_letters(run)
    if not _case_split_fits(pieces):
        return run
    return " ".join(_split_letters(piece) for piece in pieces)


def _case_pieces(run: str) -> list[str]:
    """``run`` cut before each capital that follows a small letter."""
    cuts = [i for i in range(1, len(run)) if run[i].isupper() and run[i - 1].islower()]
    return [run[a:b] for a, b in zip([0, *cuts], [*cuts, len(run)], strict=True)]


def _case_split_fits(pieces: list[str]) -> bool:
    """A case change is a boundary only after a marked syllable (or a glued
    run of them) and before a syllable or an abbreviation, so that names
    like "McKinsey" stay whole."""
    head = pieces[0]
    if head.isascii() or not _is_word_or_glue(head):
        return False
    return all(piece.isupper() or _is_word_or_glue(piece) for piece in pieces[1:])


def _is_word_or_glue(piece: str) -> bool:
    return is_syllable(piece) or _split_letters(piece) != piece


@lru_cache(maxsize=4096)
def _split_letters(run: str) -> str:
    """``run`` cut into syllables, or unchanged when it cannot be.

    A run whose letters without marks make one syllable ("ngưòi") is a
    syllable with a misplaced mark, which restoration repairs: cutting it
    ("ngư òi") would lose the word."""
    if run.isascii() or is_syllable(run) or could_be_syllable(run):
        return run
    splits = _splits(run)
    if not splits:
        return run
    best = max(splits, key=_commonness)
    if any(_frequency(part) < _RARE for part in best):
        return run  # "déan" → "dé an": an OCR'd "đề án" whose marks are wrong too
    return " ".join(best)


def _splits(run: str) -> list[tuple[str, ...]]:
    """Every way to cut ``run`` into the fewest syllables (two to four)."""
    upper = run.isupper()
    # fewest[i]: the splits of run[:i] with the fewest parts.
    empty: tuple[str, ...] = ()
    fewest: list[list[tuple[str, ...]]] = [[empty]] + [[] for _ in run]
    for end in range(1, len(run) + 1):
        for start in range(max(0, end - _MAX_SYLLABLE), end):
            part = run[start:end]
            if not fewest[start] or not _fits(part, start, upper):
                continue
            for split in fewest[start]:
                candidate = (*split, part)
                best = fewest[end]
                if not best or len(candidate) < len(best[0]):
                    fewest[end] = [candidate]
                elif len(candidate) == len(best[0]):
                    best.append(candidate)
    return [split for split in fewest[len(run)] if 1 < len(split) <= _MAX_PARTS]


def _fits(part: str, start: int, upper: bool) -> bool:
    """A piece is a syllable; a lone vowel only with a mark ("ý", "ở"), and a
    capital inside the run only when the whole run is in capitals."""
    if len(part) == 1 and part.isascii():
        return False
    if start and not upper and part[:1].isupper():
        return False
    return is_syllable(part)


def _commonness(split: tuple[str, ...]) -> float:
    return sum(map(_frequency, split))


@lru_cache(maxsize=8192)
def _frequency(syllable: str) -> float:
    """log10 relative frequency of ``syllable`` in the restoration model's corpus.

    A glued pair in a text layer is made of ordinary words; a "split" into
    rare syllables ("dé an", "nu éc") is an OCR'd word whose marks went wrong,
    which restoration, not a space, repairs. The model takes a second to
    load, and is loaded only when some run does cut into syllables."""
    from theodoi.text.restore.model import get_base_model

    ngram = get_base_model().ngram
    rank = ngram.frequency or ngram.unigram
    index = ngram.index.get(normalize_text(syllable.lower()))
    return _UNKNOWN if index is None else rank[index]
