"""Render Word automatic numbering ("1.", "a)", "II.", "-") the way Word shows it.

python-docx exposes ``numbering.xml`` but not the labels: those exist only
when Word lays the document out. Plans lean on them ("III.2.a" paths), so we
replay Word's counters: one set of level counters per abstract list, levels
below a numbered level restart, ``w:startOverride`` restarts a list instance
the first time it is used, ``lvlText`` placeholders ``%1``..``%9`` take the
current value of each level in that level's own format (or decimal under
``w:isLgl``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml.ns import qn
from lxml.etree import _Element

# Bullet glyphs from Symbol/Wingdings (private-use code points) and friends.
_BULLETS = {"-": "-", "–": "-", "—": "-", "+": "+", "*": "*", "•": "•"}


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # restart after this (1-based) level; 0 = never
    legal: bool = False


@dataclass
class _Instance:
    abstract_id: str
    overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, Level] = field(default_factory=dict)
    used: bool = False


class Numbering:
    """Counter state for one document; call :meth:`label` in document order."""

    def __init__(self, numbering_element: _Element | None) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.instances: dict[str, _Instance] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if numbering_element is None:
            return
        for abstract in numbering_element.iterchildren(qn("w:abstractNum")):
            self.abstracts[abstract.get(qn("w:abstractNumId"), "")] = {
                int(lvl.get(qn("w:ilvl"), "0")): _parse_level(lvl)
                for lvl in abstract.iterchildren(qn("w:lvl"))
            }
        for num in numbering_element.iterchildren(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is None:
                continue
            instance = _Instance(abstract_id=ref.get(qn("w:val"), ""))
            for override in num.iterchildren(qn("w:lvlOverride")):
                ilvl = int(override.get(qn("w:ilvl"), "0"))
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    instance.overrides[ilvl] = _int(start.get(qn("w:val")), 1)
                lvl = override.find(qn("w:lvl"))
                if lvl is not None:
                    instance.level_overrides[ilvl] = _parse_level(lvl)
            self.instances[num.get(qn("w:numId"), "")] = instance

    def _levels(self, instance: _Instance) -> dict[int, Level]:
        levels = dict(self.abstracts.get(instance.abstract_id, {}))
        levels.update(instance.level_overrides)
        return levels

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the counters for a paragraph of list ``num_id`` at ``ilvl``."""
        instance = self.instances.get(num_id)
        if instance is None or num_id == "0":
            return ""
        levels = self._levels(instance)
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(instance.abstract_id, {})
        if not instance.used:
            # A list instance with w:startOverride restarts those levels.
            instance.used = True
            for lvl_index in instance.overrides:
                counters.pop(lvl_index, None)
        starts = {k: instance.overrides.get(k, lvl.start) for k, lvl in levels.items()}
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = starts[ilvl]
        for deeper in [k for k in counters if k > ilvl]:
            deeper_level = levels.get(deeper)
            restart = deeper_level.restart if deeper_level else None
            # lvlRestart: None = after any higher level, 0 = never, N = after level N.
            if restart is None or (restart != 0 and ilvl + 1 <= restart):
                del counters[deeper]
        if level.fmt == "bullet":
            return _bullet(level.text)
        return _render(level.text, levels, counters, starts, level.legal, ilvl).strip()


def _render(
    text: str,
    levels: dict[int, Level],
    counters: dict[int, int],
    starts: dict[int, int],
    legal: bool,
    ilvl: int,
) -> str:
    out = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "%" and i + 1 < len(text) and text[i + 1].isdigit():
            index = int(text[i + 1]) - 1
            level = levels.get(index, Level())
            value = counters.get(index, starts.get(index, level.start))
            fmt = "decimal" if legal and level.fmt != "bullet" else level.fmt
            out.append(format_number(value, fmt))
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _bullet(text: str) -> str:
    glyph = text.strip()[:1]
    return _BULLETS.get(glyph, "•")


def _parse_level(lvl: _Element) -> Level:
    level = Level()
    start = lvl.find(qn("w:start"))
    if start is not None:
        level.start = _int(start.get(qn("w:val")), 1)
    fmt = lvl.find(qn("w:numFmt"))
    if fmt is not None:
        level.fmt = fmt.get(qn("w:val"), "decimal")
    text = lvl.find(qn("w:lvlText"))
    if text is not None:
        level.text = text.get(qn("w:val"), "")
    restart = lvl.find(qn("w:lvlRestart"))
    if restart is not None:
        level.restart = _int(restart.get(qn("w:val")), 0)
    level.legal = lvl.find(qn("w:isLgl")) is not None
    return level


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


_ROMAN = [
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
]


def format_number(value: int, fmt: str) -> str:
    """One counter value in a Word ``numFmt``."""
    if fmt in ("lowerLetter", "upperLetter"):
        if value < 1:
            return str(value)
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _to_roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(value)


def _to_roman(value: int) -> str:
    if value < 1:
        return str(value)
    out = []
    for number, letters in _ROMAN:
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)
