"""Matching body names from plans to org units and groups — never wrong silently.

Automatic (the name *is* that unit): the canonical key of the name, a short
name or an alias (case, tone marks, diacritics, "UBND" = "Ủy ban nhân dân"
folded by ``names.name_key``), and the level word the plan's own level makes
implicit ("Ban Dân tộc" in a provincial plan is "Ban Dân tộc tỉnh").

Everything else is at most a *suggestion* an officer confirms: a near
spelling that differs only by OCR-sized slips (one letter per word) and
never in a level or place word. "Sở Ngoại vụ" is not a misspelt "Sở Nội
vụ", "Ban Dân vận Thành ủy" is not "Ban Dân vận Tỉnh ủy", "Đài … Kiên Giang"
is not "Đài … Hòa Lâm": those stay unknown. A name that fits several units
equally (every district has a "Phòng Nội vụ") is ambiguous, not guessed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from theodoi.orgunits.models import Alias, Level, OrgUnit, UnitGroup
from theodoi.orgunits.names import body_key

Target = OrgUnit | UnitGroup
#: Similarity (rapidfuzz ratio of keys) from which a near spelling is considered.
FUZZY_CUTOFF = 85.0
#: Words naming a level or a kind of place: a name differing in one of them is another body.
LEVEL_WORDS = frozenset(
    {"tinh", "thanh", "huyen", "xa", "phuong", "quan", "thi", "tran", "pho", "uy", "trung", "uong"}
)
#: Level words a plan may leave implicit, by the plan's own level (key form).
IMPLICIT_SUFFIXES: dict[str, tuple[str, ...]] = {
    Level.PROVINCE: ("tinh", "tinh-uy", "cap-tinh"),
    Level.DISTRICT: ("huyen", "huyen-uy", "cap-huyen"),
    Level.COMMUNE: ("xa", "dang-uy-xa", "cap-xa"),
}


@dataclass(frozen=True)
class BodyMatch:
    name: str
    candidates: tuple[Target, ...]
    score: float
    exact: bool  # automatic: the name is that body; False = a suggestion only
    method: str = "exact"  # exact | alias | level | fuzzy

    @property
    def target(self) -> Target | None:
        """The one unit or group meant, or None when ambiguous."""
        return self.candidates[0] if len(self.candidates) == 1 else None

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1


def near_spelling(written: str, known: str) -> bool:
    """Whether key ``written`` may be an OCR-damaged ``known``: same words but
    for one-letter slips, none of them in a level or place word."""
    a, b = written.split("-"), known.split("-")
    if len(a) != len(b):
        return False
    differing = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if not differing or len(differing) * 2 > len(a):
        return False
    return all(
        x not in LEVEL_WORDS and y not in LEVEL_WORDS and Levenshtein.distance(x, y) <= 1
        for x, y in differing
    )


def _ends_with_level(key: str) -> bool:
    return key.rsplit("-", 1)[-1] in LEVEL_WORDS


@dataclass
class BodyIndex:
    """Every unit and group name (and alias) by key, built once per import."""

    by_key: dict[str, list[Target]] = field(default_factory=lambda: defaultdict(list))
    alias_keys: set[str] = field(default_factory=set)

    def add(self, name: str, target: Target, *, alias: bool = False) -> None:
        key = body_key(name)
        if key and target not in self.by_key[key]:
            self.by_key[key].append(target)
        if key and alias:
            self.alias_keys.add(key)

    @classmethod
    def from_db(cls) -> BodyIndex:
        index = cls()
        for unit in OrgUnit.objects.filter(is_active=True):
            index.add(unit.name, unit)
            if unit.short_name:
                index.add(unit.short_name, unit)
        for group in UnitGroup.objects.all():
            index.add(group.name, group)
        for alias in Alias.objects.select_related("unit", "group"):
            if alias.unit is not None and alias.unit.is_active:
                index.add(alias.name, alias.unit, alias=True)
            elif alias.group is not None:
                index.add(alias.name, alias.group, alias=True)
        return index

    def match(self, name: str, level: str = "") -> BodyMatch | None:
        """The automatic match of ``name``, else a near-spelling suggestion, else None."""
        key = body_key(name)
        if not key:
            return None
        if key in self.by_key:
            return BodyMatch(name, tuple(self.by_key[key]), 100.0, True, "exact")
        implicit = self._implicit_level(key, level)
        if implicit is not None:
            return BodyMatch(name, implicit, 100.0, True, "level")
        return self.suggest(name)

    def _implicit_level(self, key: str, level: str) -> tuple[Target, ...] | None:
        if _ends_with_level(key):
            return None
        for suffix in IMPLICIT_SUFFIXES.get(level, ()):
            found = self.by_key.get(f"{key}-{suffix}")
            if found:
                return tuple(found)
        return None

    def suggest(self, name: str) -> BodyMatch | None:
        """The closest known name a damaged ``name`` may stand for (never automatic)."""
        key = body_key(name)
        best: tuple[float, list[Target]] | None = None
        for found_key, score, _ in process.extract(
            key, list(self.by_key), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=8
        ):
            if not near_spelling(key, found_key):
                continue
            if best is None or score > best[0]:
                best = (float(score), list(self.by_key[found_key]))
            elif score == best[0]:
                best[1].extend(t for t in self.by_key[found_key] if t not in best[1])
        if best is None:
            return None
        return BodyMatch(name, tuple(best[1]), best[0], False, "fuzzy")
