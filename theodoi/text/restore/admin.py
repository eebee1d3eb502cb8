"""Administrative evidence for restoring short lines: bodies, titles, timings.

WHY: the language model learned from laws and gazette text, lower-cased. In the
short lines of a plan (a letterhead, a heading, a table cell, a list item) the
trigram has almost no context, and the two things that do tell the answer are
thrown away: the capitals ("Ban" in the middle of a line is a body, "Bản" is
not) and the administrative phrase ("Quý IV/2026" is a quarter; the corpus
prefers "Quỹ"). This module finds, in the observed words of a block, the
places where administrative knowledge is strong evidence, and names the
spelling it favours; the decoder gives that spelling a bonus (BONUS, log10)
and still lets the trigram overrule it when the rest of the sentence
disagrees strongly ("Tinh thần" stays "tinh").

The evidence, from the lists in theodoi/text/data:
* phrases (``restore_phrases.txt``, the titles of ``head_titles.txt``, the
  multi-word body heads of ``body_heads.txt``) whose letters, marks aside, are
  the observed words; a phrase written there with a capital needs the capital
  in the text;
* a one-word body head ("Sở", "Ban", "Báo") written with a capital inside a
  line, not as its first word (where any word is capitalised);
* "Giao" opening a unit and followed by a capitalised word or an abbreviation:
  the assignment verb ("Giao Sở Nội vụ chủ trì"), not "Giáo";
* an administrative level before a capitalised name ("tinh Binh Son", "TINH
  BINH SON"), right after a body's name ("Trường Chính trị tinh"), or closing
  a unit that holds a name ("Hội Nông dân tinh").
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from theodoi.text.vietnamese import normalize_text, strip_diacritics

DATA = Path(__file__).resolve().parent.parent / "data"
BONUS = 1.5  # log10 added to the favoured spelling's channel cost
MAX_PHRASE = 5  # syllables
_ROMAN = re.compile(r"(I{1,3}|IV|VI{0,3}|IX|X)(?:/\d+)?")
_LEVELS = {
    ("tinh",): ("tỉnh",),
    ("huyen",): ("huyện",),
    ("xa",): ("xã",),
    ("phuong",): ("phường",),
    ("quan",): ("quận",),
    ("thi", "xa"): ("thị", "xã"),
    ("thi", "tran"): ("thị", "trấn"),
    ("thanh", "pho"): ("thành", "phố"),
}
#: words that follow the assignment verb "Giao" but never "Giáo" (teaching, church)
_AFTER_GIAO = frozenset({"cong", "cac", "cho", "can"})
_END_LEVELS = {"tinh": "tỉnh", "huyen": "huyện", "xa": "xã"}


class Word(NamedTuple):
    """One observed word of a block, as the decoder sees it."""

    text: str  # as written (marks possibly lost)
    unit: int  # index of its unit (heading, cell, list item, column)
    first: bool  # first word of its unit (list markers aside)
    capitals_line: bool  # its line has no lower-case letter (a heading)
    abbreviation: bool  # UBND, HĐND: capitals that are not a syllable


def key(word: str) -> str:
    """Letters of a word without marks, lower case ("Đảng" → "dang")."""
    return strip_diacritics(word.lower()).replace("đ", "d")


def _lines(name: str) -> list[str]:
    out = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(normalize_text(line.split("\t")[0].strip(), "old"))
    return out


Phrase = tuple[tuple[str, ...], bool]  # (syllables, needs a capital)


@cache
def phrases() -> dict[tuple[str, ...], Phrase]:
    """Key (syllables without marks) → (spelling, needs a capital); ambiguous keys dropped."""
    found: list[str] = list(_lines("restore_phrases.txt"))
    # Titles and multi-word body heads need their capital: "Công an" is a body,
    # "trưởng ban" has the letters of "trường bán" ("thị trường bán buôn").
    for name in ("head_titles.txt", "body_heads.txt"):
        found += [p[0].upper() + p[1:] for p in _lines(name) if " " in p]
    out: dict[tuple[str, ...], Phrase] = {}
    clash: set[tuple[str, ...]] = set()
    for phrase in found:
        words = phrase.split()
        if not words or len(words) > MAX_PHRASE:
            continue
        spelled = tuple(w if _ROMAN.fullmatch(w) else w.lower() for w in words)
        entry = (spelled, phrase[0].isupper())
        k = tuple(key(w) for w in words)
        if k in clash:
            continue
        if k in out and out[k][0] != spelled:
            clash.add(k)
            del out[k]
            continue
        if k not in out or not entry[1]:
            out[k] = entry
    return out


@cache
def single_heads() -> dict[str, tuple[str, bool]]:
    """Key → (spelling, a name must follow) of one-word body heads ("so" → "sở":
    "Sở Tài chính") and of the capitalised one-word entries of
    ``restore_phrases.txt`` ("Đảng", which stands alone); ambiguous keys dropped."""
    out: dict[str, tuple[str, bool]] = {}
    clash: set[str] = set()
    alone = [p for p in _lines("restore_phrases.txt") if " " not in p and p[0].isupper()]
    heads = [(h, True) for h in _lines("body_heads.txt")] + [(p, False) for p in alone]
    for head, named in heads:
        if " " in head or not head.isalpha():
            continue
        k = key(head)
        if k in out and out[k][0] != head.lower():
            clash.add(k)
        out[k] = (head.lower(), named)
    return {k: v for k, v in out.items() if k not in clash}


def _opens_name(words: list[Word | None], i: int) -> bool:
    """True unless the word before ``words[i]`` is a capitalised word inside the
    same unit: then ``words[i]`` continues a name ("Phạm Thị Thanh Trà")."""
    before = words[i - 1] if i else None
    current = words[i]
    return (
        before is None
        or current is None
        or before.unit != current.unit
        or before.first
        or before.abbreviation
        or not _capitalised(before)
    )


def is_roman(text: str) -> bool:
    return _ROMAN.fullmatch(text) is not None and "/" not in text


@cache
def abbreviations() -> dict[str, str]:
    """Body abbreviations (``body_abbreviations.tsv``) → their expansion."""
    out = {}
    for line in (DATA / "body_abbreviations.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            abbr, expansion = line.split("\t")
            out[abbr.strip()] = normalize_text(expansion.strip(), "old")
    return out


def _capitalised(word: Word) -> bool:
    return word.text[:1].isupper()


@lru_cache(maxsize=65536)
def _text_key(text: str) -> str:
    roman = _ROMAN.fullmatch(text)
    return roman.group(1).lower() if roman else key(text)


@cache
def _phrase_starts() -> frozenset[str]:
    return frozenset(k[0] for k in phrases())


def evidence(words: list[Word | None]) -> dict[int, str]:
    """Position → favoured syllable, for the positions administrative knowledge
    speaks for. ``words`` has one entry per decoder slot, None for punctuation
    and numbers (they end a phrase)."""
    out: dict[int, str] = {}
    keys = [None if w is None else _text_key(w.text) for w in words]
    starts = _phrase_starts()
    table = phrases()
    heads = single_heads()
    n = len(words)
    for i, word in enumerate(words):
        if word is None:
            continue
        k = keys[i]
        nxt = words[i + 1] if i + 1 < n else None
        same_unit_next = nxt if nxt is not None and nxt.unit == word.unit else None
        # "Giao" opening a unit, a body after it: the assignment verb.
        if (
            k == "giao"
            and same_unit_next is not None
            and (
                (word.first and (_capitalised(same_unit_next) or same_unit_next.abbreviation))
                # "… thành viên. Giao công chức Văn phòng …", "Giao các xã …": a later
                # sentence of the item that assigns it ("Giáo" never precedes these)
                or (
                    _capitalised(word)
                    and (same_unit_next.abbreviation or keys[i + 1] in _AFTER_GIAO)
                )
            )
        ):
            out.setdefault(i, "giao")
        # One-word body head with its capital inside a mixed-case line, opening a
        # name ("với Sở Tài chính"; in "xã Hùng Vụ" the capital is the place's).
        head = heads.get(k or "")
        if (
            head is not None
            and not word.first
            and not word.capitals_line
            and _capitalised(word)
            and _opens_name(words, i)
            and (not head[1] or (same_unit_next is not None and _capitalised(same_unit_next)))
            and i not in out
        ):
            out[i] = head[0]
        # Administrative level before a name.
        for size in (2, 1):
            level = tuple(key or "" for key in keys[i : i + size])
            if level not in _LEVELS or any(
                w is None or w.unit != word.unit for w in words[i : i + size]
            ):
                continue
            after = words[i + size] if i + size < n else None
            if (
                after is not None
                and after.unit == word.unit
                and _capitalised(after)
                and not (word.capitals_line and (keys[i + size],) in _LEVELS)
            ):
                for j, syllable in enumerate(_LEVELS[level]):
                    out[i + j] = syllable
            break
        # Administrative level closing a unit that holds a name ("Công an tinh").
        if k in _END_LEVELS and not word.first and not word.capitals_line:
            closing = nxt is None or nxt.unit != word.unit
            if closing and any(
                w is not None and w.unit == word.unit and (_capitalised(w) or w.abbreviation)
                for w in words[max(0, i - MAX_PHRASE) : i]
            ):
                out.setdefault(i, _END_LEVELS[k])
    # Phrases: longest first at each position; they override the word rules.
    i = 0
    while i < n:
        matched = 0
        if keys[i] not in starts:
            i += 1
            continue
        for size in range(min(MAX_PHRASE, n - i), 1, -1):
            span = words[i : i + size]
            if any(w is None or w.unit != span[0].unit for w in span):  # type: ignore[union-attr]
                continue
            entry = table.get(tuple(keys[i : i + size]))  # type: ignore[arg-type]
            if entry is None:
                continue
            spelled, needs_capital = entry
            if needs_capital and not (
                _capitalised(span[0]) and _opens_name(words, i)  # type: ignore[arg-type]
            ):
                continue
            for j, syllable in enumerate(spelled):
                if not _ROMAN.fullmatch(syllable):
                    out[i + j] = syllable
            matched = size
            after = words[i + size] if i + size < n else None
            if needs_capital and after is not None and after.unit == span[0].unit:  # type: ignore[union-attr]
                # A body's name, then its level: "Trường Chính trị tinh" is "tỉnh".
                closing_level = _END_LEVELS.get(keys[i + size] or "")
                if closing_level and not after.text[:1].isupper():
                    out[i + size] = closing_level
            break
        i += max(matched, 1)
    return out
