"""Import benchmark: how long ``theodoi import`` spends parsing and storing,
and how well body names resolve against the demo province's units.

Run from the repository root (needs ../shared/seeds; uses a throw-away
SQLite database in a temporary folder, with the demo data loaded):

    .venv/bin/python bench/importing.py             # every seed, 3 runs each
    .venv/bin/python bench/importing.py --runs 5

For each seed it prints the median parse time (text core: read + parse),
the median store time (one transaction: document, outline, tasks, unit
resolution, links, periods), tasks, units, names by resolution method and
the unresolved names. The store is rolled back after each run, so every run
sees the same database.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


class _Rollback(Exception):
    pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    seeds = sorted(SEEDS.glob("*")) if SEEDS.is_dir() else []
    if not seeds:
        print(f"no seeds in {SEEDS}", file=sys.stderr)
        return 1
    os.environ["THEODOI_DATA_DIR"] = tempfile.mkdtemp(prefix="theodoi-bench-import-")
    os.environ.pop("DATABASE_URL", None)
    from theodoi.project.bootstrap import setup_django

    setup_django()
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from theodoi.demo.load import load_demo
    from theodoi.documents.importing import store_parse_result
    from theodoi.documents.parsing import parse_path

    call_command("migrate", verbosity=0)
    load_demo(today=timezone.localdate())
    print(
        f"{'seed':<6} {'parse s':>8} {'store s':>8} {'tasks':>6} {'units':>6}  methods / unresolved"
    )
    for seed in seeds:
        parse_times, store_times = [], []
        outcome = None
        for _ in range(args.runs):
            start = time.perf_counter()
            result, text = parse_path(seed)
            parse_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            try:
                with transaction.atomic():
                    outcome = store_parse_result(result, source_text=text)
                    notes = outcome.document.parse_result["import_notes"]
                    raise _Rollback
            except _Rollback:
                pass
            store_times.append(time.perf_counter() - start)
        assert outcome is not None
        methods = Counter(r["method"] for r in notes["resolution"])
        print(
            f"{seed.name[:3]:<6} {statistics.median(parse_times):>8.2f} "
            f"{statistics.median(store_times):>8.2f} {outcome.tasks:>6} {outcome.units:>6}  "
            f"{dict(methods)} / {outcome.unresolved}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
