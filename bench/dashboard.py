"""Dashboard speed on a province-sized plan, on SQLite and on PostgreSQL.

Run from the repository root:

    .venv/bin/python bench/dashboard.py              # both databases, 30 runs per page
    .venv/bin/python bench/dashboard.py --runs 50 --only sqlite

For each database a child process gets a fresh database (a temporary SQLite
file; a temporary PostgreSQL database ``theodoi_bench_<pid>`` on
127.0.0.1:5432 as user ``postgres``, dropped afterwards, skipped with a
message when the server is unreachable), migrates it, builds the dataset of
``bench/dashboard_data.py`` (1,000 units, 150 tasks, 5 yearly periods,
reports in every state) with ``bulk_create``, and times pages through
``django.test.Client`` with a logged-in user, round-robin (one request to
each page per run, so load from elsewhere on the machine hits every page
and the floors alike): the plan dashboard and its
drill-downs (focal officer), the unit inbox and the report form (a district's
officer), and a bare view registered only here (same middleware, login
required, no template, no query of its own) as the floor.

Targets (from the issue): p95 < 300 ms for every page on both databases, and
at most 5× the bare view's p95.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

FLOOR = "bare view (floor)"
PAGE_FLOOR = "bare page (base.html)"
TARGET_MS = 300.0
TARGET_RATIO = 5.0
PG: dict[str, Any] = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}


# ---------------------------------------------------------------- child


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def _get(client: Any, url: str) -> tuple[float, float]:
    """Wall and CPU milliseconds of one request (CPU: this process only, so
    on PostgreSQL the server's own work is not in it)."""
    start, cpu = time.perf_counter(), time.thread_time()
    response = client.get(url)
    elapsed = (time.perf_counter() - start) * 1000, (time.thread_time() - cpu) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    return elapsed


def _time_all(targets: dict[str, tuple[Any, str] | None], runs: int) -> dict[str, Any]:
    """p50/p95 of every page, the floors included, timed round-robin: run i
    requests each page once before run i+1, so a burst of load from other
    work on the machine falls on every page and on the floors alike and the
    ratios stay meaningful."""
    live = {name: target for name, target in targets.items() if target is not None}
    for client, url in live.values():
        for _ in range(3):  # warm-up: imports, template loading, DB caches
            _get(client, url)
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in live}
    for _ in range(runs):
        for name, (client, url) in live.items():
            samples[name].append(_get(client, url))
    results: dict[str, Any] = dict.fromkeys(targets)
    for name, timed in samples.items():
        wall = [w for w, _ in timed]
        results[name] = {
            "p50": statistics.median(wall),
            "p95": _percentile(wall, 0.95),
            "cpu50": statistics.median(c for _, c in timed),
        }
    return results


def _register_bare_views() -> tuple[str, str]:
    """Two floors registered only here: a bare view (login required, plain
    text, no query of its own) and a bare page (the same, rendering a
    template that extends ``base.html``: the site's layout and menu)."""
    from django.contrib.auth.decorators import login_required
    from django.http import HttpRequest, HttpResponse
    from django.template import engines
    from django.urls import clear_url_caches, path

    from theodoi.project import urls

    page = engines["django"].from_string(
        '{% extends "base.html" %}{% block content %}<h1>Bench</h1>{% endblock %}'
    )

    @login_required
    def bare(request: HttpRequest) -> HttpResponse:
        return HttpResponse("ok", content_type="text/plain")

    @login_required
    def bare_page(request: HttpRequest) -> HttpResponse:
        return HttpResponse(page.render({}, request))

    urls.urlpatterns += [
        path("__bench_bare__/", bare, name="bench-bare"),
        path("__bench_page__/", bare_page, name="bench-page"),
    ]
    clear_url_caches()
    return "/__bench_bare__/", "/__bench_page__/"


def _pages(data: Any) -> list[tuple[str, str, Any]]:
    """(name, url, user) of every page timed; None url = not available."""
    from django.urls import NoReverseMatch, reverse

    period = data.periods[-1]
    plan = {"plan": data.document.pk, "period": period.pk}
    pages: list[tuple[str, Any, Any]] = [
        ("dashboard: overview", reverse("dashboards:plan", kwargs=plan), data.focal_officer),
        ("dashboard: units", reverse("dashboards:units", kwargs=plan), data.focal_officer),
        ("dashboard: tasks", reverse("dashboards:tasks", kwargs=plan), data.focal_officer),
        ("dashboard: trend (5 years)", reverse("dashboards:trend", kwargs=plan),
         data.focal_officer),
        ("dashboard: overdue", reverse("dashboards:overdue", kwargs=plan), data.focal_officer),
        ("dashboard: difficulties", reverse("dashboards:difficulties", kwargs=plan),
         data.focal_officer),
        ("dashboard: one unit", reverse("dashboards:unit", kwargs=plan | {
            "unit": data.unit_officer.org_unit_id}), data.focal_officer),
    ]  # fmt: skip
    try:
        inbox = reverse("reporting:inbox") + f"?ky={period.pk}"
    except NoReverseMatch:
        inbox = None
    try:
        form = reverse("reporting:report_form", args=[period.pk, data.form_task.pk])
    except NoReverseMatch:
        form = None
    pages += [("unit inbox", inbox, data.unit_officer), ("report form", form, data.unit_officer)]
    return pages


def _analyze() -> None:
    """Give the planner statistics for the freshly bulk-loaded tables, as
    PostgreSQL's autovacuum (or SQLite's ANALYZE) would on a live database;
    without them PostgreSQL guesses one row per table and picks nested loops.
    On PostgreSQL also VACUUM (autovacuum does both after bulk inserts): it
    sets the visibility map, without which no index-only scan is possible."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def child(label: str, runs: int, units: dict[str, Any]) -> dict[str, Any]:
    from theodoi.project.bootstrap import setup_django

    setup_django()
    from django.core.management import call_command
    from django.test import Client
    from django.utils import timezone

    from bench.dashboard_data import TODAY, build_dataset
    from theodoi.reporting import clock

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter()
    data = build_dataset(**units)
    _analyze()
    built = time.perf_counter()
    clock.set_now(timezone.make_aware(datetime.datetime.combine(TODAY, datetime.time(10))))
    bare, bare_page = _register_bare_views()
    clients: dict[int, Client] = {}

    def client_for(user: Any) -> Client:
        if user.pk not in clients:
            clients[user.pk] = Client()
            clients[user.pk].force_login(user)
        return clients[user.pk]

    focal = client_for(data.focal_officer)
    targets: dict[str, tuple[Any, str] | None] = {
        FLOOR: (focal, bare),
        PAGE_FLOOR: (focal, bare_page),
    }
    for name, url, user in _pages(data):
        targets[name] = (client_for(user), url) if url else None
    results = _time_all(targets, runs)
    from theodoi.dashboards.report_docx import build_report

    start = time.perf_counter()
    size = len(build_report(data.document, data.periods[-1], TODAY))
    docx_ms = (time.perf_counter() - start) * 1000
    return {
        "label": label,
        "dataset": {
            "units": data.units, "tasks": data.tasks, "assignments": data.assignments,
            "periods": len(data.periods), "reports": data.reports,
        },
        "setup_s": {"migrate": migrated - started, "build": built - migrated},
        "pages": results,
        "docx": {"ms": docx_ms, "bytes": size},
    }  # fmt: skip


# ---------------------------------------------------------------- parent


def _run_child(label: str, env: dict[str, str], args: argparse.Namespace) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", label, "--runs", str(args.runs)]
    if args.small:
        command.append("--small")
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=REPO)
    if done.returncode != 0:
        raise RuntimeError(f"{label} run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _base_env(data_dir: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "THEODOI_DATA_DIR": data_dir,
            "ALLOWED_HOSTS": "testserver",
            "DEBUG": "0",
            "LOG_LEVEL": "ERROR",
            "DJANGO_SETTINGS_MODULE": "theodoi.project.settings",
        }
    )
    return env


def run_sqlite(args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="theodoi-bench-") as tmp:
        env = _base_env(tmp)
        env["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        return _run_child("SQLite", env, args)


def run_postgres(args: argparse.Namespace) -> dict[str, Any] | str:
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed"
    name = f"theodoi_bench_{os.getpid()}"
    try:
        admin = psycopg.connect(
            dbname="postgres",
            autocommit=True,
            connect_timeout=3,
            host=str(PG["host"]),
            port=int(PG["port"]),
            user=str(PG["user"]),
        )
    except Exception as exc:  # any connection failure means "skip"
        return f"PostgreSQL at {PG['host']}:{PG['port']} unreachable ({exc.__class__.__name__})"
    try:
        admin.execute(f'CREATE DATABASE "{name}"')
        with tempfile.TemporaryDirectory(prefix="theodoi-bench-") as tmp:
            env = _base_env(tmp)
            env["DATABASE_URL"] = f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{name}"
            return _run_child("PostgreSQL", env, args)
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def _row(
    name: str, timing: dict[str, float] | None, floor: float, page_floor: float, cpu_floor: float
) -> str:
    if timing is None:
        return f"  {name:<28} {'not available':>17}"
    p95 = timing["p95"]
    ratio, page_ratio = p95 / floor, p95 / page_floor
    checks = (
        ""
        if name in (FLOOR, PAGE_FLOOR)
        else "  ".join(
            (
                "<300ms " + ("ok" if p95 < TARGET_MS else "MISSED"),
                "≤5×view " + ("ok" if ratio <= TARGET_RATIO else "MISSED"),
                "≤5×page " + ("ok" if page_ratio <= TARGET_RATIO else "MISSED"),
            )
        )
    )
    cpu = timing["cpu50"]
    figures = (
        f"{timing['p50']:>7.1f} {p95:>7.1f} {ratio:>6.1f}× {page_ratio:>6.1f}×"
        f" {cpu:>7.1f} {cpu / cpu_floor:>6.1f}×"
    )
    return f"  {name:<28} {figures}  {checks}"


def print_result(result: dict[str, Any] | str, label: str) -> None:
    print()
    if isinstance(result, str):
        print(f"{label}: skipped — {result}")
        return
    d = result["dataset"]
    print(
        f"{result['label']}: {d['units']} units, {d['tasks']} tasks, {d['assignments']} "
        f"assignments, {d['periods']} periods, {d['reports']} reports "
        f"(migrate {result['setup_s']['migrate']:.1f} s, build {result['setup_s']['build']:.1f} s)"
    )
    print(
        f"  {'page':<28} {'p50 ms':>7} {'p95 ms':>7} {'×view':>7} {'×page':>7}"
        f" {'cpu p50':>7} {'×view':>7}  targets (p95)"
    )
    floor = result["pages"][FLOOR]["p95"]
    page_floor = result["pages"][PAGE_FLOOR]["p95"]
    cpu_floor = result["pages"][FLOOR]["cpu50"]
    for name, timing in result["pages"].items():
        print(_row(name, timing, floor, page_floor, cpu_floor))
    print(
        "  ×view, ×page: p95 over the floors' p95; cpu p50: this process's CPU time per"
        " request (steady on a busy machine; on PostgreSQL without the server's work)."
    )
    docx = result["docx"]
    print(f"  report draft .docx built in {docx['ms']:.0f} ms ({docx['bytes'] // 1024} KiB)")


def _load() -> str:
    """Other work on the machine skews every figure: say how busy it was."""
    one, five, _ = os.getloadavg()
    return f"Machine: {os.cpu_count()} CPUs, load average {one:.1f} (1 min), {five:.1f} (5 min)."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=30, help="timed requests per page")
    parser.add_argument("--only", choices=("sqlite", "postgres"))
    parser.add_argument("--small", action="store_true", help="a tiny dataset (smoke run)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sizes = {"departments": 4, "districts": 2, "communes": 6, "tasks": 15} if args.small else {}
    if args.child:
        print(json.dumps(child(args.child, args.runs, sizes)))
        return 0
    print(f"Targets: p95 < {TARGET_MS:.0f} ms per page, p95 ≤ {TARGET_RATIO:.0f}× the bare view.")
    print(_load())
    if args.only in (None, "sqlite"):
        print_result(run_sqlite(args), "SQLite")
    if args.only in (None, "postgres"):
        print_result(run_postgres(args), "PostgreSQL")
    print()
    print(_load())
    return 0


if __name__ == "__main__":
    sys.exit(main())
