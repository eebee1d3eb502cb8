"""Size and time limits, so one bad upload cannot exhaust the server.

A reader must refuse a huge file before reading it and give up on a document
that takes too long, with an :class:`InputError` a person can understand.
Time is enforced twice: cooperatively (readers call :meth:`Deadline.check`
between pages, and every subprocess gets the remaining time as its timeout)
and, when we run in the main thread, by a SIGALRM backstop that interrupts
pure-Python work such as a pathological PDF content stream.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Iterator

from theodoi.text.source import InputError

DEFAULT_MAX_UPLOAD_MB = 50.0
DEFAULT_TIME_LIMIT_S = 300.0
DEFAULT_OCR_PAGE_S = 60.0  # a page of Tesseract on a busy 2-core server
DEFAULT_OCR_LIMIT_S = 3600.0  # however many pages a scan has


def max_upload_bytes(max_bytes: int | None = None) -> int:
    """The size limit: the argument, else THEODOI_MAX_UPLOAD_MB, else 50 MB."""
    if max_bytes is not None:
        return max_bytes
    raw = os.environ.get("THEODOI_MAX_UPLOAD_MB", "").strip()
    try:
        megabytes = float(raw) if raw else DEFAULT_MAX_UPLOAD_MB
    except ValueError:
        megabytes = DEFAULT_MAX_UPLOAD_MB
    return int(megabytes * 1024 * 1024)


def time_limit_seconds(time_limit: float | None = None) -> float:
    """The time limit: the argument, else THEODOI_READ_TIME_LIMIT, else 300 s."""
    if time_limit is not None:
        return time_limit
    return _seconds_from_env("THEODOI_READ_TIME_LIMIT", DEFAULT_TIME_LIMIT_S)


def _seconds_from_env(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    try:
        return float(raw) if raw else default
    except ValueError:
        return default


def ocr_time_seconds(pages: int) -> float:
    """Time a scan of ``pages`` pages may take to OCR: THEODOI_OCR_PAGE_SECONDS (60 s)
    per page, at most THEODOI_OCR_TIME_LIMIT (3600 s) in all. A 28-page scan needs
    more than the 300 s a text document gets, most of all on a busy machine."""
    per_page = _seconds_from_env("THEODOI_OCR_PAGE_SECONDS", DEFAULT_OCR_PAGE_S)
    ceiling = _seconds_from_env("THEODOI_OCR_TIME_LIMIT", DEFAULT_OCR_LIMIT_S)
    return min(max(pages, 0) * per_page, ceiling)


def check_size(size: int, limit: int) -> None:
    if size > limit:
        raise InputError(
            f"file too large: {size / 1048576:.1f} MB, the limit is {limit / 1048576:.1f} MB "
            "(set THEODOI_MAX_UPLOAD_MB to change it)"
        )


class ReadTimeout(InputError):
    """Reading the document took longer than the time limit."""


class Deadline:
    """A point in time after which reading stops."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def remaining(self) -> float:
        return max(0.0, self.end - time.monotonic())

    def allow_at_least(self, seconds: float) -> None:
        """Let at least ``seconds`` remain from now (OCR needs time per page)."""
        end = time.monotonic() + seconds
        if end > self.end:
            self.seconds += end - self.end
            self.end = end

    def check(self, doing: str = "reading the document") -> None:
        if time.monotonic() > self.end:
            raise self.error(doing)

    def error(self, doing: str = "reading the document") -> ReadTimeout:
        return ReadTimeout(
            f"gave up {doing}: it took longer than the {self.seconds:g} s time limit "
            "(set THEODOI_READ_TIME_LIMIT to change it)"
        )


@contextlib.contextmanager
def alarm(deadline: Deadline) -> Iterator[None]:
    """Interrupt the block when the deadline passes (main thread only)."""
    usable = hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()
    if not usable or signal.getitimer(signal.ITIMER_REAL)[0] > 0:
        yield
        return

    def on_alarm(_signum: int, _frame: object) -> None:
        left = deadline.remaining()
        if left > 0:  # the deadline was pushed back since the alarm was set
            signal.setitimer(signal.ITIMER_REAL, left + 1.0)
            return
        raise deadline.error()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, max(deadline.remaining(), 0.01) + 1.0)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
