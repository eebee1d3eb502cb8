"""``theodoi serve``: the web application plus a background tasks worker.

Uses Django's own threaded server: right for one office machine or a
demonstration. For a larger installation run ``theodoi.project.wsgi`` under a
WSGI server and ``theodoi manage db_worker`` as a service (README).
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys


def _default_port() -> int:
    raw = os.environ.get("PORT", "").strip() or "8000"
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        raise SystemExit(f"PORT={raw!r} is not a port number (1-65535).")
    return int(raw)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("serve", help="serve the web application (default port 8000)")
    parser.add_argument("--port", type=int, default=None, help="port (default: $PORT or 8000)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument(
        "--no-worker", action="store_true", help="do not start the background tasks worker"
    )
    parser.set_defaults(func=run)


def _check_port_free(host: str, port: int) -> None:
    """Fail before starting anything: Django's server exits abruptly on a busy
    port, which would leave the worker running on its own."""
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


def _exit_on_signal(signum: int, frame: object) -> None:
    raise SystemExit(0)


def _start_worker() -> subprocess.Popen[bytes]:
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="theodoi.project.settings")
    command = [sys.executable, "-m", "django", "db_worker", "--interval", "2"]
    return subprocess.Popen(command, env=env)


def run(args: argparse.Namespace) -> int:
    port = args.port if args.port is not None else _default_port()
    if not 0 < port < 65536:
        raise SystemExit(f"--port {port} is not a port number (1-65535).")
    from theodoi.project.bootstrap import setup_django

    setup_django()
    from django.core.management import call_command

    _check_port_free(args.host, port)
    # A service manager stops us with SIGTERM: unwind so the worker is stopped too.
    signal.signal(signal.SIGTERM, _exit_on_signal)
    worker = None if args.no_worker else _start_worker()
    try:
        address = f"[{args.host}]:{port}" if ":" in args.host else f"{args.host}:{port}"
        call_command(
            "runserver", address, use_reloader=False, use_threading=True, insecure_serving=True
        )
    finally:
        if worker is not None:
            worker.terminate()
            try:
                worker.wait(timeout=10)
            except subprocess.TimeoutExpired:
                worker.kill()
    return 0
