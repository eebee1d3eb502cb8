"""Named changes to orgunits data: one transaction each, the acting user passed in,
the audit trail written (see theodoi/audit/actions.py)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from theodoi.audit.actions import record
from theodoi.orgunits.directory import DirectoryRow, preview, row_level
from theodoi.orgunits.models import Alias, Level, OrgUnit, UnitKind
from theodoi.text.vietnamese import strip_diacritics


class UnitActionError(ValueError):
    """The change cannot be made; the message says why, for a person."""


@dataclass
class DirectoryResult:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0

    def summary(self) -> dict[str, Any]:
        return {"added": len(self.added), "changed": len(self.changed), "unchanged": self.unchanged}


@transaction.atomic
def import_directory(actor: Any, rows: Iterable[DirectoryRow]) -> DirectoryResult:
    """Create or update every unit of the table (matched by code), all or nothing.

    A listed unit's name, kind, level and parent become the table's and its
    aliases gain the table's. Nothing is removed: aliases officers taught the
    system while confirming matches stay, and units the table does not list
    are left as they are (a directory file may cover one part of the tree).
    """
    rows = list(rows)
    result = DirectoryResult()
    for change in preview(rows):
        if change.action == "same":
            result.unchanged += 1
            continue
        _apply(change.row)
        (result.added if change.action == "add" else result.changed).append(change.row.code)
        if change.action == "change":
            record(
                actor,
                "orgunit.update",
                OrgUnit.objects.get(code=change.row.code),
                {key: list(value) for key, value in change.changes.items()},
            )
    record(
        actor, "orgunit.import_directory", None, {**result.summary(), "added_codes": result.added}
    )
    return result


def _apply(row: DirectoryRow) -> None:
    parent = OrgUnit.objects.get(code=row.parent) if row.parent else None
    unit = OrgUnit.objects.filter(code=row.code).first() or OrgUnit(code=row.code)
    unit.name = row.name
    unit.kind = row.kind
    unit.parent = parent
    unit.level = row_level(row, parent)
    unit.is_active = True
    if row.short_name is not None:
        unit.short_name = row.short_name
    unit.save()
    have = set(Alias.objects.filter(unit=unit).values_list("name", flat=True))
    for name in row.aliases:
        if name not in have:
            Alias.objects.create(unit=unit, name=name)


@transaction.atomic
def create_unit_from_name(
    actor: Any,
    name: str,
    *,
    parent: OrgUnit | None = None,
    kind: str = UnitKind.OTHER,
    level: str | None = None,
) -> OrgUnit:
    """A new unit for a body name nothing in the directory matched, made because
    an officer confirmed it is a real body of ours (never by the resolver)."""
    name = " ".join((name or "").split())
    if not name or len(name) > 255:
        raise UnitActionError(_("Tên đơn vị phải có từ 1 đến 255 ký tự."))
    if kind not in UnitKind.values:
        raise UnitActionError(_("Loại đơn vị không hợp lệ."))
    unit = OrgUnit.objects.create(
        name=name,
        kind=kind,
        level=level or (parent.level if parent else Level.PROVINCE),
        parent=parent,
        code=_unique_code(name),
    )
    record(actor, "orgunit.create", unit, {"name": name, "parent": parent.pk if parent else None})
    return unit


@transaction.atomic
def add_alias(actor: Any, unit: OrgUnit, name: str) -> Alias | None:
    """Remember ``name`` as another way to write ``unit`` (after an officer
    confirmed the match), so the next plan matches it exactly."""
    name = " ".join((name or "").split())[:255]
    if not name or Alias.objects.filter(unit=unit, name=name).exists():
        return None
    alias = Alias.objects.create(unit=unit, name=name)
    record(actor, "orgunit.add_alias", unit, {"alias": name})
    return alias


def _unique_code(name: str) -> str:
    base = slugify(strip_diacritics(name))[:50] or "don-vi"
    code, counter = base, 2
    while OrgUnit.objects.filter(code=code).exists():
        code = f"{base}-{counter}"
        counter += 1
    return code
