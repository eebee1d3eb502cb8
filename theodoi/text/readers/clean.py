"""The last step every reader applies to a piece of text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from theodoi.text.encodings.glued import split_glued
from theodoi.text.encodings.syllables import is_syllable
from theodoi.text.vietnamese import normalize_text

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")


# Bullets typed in the Symbol/Wingdings fonts arrive as private-use code points.
_SYMBOL_BULLET = re.compile("[\uf000-\uf0ff]")
_CACHE_LIMIT = 200_000


class _TokenCache(dict[str, str]):
    """token → cleaned token; a miss computes it, hits stay in C."""

    def __init__(self, clean: Callable[[str], str]) -> None:
        super().__init__()
        self._clean = clean

    def __missing__(self, token: str) -> str:
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        self[token] = cleaned = self._clean(token)
        return cleaned


def _normalized(token: str) -> str:
    return token if token.isascii() else normalize_text(split_glued(token))


_tokens = _TokenCache(_normalized)


def clean_text(text: str) -> str:
    """NFC, one tone placement ("hoà"/"hòa" → "hòa"), single spaces, trimmed,
    and the spaces a PDF text layer dropped between syllables put back.

    Readers call this so that text from Word, PDF, OCR and legacy fonts
    compares equal downstream whatever the source typed. Words repeat a lot
    in a plan, so each distinct space-separated token is normalised once.
    """
    text = _SPACES.sub(" ", text).strip()
    if not text or text.isascii():
        return text
    text = unicodedata.normalize("NFC", text)
    if _SYMBOL_BULLET.search(text):
        text = _SYMBOL_BULLET.sub("•", text)
    return " ".join(map(_tokens.__getitem__, text.split(" ")))


_WORD = re.compile(r"\S+")
_LETTERS = re.compile(r"[^\W\d_]+")


def _plain_cleaned(token: str) -> str:
    """A plain-text token is often OCR output whose marks are wrong: moving a mark
    inside a word that is no syllable ("truyén" → "truýen") would hide from
    restoration the form it learned, so only syllables get the one tone placement."""
    return _LETTERS.sub(_syllable_normalized, split_glued(token))


def _syllable_normalized(match: re.Match[str]) -> str:
    word = match.group()
    normalized = normalize_text(word)
    return normalized if is_syllable(normalized) else word


_plain_tokens = _TokenCache(_plain_cleaned)


def clean_words(line: str) -> str:
    """Glued syllables split and tone marks placed on each word of a plain-text
    line, its spacing kept as it is: indentation and column gaps carry its layout."""
    if line.isascii():
        return line
    line = unicodedata.normalize("NFC", line)
    return _WORD.sub(lambda word: _plain_tokens[word.group()], line)
