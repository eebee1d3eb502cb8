"""Resolving the body names a plan writes ("Sở TT&TT", "Các sở, ban, ngành
tỉnh; UBND các huyện, thị xã, thành phố") to org units — without writing.

Automatic, in order of trust: the exact canonical name, an alias, the level
word the plan's own level leaves implicit (``orgunits.matching``), a group
name stored in the directory, and a collective phrase read through unit
kinds ("Giám đốc các sở" → every department; ``orgunits.groups``).

Never automatic: a near spelling is only a *suggestion* (``fuzzy``, no
units assigned) the officer confirms on the review screen; a name no unit
matches stays ``unknown``; vague phrases ("các đơn vị có liên quan") stay
``vague``; a collective phrase whose kind has no unit (districts after 2025)
is ``empty_group``; non-bodies ("chính quyền hai cấp", OCR garbage) are
``not_body``. Each is listed for the officer, and nothing is created here:
a new unit exists only once an officer confirms it
(``orgunits.actions.create_unit_from_name``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from theodoi.orgunits.groups import group_members, kind_members, kind_rule
from theodoi.orgunits.matching import BodyIndex
from theodoi.orgunits.models import OrgUnit, UnitGroup
from theodoi.orgunits.names import body_key, name_key
from theodoi.text import lexicon
from theodoi.text.bodies import looks_like_body
from theodoi.text.model import Task as ParsedTask

_SPLIT = re.compile(r"\s*;\s*")
#: Phrases that name a tier of government or a state of affairs, not a body.
#: Not bodies: "chính quyền" alone, "hệ thống chính trị", "Nhân dân", "cán bộ" (but
#: "chính quyền hai cấp / các cấp" are the People's Committees: orgunits.groups).
_NOT_BODY = re.compile(
    r"^(?:chinh-quyen(?!-(?:cac-cap|hai-cap|ba-cap))|he-thong-chinh-tri|nhan-dan|can-bo)(?:-|$)"
)
#: Plan levels whose collective phrases stand for the issuer's own locality only.
_LOCAL_LEVELS = frozenset({"district", "commune"})
#: Token-set similarity from which a collective name is taken for a stored group.
GROUP_CUTOFF = 90.0
#: Methods that assign units without anyone confirming.
AUTOMATIC = frozenset({"exact", "alias", "level", "group", "kinds"})
#: Methods an officer must look at before publishing.
NEEDS_REVIEW = frozenset({"fuzzy", "unknown", "ambiguous", "vague", "empty_group"})


def split_names(names: Iterable[str]) -> set[str]:
    """The body names a list of names as written stands for, one per name the
    resolver reads (``Resolver.resolve_phrase``: "A; B" is two, spaces made one)."""
    return {" ".join(part.split()) for name in names for part in _SPLIT.split(name) if part.strip()}


def names_by_role(item: ParsedTask) -> dict[str, set[str]]:
    """The body names a parsed task gives each role ("lead", "coordinating",
    "implementing"), split as ``split_names``. A duty naming nobody is the
    plan's implementers' (text/extract/implementers.py): then they alone,
    as implementing."""
    named = {
        "lead": split_names(item.lead),
        "coordinating": split_names(item.coordinating),
        "implementing": split_names(item.implementing),
    }
    if any(named.values()):
        return named
    return {"implementing": split_names(item.implied_implementing)}


def _tokens(key: str) -> str:
    """A key's words without determiners ("cac", "nhung", "moi": the core's
    collective_phrases.tsv), for token-set matching."""
    determiners = lexicon.collective_determiners()
    return " ".join(word for word in key.split("-") if word not in determiners)


def is_collective(name: str) -> bool:
    """Whether a name stands for many bodies ("các sở", "cấp huyện", "… liên quan");
    the phrases are the core's (theodoi/text/data/collective_phrases.tsv)."""
    return lexicon.is_collective(name)


@dataclass
class Resolution:
    """What one name as written stands for."""

    name: str
    # exact | alias | level | group | kinds (automatic);
    # fuzzy | unknown | ambiguous | vague | empty_group | not_body | empty
    method: str
    units: list[OrgUnit] = field(default_factory=list)
    group: UnitGroup | None = None
    score: float = 0.0
    suggestions: list[OrgUnit] = field(default_factory=list)

    @property
    def resolved(self) -> bool:
        return bool(self.units) and self.method in AUTOMATIC

    @property
    def needs_review(self) -> bool:
        return self.method in NEEDS_REVIEW

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "method": self.method,
            "units": [unit.pk for unit in self.units],
            "group": self.group.pk if self.group else None,
            "score": round(self.score, 1),
            "suggestions": [unit.pk for unit in self.suggestions],
        }


class Resolver:
    """Resolves names against the units in the database, one import at a time.

    ``level`` is the plan's level (makes "tỉnh" implicit in a provincial
    plan); ``context`` (the issuing unit) breaks ties between equally good
    units. Reads only.
    """

    def __init__(self, *, context: OrgUnit | None = None, level: str = "") -> None:
        self.index = BodyIndex.from_db()
        self.context = context
        self.level = level
        self._cache: dict[str, Resolution] = {}
        self._roots: tuple[str, ...] | None = None

    def resolve(self, name: str) -> Resolution:
        """The resolution of one body name."""
        name = " ".join((name or "").split())
        key = body_key(name)
        if not key:
            return Resolution(name, "empty")
        if key not in self._cache:
            self._cache[key] = self._resolve(name)
        cached = self._cache[key]
        return Resolution(
            name,
            cached.method,
            list(cached.units),
            cached.group,
            cached.score,
            list(cached.suggestions),
        )

    def resolve_phrase(self, phrase: str) -> list[Resolution]:
        """Every body of a list such as "Các sở, ban, ngành tỉnh; UBND các huyện"."""
        parts = [part for part in _SPLIT.split(phrase or "") if part.strip()]
        return [self.resolve(part) for part in parts]

    def match_only(self, name: str | None) -> OrgUnit | None:
        """The one unit ``name`` is, automatically (no suggestion, no group)."""
        if not name:
            return None
        found = self.index.match(name, self.level)
        if found is None or not found.exact:
            return None
        units = self._prefer_context([c for c in found.candidates if isinstance(c, OrgUnit)])
        return units[0] if len(units) == 1 else None

    def _resolve(self, name: str) -> Resolution:
        found = self.index.match(name, self.level)
        if found is not None and found.exact:
            return self._automatic(name, found.candidates, found.method, found.score)
        own = self._own_place(name)
        if own is not None:
            return own
        if _NOT_BODY.match(body_key(name)):
            return Resolution(name, "not_body")
        if is_collective(name):
            return self._collective(name)
        if not looks_like_body(name):
            return Resolution(name, "not_body")
        if found is not None:  # a near spelling: suggested, not assigned
            units = self._prefer_context([c for c in found.candidates if isinstance(c, OrgUnit)])
            return Resolution(name, "fuzzy", [], None, found.score, units)
        return Resolution(name, "unknown")

    def _automatic(
        self, name: str, candidates: tuple[Any, ...], method: str, score: float
    ) -> Resolution:
        groups = [c for c in candidates if isinstance(c, UnitGroup)]
        units = self._prefer_context([c for c in candidates if isinstance(c, OrgUnit)])
        if groups and not units:
            members = list(group_members(groups[0]))
            return Resolution(
                name, "group" if members else "empty_group", members, groups[0], score
            )
        if len(units) != 1:
            return Resolution(name, "ambiguous", [], None, score, units)
        if method == "exact" and body_key(name) in self.index.alias_keys:
            own = {body_key(units[0].name), body_key(units[0].short_name)} - {""}
            method = "exact" if body_key(name) in own else "alias"
        return Resolution(name, method, units, None, score)

    def _collective(self, name: str) -> Resolution:
        rule = kind_rule(body_key(name), self.level)
        if rule is None:  # "các đơn vị có liên quan": listed, never invented
            return Resolution(name, "vague")
        found_group = self._group_by_tokens(name)
        if found_group is not None:
            group, score = found_group
            members = list(group_members(group))
            return Resolution(name, "group" if members else "empty_group", members, group, score)
        members = kind_members(rule)
        if self.level in _LOCAL_LEVELS:
            # a district's "các xã" are its own communes, never the whole province's
            if self.context is None:
                return Resolution(name, "vague")
            roots = self._local_roots()
            members = [m for m in members if m.tree_path.startswith(roots)]
        return Resolution(name, "kinds" if members else "empty_group", members, None, 100.0)

    def _own_place(self, name: str) -> Resolution | None:
        """A local plan leaves its own place implicit: in Thành ủy Lâm Giang's plan
        "Ban Tuyên giáo Thành ủy" and "UBND thành phố" are Lâm Giang's."""
        if self.level not in _LOCAL_LEVELS or self.context is None or is_collective(name):
            return None
        place = place_of(self.context.name)
        if not place:
            return None
        written = [f"{name} {place}"]
        if not _ENDS_AT_LEVEL_WORD[self.level].search(name):
            # "Mặt trận Tổ quốc Việt Nam", "Phòng Nội vụ", "Thành đoàn" named bare in a
            # city's plan are the city's: the locality's word and name are implied
            word = locality_word(self.context.name)
            if word:
                written.insert(0, f"{name} {word} {place}")
        for candidate in written:
            found = self.index.match(candidate, self.level)
            if found is None or not found.exact:
                continue
            resolution = self._automatic(name, found.candidates, "level", found.score)
            if resolution.units:
                return resolution
        return None

    def _local_roots(self) -> tuple[str, ...]:
        """Tree paths of the issuer's locality: the issuer's subtree and those of the
        units of its level named for the same place ("Thành ủy Lâm Giang", "UBND
        thành phố Lâm Giang", "Hội Nông dân thành phố Lâm Giang")."""
        context = self.context
        assert context is not None
        if self._roots is None:
            place = place_of(context.name)
            roots = {context.tree_path}
            if place:
                for unit in OrgUnit.objects.filter(level=context.level, is_active=True):
                    if place_of(unit.name) == place:
                        roots.add(unit.tree_path)
            self._roots = tuple(sorted(roots))
        return self._roots

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


_PLACE = re.compile(
    r"\b(?:huyện|quận|thị xã|thành phố|xã|phường|thị trấn|ủy|uỷ|đoàn)\s+"
    r"(?P<place>(?:[A-ZĐÀ-Ỹ][^\s]*\s*)+)$"
)


#: A local body name that stops at its level's word, its place left implicit.
_ENDS_AT_LEVEL_WORD = {
    "district": re.compile(
        r"\b(?:huyện|quận|thị xã|thành phố|thành [uủ]y|huyện [uủ]y|thị [uủ]y|quận [uủ]y)\s*$", re.I
    ),
    "commune": re.compile(r"\b(?:xã|phường|thị trấn|đảng [uủ]y)\s*$", re.I),
}


#: The word a locality's own units put before its name, by the key of its
#: committee or government ("Thành ủy Lâm Giang" → "thành phố").
_LOCALITY_WORDS = (
    (re.compile(r"^(?:thanh-uy|.*thanh-pho)-"), "thành phố"),
    (re.compile(r"^(?:thi-uy|.*thi-xa)-"), "thị xã"),
    (re.compile(r"^(?:huyen-uy|.*huyen)-"), "huyện"),
    (re.compile(r"^(?:quan-uy|.*quan)-"), "quận"),
    (re.compile(r"^(?:dang-uy-)?(?:.*-)?phuong-"), "phường"),
    (re.compile(r"^(?:dang-uy-)?(?:.*-)?thi-tran-"), "thị trấn"),
    (re.compile(r"^(?:dang-uy-)?(?:.*-)?xa-"), "xã"),
)


def locality_word(name: str) -> str:
    """ "Thành ủy Lâm Giang", "UBND thành phố Lâm Giang" → "thành phố"; "" if none."""
    key = name_key(name)
    for pattern, word in _LOCALITY_WORDS:
        if pattern.match(key):
            return word
    return ""


def place_of(name: str) -> str:
    """The place a local unit is named for: "Huyện ủy Đông Sơn" → "đông sơn"."""
    found = _PLACE.search(" ".join(name.split()))
    return found.group("place").strip().lower() if found else ""


def same_name(a: str, b: str) -> bool:
    """Whether two names are the same body name once folded."""
    return name_key(a) == name_key(b)
