"""Matching benchmark: how many tasks of each seed plan end up with a unit,
against the demo province alone (baseline) and after importing the shipped
directory template, in the same run.

Run from the repository root (needs ../shared/seeds; uses a throw-away
SQLite database in a temporary folder):

    .venv/bin/python bench/matching.py
    .venv/bin/python bench/matching.py --template tinh-sau-2025.csv

For each seed it prints tasks, tasks without any unit (baseline → with
directory), and the body names by resolution method with the directory.
Every import is rolled back, so each seed sees the same units.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
TEMPLATES = REPO / "theodoi" / "orgunits" / "directory_templates"
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


class _Rollback(Exception):
    pass


def _import(result: dict[str, Any], verbose: bool = False) -> tuple[int, int, Counter[str]]:
    from django.db import transaction

    from theodoi.documents.importing import store_parse_result
    from theodoi.documents.publishing import unowned_paths
    from theodoi.orgunits.models import OrgUnit

    try:
        with transaction.atomic():
            outcome = store_parse_result(dict(result))
            notes = (outcome.document.parse_result or {})["import_notes"]
            methods = Counter(r["method"] for r in notes["resolution"])
            found = (outcome.tasks, outcome.unassigned_tasks, methods)
            if verbose:
                codes = dict(OrgUnit.objects.values_list("pk", "code"))
                for r in notes["resolution"]:
                    units = ", ".join(codes.get(pk, "?") for pk in r.get("units", []))
                    print(f"    {r['method']:<10} {r['name']}  → {units}")
                print(f"    unowned: {', '.join(unowned_paths(outcome.document)) or '-'}")
            raise _Rollback
    except _Rollback:
        pass
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--template", default="tinh-truoc-2025.csv")
    parser.add_argument("-v", "--verbose", action="store_true", help="every name and its units")
    args = parser.parse_args()
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not seeds:
        print(f"no seeds in {SEEDS}", file=sys.stderr)
        return 1
    os.environ["THEODOI_DATA_DIR"] = tempfile.mkdtemp(prefix="theodoi-bench-matching-")
    os.environ.pop("DATABASE_URL", None)
    from theodoi.project.bootstrap import setup_django

    setup_django()
    from django.core.management import call_command

    from theodoi.documents.parsing import parse_path
    from theodoi.orgunits.actions import import_directory
    from theodoi.orgunits.directory import parse_rows
    from theodoi.text.readers.sheet import read_sheet

    call_command("migrate", verbosity=0)
    results = {seed: parse_path(seed)[0] for seed in seeds}
    baseline = {seed: _import(result) for seed, result in results.items()}
    import_directory(None, parse_rows(read_sheet(TEMPLATES / args.template)))
    print(f"directory: {args.template}; baseline: an empty directory")
    print(f"{'seed':<6} {'tasks':>6} {'unowned before → after':>24}  names by method (after)")
    totals = [0, 0, 0]
    for seed, result in results.items():
        tasks, unowned, methods = _import(result, args.verbose)
        before = baseline[seed][1]
        totals = [totals[0] + tasks, totals[1] + before, totals[2] + unowned]
        shown = ", ".join(f"{m} {n}" for m, n in methods.most_common())
        print(f"{seed.name[:3]:<6} {tasks:>6} {before:>11} → {unowned:<10}  {shown}")
    tasks, before, after = totals
    print(
        f"all    {tasks:>6} {before:>11} → {after:<10}  "
        f"owned {100 * (tasks - before) / tasks:.0f}% → {100 * (tasks - after) / tasks:.0f}%"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
