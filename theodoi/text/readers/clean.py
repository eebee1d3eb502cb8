"""The last step every reader applies to a piece of text."""

from __future__ import annotations

import re

from theodoi.text.vietnamese import normalize_text

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")


def clean_text(text: str) -> str:
    """NFC, one tone placement ("hoà"/"hòa" → "hòa"), single spaces, trimmed.

    Readers call this so that text from Word, PDF, OCR and legacy fonts
    compares equal downstream whatever the source typed.
    """
    text = _SPACES.sub(" ", text).strip()
    if not text:
        return ""
    if text.isascii():
        return text
    return normalize_text(text)
