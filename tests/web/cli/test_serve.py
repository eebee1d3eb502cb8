"""``theodoi serve`` as a production server: real processes, real signals.

Each test starts the server on a database of its own (the test run's kind:
SQLite or PostgreSQL) and watches from outside: the web answers with static
files and DEBUG off; a killed worker is restarted and its job completes; a
server killed outright in the middle of a burst of submissions leaves no
half-written report and no database connection, and the job it was running
completes after a restart."""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import pytest

from tests.web.cli.tools import CLI, ROOT, connections_to, own_database, python, theodoi

pytestmark = pytest.mark.slow

JOB_TABLE = "django_tasks_database_dbtaskresult"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def query(env: dict[str, str], sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Read the child's database directly (no Django start-up per poll)."""
    url = env["DATABASE_URL"]
    if url.startswith("sqlite:///"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
            return list(conn.execute(sql.replace("%s", "?"), params))
    import psycopg

    with psycopg.connect(url, connect_timeout=5) as conn:
        return list(conn.execute(sql, params).fetchall())


def wait_for(condition: Callable[[], Any], seconds: float, what: str) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError(f"timed out after {seconds:.0f} s waiting for {what}")


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def descendants(pid: int) -> list[int]:
    found = []
    for child in children(pid):
        found += [child, *descendants(child)]
    return found


def kill_all(server: subprocess.Popen[str]) -> None:
    """SIGKILL the supervisor and every process under it at once: a crash."""
    for pid in [server.pid, *descendants(server.pid)]:
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    server.wait()


def cmdline(pid: int) -> str:
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = (Path("/proc") / str(pid) / "stat").read_text() if Path(f"/proc/{pid}").exists() else ""
    return bool(stat) and stat.rsplit(")", 1)[1].split()[0] != "Z"


def worker_pid(server: subprocess.Popen[str]) -> int | None:
    pids = [pid for pid in children(server.pid) if "db_worker" in cmdline(pid)]
    return pids[0] if pids else None


def get(port: int, path: str, cookies: str = "") -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers={"Cookie": cookies})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def serve_log(env: dict[str, str], port: int) -> Path:
    return Path(env["THEODOI_DATA_DIR"]) / f"serve-{port}.log"


@contextmanager
def serving(env: dict[str, str], port: int, *options: str) -> Iterator[subprocess.Popen[str]]:
    """``theodoi serve`` (2 workers unless ``options`` say otherwise), its log
    in ``serve_log(env, port)``; killed on the way out if still running."""
    log = serve_log(env, port)
    with log.open("a") as out:
        server = subprocess.Popen(
            [
                sys.executable,
                "-c",
                CLI,
                "serve",
                "--port",
                str(port),
                *(options or ("--workers", "2")),
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=out,
            text=True,
        )
    try:

        def up() -> bool:
            assert server.poll() is None, log.read_text()[-3000:]
            try:
                return get(port, "/dang-nhap/")[0] == 200
            except OSError:
                return False

        wait_for(up, 240, "the server to answer")
        yield server
    finally:
        if server.poll() is None:
            kill_all(server)


def enqueue_slow_job(env: dict[str, str], seconds: float) -> tuple[str, Path]:
    marker = Path(env["THEODOI_DATA_DIR"]) / "job-done"
    job_id = python(
        env,
        "from tests.web.cli.jobs import slow_note\n"
        f"print(slow_note.enqueue({str(marker)!r}, {seconds}).id)",
    ).strip()
    return job_id.replace("-", ""), marker


def job_status(env: dict[str, str], job_id: str) -> str:
    rows = query(env, f"SELECT id, status FROM {JOB_TABLE}")
    return next((str(s) for i, s in rows if str(i).replace("-", "") == job_id), "")


def test_serve_static_files_and_a_worker_that_comes_back() -> None:
    with own_database("serve") as env:
        assert theodoi(env, "migrate").returncode == 0
        port = free_port()
        with serving(env, port) as server:
            # Static files without DEBUG (WhiteNoise), the admin's too.
            status, body = get(port, "/static/admin/css/base.css")
            assert status == 200 and b"{" in body
            assert get(port, "/media/attachments/x.pdf")[0] == 404

            job_id, marker = enqueue_slow_job(env, 6)
            first = wait_for(lambda: worker_pid(server), 240, "the worker")
            wait_for(lambda: job_status(env, job_id) == "RUNNING", 240, "the job to start")
            os.kill(first, signal.SIGKILL)  # the worker dies in the middle of the job
            second = wait_for(
                lambda: (pid := worker_pid(server)) and pid != first and pid, 60, "a new worker"
            )
            wait_for(lambda: job_status(env, job_id) == "SUCCESSFUL", 90, "the job to complete")
            assert marker.read_text() == "done"

            # The supervisor killed outright: its children stop too.
            web = [pid for pid in children(server.pid) if "gunicorn" in cmdline(pid)]
            assert web
            os.kill(server.pid, signal.SIGKILL)
            server.wait()
            wait_for(lambda: not any(alive(pid) for pid in [*web, second]), 60, "orphans to exit")


SLOTS = """
import datetime
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from tests.web.builders import build_org, build_personas, build_plan
from theodoi.reporting import actions, scope
from theodoi.reporting.models import ReportingPeriod
org = build_org(); people = build_personas(org); plan = build_plan(org)
today = timezone.localdate()
periods = []
for n in range(8):
    periods.append(ReportingPeriod.objects.create(
        obligation=plan.obligation, label=f"Đợt {n}", year=today.year, index=n + 2,
        start=today - datetime.timedelta(days=10 + n), end=today + datetime.timedelta(days=5),
        due_date=today + datetime.timedelta(days=5)))
officers = {}
for period in periods:
    actions.open_period_reports(period, people.admin)
    for task_id, unit_id in sorted(scope.expected_pairs(period)):
        officers.setdefault(unit_id, None)
        print("slot", period.pk, task_id, unit_id)
from theodoi.accounts.models import Role, User
for unit_id in officers:
    user = User.objects.create_user(
        username=f"cb{unit_id}", role=Role.UNIT_OFFICER, org_unit_id=unit_id
    )
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    print("session", unit_id, session.session_key)
"""


def submit(port: int, session: str, path: str, text: str) -> int:
    """Open the form and send it, as a browser does; the HTTP status or 0."""
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", path, headers={"Cookie": f"sessionid={session}"})
        response = conn.getresponse()
        page = response.read().decode()
        cookie = response.getheader("Set-Cookie") or ""
        csrf = re.search(r"csrftoken=([^;]+)", cookie)
        version = re.search(r'name="version" value="(\d+)"', page)
        if response.status != 200 or not csrf or not version:
            return response.status or -1
        form = {
            "csrfmiddlewaretoken": csrf.group(1),
            "version": version.group(1),
            "completion": "in_progress",
            "result": text,
            "action": "submit",
        }
        conn.request(
            "POST",
            path,
            body=urllib.parse.urlencode(form),
            headers={
                "Cookie": f"sessionid={session}; csrftoken={csrf.group(1)}",
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        return conn.getresponse().status
    except (OSError, http.client.HTTPException):
        return 0


def test_server_killed_in_a_burst_leaves_nothing_half_written() -> None:
    with own_database("fault") as env:
        assert theodoi(env, "migrate").returncode == 0
        lines = python(env, SLOTS).splitlines()
        slots = [tuple(map(int, line.split()[1:])) for line in lines if line.startswith("slot")]
        sessions = {
            int(line.split()[1]): line.split()[2] for line in lines if line.startswith("session")
        }
        assert len(slots) >= 30
        port = free_port()
        statuses: list[int] = []
        with serving(env, port) as server:
            job_id, marker = enqueue_slow_job(env, 8)
            wait_for(lambda: job_status(env, job_id) == "RUNNING", 240, "the job to start")

            def officer(work: list[tuple[int, ...]]) -> None:
                for period_id, task_id, unit_id in work:
                    path = f"/bao-cao/ky/{period_id}/nhiem-vu/{task_id}/"
                    text = f"Gửi trong đợt tải {period_id}-{task_id}-{unit_id}"
                    statuses.append(submit(port, sessions[unit_id], path, text))

            threads = [
                threading.Thread(target=officer, args=(slots[i::6],), daemon=True) for i in range(6)
            ]
            for thread in threads:
                thread.start()
            wait_for(lambda: len(statuses) >= 5, 240, "the first submissions")
            kill_all(server)  # web workers, worker and supervisor at once
            for thread in threads:
                thread.join(timeout=60)
        log = (Path(env["THEODOI_DATA_DIR"]) / f"serve-{port}.log").read_text()
        assert 302 in statuses and 0 in statuses, statuses
        assert 500 not in statuses, log[-4000:]

        # No half-written report: a sent text is always a sent report, and
        # an unsent report still has its (empty) draft text.
        rows = query(
            env,
            "SELECT result, review_state FROM reporting_taskreport",
        )
        sent = [state for result, state in rows if result.startswith("Gửi trong đợt tải")]
        assert sent and set(sent) == {"submitted"}
        assert all(result == "" for result, state in rows if state == "draft")
        assert sum(1 for status in statuses if status == 302) <= len(sent)
        # Nothing keeps a database connection once the processes are gone.
        wait_for(lambda: connections_to(env) == 0, 30, "connections to close")

        # After a restart the job killed with the server runs again and completes.
        with serving(env, free_port()):
            wait_for(lambda: job_status(env, job_id) == "SUCCESSFUL", 120, "the job to complete")
        assert marker.read_text() == "done"


@pytest.mark.parametrize("pool", ["0", "1"], ids=["connection-per-thread", "pool"])
def test_database_connections_stay_bounded_in_a_burst_and_are_released(pool: str) -> None:
    """2 workers × 2 threads under 24 officers at once: never more than
    4 web connections (+1 for the background worker), with or without the
    pool (THEODOI_DB_POOL), and none left once the server stops."""
    with own_database(f"conns{pool}") as env:
        if "THEODOI_DB_NAME" not in env:
            pytest.skip("connections are counted in PostgreSQL's pg_stat_activity")
        assert theodoi(env, "migrate").returncode == 0
        lines = python(env, SLOTS).splitlines()
        slots = [tuple(map(int, line.split()[1:])) for line in lines if line.startswith("slot")]
        sessions = {
            int(line.split()[1]): line.split()[2] for line in lines if line.startswith("session")
        }
        port = free_port()
        server_env = dict(env, THEODOI_DB_POOL=pool)
        with serving(server_env, port, "--workers", "2", "--threads", "2") as server:
            statuses: list[int] = []
            peak = 0

            def officer(work: list[tuple[int, ...]]) -> None:
                for period_id, task_id, unit_id in work:
                    path = f"/bao-cao/ky/{period_id}/nhiem-vu/{task_id}/"
                    cookie = f"sessionid={sessions[unit_id]}"
                    statuses.append(get(port, path, cookie)[0])

            threads = [
                threading.Thread(target=officer, args=(slots[i::24],), daemon=True)
                for i in range(24)
            ]
            for thread in threads:
                thread.start()
            while any(thread.is_alive() for thread in threads):
                peak = max(peak, connections_to(env))
                time.sleep(0.05)
            assert statuses and set(statuses) == {200}, sorted(set(statuses))
            assert 1 <= peak <= 2 * 2 + 1, f"{peak} connections during the burst"
            assert connections_to(env) <= 2 * 2 + 1
            pooled = "connection pool of 2 per worker" in serve_log(env, port).read_text()
            assert pooled == (pool == "1")
            server.send_signal(signal.SIGTERM)  # a clean stop releases every connection
            server.wait(timeout=60)
        wait_for(lambda: connections_to(env) == 0, 30, "connections to close")
