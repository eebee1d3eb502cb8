"""Item labels that OCR garbled, read back from the sequence they belong to.

WHY: Tesseract reads a bold or italic item label as something else ("a)" as
"đã)", "c)" as "Œ)", "d)" as "(Ù)", "II." as "1L", "III." as "II.", "1." as
"I.", the bullet "-" as "¬" or "_"). The line then stops starting an item:
its heading runs into the previous paragraph, its duties are counted under
the previous sibling, and every path after a lost Roman section is off by
one. A garbled label is read as the label its siblings leave free, and only
when the sequence says which one: the number of free slots between the known
neighbours equals the number of garbled labels, or the run ends a list right
after a known label. Used on OCR text only (theodoi.text.outline.lines).

Lettered lists use either the Latin (a b c d e f g) or the Vietnamese
alphabet (a b c d đ e g); where both fit a gap, the garbled glyphs decide
("ƒ)" is f), then the alphabet the document shows elsewhere, then the
Vietnamese one of the drafting rules.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from theodoi.text.outline.markers import Marker, parse_marker, roman_value, to_roman

LATIN = "abcdefghiklmnopqrstuvxy"
VIETNAMESE = "abcdđeghiklmnopqrstuvxy"
_UPPER = "A-ZĐÀ-Ỹ"
# one or two characters (optionally after "(") closed by ")" or "}": "đã)", "Œ)", "(Ù)", "b}"
_LETTER_LIKE = re.compile(rf"^\(?(?P<tok>[^\s(){{}}]{{1,2}})[)}}]\s+(?P<rest>[\"“{_UPPER}].*)$")
# a Roman numeral's strokes read as digits or letters, before a heading in capitals
_ROMAN_LIKE = re.compile(
    rf"^[\s\-–—_.,'`~]*(?P<tok>[IVXLl1H|!]{{1,4}})[.\-–:,]?\s+(?P<rest>[{_UPPER}].*)$"
)
# "1." read as "I.", "l.", "1," or "|."
_ONE_LIKE = re.compile(rf"^(?P<tok>[Il|!1])[.,]\s*(?P<rest>[\"“{_UPPER}].*)$")
_BULLET_LIKE = re.compile(rf"^[¬_~=»›](?P<rest>\s+[\"“{_UPPER}].*)$")
_GLYPHS = str.maketrans({"ƒ": "f", "¢": "c", "©": "c", "€": "e", "9": "g", "ø": "o"})


class _Line(Protocol):
    text: str


@dataclass
class _Entry:
    index: int  # in the list of lines
    known: str | None  # the label as read, when it is a real label
    rest: str  # the text after the label
    token: str = ""  # the garbled label, when it is not


def repair_labels(lines: Sequence[_Line]) -> None:
    """Rewrite garbled item labels in place (Roman sections, numbers, letters, bullets)."""
    _repair_romans(lines)
    _repair_numbers(lines)
    _repair_letters(lines)
    _repair_bullets(lines)


# -- Roman sections ----------------------------------------------------------


def _is_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 6 and sum(ch.isupper() for ch in letters) >= 0.85 * len(letters)


def _roman_entries(lines: Sequence[_Line]) -> list[_Entry]:
    entries = []
    for index, line in enumerate(lines):
        marker = parse_marker(line.text)
        if marker is not None and marker.kind == "roman":
            if _is_caps(marker.rest):
                entries.append(_Entry(index, marker.label, marker.rest))
            continue
        if marker is not None:
            continue
        m = _ROMAN_LIKE.match(line.text)
        if m and _is_caps(m.group("rest")):
            entries.append(_Entry(index, None, m.group("rest"), m.group("tok")))
    return entries


def _one_stroke_apart(label: str, value: int) -> bool:
    """'II' for III, 'IIII' for III: a stroke lost or doubled."""
    right = to_roman(value)
    return len(right) - len(label) in (1, -1) and right.replace("I", "") == label.replace("I", "")


def _repair_romans(lines: Sequence[_Line]) -> None:
    """Sections run I, II, III …: when the headings in capitals number exactly
    I … n once renumbered, a garbled one is read as its place, and a known one
    a stroke away from its place ('II' between II and IV) as its place.
    """
    entries = _roman_entries(lines)
    if not any(e.known is None for e in entries) and not _has_slip(entries):
        return
    for run in _restarts(entries):
        if run[0].known != "I" or len(run) < 3:
            continue
        fixes = []
        for place, entry in enumerate(run, start=1):
            if entry.known is None:
                fixes.append((entry, place))
            elif roman_value(entry.known) != place:
                if not _one_stroke_apart(entry.known, place):
                    fixes = []
                    break
                fixes.append((entry, place))
        if len(fixes) * 2 >= len(run):
            continue  # more guesses than evidence
        for entry, place in fixes:
            lines[entry.index].text = f"{to_roman(place)}. {entry.rest}"


def _has_slip(entries: list[_Entry]) -> bool:
    values = [roman_value(e.known) for e in entries if e.known]
    return any(b != a + 1 and b != 1 for a, b in itertools.pairwise(values))


def _restarts(entries: list[_Entry]) -> list[list[_Entry]]:
    """An annexed plan starts again at 'I.': each run is numbered on its own."""
    runs: list[list[_Entry]] = []
    for entry in entries:
        if entry.known == "I" or not runs:
            runs.append([])
        runs[-1].append(entry)
    return runs


# -- numbers -------------------------------------------------------------------


def _repair_numbers(lines: Sequence[_Line]) -> None:
    """'I. Các sở, ban, ngành:' (not in capitals) before '2. Công an tỉnh:' is item 1."""
    candidate: tuple[int, str] | None = None
    numbered = False  # a first-level number was seen in this section
    for index, line in enumerate(lines):
        marker = parse_marker(line.text)
        if (
            marker is not None
            and marker.kind == "roman"
            and (_is_caps(marker.rest) or marker.value != 1)
        ):
            candidate, numbered = None, False  # a section starts: 'II. Nhiệm vụ' too
            continue
        if marker is not None and marker.kind == "number" and marker.depth == 1:
            if candidate is not None and marker.value == 2 and not numbered:
                lines[candidate[0]].text = f"1. {candidate[1]}"
            candidate, numbered = None, True
            continue
        if marker is not None and marker.kind != "roman" and marker.label != "l":
            continue  # 'l.' reads as a letter item, 'I.' as a Roman one
        m = _ONE_LIKE.match(line.text)
        if m and not numbered and not _is_caps(m.group("rest")):
            candidate = (index, m.group("rest"))


# -- letters -------------------------------------------------------------------


def _letter_blocks(lines: Sequence[_Line]) -> list[list[_Entry]]:
    """Letter items and garbled letter labels between two numbered or Roman items."""
    blocks: list[list[_Entry]] = [[]]
    for index, line in enumerate(lines):
        marker = parse_marker(line.text)
        if marker is not None and marker.kind == "letter":
            blocks[-1].append(_Entry(index, marker.label, marker.rest))
            continue
        if _breaks_letters(marker, line.text):
            blocks.append([])
            continue
        if marker is not None and marker.kind == "bullet":
            continue
        m = _LETTER_LIKE.match(line.text)
        if m:
            blocks[-1].append(_Entry(index, None, m.group("rest"), m.group("tok")))
    return [block for block in blocks if any(e.known for e in block)]


def _breaks_letters(marker: Marker | None, text: str) -> bool:
    if marker is not None and marker.kind in ("roman", "part", "chapter", "article"):
        return True
    return bool(
        marker is not None and marker.kind == "number" and text.lstrip("0123456789")[:1] != ")"
    )


def _alphabet_shown(blocks: list[list[_Entry]]) -> str | None:
    """The alphabet a document's own letters show: 'f)' is Latin, 'đ)' after 'd)' Vietnamese."""
    for block in blocks:
        known = [e.known for e in block if e.known]
        if "f" in known:
            return LATIN
        for a, b in itertools.pairwise(known):
            if (a, b) in (("d", "đ"), ("e", "g")):
                return VIETNAMESE
    return None


def _repair_letters(lines: Sequence[_Line]) -> None:
    blocks = _letter_blocks(lines)
    for block in blocks:
        _fix_lookalike(block, lines)
    # runs the glyphs settle first: they show the document's alphabet to the others
    shown = _alphabet_shown(blocks)
    pending: list[tuple[list[_Entry], list[list[str]]]] = []
    for block in blocks:
        for start, end in _garbled_runs(block):
            run = block[start:end]
            before = block[start - 1].known if start > 0 else None
            after = block[end].known if end < len(block) else None
            options = _options(run, before, after)
            if len(options) == 1:
                _write(run, options[0], lines)
            elif options:
                pending.append((run, options))
    settled = {}
    for run, options in pending:
        best = _by_glyphs(run, options)
        if best is not None:
            settled[id(run)] = best
            shown = shown or (LATIN if best == options[0] else VIETNAMESE)
    for run, options in pending:
        choice = settled.get(id(run))
        if choice is None:
            choice = options[0] if shown == LATIN else options[1]
        _write(run, choice, lines)


def _write(run: list[_Entry], labels: list[str], lines: Sequence[_Line]) -> None:
    for entry, label in zip(run, labels, strict=True):
        lines[entry.index].text = f"{label}) {entry.rest}"
        entry.known = label


def _fix_lookalike(block: list[_Entry], lines: Sequence[_Line]) -> None:
    """'đ)' straight after 'c)' is 'd)': OCR crossed the d (no alphabet skips d)."""
    for previous, entry in itertools.pairwise(block):
        if previous.known == "c" and entry.known == "đ":
            lines[entry.index].text = f"d) {entry.rest}"
            entry.known = "d"


def _garbled_runs(block: list[_Entry]) -> list[tuple[int, int]]:
    runs = []
    start = None
    for i, entry in enumerate([*block, _Entry(-1, "end", "")]):
        if entry.known is None and start is None:
            start = i
        elif entry.known is not None and start is not None:
            runs.append((start, i))
            start = None
    return runs


def _options(run: list[_Entry], before: str | None, after: str | None) -> list[list[str]]:
    """The labels a run of garbled ones can take: Latin first, then Vietnamese (when different)."""
    if any(_starts_own_list(e.token, i, run) for i, e in enumerate(run)):
        return []
    options: list[list[str]] = []
    for alphabet in (LATIN, VIETNAMESE):
        labels = _slots(alphabet, before, after, len(run))
        if labels is not None and labels not in options:
            options.append(labels)
    return options


def _by_glyphs(run: list[_Entry], options: list[list[str]]) -> list[str] | None:
    """The option whose labels the garbled glyphs resemble more ('ƒ' is f), if one does."""
    scores = [
        sum(_looks_like(e.token, label) for e, label in zip(run, option, strict=True))
        for option in options
    ]
    if scores[0] == scores[1]:
        return None
    return options[0] if scores[0] > scores[1] else options[1]


def _slots(alphabet: str, before: str | None, after: str | None, count: int) -> list[str] | None:
    if (before is not None and before not in alphabet) or (
        after is not None and after not in alphabet
    ):
        return None
    start = alphabet.index(before) + 1 if before else 0
    if after is not None:
        stop = alphabet.index(after)
        if stop - start != count:
            return None
    elif before is None or count > 2:
        return None  # a run that ends its list continues a known label, and is short
    labels = list(alphabet[start : start + count])
    return labels if len(labels) == count else None


def _starts_own_list(token: str, position: int, run: list[_Entry]) -> bool:
    """'1)', '2)' under a lettered item are a list of their own, not garbled letters."""
    if not token.isdigit():
        return False
    if token == "1":
        return True
    return position > 0 and run[position - 1].token == str(int(token) - 1)


def _looks_like(token: str, label: str) -> bool:
    folded = "".join(
        ch for ch in unicodedata.normalize("NFKD", token.translate(_GLYPHS).lower())
        if ch.isalnum() and not unicodedata.combining(ch)
    )  # fmt: skip
    base = "d" if label == "đ" else label
    return folded[-1:] == base


# -- bullets -------------------------------------------------------------------


def _repair_bullets(lines: Sequence[_Line]) -> None:
    """'¬ Đề xuất …' / '_ Tiếp tục …' next to '- …' bullets is a bullet too."""
    kinds = [_kind(line.text) for line in lines]
    for index, line in enumerate(lines):
        m = _BULLET_LIKE.match(line.text)
        if not m:
            continue
        near = [k for k in kinds[index + 1 :] if k][:1] + [k for k in kinds[:index] if k][-1:]
        if "-" in near:
            line.text = "-" + m.group("rest")


def _kind(text: str) -> str:
    marker = parse_marker(text)
    if marker is None:
        return ""
    return marker.label if marker.kind == "bullet" else marker.kind
