"""Folding text for search: lower case, no diacritics, đ → d, one character
for one character (so positions in the folded text are positions in the
original), and the words of a query.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

from theodoi.text.vietnamese import strip_diacritics

_WORD = re.compile(r"\w+")
#: The longest word kept in the vocabulary of typo candidates.
MAX_TERM = 40


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    folded = strip_diacritics(ch).lower()
    return folded if len(folded) == 1 else ch


def normalize(text: str) -> str:
    """NFC, so a letter with its marks is one character."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """``text`` (NFC) lower-cased without diacritics, same length."""
    return "".join(_fold_char(ch) for ch in text)


def words(text: str) -> list[str]:
    """The folded words of ``text``, in order."""
    return _WORD.findall(fold(normalize(text)))


def snippet(content: str, terms: list[str], folded: str = "", width: int = 220) -> str:
    """HTML: the part of ``content`` with most query words, the words in <mark>.

    ``terms`` are folded; a word of the content matches a term equal to it or
    or, for the last term, starting with it (it may be unfinished).
    """
    folded = folded if len(folded) == len(content) else fold(content)
    exact, last = set(terms), terms[-1] if terms else ""
    spans = [
        (m.start(), m.end())
        for m in _WORD.finditer(folded)
        if m.group() in exact or (last and m.group().startswith(last))
    ]
    if not spans:
        text = content[:width]
        return html.escape(text) + ("…" if len(content) > width else "")
    best_start, best_count, last_in = spans[0][0], 0, 0
    for first, (start, _) in enumerate(spans):  # the window holding most matches
        last_in = max(last_in, first)
        while last_in + 1 < len(spans) and spans[last_in + 1][1] <= start + width:
            last_in += 1
        if last_in - first + 1 > best_count:
            best_start, best_count = start, last_in - first + 1
    begin = max(0, best_start - width // 4)
    begin = content.rfind(" ", 0, begin) + 1 if begin else 0
    end = min(len(content), begin + width)
    parts = ["…" if begin else ""]
    cursor = begin
    for start, stop in spans:
        if start < begin or stop > end:
            continue
        parts.append(html.escape(content[cursor:start]))
        parts.append(f"<mark>{html.escape(content[start:stop])}</mark>")
        cursor = stop
    parts.append(html.escape(content[cursor:end]))
    if end < len(content):
        parts.append("…")
    return "".join(parts)
