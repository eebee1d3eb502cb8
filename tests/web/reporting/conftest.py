"""Fixtures for reporting tests: a frozen clock for views and actions."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest

from tests.web.reporting.clocks import at, freeze


@pytest.fixture
def now(today: datetime.date) -> Iterator[datetime.datetime]:
    """09:00 on the frozen ``today``, also what views see through ``clock``."""
    with freeze(at(today)) as moment:
        yield moment
