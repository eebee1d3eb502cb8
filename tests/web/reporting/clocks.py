"""A settable clock for web tests: domain functions get ``now`` passed in;
views read ``theodoi.reporting.clock``, which these helpers fix."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager

from django.utils import timezone

from theodoi.reporting import clock


def at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    """``hour`` o'clock on ``day`` in the project's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@contextmanager
def freeze(moment: datetime.datetime) -> Iterator[datetime.datetime]:
    with clock.frozen(moment):
        yield moment
