"""Matching benchmark: how many tasks of each seed plan end up with a unit,
against the demo province alone (baseline) and after importing the shipped
directory template, in the same run.

Run from the repository root (needs ../shared/seeds; uses a throw-away
SQLite database in a temporary folder):

    .venv/bin/python bench/matching.py
    .venv/bin/python bench/matching.py --template tinh-sau-2025.csv

For each seed it prints tasks, tasks without any unit (baseline → with
directory → first day), and the body names by resolution method on the
first day. Every import is rolled back, so each seed sees the same units.

"First day" is how a province starts: the directory is imported, which
teaches the restorer its names (documents/adaptation.py), then each plan is
parsed again and imported by an officer of its issuer. The seeds' own
localities are not in the fictional template, so a local plan (a city's,
a district's) is imported by an officer of the template's city of the same
branch (Thành ủy or UBND Lâm Giang): bodies the plan leaves without a place
("UBND thành phố", "Ban Tuyên giáo Thành ủy") are then that city's.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from theodoi.text.model import DocumentInfo, ParseResult

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
TEMPLATES = REPO / "theodoi" / "orgunits" / "directory_templates"
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


class _Rollback(Exception):
    pass


def _import(
    result: ParseResult, verbose: bool = False, actor: Any = None
) -> tuple[int, int, Counter[str]]:
    from django.db import transaction

    from theodoi.documents.importing import store_parse_result
    from theodoi.documents.publishing import unowned_paths
    from theodoi.orgunits.models import OrgUnit

    try:
        with transaction.atomic():
            outcome = store_parse_result(result, actor=actor)
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
    from theodoi.documents.adaptation import rebuild

    results = {seed: parse_path(seed)[0] for seed in seeds}
    baseline = {seed: _import(result) for seed, result in results.items()}
    import_directory(None, parse_rows(read_sheet(TEMPLATES / args.template)))
    directory = {seed: _import(result) for seed, result in results.items()}
    rebuild()  # the directory's names teach the restorer, as the import schedules it
    print(f"directory: {args.template}; baseline: an empty directory")
    print(
        f"{'seed':<6} {'tasks':>6} {'unowned: empty → directory → first day':>40}"
        "  names by method (first day)"
    )
    owned = {"empty": [0, 0], "directory": [0, 0], "first day": [0, 0]}  # tasks, unowned
    for seed in seeds:
        result = parse_path(seed)[0]  # parsed again, with the directory's names
        officer = _local_officer(result.document)
        tasks, unowned, methods = _import(result, args.verbose, officer)
        phases = {"empty": baseline[seed], "directory": directory[seed]}
        for name, (phase_tasks, phase_unowned, _methods) in phases.items():
            owned[name] = [owned[name][0] + phase_tasks, owned[name][1] + phase_unowned]
        owned["first day"] = [owned["first day"][0] + tasks, owned["first day"][1] + unowned]
        before, middle = baseline[seed][1], directory[seed][1]
        shown = ", ".join(f"{m} {n}" for m, n in methods.most_common())
        print(f"{seed.name[:3]:<6} {tasks:>6} {before:>14} → {middle:>9} → {unowned:<9}  {shown}")
    shares = " → ".join(f"{100 * (t - n) / t:.0f}%" for t, n in owned.values())
    unowned_all = " → ".join(str(n) for _t, n in owned.values())
    print(f"all    {owned['first day'][0]:>6} {unowned_all:>40}  owned {shares}")
    return 0


def _local_officer(info: DocumentInfo) -> Any:
    """An officer of the template's city in the plan's branch, for a local plan."""
    from theodoi.accounts.models import User
    from theodoi.orgunits.models import OrgUnit

    if info.level not in ("city", "district"):
        return None
    code = "thanh-uy-lam-giang" if info.issuer_type == "party" else "ubnd-tp-lam-giang"
    unit = OrgUnit.objects.filter(code=code).first()
    if unit is None:
        return None
    officer, _created = User.objects.get_or_create(
        username=f"bench-{code}", defaults={"org_unit": unit}
    )
    return officer


if __name__ == "__main__":
    sys.exit(main())
