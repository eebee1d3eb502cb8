"""Removing margin and stamp junk that OCR glues to the start of lines.

WHY only at line starts: scanners pick up stamps, hole punches and margin
rules as strings like "\\ffn", "rrrr", "7r7f", "X^"; they land before the
first real word. Inside a line the same characters are usually damaged
letters ("b^ng" for "bằng") and are left to the decoder. List markers ("1.",
"a)", "- ", "II-") and document codes ("43-NQ/TW") are never junk.
"""

from __future__ import annotations

import re

from theodoi.text.restore.model import RestoreModel
from theodoi.text.restore.protect import known_abbreviations
from theodoi.text.vietnamese import strip_diacritics

_MARKER = re.compile(r"(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđA-ZĐ])[.):\-]?|[-+*•–—]+")
_CODE = re.compile(r"[\dA-ZĐ][\w/.\-–]*[,.;:)]?", re.UNICODE)
_JUNK_CHARS = set("\\^~•<>|{}=_@#$")
_NUMBER = re.compile(r"[(\[]?\d[\d.,%/:\-]*[)\]]?[,.;:]?")
_VOWELS = set("aeiouyAEIOUY")
MAX_TOKEN = 40  # junk glued to a word is short; longer tokens are left alone
_EDGE = ",.;:)(\"'“”‘’"
_ONSETS = set(
    [
        "b",
        "c",
        "ch",
        "d",
        "đ",
        "g",
        "gh",
        "gi",
        "h",
        "k",
        "kh",
        "l",
        "m",
        "n",
        "ng",
        "ngh",
        "nh",
        "p",
        "ph",
        "q",
        "qu",
        "r",
        "s",
        "t",
        "th",
        "tr",
        "v",
        "x",
    ]
)
_FIRST = re.compile(r"(\S*)(\s?)(.*)", re.DOTALL)  # first token, one separator, the rest
_DAMAGED_WORD = re.compile(r"[^\W\d_]+[\^?]+[^\W\d_]*")  # "b^ng", "hi?n": lost vowels


def _is_code(token: str) -> bool:
    """43-NQ/TW, 19/3/2024, CTr/TU, 2.1: digits or capitals with separators."""
    if not _CODE.fullmatch(token):
        return False
    if any(ch in _JUNK_CHARS for ch in token):
        return False
    capitals = sum(1 for ch in token if ch.isupper())
    if all(ch.isdigit() or ch in "/.-,;:)" for ch in token):
        return True
    return capitals >= 2 and any(ch in "/-" for ch in token)


def _known(word: str, model: RestoreModel) -> bool:
    core = word.strip(_EDGE)
    if not core:
        return False
    parts = [p for p in re.split(r"[-/.]", core) if p]
    return bool(parts) and all(p.isdigit() or model.knows(p.lower()) for p in parts)


def _junk_prefix(prefix: str) -> bool:
    if any(ch in _JUNK_CHARS for ch in prefix):
        return True
    if any(ch in _VOWELS for ch in prefix) or len(prefix) < 2:
        return False
    # "tr", "ngh" start real words ("treong" is a damaged "trong", not junk).
    return prefix.isalpha() is False or prefix.lower() not in _ONSETS


def _strip_token(token: str, model: RestoreModel) -> str | None:
    """The token without its junk prefix; '' if all junk; None if not junk."""
    if len(token) > MAX_TOKEN:
        return None
    if _MARKER.fullmatch(token) or _NUMBER.fullmatch(token) or _is_code(token):
        return None
    if token.isupper() and strip_diacritics(token).upper() in known_abbreviations():
        return None  # "TT" (the number column of a table), "VP": not margin junk
    if _known(token, model):
        return None
    if token[:1] in "-+•" and token[1:2].isalpha():
        return None  # "-Tiep": a bullet glued to its word
    for cut in range(1, len(token) - 1):
        rest = token[cut:]
        core = rest.strip(_EDGE)
        if len(core) < 2 or not rest[0].isalpha() or not set(strip_diacritics(rest)) & _VOWELS:
            continue
        if rest[0].islower() and rest[1].isupper():
            continue  # "rDang": the capital starts the word
        if _known(rest, model):
            return rest if _junk_prefix(token[:cut]) else None
    if _DAMAGED_WORD.fullmatch(token.strip(_EDGE)):
        return None  # "b^ng": a word that lost a vowel, left to the decoder
    core = token.strip(_EDGE)
    letters = [ch for ch in core if ch.isalpha()]
    if any(ch in _JUNK_CHARS for ch in core) or (len(core) >= 2 and not set(letters) & _VOWELS):
        return ""
    return None


def remove_junk(line: str, model: RestoreModel) -> str:
    """Drop junk tokens (or junk glued to the first word) at the line start."""
    indent_len = len(line) - len(line.lstrip())
    indent, rest = line[:indent_len], line[indent_len:]
    changed = False
    for _ in range(4):
        if not rest:
            break
        token, sep, tail = _FIRST.match(rest).groups()  # type: ignore[union-attr]
        stripped = _strip_token(token, model)
        if stripped is None:
            break
        changed = True
        if stripped:
            rest = stripped + sep + tail
            break
        rest = tail.lstrip(" ")
    return indent + rest if changed else line
