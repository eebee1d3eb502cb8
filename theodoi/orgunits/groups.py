"""Expanding a unit group ("Các sở, ban, ngành tỉnh") to the units it stands for."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from theodoi.orgunits.models import OrgUnit, UnitGroup


def group_members(group: UnitGroup) -> QuerySet[OrgUnit]:
    """Explicit members plus active units matching the group's kind rule."""
    condition = Q(pk__in=group.members.values("pk"))
    if group.member_kinds:
        rule = Q(kind__in=group.member_kinds, is_active=True)
        if group.within_id is not None:
            within = group.within
            assert within is not None
            if group.direct_children_only:
                rule &= Q(parent=within)
            else:
                rule &= Q(tree_path__startswith=within.tree_path) & ~Q(pk=within.pk)
        condition |= rule
    return OrgUnit.objects.filter(condition).order_by("tree_path")


def expand(units: list[OrgUnit], groups: list[UnitGroup]) -> list[OrgUnit]:
    """Units named directly plus the members of the groups named, each once,
    in tree order."""
    found: dict[int, OrgUnit] = {unit.pk: unit for unit in units}
    for group in groups:
        for member in group_members(group):
            found.setdefault(member.pk, member)
    return sorted(found.values(), key=lambda unit: unit.tree_path)


# --- collective phrases read through unit kinds ---------------------------------

#: (pattern on the name key, kind, level or None for "the plan's level").
#: Keys have the leading "các" and any head title ("Giám đốc", "Chủ tịch") removed,
#: so "Chủ tịch UBND các huyện, thị xã, thành phố" is read as the districts.
_KIND_RULES: tuple[tuple[re.Pattern[str], str, str | None], ...] = (
    (re.compile(r"(?:^|-)(?:so|ban-nganh|nganh|co-quan-chuyen-mon)(?:-|$)"), "department", None),
    (
        re.compile(
            r"(?:^|uy-ban-nhan-dan-|cac-|cap-)(?:cac-)?(?:huyen|thi-xa|thanh-pho|quan)(?!-uy)(?:-|$)"
        ),
        "district",
        "district",
    ),
    (
        re.compile(
            r"(?:^|uy-ban-nhan-dan-|cac-|cap-|-)(?:cac-)?(?:xa|phuong|thi-tran)(?!-hoi)(?:-|$)"
        ),
        "commune",
        "commune",
    ),
    (re.compile(r"(?:^|-)(?:huyen-uy|thi-uy|thanh-uy|quan-uy)(?:-|$)"), "party", "district"),
    (re.compile(r"(?:^|-)(?:doan-the|mat-tran)(?:-|$)"), "front", None),
    (re.compile(r"(?:^|-)luc-luong-vu-trang(?:-|$)"), "armed_forces", None),
)
#: Collective phrases no rule can expand honestly: listed for the officer, never guessed.
_VAGUE = re.compile(r"(?:^|-)(?:co-)?lien-quan(?:-|$)")
#: "Các cấp ủy (, tổ chức đảng)", "cấp ủy các cấp": the party committees directly
#: under the plan's own level (a provincial plan's are the huyện/thị/thành ủy); vague
#: when the plan's level is not known.
_PARTY_COMMITTEES = re.compile(r"(?:^|-)cap-uy(?:-|$)")
_LEVEL_BELOW = {"province": "district", "district": "commune"}
#: "Chính quyền hai cấp / các cấp / ba cấp": the People's Committees of the plan's
#: level and of every level below it (a city plan's are the city's and its wards').
_GOVERNMENTS = re.compile(r"^chinh-quyen-(?:cac-cap|hai-cap|ba-cap)(?:-|$)")
_GOVERNMENT_KINDS = (("government", "province"), ("district", "district"), ("commune", "commune"))
#: "Các ban đảng", "các cơ quan tham mưu, giúp việc (Tỉnh ủy)": the party
#: committee's own departments, at the plan's level.
_PARTY_ORGANS = re.compile(r"(?:^|-)(?:ban-dang|co-quan-tham-muu)(?:-|$)")
#: Words that carry no kind: "đơn vị", "cơ quan", "địa phương" …
_SOCIAL = re.compile(r"chinh-tri-xa-hoi|xa-hoi")
#: A district's name words that look like a commune rule ("thị xã" is a district).
_TOWN = re.compile(r"thi-xa")


@dataclass(frozen=True)
class KindRule:
    """The units a collective phrase stands for: kind × level pairs."""

    kinds: tuple[tuple[str, str], ...]


def kind_rule(key: str, plan_level: str) -> KindRule | None:
    """The kinds a collective name key stands for, or None when vague."""
    if _VAGUE.search(key):
        return None
    text = _TOWN.sub("thi-town", _SOCIAL.sub("social", key))
    kinds: list[tuple[str, str]] = []
    if _GOVERNMENTS.search(key):
        levels = [level for _kind, level in _GOVERNMENT_KINDS]
        start = levels.index(plan_level) if plan_level in levels else 0
        return KindRule(_GOVERNMENT_KINDS[start:])
    if _PARTY_COMMITTEES.search(key):
        below = _LEVEL_BELOW.get(plan_level)
        if below is None:
            return None
        kinds.append(("party", below))
    if _PARTY_ORGANS.search(key):
        kinds.append((PARTY_ORGAN, plan_level or "province"))
    for pattern, kind, level in _KIND_RULES:
        if pattern.search(text if kind == "commune" else key):
            pair = (kind, level or plan_level or "province")
            if pair not in kinds:
                kinds.append(pair)
    return KindRule(tuple(kinds)) if kinds else None


#: Pseudo-kind of a rule: the party departments under a party committee of the level.
PARTY_ORGAN = "party_organ"


def kind_members(rule: KindRule) -> list[OrgUnit]:
    """Active units of the rule's kinds and levels, in tree order."""
    condition = Q(pk__in=[])
    for kind, level in rule.kinds:
        if kind == PARTY_ORGAN:
            condition |= Q(kind="party", level=level, parent__kind="party", parent__level=level)
        elif kind == "party":  # committees, not the departments under one of their level
            condition |= Q(kind=kind, level=level) & ~Q(parent__kind="party", parent__level=level)
        else:
            condition |= Q(kind=kind, level=level)
    return list(OrgUnit.objects.filter(condition, is_active=True).order_by("tree_path"))
