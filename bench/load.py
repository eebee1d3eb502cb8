"""The deadline hour: many unit officers editing and sending reports at once,
through ``theodoi serve`` over HTTP, against PostgreSQL.

Run from the repository root (loopback only; bounded in count and time; it
stops itself and cleans up):

    .venv/bin/python bench/load.py                 # 200 officers
    .venv/bin/python bench/load.py --quick --json  # 120 officers, one JSON line last

Steps: create a throwaway database ``theodoi_load_<pid>`` on ``TEST_POSTGRES``
(default postgres://postgres@127.0.0.1:5432), migrate, load the demo data
(``theodoi demo``), give every officer a report of its own in the open
period (the demo's ``cb.<unit code>`` accounts, plus more officers of the
same units when the demo has fewer), start ``theodoi serve`` on a free port,
log everyone in (password hashing is slow by design, so logins are timed
apart), then all officers at work together: open the form, save an edit
(the browser follows the redirect back to the form), send it (and back to
the form again), with real CSRF tokens and the real form version. The load
model (``LoadModel``, printed with the figures): officers start within the
first ``--ramp`` seconds and think ``--think`` seconds on average before each
save and send; both default to 10 s. A closed loop of 200 clients that never
pause would be a denial-of-service test, not 200 officers: no 2-core server
answers it within 200 ms. While they work the database's connections are
counted (``pg_stat_activity``). Afterwards every
report is read back from the database and compared with what was sent:
``lost`` = a report whose final text or sent state did not land although
the server answered, ``duplicated`` = a slot or text stored more than once.

Printed: throughput, p50/p99 of the reporting requests, errors, logins,
peak and remaining database connections; with ``--json`` the last line is
``{"requests", "errors", "lost", "duplicated", "p50_ms", "p99_ms", ...}``.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

DEMO_PASSWORD = "demo-hoalam"
VERSION_FIELD = re.compile(r'name="version" value="(\d+)"')
REQUEST_TIMEOUT = 60.0
IDLE_REUSE = 4.0  # seconds a kept-alive connection is reused after its last answer


# ---------------------------------------------------------------- database


def _pg_base() -> str:
    return os.environ.get("TEST_POSTGRES", "").strip() or "postgres://postgres@127.0.0.1:5432"


def _admin_connection() -> Any:
    import psycopg

    return psycopg.connect(f"{_pg_base()}/postgres", autocommit=True, connect_timeout=5)


def _theodoi(env: dict[str, str], *args: str, log: Path | None = None) -> None:
    command = [sys.executable, "-c", "from theodoi.cli import main; raise SystemExit(main())"]
    out = log.open("ab") if log else subprocess.DEVNULL
    try:
        subprocess.run([*command, *args], env=env, check=True, stdout=out, timeout=600)
    finally:
        if log:
            out.close()  # type: ignore[union-attr]


@dataclass(frozen=True)
class Slot:
    """One officer and the report it owns in the open period."""

    username: str
    period_id: int
    task_id: int
    unit_id: int

    @property
    def path(self) -> str:
        return f"/bao-cao/ky/{self.period_id}/nhiem-vu/{self.task_id}/"


def prepare_slots(officers: int) -> list[Slot]:
    """Give each officer a report of its own, in draft, in the open period."""
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from theodoi.accounts.models import Role, User
    from theodoi.reporting import scope
    from theodoi.reporting.models import ReportingPeriod, ReviewState, TaskReport

    today = timezone.localdate()
    open_periods = [
        p
        for p in ReportingPeriod.objects.order_by("-due_date")
        if p.start <= today and not scope.is_locked(p, today)
    ]
    if not open_periods:
        raise SystemExit("The demo has no open period today; cannot run the load.")

    def open_reports() -> list[TaskReport]:
        return list(
            TaskReport.objects.filter(period__in=open_periods)
            .select_related("unit")
            .order_by("unit__code", "period_id", "task_id")
        )

    reports = open_reports()
    for round_ in range(5):
        if len(reports) >= officers:
            break
        # The demo's open period has fewer reports than officers: the focal
        # agency asks every assigned unit for an ad hoc report as well.
        open_periods.append(_ad_hoc_period(today, round_))
        reports = open_reports()
    if len(reports) < officers:
        raise SystemExit(f"Only {len(reports)} reports are open; ask for --officers ≤ that.")
    # Spread officers over units first, then give a unit's further reports to
    # further officers of that unit (created here, same password).
    by_unit: dict[int, list[TaskReport]] = {}
    for report in reports:
        by_unit.setdefault(report.unit_id, []).append(report)
    chosen: list[TaskReport] = []
    depth = 0
    while len(chosen) < officers:
        for unit_reports in by_unit.values():
            if depth < len(unit_reports) and len(chosen) < officers:
                chosen.append(unit_reports[depth])
        depth += 1
    password = make_password(DEMO_PASSWORD)
    slots = []
    seen: dict[int, int] = {}
    with transaction.atomic():
        for report in chosen:
            nth = seen.get(report.unit_id, 0)
            seen[report.unit_id] = nth + 1
            username = f"cb.{report.unit.code}" + (f".{nth + 1}" if nth else "")
            user, _created = User.objects.get_or_create(
                username=username,
                defaults={
                    "role": Role.UNIT_OFFICER,
                    "org_unit": report.unit,
                    "first_name": f"Cán bộ {nth + 1}",
                },
            )
            if user.role != Role.UNIT_OFFICER or user.org_unit_id != report.unit_id:
                raise SystemExit(f"{username} is not an officer of {report.unit.code}.")
            user.password = password
            user.is_active = True
            user.save(update_fields=["password", "is_active"])
            slots.append(Slot(username, report.period_id, report.task_id, report.unit_id))
        TaskReport.objects.filter(pk__in=[r.pk for r in chosen]).update(
            review_state=ReviewState.DRAFT,
            awaiting_head_approval=False,
            result="",
            completion="not_started",
            completed_on=None,
        )
    return slots


def _ad_hoc_period(today: Any, round_: int) -> Any:
    import datetime

    from theodoi.accounts.models import User
    from theodoi.documents.models import Document
    from theodoi.orgunits.models import OrgUnit
    from theodoi.plans.models import Assignment
    from theodoi.reporting import actions

    focal = User.objects.get(username="daumoi")
    document = Document.objects.filter(reporting_obligations__isnull=False).first()
    assert document is not None
    unit_ids = Assignment.objects.filter(task__document=document, must_report=True).values(
        "unit_id"
    )
    period = actions.request_ad_hoc_report(
        focal,
        document,
        label=f"Báo cáo đột xuất (đo tải) {round_ + 1}",
        due_date=today + datetime.timedelta(days=7 + round_),
        units=list(OrgUnit.objects.filter(pk__in=unit_ids)),
    )
    actions.open_period_reports(period, focal)
    return period


def signed_in_sessions(usernames: list[str]) -> dict[str, str]:
    """Session keys for officers who signed in before the deadline hour.

    Password hashing (PBKDF2, about a second of CPU each here) would make the
    login phase the whole run; ``--logins`` officers log in over HTTP and are
    timed, the others get the same session a login would have stored."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from theodoi.accounts.models import User

    keys = {}
    for user in User.objects.filter(username__in=usernames):
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        # The backend a real login would record (the throttled one here).
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        keys[user.username] = str(session.session_key)
    return keys


def verify(slots: list[Slot], sent: dict[str, str]) -> tuple[int, int, int]:
    """(lost, duplicated, stored) from the database against what was sent."""
    from django.db.models import Count

    from theodoi.reporting.models import ReviewState, TaskReport

    lost = 0
    for slot in slots:
        expected = sent.get(slot.username)
        if expected is None:
            continue  # never confirmed by the server: counted as an error instead
        rows = list(
            TaskReport.objects.filter(
                period_id=slot.period_id, task_id=slot.task_id, unit_id=slot.unit_id
            )
        )
        landed = any(
            row.result == expected
            and (row.review_state == ReviewState.SUBMITTED or row.awaiting_head_approval)
            for row in rows
        )
        lost += 0 if landed else 1
    per_slot = (
        TaskReport.objects.values("period_id", "task_id", "unit_id")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .count()
    )
    texts = (
        TaskReport.objects.filter(result__startswith="[load ")
        .values("result")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .count()
    )
    stored = TaskReport.objects.filter(result__startswith="[load ").count()
    return lost, per_slot + texts, stored


def count_connections(dbname: str) -> int:
    with _admin_connection() as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s", (dbname,)
        ).fetchone()
    return int(row[0]) if row else 0


# ---------------------------------------------------------------- HTTP


@dataclass
class Officer:
    slot: Slot
    port: int
    cookies: dict[str, str] = field(default_factory=dict)
    conn: http.client.HTTPConnection | None = None
    last_used: float = 0.0

    def request(
        self, method: str, path: str, form: dict[str, str] | None = None, *, retry: bool = True
    ) -> tuple[int, str, float]:
        if self.conn is not None and time.monotonic() - self.last_used > IDLE_REUSE:
            # The server drops a connection idle past its keep-alive (gunicorn:
            # 5 s); a browser would not send on such a socket either.
            self.conn.close()
            self.conn = None
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            text = response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = None
            if method == "GET" and retry:  # an idle kept-alive connection the server closed
                return self.request(method, path, form, retry=False)
            return 0, "", (time.perf_counter() - started) * 1000
        elapsed = (time.perf_counter() - started) * 1000
        self.last_used = time.monotonic()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        if response.getheader("Connection", "").lower() == "close":
            self.conn.close()
            self.conn = None
        return response.status, text, elapsed

    def login(self) -> tuple[bool, float]:
        status, _, first = self.request("GET", "/dang-nhap/")
        if status != 200:
            return False, first
        status, _, elapsed = self.request(
            "POST",
            "/dang-nhap/",
            {
                "username": self.slot.username,
                "password": DEMO_PASSWORD,
                "csrfmiddlewaretoken": self.cookies.get("csrftoken", ""),
            },
        )
        return status == 302 and "sessionid" in self.cookies, elapsed


@dataclass
class Results:
    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    sent: dict[str, str] = field(default_factory=dict)
    by_step: dict[str, list[float]] = field(default_factory=dict)

    def note(self, what: str, status: int, elapsed: float, ok: tuple[int, ...]) -> bool:
        with self.lock:
            self.latencies.append(elapsed)
            self.by_step.setdefault(what, []).append(elapsed)
            if status not in ok:
                self.errors.append(f"{what}: HTTP {status or 'connection failed'}")
                return False
        return True


@dataclass(frozen=True)
class LoadModel:
    """How the officers behave (printed with the figures).

    A closed loop: each officer does one thing after another and waits for
    each answer. ``think``: the mean seconds an officer spends reading and
    typing before pressing "Lưu" or "Gửi" (drawn uniformly from 0.5–1.5 ×
    the mean; a real report takes minutes to write, so 10 s is harsh).
    ``ramp``: the officers start at uniformly random instants within these
    first seconds (they do not all click in the same millisecond; all of
    them are at work together once the ramp is over, since each one's work
    lasts about two think times). After a save or a send the browser follows
    the redirect back to the form at once (no think time)."""

    think: float
    ramp: float

    def describe(self, officers: int) -> str:
        per_officer = 5  # open, save, reopen (redirect), send, reopen (redirect)
        busy = 2 * self.think + self.ramp / 2
        offered = officers * per_officer / busy if busy else float("inf")
        return (
            f"load model: {officers} officers, each opens the form, saves an edit, sends it "
            f"({per_officer} requests, redirects followed); think time {self.think:g} s mean "
            f"(uniform {0.5 * self.think:g}–{1.5 * self.think:g} s) before each save and send; "
            f"starts spread over {self.ramp:g} s; offered load ≈ {offered:.0f} requests/s"
        )


def officer_work(
    officer: Officer, results: Results, model: LoadModel, start: threading.Event
) -> None:
    """Open the form, save an edit (back to the form), send it (back to the form)."""
    start.wait()
    rng = random.Random(officer.slot.username)
    if model.ramp:
        time.sleep(rng.uniform(0, model.ramp))
    path = officer.slot.path
    status, page, elapsed = officer.request("GET", path)
    if not results.note("GET form", status, elapsed, (200,)):
        return
    for step in ("edit", "final"):
        version = VERSION_FIELD.search(page)
        if version is None:
            with results.lock:
                results.errors.append(f"GET before {step}: the form is not editable")
            return
        if model.think:
            time.sleep(rng.uniform(0.5, 1.5) * model.think)
        text = f"[load {officer.slot.username} {step}] Đã triển khai kế hoạch tại đơn vị."
        form = {
            "csrfmiddlewaretoken": officer.cookies.get("csrftoken", ""),
            "version": version.group(1),
            "completion": "in_progress",
            "completed_on": "",
            "result": text,
            "figures": "Hội nghị | 2 | cuộc",
            "difficulties": "",
            "proposals": "",
            "action": "save" if step == "edit" else "submit",
        }
        status, _, elapsed = officer.request("POST", path, form)
        if not results.note(f"POST {step}", status, elapsed, (302,)):
            return
        if step == "final":
            with results.lock:
                results.sent[officer.slot.username] = text
        # The browser follows the redirect to the form (the message shown there).
        status, page, elapsed = officer.request("GET", path)
        if not results.note(f"GET after {step}", status, elapsed, (200,)):
            return


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


# ---------------------------------------------------------------- run


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(port: int, server: subprocess.Popen[bytes], limit: float = 90.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"theodoi serve exited ({server.returncode}); see its log.")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/dang-nhap/")
            if conn.getresponse().status == 200:
                conn.close()
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit("theodoi serve did not answer within 90 s.")


def run(args: argparse.Namespace) -> dict[str, Any]:
    dbname = f"theodoi_load_{os.getpid()}"
    data_dir = Path(tempfile.mkdtemp(prefix="theodoi-load-"))
    log = data_dir / "serve.log"
    env = dict(
        os.environ,
        DATABASE_URL=f"{_pg_base()}/{dbname}",
        THEODOI_DATA_DIR=str(data_dir),
        DJANGO_SETTINGS_MODULE="theodoi.project.settings",
        PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
        DEBUG="false",
        LOG_LEVEL="WARNING",
    )
    server: subprocess.Popen[bytes] | None = None
    with _admin_connection() as conn:
        conn.execute(f'CREATE DATABASE "{dbname}"')
    try:
        say = (lambda *a: None) if args.json else (lambda *a: print(*a, flush=True))
        load_before = os.getloadavg()[0]
        say(f"database {dbname}: migrate and load the demo … (load average {load_before:.1f})")
        _theodoi(env, "migrate", log=log)
        _theodoi(env, "demo", log=log)
        os.environ.update(
            {k: env[k] for k in ("DATABASE_URL", "THEODOI_DATA_DIR", "DJANGO_SETTINGS_MODULE")}
        )
        import django

        django.setup()
        from django.db import connection

        slots = prepare_slots(args.officers)
        logins = min(args.logins, len(slots)) if args.logins >= 0 else len(slots)
        sessions = signed_in_sessions([slot.username for slot in slots[logins:]])
        connection.close()
        port = free_port()
        command = [
            sys.executable,
            "-c",
            "from theodoi.cli import main; raise SystemExit(main())",
            "serve",
            "--port",
            str(port),
            "--server",
            args.server,
        ]
        if args.workers:
            command += ["--workers", str(args.workers)]
        if args.threads:
            command += ["--threads", str(args.threads)]
        serve_env = dict(env, THEODOI_DB_POOL="1" if args.db_pool == "on" else "0")
        with log.open("ab") as out:
            server = subprocess.Popen(command, env=serve_env, stdout=out, stderr=out)
        wait_until_up(port, server)
        officers = [Officer(slot, port) for slot in slots]
        for officer in officers:
            if officer.slot.username in sessions:
                officer.cookies["sessionid"] = sessions[officer.slot.username]
                officer.request("GET", "/dang-nhap/")  # the CSRF cookie, as a browser gets it

        say(f"{logins} officers log in over HTTP …")
        login_times: list[float] = []
        login_failures = 0
        lock = threading.Lock()
        queue = officers[:logins]

        def log_in() -> None:
            nonlocal login_failures
            while True:
                with lock:
                    if not queue:
                        return
                    officer = queue.pop()
                ok, elapsed = officer.login()
                with lock:
                    login_times.append(elapsed)
                    login_failures += 0 if ok else 1

        login_threads = [threading.Thread(target=log_in) for _ in range(8)]
        for thread in login_threads:
            thread.start()
        for thread in login_threads:
            thread.join(timeout=args.time_limit)

        model = LoadModel(think=args.think, ramp=args.ramp)
        say(model.describe(len(officers)))
        say(f"{len(officers)} officers edit and send their reports at once …")
        results = Results()
        start = threading.Event()
        peak = 0
        sampling = True

        def sample() -> None:
            nonlocal peak
            with _admin_connection() as admin:  # one connection, not one per sample
                while sampling:
                    row = admin.execute(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = %s", (dbname,)
                    ).fetchone()
                    # This sampler's own session is on the "postgres" database.
                    peak = max(peak, int(row[0]) if row else 0)
                    time.sleep(0.25)

        for officer in officers:  # idle since logging in: start on fresh connections
            if officer.conn is not None:
                officer.conn.close()
                officer.conn = None
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        workers = [
            threading.Thread(target=officer_work, args=(o, results, model, start), daemon=True)
            for o in officers
            if "sessionid" in o.cookies
        ]
        for thread in workers:
            thread.start()
        load_burst = os.getloadavg()[0]
        began = time.perf_counter()
        start.set()
        deadline = time.monotonic() + args.time_limit
        for thread in workers:
            thread.join(timeout=max(0.1, deadline - time.monotonic()))
        duration = time.perf_counter() - began
        unfinished = sum(1 for thread in workers if thread.is_alive())
        sampling = False
        sampler.join(timeout=5)
        during = count_connections(dbname)
        for officer in officers:
            if officer.conn is not None:
                officer.conn.close()

        lost, duplicated, stored = verify(slots, results.sent)
        connection.close()
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        server = None
        time.sleep(1)
        after = count_connections(dbname)
        requests = len(results.latencies)
        errors = len(results.errors) + login_failures + unfinished
        summary = {
            "requests": requests,
            "errors": errors,
            "lost": lost,
            "duplicated": duplicated,
            "p50_ms": round(percentile(results.latencies, 0.50), 1),
            "p99_ms": round(percentile(results.latencies, 0.99), 1),
            "officers": len(officers),
            "submissions": len(results.sent),
            "stored": stored,
            "throughput_rps": round(requests / duration, 1) if duration else 0.0,
            "seconds": round(duration, 1),
            "logins": logins,
            "login_p50_ms": round(percentile(login_times, 0.5), 1),
            "login_p99_ms": round(percentile(login_times, 0.99), 1),
            "db_connections_peak": peak,
            "db_connections_idle_after_burst": during,
            "db_connections_after_stop": after,
            "server": args.server,
            "by_step_p50_p99_ms": {
                step: [round(percentile(values, 0.5), 1), round(percentile(values, 0.99), 1)]
                for step, values in sorted(results.by_step.items())
            },
            "load_average_at_start": round(load_before, 1),
            "load_average_before_burst": round(load_burst, 1),
            "load_average_after": round(os.getloadavg()[0], 1),
            "think_s": args.think,
            "ramp_s": args.ramp,
            "web_workers": args.workers or None,
            "web_threads": args.threads or None,
            "db_pool": args.db_pool,
        }
        if not args.json:
            print(
                f"\n{summary['officers']} officers, {requests} reporting requests in "
                f"{summary['seconds']} s: {summary['throughput_rps']} req/s "
                f"(think time {args.think:g} s, ramp {args.ramp:g} s)"
            )
            print(model.describe(len(officers)))
            print(f"latency p50 {summary['p50_ms']} ms, p99 {summary['p99_ms']} ms")
            for step, (p50, p99) in summary["by_step_p50_p99_ms"].items():
                print(f"  {step}: p50 {p50} ms, p99 {p99} ms")
            print(
                f"machine load average: {load_before:.1f} at the start, {load_burst:.1f} before "
                f"the burst, {summary['load_average_after']} after it ({os.cpu_count()} cores)"
            )
            print(
                f"{logins} HTTP logins: p50 {summary['login_p50_ms']} ms, "
                f"p99 {summary['login_p99_ms']} ms, {login_failures} failed"
            )
            print(f"errors {errors}" + (f": {sorted(set(results.errors))[:5]}" if errors else ""))
            print(
                f"database: {len(results.sent)} sent, {stored} stored, lost {lost}, "
                f"duplicated {duplicated}"
            )
            print(
                f"PostgreSQL connections: peak {peak} during the burst, {during} held after "
                f"it, {after} after the server stopped"
            )
        return summary
    finally:
        if server is not None:
            server.kill()
            server.wait()
        with _admin_connection() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
        if args.keep_log:
            print(f"server log: {log}", file=sys.stderr)
        else:
            shutil.rmtree(data_dir, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--officers", type=int, default=200)
    parser.add_argument("--quick", action="store_true", help="120 officers, under 5 minutes")
    parser.add_argument("--json", action="store_true", help="print one JSON line last")
    parser.add_argument("--server", choices=("gunicorn", "granian"), default="gunicorn")
    parser.add_argument("--workers", type=int, default=0, help="web workers (serve's default)")
    parser.add_argument("--threads", type=int, default=0, help="threads per web worker")
    parser.add_argument(
        "--think",
        type=float,
        default=10.0,
        help="mean seconds an officer reads and types before saving or sending (see LoadModel)",
    )
    parser.add_argument(
        "--ramp",
        type=float,
        default=10.0,
        help="officers start at random instants within these first seconds",
    )
    parser.add_argument("--time-limit", type=float, default=240.0, help="seconds for the burst")
    parser.add_argument(
        "--logins",
        type=int,
        default=40,
        help="officers who log in over HTTP (timed apart; -1: all); the others start signed in",
    )
    parser.add_argument(
        "--db-pool",
        choices=("on", "off"),
        default="off",
        help="serve's PostgreSQL connection pool (THEODOI_DB_POOL; off: a connection per thread)",
    )
    parser.add_argument("--keep-log", action="store_true", help="keep the server's log")
    args = parser.parse_args()
    if args.quick:
        args.officers = min(args.officers, 120)
        args.time_limit = min(args.time_limit, 150.0)
        args.logins = min(args.logins, 16) if args.logins >= 0 else 16
    if not 1 <= args.officers <= 500:
        raise SystemExit("--officers must be within 1..500.")
    summary = run(args)
    if args.json:
        print(json.dumps({k: summary[k] for k in summary}))
    ok = summary["errors"] == 0 and summary["lost"] == 0 and summary["duplicated"] == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
