"""Running ``theodoi`` commands in child processes against a database of
their own (a temporary SQLite file, or a temporary PostgreSQL database on the
server the test run uses), so a server, a worker or a restore can work on it
while the test watches from outside."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[3]
CLI = "from theodoi.cli import main; raise SystemExit(main())"


def postgres_base() -> str:
    """``postgres://user@host:port`` of the database this test run uses."""
    settings = connection.settings_dict
    user = settings.get("USER") or "postgres"
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    host = settings.get("HOST") or "127.0.0.1"
    return f"postgres://{user}{password}@{host}:{settings.get('PORT') or 5432}"


def _admin() -> object:
    import psycopg

    return psycopg.connect(f"{postgres_base()}/postgres", autocommit=True, connect_timeout=5)


@contextmanager
def own_database(label: str) -> Iterator[dict[str, str]]:
    """An environment for child processes with a fresh database and data dir,
    of the same kind as the test run's; both are removed afterwards."""
    data_dir = Path(tempfile.mkdtemp(prefix=f"theodoi-{label}-"))
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": str(ROOT),
        "THEODOI_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "theodoi.project.settings",
        "LOG_LEVEL": "WARNING",
        "HOME": os.environ.get("HOME", str(data_dir)),
    }
    name = ""
    if connection.vendor == "postgresql":
        name = f"theodoi_{label}_{os.getpid()}"
        with _admin() as admin:  # type: ignore[attr-defined]
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
        env["DATABASE_URL"] = f"{postgres_base()}/{name}"
        env["THEODOI_DB_NAME"] = name
    else:
        env["DATABASE_URL"] = f"sqlite:///{data_dir / 'theodoi.sqlite3'}"
    try:
        yield env
    finally:
        if name:
            with _admin() as admin:  # type: ignore[attr-defined]
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        shutil.rmtree(data_dir, ignore_errors=True)


def theodoi(
    env: dict[str, str], *args: str, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CLI, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def python(env: dict[str, str], code: str, timeout: float = 300) -> str:
    """Run Django code in a child process on ``env``'s database; its stdout."""
    prologue = "from theodoi.project.bootstrap import setup_django; setup_django()\n"
    result = subprocess.run(
        [sys.executable, "-c", prologue + code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def connections_to(env: dict[str, str]) -> int:
    """Sessions open on ``env``'s PostgreSQL database (0 for SQLite)."""
    name = env.get("THEODOI_DB_NAME")
    if not name:
        return 0
    with _admin() as admin:  # type: ignore[attr-defined]
        row = admin.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s", (name,)
        ).fetchone()
    return int(row[0])


#: A plan, its people, and one report of Sở Tư pháp with an evidence file.
SMALL_DATA = """
import datetime
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from tests.web.builders import build_org, build_personas, build_plan
from theodoi.reporting import actions
from theodoi.reporting.actions import ReportData
org = build_org(); people = build_personas(org); plan = build_plan(org)
plan.period.due_date = timezone.localdate() + datetime.timedelta(days=30)
plan.period.end = plan.period.due_date
plan.period.start = timezone.localdate() - datetime.timedelta(days=300)
plan.period.save()
evidence = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 bien ban hop")
report = actions.save_report(
    people.unit_officer_a, plan.period, plan.tasks[1],
    ReportData(completion="in_progress", result="Đã rà soát 42 văn bản."), [evidence],
)

"""
