"""Loading the demo organisation and its people (idempotent)."""

from __future__ import annotations

from django.contrib.auth.hashers import make_password

from theodoi.accounts.models import Role, User
from theodoi.demo.units import GROUPS, UNITS
from theodoi.orgunits.models import Alias, OrgUnit, UnitGroup

#: Every demo account uses this password (shown in the README and on the login page in DEBUG).
DEMO_PASSWORD = "demo-hoalam"

#: Units whose officer account is created (every body that reports in the demo).
REPORTING_KINDS = ("department", "armed_forces", "district", "front", "party")
#: Units that also get a unit head account.
HEADS = ("so-tu-phap", "ubnd-h-dong-son", "so-tttt")

SPECIAL_USERS = [
    # username, full name, role, unit code
    ("quantri", "Quản trị hệ thống", Role.ADMIN, "ubnd-tinh"),
    ("daumoi", "Nguyễn Thu Hà", Role.FOCAL_OFFICER, "so-noi-vu"),
    ("lanhdao", "Trần Quốc Bảo", Role.LEADER, "ubnd-tinh"),
]


def load_units() -> dict[str, OrgUnit]:
    units: dict[str, OrgUnit] = {}
    for position, spec in enumerate(UNITS):
        unit = OrgUnit.objects.filter(code=spec.code).first() or OrgUnit(code=spec.code)
        unit.name, unit.kind, unit.level = spec.name, spec.kind, spec.level
        unit.short_name, unit.sort_order = spec.short_name, position
        unit.parent = units[spec.parent] if spec.parent else None
        unit.save()
        units[spec.code] = unit
        for alias in spec.aliases:
            Alias.objects.get_or_create(unit=unit, name=alias)
    return units


def load_groups(units: dict[str, OrgUnit]) -> dict[str, UnitGroup]:
    groups: dict[str, UnitGroup] = {}
    for spec in GROUPS:
        group, _ = UnitGroup.objects.update_or_create(
            code=spec.code,
            defaults={
                "name": spec.name,
                "member_kinds": list(spec.member_kinds),
                "within": units[spec.within] if spec.within else None,
                "direct_children_only": spec.direct_children_only,
            },
        )
        group.members.set([units[code] for code in spec.members])
        for alias in spec.aliases:
            Alias.objects.get_or_create(group=group, name=alias)
        groups[spec.code] = group
    return groups


def load_users(units: dict[str, OrgUnit]) -> dict[str, User]:
    """Accounts for each role; passwords set only when an account is created."""
    hashed = make_password(DEMO_PASSWORD)  # hashed once: hashing is slow by design
    wanted = [(u, name, role, units[code]) for u, name, role, code in SPECIAL_USERS]
    for unit in units.values():
        if (unit.kind in REPORTING_KINDS and unit.parent_id is not None) or unit.kind == "front":
            wanted.append(
                (f"cb.{unit.code}", f"Cán bộ {unit.display_name}", Role.UNIT_OFFICER, unit)
            )
        if unit.code in HEADS:
            wanted.append(
                (f"ld.{unit.code}", f"Lãnh đạo {unit.display_name}", Role.UNIT_HEAD, unit)
            )
    users: dict[str, User] = {}
    for username, full_name, role, unit in wanted:
        user, _ = User.objects.get_or_create(
            username=username,
            defaults={
                "full_name": full_name,
                "role": role,
                "org_unit": unit,
                "password": hashed,
                "is_staff": role == Role.ADMIN,
                "is_superuser": role == Role.ADMIN,
            },
        )
        users[username] = user
    return users
