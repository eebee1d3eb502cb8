"""Place names known to the installation beat the language model's guess.

WHY: a commune the corpus never saw ("xã Khe Mạ") is restored to whatever
common syllables strip to the same letters ("xã Khe Mà"), and a wrong place
name then creates a wrong unit downstream. The installation knows its places:
the unit directory's names (passed in by the web app through the adaptation
file) and the document's own clean lines (its header: "HUYỆN QUẾ ĐỚI"). After
a damaged line is decoded, a run of capitalised words right after an
administrative word (xã, phường, huyện, tỉnh …) whose letters, marks aside,
are those of a known place name is written as that name. A name two places
share without marks ("Khe Mạ" / "Khe Mà") is ambiguous and left to the
model. Words protected as written (capitals in a mixed-case line) stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from theodoi.text.restore.protect import has_lowercase, is_protected
from theodoi.text.restore.tokens import apply_case
from theodoi.text.vietnamese import ToneStyle, normalize_text, strip_diacritics

#: Administrative words that introduce a place name, without marks.
_ADMIN_SPELLING = {
    "xa": "xã",
    "phuong": "phường",
    "huyen": "huyện",
    "quan": "quận",
    "tinh": "tỉnh",
    "thi tran": "thị trấn",
    "thi xa": "thị xã",
    "thanh pho": "thành phố",
}
_ADMIN = tuple(_ADMIN_SPELLING)
_ADMIN_FIRST = {word.split()[0] for word in _ADMIN}
_WORD = re.compile(r"[^\W\d_]+")
MAX_NAME = 4  # syllables of a place name

Lexicon = dict[tuple[str, ...], tuple[str, ...]]


def _admin_length(keys: list[str], i: int) -> int:
    """1 or 2 when an administrative word starts at ``keys[i]``, else 0."""
    if keys[i] not in _ADMIN_FIRST:
        return 0
    if i + 1 < len(keys) and f"{keys[i]} {keys[i + 1]}" in _ADMIN:
        return 2
    return 1 if keys[i] in _ADMIN else 0


def _key(word: str) -> str:
    return strip_diacritics(word.lower()).replace("đ", "d")


def place_names(texts: Iterable[str]) -> list[tuple[str, ...]]:
    """Place names (lower-case syllables) written after an administrative word."""
    found: list[tuple[str, ...]] = []
    for text in texts:
        for line in text.splitlines():
            words = _WORD.findall(line)
            if not words:
                continue
            keys = [_key(word) for word in words]
            heading = not has_lowercase(line)
            i = 0
            while i < len(words):
                size = _admin_length(keys, i)
                if not size:
                    i += 1
                    continue
                name: list[str] = []
                j = i + size
                while j < len(words) and len(name) < MAX_NAME and words[j][0].isupper():
                    if heading and _admin_length(keys, j):
                        break
                    name.append(words[j].lower())
                    j += 1
                if name and (not heading or len(name) <= 3):
                    found.append(tuple(name))
                i = max(j, i + size)
    return found


def lexicon(names: Iterable[tuple[str, ...]]) -> Lexicon:
    """Stripped key → name; names that share a key are dropped (ambiguous)."""
    out: Lexicon = {}
    clash: set[tuple[str, ...]] = set()
    for name in names:
        name = tuple(normalize_text(" ".join(name), "old").split())
        if not name or not all(syllable.isalpha() for syllable in name):
            continue
        key = tuple(_key(syllable) for syllable in name)
        if key in clash:
            continue
        if out.get(key, name) != name:
            clash.add(key)
            del out[key]
            continue
        out[key] = name
    return out


def merge(first: Lexicon, second: Lexicon) -> Lexicon:
    """Both lexicons; a key they spell differently becomes ambiguous (dropped)."""
    out = dict(first)
    for key, name in second.items():
        if out.get(key, name) != name:
            del out[key]
        else:
            out[key] = name
    return out


def apply_names(line: str, names: Lexicon, style: ToneStyle = "old") -> str:
    """``line`` (already restored) with known place names written right."""
    if not names:
        return line
    matches = list(_WORD.finditer(line))
    keys = [_key(m.group()) for m in matches]
    if not _ADMIN_FIRST.intersection(keys):
        return line
    mixed = has_lowercase(line)
    edits: list[tuple[int, int, str]] = []
    i = 0
    while i < len(matches):
        size = _admin_length(keys, i)
        if not size:
            i += 1
            continue
        start = i + size
        for length in range(min(MAX_NAME, len(matches) - start), 0, -1):
            name = names.get(tuple(keys[start : start + length]))
            if name is None:
                continue
            words = [m.group() for m in matches[start : start + length]]
            if not all(w[0].isupper() for w in words) or any(
                is_protected(w, mixed_case=mixed) for w in words
            ):
                break
            # A known place follows: the word before it is the administrative
            # word ("tính Hòa Lâm" → "tỉnh Hòa Lâm").
            admin = _ADMIN_SPELLING[" ".join(keys[i:start])].split()
            for m, syllable in zip(matches[i:start], admin, strict=True):
                if not is_protected(m.group(), mixed_case=mixed):
                    edits.append((m.start(), m.end(), apply_case(m.group(), syllable)))
            for m, word, syllable in zip(matches[start:], words, name, strict=False):
                spelled = normalize_text(syllable, style) if style != "old" else syllable
                edits.append((m.start(), m.end(), apply_case(word, spelled)))
            start += length
            break
        i = start
    for begin, end, text in reversed(edits):
        line = line[:begin] + text + line[end:]
    return line
