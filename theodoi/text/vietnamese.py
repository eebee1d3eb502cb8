"""Vietnamese letters, tone marks and their placement.

Every other module that compares, restores or stores Vietnamese text goes
through these functions, so that "hoà"/"hòa", NFD/NFC and "Đ"/"D" questions
are answered in one place.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

ToneStyle = Literal["new", "old"]
"""``new`` puts the mark on the main vowel ("hoà", "thuỷ"); ``old`` keeps the
traditional placement ("hòa", "thủy") that most state documents use."""

# Combining tone marks (dấu thanh); the vowel-shape marks (ă â ê ô ơ ư) are
# not tones and stay with their letter.
TONE_MARKS = {
    "\u0300": "huyen",  # grave  à
    "\u0301": "sac",  # acute  á
    "\u0309": "hoi",  # hook   ả
    "\u0303": "nga",  # tilde  ã
    "\u0323": "nang",  # dot    ạ
}
_TONE_OF_NAME = {name: mark for mark, name in TONE_MARKS.items()}
_SHAPE_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn
_VOWELS = set("aeiouyăâêôơư")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def split_tone(syllable: str) -> tuple[str, str | None]:
    """Return the syllable without its tone mark, and the tone's name."""
    decomposed = unicodedata.normalize("NFD", syllable)
    tone = None
    kept = []
    for ch in decomposed:
        if ch in TONE_MARKS:
            tone = TONE_MARKS[ch]
        else:
            kept.append(ch)
    return nfc("".join(kept)), tone


def strip_tone(text: str) -> str:
    return split_tone(text)[0]


def strip_diacritics(text: str) -> str:
    """Remove every mark, tone and vowel shape, and turn đ/Đ into d/D.

    This is what an OCR engine without the Vietnamese model, or a typist on a
    plain keyboard, leaves behind.
    """
    if text.isascii():  # no marks, no đ: most words of an unmarked text
        return text
    # A space is a starter: no mark moves across it in NFD, so each word can be
    # stripped alone, and the words of a plan repeat enough to keep them.
    return " ".join(map(_bare_words.__getitem__, text.split(" ")))


def _strip_word(word: str) -> str:
    return word if word.isascii() else unicodedata.normalize("NFD", word).translate(_BARE)


class _WordCache(dict[str, str]):
    """word → :func:`_strip_word` of it, computed on first sight; emptied when full."""

    limit = 200_000

    def __missing__(self, word: str) -> str:
        if len(self) >= self.limit:
            self.clear()
        value = self[word] = _strip_word(word)
        return value


_bare_words = _WordCache()


class _BareTable(dict[int, int | None]):
    """``str.translate`` table that drops combining marks (category Mn) and
    turns đ/Đ into d/D; each code point is classified once, on first sight."""

    def __missing__(self, code: int) -> int | None:
        value = None if unicodedata.category(chr(code)) == "Mn" else code
        self[code] = value
        return value


_BARE = _BareTable({ord("đ"): ord("d"), ord("Đ"): ord("D")})


def _tone_position(letters: str, style: ToneStyle) -> int | None:
    """Index of the vowel that carries the tone in a tone-less syllable."""
    lower = letters.lower()
    vowel_idx = [i for i, ch in enumerate(lower) if ch in _VOWELS]
    if not vowel_idx:
        return None
    # "qu" and "gi" onsets: their u / i belong to the consonant.
    if lower.startswith("qu") and 1 in vowel_idx and len(vowel_idx) > 1:
        vowel_idx.remove(1)
    if lower.startswith("gi") and 1 in vowel_idx and len(vowel_idx) > 1:
        vowel_idx.remove(1)
    # A vowel with a shape mark always takes the tone (ơ in "ươ" takes it).
    shaped = [i for i in vowel_idx if lower[i] in "ăâêôơư"]
    if shaped:
        return shaped[-1]
    if len(vowel_idx) == 1:
        return vowel_idx[0]
    last = vowel_idx[-1]
    ends_with_consonant = last < len(lower) - 1
    if ends_with_consonant or len(vowel_idx) >= 3:
        return vowel_idx[1] if len(vowel_idx) >= 2 else vowel_idx[0]
    # Two-vowel open syllables: oa, oe, uy take the tone on the second vowel in
    # the new style only; ia, ua, ưa, ai, ao ... always on the first.
    pair = lower[vowel_idx[0]] + lower[last]
    if style == "new" and pair in {"oa", "oe", "uy"}:
        return last
    return vowel_idx[0]


def place_tone(syllable: str, style: ToneStyle = "old") -> str:
    """Move a syllable's tone mark to where ``style`` puts it."""
    letters, tone = split_tone(syllable)
    if tone is None:
        return letters
    position = _tone_position(letters, style)
    if position is None:
        return syllable
    mark = _TONE_OF_NAME[tone]
    decomposed = list(letters)
    decomposed[position] = nfc(unicodedata.normalize("NFD", decomposed[position]) + mark)
    return nfc("".join(decomposed))


def normalize_text(text: str, style: ToneStyle = "old") -> str:
    """NFC, with every word's tone mark where ``style`` puts it."""
    text = nfc(text)
    return _WORD.sub(lambda m: _normalize_word(m.group(0), style), text)


def _normalize_word(word: str, style: ToneStyle) -> str:
    if not any(ch in TONE_MARKS for ch in unicodedata.normalize("NFD", word)):
        return word
    return place_tone(word, style)
