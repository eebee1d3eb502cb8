"""How far a long read has gone: pages done out of pages to do.

Reading a scan means OCR, page after page, for minutes. The reader reports
each page through ``report``; whoever started the read listens with
``reporting(callback)``. The callback lives in a context variable rather
than in every reader's signature, because only the OCR loop reports and
nothing the readers return depends on it. Without a listener ``report``
does nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

#: ``callback(done, total)``: ``done`` pages of ``total`` are read.
Progress = Callable[[int, int], None]

_listener: ContextVar[Progress | None] = ContextVar("theodoi_progress", default=None)


@contextmanager
def reporting(callback: Progress) -> Iterator[None]:
    """Send the progress of reads made inside the block to ``callback``."""
    token = _listener.set(callback)
    try:
        yield
    finally:
        _listener.reset(token)


def report(done: int, total: int) -> None:
    listener = _listener.get()
    if listener is not None:
        listener(done, total)
