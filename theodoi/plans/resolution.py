"""Resolving the body names a plan writes ("Sở TT&TT", "Các sở, ban, ngành
tỉnh; UBND các huyện, thị xã, thành phố") to org units.

Order of trust: the exact canonical name, an alias, a fuzzy match (OCR damage,
small wording changes), a group name expanded to its members. A name nothing
matches becomes a new unit whose code starts with ``NEW_UNIT_PREFIX``, so the
administrator can find and review it; a name several units fit equally is
left unresolved rather than guessed.

Collective names ("Các sở, ban, ngành, đơn vị thuộc tỉnh", "Ủy ban nhân dân
cấp huyện") are compared with the groups by token set, since plans list the
same sectors in many orders and lengths; an unknown collective name becomes
a new, empty group (same code prefix) for the administrator to fill in, and
stays unresolved until then — it must never turn into a single unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.text import slugify
from rapidfuzz import fuzz, process

from theodoi.orgunits.groups import group_members
from theodoi.orgunits.matching import BodyIndex
from theodoi.orgunits.models import Level, OrgUnit, UnitGroup, UnitKind
from theodoi.orgunits.names import body_key, name_key
from theodoi.text.vietnamese import strip_diacritics

#: Code prefix of units created from names no unit matched: "to be reviewed".
NEW_UNIT_PREFIX = "moi-"

_SPLIT = re.compile(r"\s*;\s*")
_COLLECTIVE = re.compile(
    r"(?:^|\s)(?:cac|nhung|moi)\s|\bcap\s+(?:uy|huyen|xa|tinh|co so)\b|lien quan"
)
#: Token-set similarity from which a collective name is taken for a group.
GROUP_CUTOFF = 90.0


def _tokens(key: str) -> str:
    """A key's words without determiners ("cac", "nhung", "moi"), for token-set matching."""
    return " ".join(word for word in key.split("-") if word not in {"cac", "nhung", "moi"})


def is_collective(name: str) -> bool:
    """Whether a name stands for many bodies ("các sở", "cấp huyện", "… liên quan")."""
    return bool(_COLLECTIVE.search(strip_diacritics(name).lower()))


@dataclass
class Resolution:
    """What one name as written stands for."""

    name: str
    method: str  # exact | alias | fuzzy | group | new | new_group | ambiguous | empty
    units: list[OrgUnit] = field(default_factory=list)
    group: UnitGroup | None = None
    score: float = 0.0

    @property
    def resolved(self) -> bool:
        return bool(self.units) and self.method not in {"ambiguous", "empty", "new_group"}

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "method": self.method,
            "units": [unit.pk for unit in self.units],
            "group": self.group.pk if self.group else None,
            "score": round(self.score, 1),
        }


def new_units() -> Any:
    """Units created from unknown names and not reviewed yet."""
    return OrgUnit.objects.filter(code__startswith=NEW_UNIT_PREFIX)


def new_groups() -> Any:
    """Groups created from unknown collective names, waiting for their members."""
    return UnitGroup.objects.filter(code__startswith=NEW_UNIT_PREFIX)


class Resolver:
    """Resolves names against the units in the database, one import at a time.

    ``context`` (the issuing unit) breaks ties between equally good units and
    becomes the parent of units created for unknown names.
    """

    def __init__(self, *, context: OrgUnit | None = None, create_unknown: bool = True) -> None:
        self.index = BodyIndex.from_db()
        self.context = context
        self.create_unknown = create_unknown
        self.created: list[OrgUnit] = []
        self.created_groups: list[UnitGroup] = []
        self._cache: dict[str, Resolution] = {}

    def resolve(self, name: str) -> Resolution:
        """The resolution of one body name."""
        name = " ".join((name or "").split())
        key = body_key(name)
        if not key:
            return Resolution(name, "empty")
        if key not in self._cache:
            self._cache[key] = self._resolve(name)
        cached = self._cache[key]
        return Resolution(name, cached.method, list(cached.units), cached.group, cached.score)

    def resolve_phrase(self, phrase: str) -> list[Resolution]:
        """Every body of a list such as "Các sở, ban, ngành tỉnh; UBND các huyện"."""
        parts = [part for part in _SPLIT.split(phrase or "") if part.strip()]
        return [self.resolve(part) for part in parts]

    def match_only(self, name: str | None) -> OrgUnit | None:
        """The one unit ``name`` stands for, without creating any."""
        if not name:
            return None
        found = self.index.match(name)
        if found is None:
            return None
        units = [c for c in found.candidates if isinstance(c, OrgUnit)]
        units = self._prefer_context(units)
        return units[0] if len(units) == 1 else None

    def _resolve(self, name: str) -> Resolution:
        collective = is_collective(name)
        found = self.index.match(name)
        if found is None and collective:
            found_group = self._group_by_tokens(name)
            if found_group is not None:
                group, score = found_group
                return Resolution(name, "group", list(group_members(group)), group, score)
        if found is None:
            return self._unknown_group(name) if collective else self._unknown(name)
        groups = [c for c in found.candidates if isinstance(c, UnitGroup)]
        units = self._prefer_context([c for c in found.candidates if isinstance(c, OrgUnit)])
        if groups and not units:
            group = groups[0]
            return Resolution(name, "group", list(group_members(group)), group, found.score)
        if len(units) != 1:
            return Resolution(name, "ambiguous", units, None, found.score)
        unit = units[0]
        if not found.exact:
            return Resolution(name, "fuzzy", [unit], None, found.score)
        own_keys = {body_key(unit.name), body_key(unit.short_name)} - {""}
        method = "exact" if body_key(name) in own_keys else "alias"
        return Resolution(name, method, [unit], None, found.score)

    def _prefer_context(self, units: list[OrgUnit]) -> list[OrgUnit]:
        if len(units) <= 1 or self.context is None:
            return units
        inside = [u for u in units if u.tree_path.startswith(self.context.tree_path)]
        return inside or units

    def _group_by_tokens(self, name: str) -> tuple[UnitGroup, float] | None:
        keys = {
            _tokens(key): targets[0]
            for key, targets in self.index.by_key.items()
            if len(targets) == 1 and isinstance(targets[0], UnitGroup)
        }
        if not keys:
            return None
        best = process.extractOne(
            _tokens(body_key(name)),
            list(keys),
            scorer=fuzz.token_set_ratio,
            score_cutoff=GROUP_CUTOFF,
        )
        if best is None:
            return None
        group = keys[best[0]]
        assert isinstance(group, UnitGroup)
        return group, float(best[1])

    def _unknown_group(self, name: str) -> Resolution:
        if not self.create_unknown or len(name) > 255:
            return Resolution(name, "ambiguous")
        group = UnitGroup.objects.create(name=name, code=_unique_code(name, UnitGroup))
        self.created_groups.append(group)
        self.index.add(group.name, group)
        return Resolution(name, "new_group", [], group, 0.0)

    def _unknown(self, name: str) -> Resolution:
        if not self.create_unknown or len(name) > 255:
            return Resolution(name, "ambiguous")
        unit = OrgUnit.objects.create(
            name=name,
            kind=UnitKind.OTHER,
            level=self.context.level if self.context else Level.PROVINCE,
            parent=self.context,
            code=_unique_code(name),
        )
        self.created.append(unit)
        self.index.add(unit.name, unit)
        return Resolution(name, "new", [unit], None, 0.0)


def _unique_code(name: str, model: type[OrgUnit] | type[UnitGroup] = OrgUnit) -> str:
    base = NEW_UNIT_PREFIX + (slugify(strip_diacritics(name))[:45] or "don-vi")
    code, counter = base, 2
    while model.objects.filter(code=code).exists():
        code = f"{base}-{counter}"
        counter += 1
    return code


def same_name(a: str, b: str) -> bool:
    """Whether two names are the same body name once folded."""
    return name_key(a) == name_key(b)
