"""``theodoi serve``: the production web server plus a supervised tasks worker.

One process (this one) supervises two children:

- the web server, gunicorn with a fixed number of worker processes and
  threads (bounded memory and a bounded number of database connections:
  ``workers × threads``, each thread keeping one connection);
- the background worker (``db_worker`` of django-tasks-db), restarted when it
  dies. A job it was running is left RUNNING by django-tasks-db forever; the
  supervisor puts such jobs back in the queue (see ``reclaim_orphaned_jobs``).

Both children die with the supervisor: on SIGTERM/SIGINT it stops them, and
if it is killed outright the kernel sends them SIGTERM (``PR_SET_PDEATHSIG``).
If the web server exits, the worker is stopped and ``serve`` exits non-zero so
that systemd (docs/operations.md) restarts the whole thing.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SERVERS = ("gunicorn", "granian")
WORKER_ID_PREFIX_MAX = 40  # django-tasks-db worker ids are at most 64 characters
STOP_TIMEOUT = 25.0  # seconds a child gets to finish its requests or job


def _env_number(name: str, default: int, low: int, high: int) -> int:
    raw = os.environ.get(name, "").strip() or str(default)
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise SystemExit(f"{name}={raw!r} is not a whole number within {low}..{high}.")
    return int(raw)


def _default_port() -> int:
    raw = os.environ.get("PORT", "").strip() or "8000"
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        raise SystemExit(f"PORT={raw!r} is not a port number (1-65535).")
    return int(raw)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve", help="serve the web application (default port 8000) and run the worker"
    )
    parser.add_argument("--port", type=int, default=None, help="port (default: $PORT or 8000)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="web worker processes (default: $THEODOI_WEB_WORKERS or 2)",
    )
    parser.add_argument(
        "--threads",
        type=int,
        default=None,
        help="threads per web worker; each keeps one database connection "
        "(default: $THEODOI_WEB_THREADS or 4)",
    )
    parser.add_argument(
        "--server",
        choices=SERVERS,
        default=None,
        help="HTTP server (default: $THEODOI_WEB_SERVER or gunicorn)",
    )
    parser.add_argument(
        "--no-worker", action="store_true", help="do not start the background tasks worker"
    )
    parser.set_defaults(func=run)


def _check_port_free(host: str, port: int) -> None:
    """Fail before starting anything, with a message naming the port."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise SystemExit(
                f"Cannot serve on {host}:{port}: {exc.strerror}. "
                "Stop the other server or choose another --port / PORT."
            ) from None


def _die_with_parent(parent: int) -> Callable[[], None]:
    """A child set-up step: the kernel sends SIGTERM to the child when the
    supervisor dies, even by SIGKILL, so no orphan keeps serving or working."""

    def setup() -> None:
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # not Linux: rely on the signal handlers
            return
        if os.getppid() != parent:  # the supervisor died before prctl took effect
            os._exit(1)

    return setup


# ---------------------------------------------------------------------------
# Jobs left RUNNING by a dead worker
# ---------------------------------------------------------------------------


def host_prefix() -> str:
    return socket.gethostname()[:WORKER_ID_PREFIX_MAX]


def worker_id(supervisor_pid: int, generation: int) -> str:
    """``host:supervisor-pid:n``: tells which machine and which supervisor
    started the worker that claimed a job, so a dead one's jobs can be found."""
    return f"{host_prefix()}:{supervisor_pid}:{generation}"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _is_orphan(claimed_by: str, dead_ids: set[str]) -> bool:
    """Whether the worker that claimed a job is known to be gone: one this
    supervisor saw die, or one started on this machine by a supervisor that
    no longer runs (killed with its worker)."""
    if claimed_by in dead_ids:
        return True
    host, _, rest = claimed_by.rpartition(":")[0].partition(":")
    if host != host_prefix() or not rest.isdigit():
        return False
    supervisor = int(rest)
    return supervisor != os.getpid() and not _pid_alive(supervisor)


def reclaim_orphaned_jobs(dead_ids: set[str] | None = None) -> list[str]:
    """Put jobs whose worker died back in the queue; returns their ids.

    django-tasks-db marks a job RUNNING when a worker claims it and records the
    worker's id in ``worker_ids``; nothing resets it if that worker is killed,
    so the job would stay RUNNING for ever. Only jobs claimed on this machine
    are touched: on several app machines each supervisor reclaims its own."""
    from django.db import transaction
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    dead = dead_ids or set()
    reclaimed: list[str] = []
    with transaction.atomic():
        running = DBTaskResult.objects.select_for_update(skip_locked=True).filter(
            status=TaskResultStatus.RUNNING
        )
        for job in running:
            claimed_by = job.worker_ids[-1] if job.worker_ids else ""
            if claimed_by and _is_orphan(claimed_by, dead):
                job.status = TaskResultStatus.READY
                job.started_at = None
                job.save(update_fields=["status", "started_at"])
                reclaimed.append(str(job.pk))
    return reclaimed


# ---------------------------------------------------------------------------
# Children
# ---------------------------------------------------------------------------


def web_command(server: str, host: str, port: int, workers: int, threads: int) -> list[str]:
    app = "theodoi.project.wsgi:application"
    if server == "granian":
        return [
            sys.executable,
            "-m",
            "granian",
            "--interface",
            "wsgi",
            "--host",
            host,
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--blocking-threads",
            str(threads),
            "--no-access-log",
            "--respawn-failed-workers",
            app,
        ]
    address = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "--bind",
        address,
        "--workers",
        str(workers),
        "--worker-class",
        "gthread",
        "--threads",
        str(threads),
        "--timeout",
        "120",
        "--graceful-timeout",
        str(int(STOP_TIMEOUT) - 5),
        "--keep-alive",
        "5",
        "--max-requests",
        "5000",  # recycle workers now and then: bounded memory over months
        "--max-requests-jitter",
        "500",
        "--no-control-socket",  # several instances on one machine must not collide
        "--forwarded-allow-ips",
        os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1"),
        app,
    ]


class Supervisor:
    """Runs the web server and the worker; see the module docstring."""

    def __init__(
        self,
        web: list[str],
        with_worker: bool,
        env: dict[str, str],
        web_env: dict[str, str] | None = None,
    ) -> None:
        self.web_command = web
        self.with_worker = with_worker
        self.env = env
        self.web_env = web_env or env
        self.pid = os.getpid()
        self.generation = 0
        self.stopping = False
        self.web: subprocess.Popen[bytes] | None = None
        self.worker: subprocess.Popen[bytes] | None = None
        self.worker_id = ""
        self.worker_started = 0.0
        self.backoff = 1.0

    def _spawn(
        self, command: list[str], env: dict[str, str] | None = None
    ) -> subprocess.Popen[bytes]:
        # A process group of its own: Ctrl+C in a terminal reaches only the
        # supervisor, which then stops each child once (a second signal would
        # make db_worker abandon its job half done).
        return subprocess.Popen(
            command, env=env or self.env, preexec_fn=_die_with_parent(self.pid), process_group=0
        )

    def start_worker(self) -> None:
        self.generation += 1
        self.worker_id = worker_id(self.pid, self.generation)
        command = [
            sys.executable,
            "-m",
            "django",
            "db_worker",
            "--interval",
            "1",
            "--no-reload",
            "--worker-id",
            self.worker_id,
        ]
        self.worker = self._spawn(command)
        self.worker_started = time.monotonic()

    def _reclaim(self, dead_ids: set[str] | None = None) -> list[str]:
        """Requeue orphaned jobs; a database outage must not stop the server
        (the next worker exit or start tries again)."""
        from django.db import DatabaseError, connection

        try:
            return reclaim_orphaned_jobs(dead_ids)
        except DatabaseError as exc:
            print(f"theodoi serve: cannot requeue jobs now: {exc}", file=sys.stderr, flush=True)
            return []
        finally:
            connection.close()  # the supervisor holds no connection while it waits

    def _on_worker_exit(self, code: int) -> None:
        reclaimed = self._reclaim({self.worker_id})
        print(
            f"theodoi serve: background worker exited ({code}); "
            f"{len(reclaimed)} unfinished job(s) queued again; restarting it.",
            file=sys.stderr,
            flush=True,
        )
        if time.monotonic() - self.worker_started > 60:
            self.backoff = 1.0
        deadline = time.monotonic() + self.backoff
        self.backoff = min(self.backoff * 2, 30.0)
        while not self.stopping and time.monotonic() < deadline:
            time.sleep(0.2)
        if not self.stopping:
            self.start_worker()

    def request_stop(self, signum: int, frame: Any) -> None:
        self.stopping = True

    def run(self) -> int:
        signal.signal(signal.SIGTERM, self.request_stop)
        signal.signal(signal.SIGINT, self.request_stop)
        if self.with_worker:
            reclaimed = self._reclaim()
            if reclaimed:
                print(
                    f"theodoi serve: {len(reclaimed)} job(s) left running by a stopped "
                    "worker queued again.",
                    file=sys.stderr,
                    flush=True,
                )
            self.start_worker()
        self.web = self._spawn(self.web_command, self.web_env)
        code = 0
        try:
            while not self.stopping:
                web_code = self.web.poll()
                if web_code is not None:
                    print(f"theodoi serve: web server exited ({web_code}).", file=sys.stderr)
                    code = web_code or 1
                    break
                if self.worker is not None:
                    worker_code = self.worker.poll()
                    if worker_code is not None:
                        self.worker = None
                        self._on_worker_exit(worker_code)
                time.sleep(0.2)
        finally:
            self.stop()
        return code

    def stop(self) -> None:
        children = [child for child in (self.web, self.worker) if child is not None]
        for child in children:
            if child.poll() is None:
                child.terminate()
        deadline = time.monotonic() + STOP_TIMEOUT
        for child in children:
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()


def run(args: argparse.Namespace) -> int:
    port = args.port if args.port is not None else _default_port()
    if not 0 < port < 65536:
        raise SystemExit(f"--port {port} is not a port number (1-65535).")
    workers = args.workers or _env_number("THEODOI_WEB_WORKERS", 2, 1, 64)
    threads = args.threads or _env_number("THEODOI_WEB_THREADS", 4, 1, 64)
    server = args.server or os.environ.get("THEODOI_WEB_SERVER", "").strip() or "gunicorn"
    if server not in SERVERS:
        raise SystemExit(f"THEODOI_WEB_SERVER={server!r}: choose one of {', '.join(SERVERS)}.")
    import importlib.util

    if importlib.util.find_spec(server) is None:
        raise SystemExit(f"--server {server}: the package is not installed (pip install {server}).")
    if not 1 <= workers <= 64 or not 1 <= threads <= 64:
        raise SystemExit("--workers and --threads must be within 1..64.")
    from theodoi.project.bootstrap import setup_django

    setup_django()
    from django.core.management import call_command

    _check_port_free(args.host, port)
    # Static files are served by WhiteNoise (theodoi/project/wsgi.py) from
    # STATIC_ROOT; collecting them is quick when nothing changed.
    call_command("collectstatic", interactive=False, verbosity=0)
    env = dict(os.environ, DJANGO_SETTINGS_MODULE=os.environ["DJANGO_SETTINGS_MODULE"])
    # The children must import this same code, wherever it was imported from.
    import theodoi

    source = str(Path(theodoi.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [source, os.environ.get("PYTHONPATH")]))
    web = web_command(server, args.host, port, workers, threads)
    web_env = dict(env)
    pooled = _db_pool_wanted()
    if pooled:
        # One pool per web worker process, as large as its thread count: at
        # most workers × threads connections, returned after each request.
        web_env["THEODOI_DB_POOL_SIZE"] = str(threads)
    print(
        f"theodoi serve: {server}, {workers} worker(s) × {threads} thread(s) on "
        f"http://{args.host}:{port}/"
        + (f" (database connection pool of {threads} per worker)" if pooled else ""),
        file=sys.stderr,
        flush=True,
    )
    return Supervisor(web, not args.no_worker, env, web_env).run()


def _db_pool_wanted() -> bool:
    """PostgreSQL connection pooling for the web workers, with
    ``THEODOI_DB_POOL=1``. Off by default: each thread keeps its own
    connection for 60 s (checked with "SELECT 1" before each request), which
    measured 10–20 % more requests a second than borrowing from a pool on
    every request (docs/operations.md). Either way at most workers × threads
    connections. Not for SQLite."""
    from django.conf import settings

    raw = os.environ.get("THEODOI_DB_POOL", "").strip().lower() or "0"
    if raw not in ("0", "1", "true", "false", "yes", "no", "on", "off"):
        raise SystemExit(f"THEODOI_DB_POOL={raw!r}: use 1 or 0.")
    engine = str(settings.DATABASES["default"]["ENGINE"])
    return raw in ("1", "true", "yes", "on") and engine.endswith("postgresql")
