"""Matching body names from plans to org units and groups.

Exact match on the canonical key first (aliases included), then fuzzy match
with rapidfuzz for OCR damage and small wording differences. A name that
fits several units equally (every district has a "Phòng Nội vụ") is reported
as ambiguous rather than guessed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from theodoi.orgunits.models import Alias, OrgUnit, UnitGroup
from theodoi.orgunits.names import body_key

Target = OrgUnit | UnitGroup
FUZZY_CUTOFF = 88.0


@dataclass(frozen=True)
class BodyMatch:
    name: str
    candidates: tuple[Target, ...]
    score: float
    exact: bool

    @property
    def target(self) -> Target | None:
        """The one unit or group meant, or None when ambiguous."""
        return self.candidates[0] if len(self.candidates) == 1 else None

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1


@dataclass
class BodyIndex:
    """Every unit and group name (and alias) by key, built once per import."""

    by_key: dict[str, list[Target]] = field(default_factory=lambda: defaultdict(list))

    def add(self, name: str, target: Target) -> None:
        key = body_key(name)
        if key and target not in self.by_key[key]:
            self.by_key[key].append(target)

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
            target = alias.unit or alias.group
            if target is not None:
                index.add(alias.name, target)
        return index

    def match(self, name: str) -> BodyMatch | None:
        key = body_key(name)
        if not key:
            return None
        if key in self.by_key:
            return BodyMatch(name, tuple(self.by_key[key]), 100.0, exact=True)
        best = process.extractOne(
            key, list(self.by_key), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
        )
        if best is None:
            return None
        found_key, score, _ = best
        return BodyMatch(name, tuple(self.by_key[found_key]), float(score), exact=False)
