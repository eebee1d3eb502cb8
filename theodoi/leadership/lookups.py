"""Finding the leader in charge: the task's own leader first, then the
unit's, then the nearest ancestor unit's (a district's leader directs its
communes unless one is named for them)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from theodoi.accounts.models import Role, User
from theodoi.leadership.models import LeaderInCharge
from theodoi.orgunits.models import OrgUnit


def leader_of(unit: OrgUnit, task_id: int | None = None) -> Any:
    if task_id is not None:
        own = LeaderInCharge.objects.filter(unit=unit, task_id=task_id).select_related("leader")
        found = own.first()
        if found is not None and found.leader.is_active:
            return found.leader
    candidates = (
        LeaderInCharge.objects.filter(task__isnull=True, leader__is_active=True)
        .filter(Q(unit=unit) | Q(unit__tree_path__in=_ancestor_paths(unit)))
        .select_related("leader", "unit")
    )
    best = max(candidates, key=lambda item: len(item.unit.tree_path), default=None)
    return best.leader if best is not None else None


def _ancestor_paths(unit: OrgUnit) -> list[str]:
    """``tree_path`` of every ancestor: the path's proper prefixes
    ("000012/000034/" → ["000012/"])."""
    parts = unit.tree_path.rstrip("/").split("/")
    return ["/".join(parts[:length]) + "/" for length in range(1, len(parts))]


def units_in_charge(leader: Any) -> QuerySet[OrgUnit]:
    """Units the leader directs, with the units under them."""
    roots = list(
        LeaderInCharge.objects.filter(leader=leader).values_list("unit__tree_path", flat=True)
    )
    if not roots:
        return OrgUnit.objects.none()
    condition = Q()
    for path in roots:
        condition |= Q(tree_path__startswith=path)
    return OrgUnit.objects.filter(condition)


def leaders() -> QuerySet[User]:
    return User.objects.filter(role=Role.LEADER, is_active=True)
