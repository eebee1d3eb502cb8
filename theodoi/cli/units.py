"""``theodoi units import FILE`` / ``theodoi units export FILE``: the unit directory.

The table has the columns ``code, name, kind, parent, aliases`` (.csv UTF-8
or .xlsx). Import is all or nothing and may be run again: units are matched
by code and updated, never duplicated. It prints one JSON line
{"added", "changed", "unchanged"}; a bad row stops it with exit 2 and a
message naming the row, and nothing is stored.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "units",
        help="import or export the unit directory (.csv or .xlsx)",
        description="Danh mục đơn vị: cột code, name, kind, parent, aliases.",
    )
    actions = parser.add_subparsers(dest="units_command", metavar="ACTION", required=True)
    imp = actions.add_parser("import", help="create or update units from a table")
    imp.add_argument("file", type=Path, help="the table (.csv or .xlsx)")
    imp.set_defaults(func=run_import)
    exp = actions.add_parser("export", help="write every unit to a table")
    exp.add_argument("file", type=Path, help="where to write (.csv or .xlsx)")
    exp.set_defaults(func=run_export)


def run_import(args: argparse.Namespace) -> int:
    from theodoi.project.bootstrap import setup_django
    from theodoi.text.readers.sheet import read_sheet
    from theodoi.text.source import InputError

    setup_django()
    from theodoi.orgunits.actions import import_directory
    from theodoi.orgunits.directory import DirectoryError, parse_rows

    try:
        rows = parse_rows(read_sheet(args.file))
        result = import_directory(None, rows)
    except (InputError, DirectoryError) as exc:
        print(f"theodoi units import: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result.summary(), ensure_ascii=False))
    return 0


def run_export(args: argparse.Namespace) -> int:
    path: Path = args.file
    if path.suffix.lower() not in {".csv", ".xlsx"}:
        print("theodoi units export: the file must end in .csv or .xlsx", file=sys.stderr)
        return 2
    from theodoi.project.bootstrap import setup_django

    setup_django()
    from theodoi.orgunits.directory import export_rows, write_rows

    rows = export_rows()
    try:
        write_rows(path, rows)
    except OSError as exc:
        print(f"theodoi units export: {path}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(json.dumps({"units": len(rows), "file": str(path)}, ensure_ascii=False))
    return 0
