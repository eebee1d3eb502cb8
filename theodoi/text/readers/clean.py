"""The last step every reader applies to a piece of text."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from theodoi.text.vietnamese import normalize_text

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")


def _toned_letters() -> str:
    letters = []
    for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY":
        for mark in "\u0300\u0301\u0309\u0303\u0323":
            letters.append(unicodedata.normalize("NFC", base + mark))
    return "".join(letters)


# Only words that carry a tone mark can have it in the wrong place.
_TONED_WORD = re.compile(r"[^\W\d_]*[" + _toned_letters() + r"][^\W\d_]*")


# Bullets typed in the Symbol/Wingdings fonts arrive as private-use code points.
_SYMBOL_BULLETS = {code: "•" for code in range(0xF000, 0xF100)}


@lru_cache(maxsize=65536)
def _normalize_word(word: str) -> str:
    return normalize_text(word)


def clean_text(text: str) -> str:
    """NFC, one tone placement ("hoà"/"hòa" → "hòa"), single spaces, trimmed.

    Readers call this so that text from Word, PDF, OCR and legacy fonts
    compares equal downstream whatever the source typed. Words repeat a lot
    in a plan, so each distinct word is normalised once.
    """
    text = _SPACES.sub(" ", text).strip()
    if not text or text.isascii():
        return text
    text = unicodedata.normalize("NFC", text).translate(_SYMBOL_BULLETS)
    return _TONED_WORD.sub(lambda m: _normalize_word(m.group(0)), text)
