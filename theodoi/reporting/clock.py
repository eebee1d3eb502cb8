"""The current time for views, settable in tests.

Domain functions take ``now``/``today`` as arguments; views ask this module,
so a test (or a live-server browser test) can fix the date for every request
without patching ``django.utils.timezone`` globally.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager

from django.utils import timezone

_frozen: datetime.datetime | None = None


def now() -> datetime.datetime:
    return _frozen if _frozen is not None else timezone.now()


def today() -> datetime.date:
    return timezone.localdate(now())


def set_now(moment: datetime.datetime | None) -> None:
    """Fix the time views see (``None`` gives the real clock back)."""
    global _frozen
    if moment is not None and timezone.is_naive(moment):
        raise ValueError("set_now needs an aware datetime.")
    _frozen = moment


@contextmanager
def frozen(moment: datetime.datetime) -> Iterator[None]:
    previous = _frozen
    set_now(moment)
    try:
        yield
    finally:
        set_now(previous)
