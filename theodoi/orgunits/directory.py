"""The unit directory as a table: rows in, checked rows, what would change, rows out.

A province keeps its units in a spreadsheet (``code, name, kind, parent,
aliases``). This module reads such rows into checked ``DirectoryRow`` values
(every fault names its spreadsheet row), says what importing them would add
or change (the preview the web page shows before the administrator
confirms), and turns the stored units back into rows. Writing is the action
``orgunits.actions.import_directory``; nothing here changes the database.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from theodoi.orgunits.models import Alias, Level, OrgUnit, UnitKind

COLUMNS = ("code", "name", "kind", "parent", "aliases")
#: Columns read when present (not written on export): they only refine a row.
OPTIONAL_COLUMNS = ("level", "short_name")
#: Directory kinds (the issue's vocabulary) and the stored kinds they are;
#: the stored kinds themselves are accepted too, so an export round-trips.
KINDS: dict[str, str] = {
    "department": UnitKind.DEPARTMENT,
    "district": UnitKind.DISTRICT,
    "commune": UnitKind.COMMUNE,
    "party": UnitKind.PARTY,
    "front": UnitKind.FRONT,
    "other": UnitKind.OTHER,
    "government": UnitKind.GOVERNMENT,
    "council": UnitKind.COUNCIL,
    "armed_forces": UnitKind.ARMED_FORCES,
}
_CODE = re.compile(r"^[-a-zA-Z0-9_]+$")
#: Party committees of a district or a commune, whose level the kind alone does not give.
_LOCAL_PARTY = (
    (re.compile(r"^(?:huyen|thi|quan|thanh)-uy\b"), Level.DISTRICT),
    (re.compile(r"^dang-uy-(?:xa|phuong|thi-tran)\b"), Level.COMMUNE),
)


class DirectoryError(ValueError):
    """The table cannot be imported; the message names the row and the fault."""


@dataclass(frozen=True)
class DirectoryRow:
    number: int  # the spreadsheet row (the header is row 1)
    code: str
    name: str
    kind: str
    parent: str
    aliases: tuple[str, ...]
    level: str = ""
    short_name: str | None = None


@dataclass
class DirectoryChange:
    """What importing one row does: ``add``, ``change`` or nothing (``same``)."""

    row: DirectoryRow
    action: str
    changes: dict[str, tuple[str, str]] = field(default_factory=dict)


def parse_rows(records: Sequence[dict[str, str]]) -> list[DirectoryRow]:
    """Checked rows, parents before children; DirectoryError on the first fault.
    Column names are read without regard to case ("Code" = "code")."""
    records = [{key.lower(): value for key, value in record.items()} for record in records]
    if records:
        missing = [c for c in ("code", "name", "kind") if c not in records[0]]
        if missing:
            raise DirectoryError(
                _("Bảng thiếu cột: %(cols)s (cần các cột %(all)s).")
                % {"cols": ", ".join(missing), "all": ", ".join(COLUMNS)}
            )
    rows: dict[str, DirectoryRow] = {}
    for number, record in enumerate(records, 2):
        if not any(value.strip() for value in record.values()):
            continue
        row = _row(number, record)
        if row.code in rows:
            raise _fault(
                number,
                _("mã “%(code)s” đã dùng ở dòng %(other)d")
                % {"code": row.code, "other": rows[row.code].number},
            )
        rows[row.code] = row
    if not rows:
        raise DirectoryError(_("Bảng không có dòng đơn vị nào."))
    known = set(
        OrgUnit.objects.filter(code__in=[r.parent for r in rows.values()]).values_list(
            "code", flat=True
        )
    )
    for row in rows.values():
        if row.parent and row.parent not in rows and row.parent not in known:
            raise _fault(
                row.number,
                _("đơn vị cấp trên “%(parent)s” không có trong bảng và trong hệ thống")
                % {"parent": row.parent},
            )
    return _parents_first(rows)


def _fault(number: int, problem: str) -> DirectoryError:
    return DirectoryError(_("Dòng %(n)d: %(problem)s.") % {"n": number, "problem": problem})


def _row(number: int, record: dict[str, str]) -> DirectoryRow:
    code = record.get("code", "").strip()
    name = " ".join(record.get("name", "").split())
    kind = record.get("kind", "").strip().lower()
    parent = record.get("parent", "").strip()
    if not code:
        raise _fault(number, _("thiếu mã đơn vị (cột code)"))
    if not _CODE.match(code) or len(code) > 60:
        raise _fault(
            number,
            _("mã “%(code)s” chỉ được gồm chữ không dấu, số, gạch ngang, tối đa 60 ký tự")
            % {"code": code},
        )
    if not name:
        raise _fault(number, _("thiếu tên đơn vị (cột name)"))
    if len(name) > 255:
        raise _fault(number, _("tên đơn vị dài quá 255 ký tự"))
    if kind not in KINDS:
        raise _fault(
            number,
            _("loại “%(kind)s” không hợp lệ (dùng một trong: %(kinds)s)")
            % {"kind": kind, "kinds": "department, district, commune, party, front, other"},
        )
    if parent == code:
        raise _fault(number, _("đơn vị không thể là cấp trên của chính nó"))
    aliases = tuple(
        dict.fromkeys(
            " ".join(a.split()) for a in record.get("aliases", "").split(";") if a.strip()
        )
    )
    if any(len(alias) > 255 for alias in aliases):
        raise _fault(number, _("một tên gọi khác dài quá 255 ký tự"))
    level = record.get("level", "").strip().lower()
    if level and level not in Level.values:
        raise _fault(
            number,
            _("cấp “%(level)s” không hợp lệ (dùng một trong: %(levels)s)")
            % {"level": level, "levels": ", ".join(Level.values)},
        )
    short_name = record.get("short_name")
    return DirectoryRow(
        number,
        code,
        name,
        KINDS[kind],
        parent,
        aliases,
        level,
        " ".join(short_name.split())[:100] if short_name is not None else None,
    )


def _parents_first(rows: dict[str, DirectoryRow]) -> list[DirectoryRow]:
    ordered: list[DirectoryRow] = []
    placed: set[str] = set()
    for row in rows.values():
        chain: list[DirectoryRow] = []
        current: DirectoryRow | None = row
        while current is not None and current.code not in placed:
            if current in chain:
                raise _fault(row.number, _("các đơn vị cấp trên tạo thành vòng lặp"))
            chain.append(current)
            current = rows.get(current.parent)
        for item in reversed(chain):
            placed.add(item.code)
            ordered.append(item)
    return ordered


def row_level(row: DirectoryRow, parent: OrgUnit | None) -> str:
    """The unit's level: stated, else given by its kind, its name or its parent."""
    if row.level:
        return row.level
    if row.kind == UnitKind.DISTRICT:
        return Level.DISTRICT
    if row.kind == UnitKind.COMMUNE:
        return Level.COMMUNE
    if row.kind == UnitKind.PARTY:
        from theodoi.orgunits.names import name_key

        for pattern, level in _LOCAL_PARTY:
            if pattern.match(name_key(row.name)):
                return level
    return parent.level if parent is not None else Level.PROVINCE


def preview(rows: Iterable[DirectoryRow]) -> list[DirectoryChange]:
    """What importing ``rows`` would do to each unit, without doing it."""
    rows = list(rows)
    existing = {
        unit.code: unit
        for unit in OrgUnit.objects.filter(code__in=[r.code for r in rows]).select_related("parent")
    }
    aliases = _aliases_by_code(existing.values())
    levels: dict[str, str] = {code: unit.level for code, unit in existing.items()}
    out = []
    for row in rows:
        parent_level = levels.get(row.parent)
        if parent_level is None and row.parent:
            parent_level = (
                OrgUnit.objects.filter(code=row.parent).values_list("level", flat=True).first()
            )
        level = _level_for(row, parent_level)
        levels[row.code] = level
        unit = existing.get(row.code)
        if unit is None:
            out.append(DirectoryChange(row, "add"))
            continue
        known_aliases = set(aliases.get(unit.code, []))
        now = {
            "name": row.name,
            "kind": row.kind,
            "level": level,
            "parent": row.parent,
            "aliases": "; ".join(sorted(known_aliases | set(row.aliases))),
        }
        before = {
            "name": unit.name,
            "kind": unit.kind,
            "level": unit.level,
            "parent": unit.parent.code if unit.parent else "",
            "aliases": "; ".join(sorted(known_aliases)),
        }
        if row.short_name is not None:
            now["short_name"], before["short_name"] = row.short_name, unit.short_name
        if not unit.is_active:
            now["is_active"], before["is_active"] = "True", "False"
        changes = {k: (before[k], v) for k, v in now.items() if before[k] != v}
        out.append(DirectoryChange(row, "change" if changes else "same", changes))
    return out


def _level_for(row: DirectoryRow, parent_level: str | None) -> str:
    parent = OrgUnit(level=parent_level) if parent_level else None
    return row_level(row, parent)


def _aliases_by_code(units: Iterable[OrgUnit]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for code, name in Alias.objects.filter(unit__in=list(units)).values_list("unit__code", "name"):
        out.setdefault(code, []).append(name)
    return out


def export_rows() -> list[dict[str, str]]:
    """Every unit as a directory row, parents first."""
    units = list(OrgUnit.objects.select_related("parent").order_by("tree_path"))
    aliases = _aliases_by_code(units)
    return [
        {
            "code": unit.code,
            "name": unit.name,
            "kind": unit.kind,
            "parent": unit.parent.code if unit.parent else "",
            "aliases": "; ".join(sorted(aliases.get(unit.code, []))),
        }
        for unit in units
    ]


def write_rows(path: Path, rows: list[dict[str, str]]) -> None:
    """Write rows as .csv (UTF-8 with BOM, which spreadsheet programs expect) or .xlsx."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "don-vi"
        sheet.append(list(COLUMNS))
        for row in rows:
            sheet.append([row[c] for c in COLUMNS])
        book.save(path)
        return
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(COLUMNS))
        writer.writeheader()
        writer.writerows(rows)
