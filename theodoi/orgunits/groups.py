"""Expanding a unit group ("Các sở, ban, ngành tỉnh") to the units it stands for."""

from __future__ import annotations

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
