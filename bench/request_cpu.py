"""CPU per request on the deadline-hour path, measured in-process.

``bench/load.py`` measures latency through a real server under load, which is
noisy on a shared 2-core machine. This replays the same officer's steps with
Django's test ``Client`` in one process and prints the CPU milliseconds
(``time.process_time``) each step costs: open the form, save an edit, the
redirect back to the form, send it, the redirect back again.

Same data as the load bench: a throwaway PostgreSQL database
``theodoi_cpu_<pid>`` on ``TEST_POSTGRES`` (default
postgres://postgres@127.0.0.1:5432), migrated, the demo loaded, and one draft
report per officer (``bench.load.prepare_slots``); every officer starts with
the session a login would store (``bench.load.signed_in_sessions``). DEBUG is
off, as in ``theodoi serve``. The database is dropped afterwards.

    .venv/bin/python bench/request_cpu.py                # 40 officers
    .venv/bin/python bench/request_cpu.py --profile      # + cProfile top 20 per step
    .venv/bin/python bench/request_cpu.py --code /tmp/old   # another checkout's theodoi

``--compare`` replays every other officer with this branch's optimisations
switched off in the same process (``optimised``); the officers' reports
differ (unit, regular or ad hoc period), so that split is indicative only.
``--code DIR`` imports ``theodoi`` from DIR instead of this checkout (the
bench code itself still comes from here), to print a baseline from an older
commit: ``git archive <commit> theodoi | tar -x -C DIR``.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]

STEPS = ("GET form", "POST edit", "GET after edit", "POST final", "GET after final")


def _form(version: str, step: str, username: str) -> dict[str, str]:
    return {
        "version": version,
        "completion": "in_progress",
        "completed_on": "",
        "result": f"[load {username} {step}] Đã triển khai kế hoạch tại đơn vị.",
        "figures": "Hội nghị | 2 | cuộc",
        "difficulties": "",
        "proposals": "",
        "action": "save" if step == "edit" else "submit",
    }


def optimised(on: bool) -> None:
    """Switch this branch's CPU optimisations on or off in this process (the
    ``--compare`` baseline): the Python widget renderer, and the plan's
    indicators taken apart by PostgreSQL."""
    from django.conf import settings
    from django.forms import renderers

    from theodoi.reporting import period_report

    settings.FORM_RENDERER = (
        "theodoi.project.form_renderer.WidgetRenderer"
        if on
        else "django.forms.renderers.DjangoTemplates"
    )
    renderers.get_default_renderer.cache_clear()
    period_report._PYTHON_LABELS = not on


def replay(
    slots: list[Any], sessions: dict[str, str], profile: bool, compare: bool = False
) -> dict[str, Any]:
    """Every officer through the five steps; CPU ms per step (and profiles).
    ``compare``: every other officer with the optimisations off (``optimised``),
    reported under "baseline" (interleaved, so both see the same machine)."""
    from django.conf import settings
    from django.test import Client

    from bench.load import VERSION_FIELD

    cpu: dict[str, list[float]] = {step: [] for step in STEPS}
    baseline: dict[str, list[float]] = {step: [] for step in STEPS}
    into = cpu
    profiles = {step: cProfile.Profile(time.process_time) for step in STEPS}  # CPU, not wall

    def timed(step: str, call: Any, expect: int) -> Any:
        started = time.process_time()
        if profile:
            profiles[step].enable()
        response = call()
        if profile:
            profiles[step].disable()
        into[step].append((time.process_time() - started) * 1000)
        if response.status_code != expect:
            raise SystemExit(f"{step}: HTTP {response.status_code}, expected {expect}")
        return response

    for n, slot in enumerate(slots):
        if compare:
            optimised(n % 2 == 0)
            into = cpu if n % 2 == 0 else baseline
        client = Client(HTTP_HOST="127.0.0.1")  # no CSRF checks: a browser with its token
        client.cookies[settings.SESSION_COOKIE_NAME] = sessions[slot.username]
        page = timed("GET form", partial(client.get, slot.path), 200)
        for step in ("edit", "final"):
            match = VERSION_FIELD.search(page.content.decode())
            if match is None:
                raise SystemExit(f"{slot.username}: the form is not editable before {step}")
            data = _form(match.group(1), step, slot.username)
            timed(f"POST {step}", partial(client.post, slot.path, data), 302)
            page = timed(f"GET after {step}", partial(client.get, slot.path), 200)
    result = replay_figures(cpu)
    if compare:
        optimised(True)
        result["baseline"] = replay_figures(baseline)
    if profile:
        for step, prof in profiles.items():
            if dump := os.environ.get("REQUEST_CPU_DUMP"):  # a directory for pstats files
                prof.dump_stats(Path(dump) / (step.replace(" ", "_") + ".prof"))
            out = io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(20)
            result.setdefault("_profiles", {})[step] = out.getvalue()
            out = io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(20)
            result["_profiles"][step + " (own time)"] = out.getvalue()
    return result


def replay_figures(cpu: dict[str, list[float]]) -> dict[str, Any]:
    result: dict[str, Any] = {
        step: {
            "mean_ms": round(statistics.fmean(values), 2),
            "median_ms": round(statistics.median(values), 2),
        }
        for step, values in cpu.items()
    }
    result["officer_total_ms"] = round(sum(statistics.fmean(v) for v in cpu.values()), 1)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--officers", type=int, default=40, help="reports replayed (each once)")
    parser.add_argument("--warmup", type=int, default=5, help="officers replayed first, unmeasured")
    parser.add_argument("--profile", action="store_true", help="cProfile top 20 per step")
    parser.add_argument("--code", type=Path, help="import theodoi from this directory")
    parser.add_argument(
        "--compare",
        action="store_true",
        help="every other officer with this branch's optimisations off (same run)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON line last")
    args = parser.parse_args()
    code = (args.code or REPO).resolve()
    sys.path[:0] = [str(code), str(REPO)] if code != REPO else [str(REPO)]

    from bench import load

    dbname = f"theodoi_cpu_{os.getpid()}"
    data_dir = Path(tempfile.mkdtemp(prefix="theodoi-cpu-"))
    env = dict(
        os.environ,
        DATABASE_URL=f"{load._pg_base()}/{dbname}",
        THEODOI_DATA_DIR=str(data_dir),
        DJANGO_SETTINGS_MODULE="theodoi.project.settings",
        PYTHONPATH=os.pathsep.join([str(code), str(REPO)]),
        DEBUG="false",
        LOG_LEVEL="WARNING",
        THEODOI_DB_POOL="0",
    )
    with load._admin_connection() as conn:
        conn.execute(f'CREATE DATABASE "{dbname}"')
    try:
        load._theodoi(env, "migrate")
        load._theodoi(env, "demo")
        os.environ.update(
            {k: env[k] for k in ("DATABASE_URL", "THEODOI_DATA_DIR", "DJANGO_SETTINGS_MODULE")}
        )
        os.environ.update({k: env[k] for k in ("DEBUG", "LOG_LEVEL", "THEODOI_DB_POOL")})
        import django

        django.setup()
        from django.conf import settings
        from django.db import connection

        import theodoi

        assert Path(theodoi.__file__).resolve().is_relative_to(code), theodoi.__file__
        assert not settings.DEBUG
        slots = load.prepare_slots(args.warmup + args.officers)
        sessions = load.signed_in_sessions([s.username for s in slots])
        replay(slots[: args.warmup], sessions, profile=False)
        result = replay(slots[args.warmup :], sessions, args.profile, args.compare)
        connection.close()
    finally:
        from django.db import connections

        connections.close_all()
        with load._admin_connection() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
        shutil.rmtree(data_dir, ignore_errors=True)
    for step, text in result.pop("_profiles", {}).items():
        print(f"==== {step}\n{text}")
    print(f"theodoi from {code}; PostgreSQL; {args.officers} officers, DEBUG off")
    print("CPU ms per request (process_time), mean / median:")
    base = result.get("baseline")
    if base:
        print("  (optimisations on, off: every other officer, interleaved)")
    for step in STEPS:
        line = f"  {step:16} {result[step]['mean_ms']:7.2f} / {result[step]['median_ms']:7.2f}"
        if base:
            line += f"   off: {base[step]['mean_ms']:7.2f} / {base[step]['median_ms']:7.2f}"
        print(line)
    print(f"  one officer's five requests: {result['officer_total_ms']} ms")
    if base:
        print(f"  one officer's five requests, optimisations off: {base['officer_total_ms']} ms")
    if args.json:
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
