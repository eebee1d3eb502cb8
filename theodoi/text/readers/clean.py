"""The last step every reader applies to a piece of text."""

from __future__ import annotations

import re
import unicodedata

from theodoi.text.vietnamese import normalize_text

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")


# Bullets typed in the Symbol/Wingdings fonts arrive as private-use code points.
_SYMBOL_BULLET = re.compile("[\uf000-\uf0ff]")
_CACHE_LIMIT = 200_000
_token_cache: dict[str, str] = {}


def _normalize_token(token: str) -> str:
    normalized = normalize_text(token)
    if len(_token_cache) < _CACHE_LIMIT:
        _token_cache[token] = normalized
    return normalized


def clean_text(text: str) -> str:
    """NFC, one tone placement ("hoà"/"hòa" → "hòa"), single spaces, trimmed.

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
    cache = _token_cache
    return " ".join(
        token if token.isascii() else (cache.get(token) or _normalize_token(token))
        for token in text.split(" ")
    )
