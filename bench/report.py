"""Time to write the aggregated report (.docx) and its annex (.xlsx) for a
province-sized plan: 1,000 units × 150 tasks (target < 10 s each).

Run from the repository root:

    .venv/bin/python bench/report.py                 # SQLite and PostgreSQL
    .venv/bin/python bench/report.py --only sqlite --runs 3

Each database gets a fresh child process and database (as bench/dashboard.py
does), the dataset of ``bench/dashboard_data.py`` (1,000 units, 150 tasks, two
yearly periods, reports in every state), then the measured period's reports
are given varied wordings and figures, so merging near-identical texts and
summing figures do real work (same-text-everywhere would flatter them).
Printed: the gathering (queries + merging), the .docx, the .xlsx and the .csv,
each the median of ``--runs`` runs, with the sizes written; the gathering is
shared by both files and counted in each file's total.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.dashboard import PG, _base_env  # noqa: E402

TARGET_S = 10.0
WORDINGS = (
    "Đã tổ chức {n} hội nghị quán triệt, triển khai kế hoạch đến cán bộ, công chức.",
    "Đã tổ chức {n} hội nghị quán triệt, triển khai kế hoạch đến cán bộ công chức",
    "Ban hành văn bản hướng dẫn, đôn đốc các đơn vị trực thuộc thực hiện nhiệm vụ.",
    "Lồng ghép nội dung tuyên truyền vào các buổi sinh hoạt của khu dân cư tại {place}.",
    "Đang rà soát, xây dựng dự thảo kế hoạch chi tiết của đơn vị.",
    "Đã hoàn thành nhiệm vụ theo đúng tiến độ đề ra.",
)


def _vary(period_id: int, seed: int) -> int:
    """Varied results and figures for the measured period's reports."""
    from theodoi.reporting.models import TaskReport

    rng = random.Random(seed)
    reports = list(TaskReport.objects.filter(period_id=period_id).select_related("unit"))
    for report in reports:
        wording = rng.choice(WORDINGS)
        report.result = wording.format(n=rng.randint(1, 4), place=report.unit.name)
        report.figures = [
            {"label": "Số hội nghị", "value": rng.randint(0, 5), "unit": "hội nghị"},
            {"label": "Số lượt người tham dự", "value": str(rng.randint(20, 400))},
        ]
    TaskReport.objects.bulk_update(reports, ["result", "figures"], batch_size=2000)
    return len(reports)


def _median_time(function: Any, runs: int) -> tuple[float, float, Any]:
    """Median wall-clock and CPU seconds: on a shared machine the wall clock
    includes waiting for a core, the CPU time is the work itself."""
    walls, cpus, value = [], [], None
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        value = function()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), value


def child(label: str, runs: int) -> dict[str, Any]:
    from theodoi.project.bootstrap import setup_django

    setup_django()
    from django.core.management import call_command
    from django.db import connection

    from bench.dashboard_data import TODAY, build_dataset
    from theodoi.dashboards.report_data import collect
    from theodoi.dashboards.report_docx import build_docx
    from theodoi.dashboards.report_xlsx import build_csv, build_xlsx

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    data = build_dataset(years=range(2024, 2026))
    period = data.periods[-1]
    varied = _vary(period.pk, 7)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    built = time.perf_counter() - started
    gather_s, gather_cpu, report = _median_time(lambda: collect(data.document, period, TODAY), runs)
    docx_s, docx_cpu, docx = _median_time(lambda: build_docx(report), runs)
    xlsx_s, xlsx_cpu, xlsx = _median_time(lambda: build_xlsx(report), runs)
    csv_s, csv_cpu, csv = _median_time(lambda: build_csv(report), runs)
    merged = sum(len(task.results) for theme in report.themes for task in theme.tasks)
    return {
        "label": label,
        "dataset": {
            "units": data.units, "tasks": data.tasks, "annex_rows": len(report.annex),
            "reports_varied": varied, "merged_results": merged, "build_s": built,
        },
        "gather_s": gather_s, "gather_cpu": gather_cpu,
        "load": os.getloadavg()[0], "cpus": os.cpu_count(),
        "docx": {"s": docx_s, "total_s": gather_s + docx_s, "bytes": len(docx),
                 "cpu": docx_cpu, "total_cpu": gather_cpu + docx_cpu},
        "xlsx": {"s": xlsx_s, "total_s": gather_s + xlsx_s, "bytes": len(xlsx),
                 "cpu": xlsx_cpu, "total_cpu": gather_cpu + xlsx_cpu},
        "csv": {"s": csv_s, "total_s": gather_s + csv_s, "bytes": len(csv),
                "cpu": csv_cpu, "total_cpu": gather_cpu + csv_cpu},
    }  # fmt: skip


def _run_child(label: str, env: dict[str, str], runs: int) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", label, "--runs", str(runs)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=REPO)
    if done.returncode != 0:
        raise RuntimeError(f"{label} run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_sqlite(runs: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="theodoi-bench-") as tmp:
        env = _base_env(tmp)
        env["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        return _run_child("SQLite", env, runs)


def run_postgres(runs: int) -> dict[str, Any] | str:
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed"
    name = f"theodoi_bench_report_{datetime.datetime.now():%H%M%S}"
    try:
        admin = psycopg.connect(
            dbname="postgres", autocommit=True, connect_timeout=3,
            host=str(PG["host"]), port=int(PG["port"]), user=str(PG["user"]),
        )  # fmt: skip
    except Exception as exc:  # any connection failure means "skip"
        return f"PostgreSQL at {PG['host']}:{PG['port']} unreachable ({exc.__class__.__name__})"
    try:
        admin.execute(f'CREATE DATABASE "{name}"')
        with tempfile.TemporaryDirectory(prefix="theodoi-bench-") as tmp:
            env = _base_env(tmp)
            env["DATABASE_URL"] = f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{name}"
            return _run_child("PostgreSQL", env, runs)
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def print_result(result: dict[str, Any] | str, label: str) -> None:
    if isinstance(result, str):
        print(f"{label}: skipped — {result}")
        return
    d = result["dataset"]
    print(
        f"{result['label']}: {d['units']} units × {d['tasks']} tasks, {d['annex_rows']} annex "
        f"rows, {d['reports_varied']} reports; {d['merged_results']} merged result lines "
        f"(dataset built in {d['build_s']:.0f} s)"
    )
    print(f"  load average at the end: {result['load']:.1f} on {result['cpus']} CPUs")
    print(
        f"  gather (queries, merging, sums)  {result['gather_s']:6.2f} s   "
        f"(CPU {result['gather_cpu']:.2f} s)"
    )
    for name in ("docx", "xlsx", "csv"):
        item = result[name]
        verdict = "ok" if item["total_s"] < TARGET_S else f"OVER {TARGET_S:.0f} s"
        print(
            f"  .{name:<4} write {item['s']:6.2f} s   total {item['total_s']:6.2f} s "
            f"(CPU {item['total_cpu']:.2f} s)   {item['bytes'] / 1e6:6.2f} MB   {verdict}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=("sqlite", "postgres"))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.runs)))
        return 0
    failed = False
    if args.only in (None, "sqlite"):
        result = run_sqlite(args.runs)
        print_result(result, "SQLite")
        failed |= any(result[n]["total_s"] >= TARGET_S for n in ("docx", "xlsx"))
    if args.only in (None, "postgres"):
        pg = run_postgres(args.runs)
        print_result(pg, "PostgreSQL")
        if not isinstance(pg, str):
            failed |= any(pg[n]["total_s"] >= TARGET_S for n in ("docx", "xlsx"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
