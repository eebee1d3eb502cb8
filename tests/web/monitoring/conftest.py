"""Fixtures for monitoring tests: a frozen clock for views and actions."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest
from django.conf import settings
from django.utils import translation

from tests.web.reporting.clocks import at, freeze


@pytest.fixture
def now(today: datetime.date) -> Iterator[datetime.datetime]:
    """09:00 on the frozen ``today``, also what views see through ``clock``."""
    with freeze(at(today)) as moment:
        yield moment


@pytest.fixture(autouse=True)
def _site_language() -> Iterator[None]:
    """Start every test in Vietnamese: a request in English (LocaleMiddleware)
    leaves its language active in the thread."""
    with translation.override(settings.LANGUAGE_CODE):
        yield
