"""The outline grammar: which line starts an item, and of which kind.

Vietnamese plans number their parts "I." / "II-" (Roman, sometimes misread
by OCR as "I11." or, two bold serifed I's run together, "H." / "HI."), "1." /
"1.1." / "1.Quan điểm" (no space), "a)" … "đ)",
bullets "-", "*", "+", "•", and legal texts "Phần", "Chương", "Điều". Every
pattern is anchored and bounded so a line of any length is matched in linear
time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from theodoi.text.model import MarkerKind


@dataclass(frozen=True)
class Marker:
    kind: MarkerKind
    label: str  # normalised: "III", "2.2", "a", "-", "Điều 3"
    rest: str  # the text after the marker
    depth: int = 1  # number of parts of a dotted number
    value: int = 0  # numeric value where it has one

    @property
    def key(self) -> tuple[str, int]:
        """Items with the same key are siblings of one list."""
        if self.kind == "bullet":
            return bullet_key(self.label)
        return (self.kind, self.depth)


def bullet_key(label: str) -> tuple[str, int]:
    """'+' items form a list of their own: in Vietnamese plans they sit under '-' items
    ("- Giáo dục:" / "+ …" / "+ …"), whatever glyph the other bullets use."""
    return ("bullet", 1 if label == "+" else 0)


_UPPER = "A-ZĐÀ-Ỹ"
_ROMAN = re.compile(rf"^(?P<label>[IVXl1]{{1,6}})\s?[.\-–:]\s*(?P<rest>[\"“{_UPPER}].*)$")
# OCR's "H." for "II.", "HI." for "III.", "VH." for "VII." (two bold serifed
# I's run together): only with a full stop, and a lone "H." only before a
# heading in capitals, so "HIV-AIDS …" or "H. Lâm Giang" stay text
_ROMAN_H = re.compile(rf"^(?P<label>[IVXH]{{1,6}})\.\s*(?P<rest>[\"“{_UPPER}].*)$")
_NUMBER = re.compile(
    r"^(?P<label>\d{1,2}(?:\.\d{1,2}){0,3})(?:(?P<sep>[.)])(?!\d)|\s?[-–](?=\s+[A-ZĐÀ-Ỹ])|(?<=\d\.\d)(?=\s))"
    r"\s*(?P<rest>\S.*)$"
)
_LETTER = re.compile(r"^(?P<label>[a-zđ¢])\s?\)\s*(?P<rest>\S.*)$")
# "(1)", "(2)" … under "1.": a list of its own, below the dotted numbers
_PAREN_NUMBER = re.compile(rf"^\((?P<label>\d{{1,2}})\)\s*(?P<rest>[\"“{_UPPER}].*)$")
PAREN_DEPTH = 7  # keeps "(n)" items apart from "n." and "n.m." items (Marker.key)
_LETTER_DOT = re.compile(rf"^(?P<label>[a-hk-zđ])\.\s+(?P<rest>[{_UPPER}].*)$")
_BULLET = re.compile(rf"^(?P<label>[-–—•*+·●○▪■◦])\s*(?P<rest>[\"“'‘({_UPPER}\d].*)$")
_ARTICLE = re.compile(r"^(?P<label>Điều)\s+(?P<num>\d{1,3})\s*[.:]\s*(?P<rest>.*)$")
_CHAPTER = re.compile(
    r"^(?P<label>Chương|CHƯƠNG|Mục|MỤC)\s+(?P<num>[IVXLC\d]{1,6})\b\.?\s*(?P<rest>.*)$"
)
_PART = re.compile(
    r"^(?P<label>Phần|PHẦN)\s+(?P<num>thứ\s+\w+|THỨ\s+\w+|[IVX\d]{1,5})\b\s*[.:\-–]?\s*(?P<rest>.*)$"
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_value(label: str) -> int:
    total = 0
    prev = 0
    for ch in reversed(label):
        value = _ROMAN_VALUES.get(ch, 0)
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    return total


def to_roman(value: int) -> str:
    out = []
    for number, letters in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)


def _roman_label(raw: str) -> str | None:
    """'I11' → 'III', 'Il' → 'II', 'HI' → 'III'; None when it is not a Roman numeral."""
    if not any(ch in "IVXH" for ch in raw):
        return None
    label = raw.replace("1", "I").replace("l", "I").replace("H", "II")
    value = roman_value(label)
    if value < 1 or value > 40 or to_roman(value) != label:
        return None
    return label


def parse_marker(text: str, label: str = "") -> Marker | None:
    """The marker a paragraph starts with, or None for running text.

    ``label`` is a list label rendered by the reader (Word numbering); when
    given it wins over anything typed in the text.
    """
    if label:
        found = parse_marker(f"{label} {text}")
        if found is not None:
            return found
        return Marker("bullet", "-", text)
    if not text:
        return None
    head = text[:1]
    if head in "IVXl1H":
        m = _ROMAN.match(text) or _ROMAN_H.match(text)
        if m and m.group("label") == "H" and not m.group("rest").isupper():
            m = None
        if m:
            roman = _roman_label(m.group("label"))
            if roman is not None:
                return Marker("roman", roman, m.group("rest").strip(), 1, roman_value(roman))
    if head.isdigit():
        m = _NUMBER.match(text)
        if m:
            lab = m.group("label").rstrip(".")
            parts = lab.split(".")
            value = int(parts[-1])
            if 0 < value <= 60 and not _looks_like_quantity(m.group("rest")):
                return Marker("number", lab, m.group("rest").strip(), len(parts), value)
        return None
    if head == "(":
        m = _PAREN_NUMBER.match(text)
        if m:
            value = int(m.group("label"))
            if 0 < value <= 60:
                return Marker(
                    "number", m.group("label"), m.group("rest").strip(), PAREN_DEPTH, value
                )
        return None
    if head.islower() or head == "¢":
        m = _LETTER.match(text) or _LETTER_DOT.match(text)
        if m:
            letter = "c" if m.group("label") == "¢" else m.group("label")
            return Marker("letter", letter, m.group("rest").strip(), 1, _letter_value(letter))
        return None
    if head in "-–—•*+·●○▪■◦":
        m = _BULLET.match(text)
        if m:
            return Marker("bullet", m.group("label"), m.group("rest").strip())
        return None
    if head in "ĐđCcMmPp":
        for pattern, kind in ((_ARTICLE, "article"), (_CHAPTER, "chapter"), (_PART, "part")):
            m = pattern.match(text)
            if m:
                num = m.group("num")
                return Marker(kind, f"{m.group('label')} {num}", m.group("rest").strip())  # type: ignore[arg-type]
    return None


_LETTERS = "abcdđefghiklmnopqrstuvxy"


def _letter_value(letter: str) -> int:
    return _LETTERS.index(letter) + 1 if letter in _LETTERS else 0


def _looks_like_quantity(rest: str) -> bool:
    """'2. triệu đồng' is not an item; items start with a capital or a quote."""
    first = rest[:1]
    return bool(first) and first.islower()
