"""Shared fixtures for every web test: the fictional province, named
personas, a published plan, a frozen "today" and logged-in clients.

Everything under tests/web/ runs against the database, and ``make test``
runs this folder twice: on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from tests.web.builders import Org, Personas, Plan, build_org, build_personas, build_plan

#: The date web tests treat as today: inside the 2025 annual period, before its 10/12 due date.
TODAY = datetime.date(2025, 11, 20)


@pytest.fixture(autouse=True)
def _db_for_every_web_test(db: None) -> None:
    """Every test here uses the database; roll back after each."""


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings) -> None:  # type: ignore[no-untyped-def]
    """Real hashing is slow by design; tests only need it to work."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _vietnamese_by_default() -> Iterator[None]:
    """Every test starts in Vietnamese: a request in English earlier in the
    same thread must not leak into the next test's lazy strings."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def _worker_keeps_the_test_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    """``db_worker`` drops "old" connections as it wakes; inside a test's
    transaction that closes the test's own PostgreSQL connection (SQLite's
    in-memory one ignores it). Django's test client skips the same call for
    requests; do the same for the worker, so tests may run it in-process."""
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)


@pytest.fixture
def today() -> datetime.date:
    return TODAY


@pytest.fixture
def now(today: datetime.date) -> Iterator[datetime.datetime]:
    """09:00 on the frozen ``today``, also what views see through ``clock``."""
    from tests.web.reporting.clocks import at, freeze

    with freeze(at(today)) as moment:
        yield moment


@pytest.fixture
def org() -> Org:
    return build_org()


@pytest.fixture
def personas(org: Org) -> Personas:
    return build_personas(org)


@pytest.fixture
def admin_user(personas: Personas):  # type: ignore[no-untyped-def]
    return personas.admin


@pytest.fixture
def focal_officer(personas: Personas):  # type: ignore[no-untyped-def]
    return personas.focal_officer


@pytest.fixture
def unit_officer_a(personas: Personas):  # type: ignore[no-untyped-def]
    return personas.unit_officer_a


@pytest.fixture
def unit_officer_b(personas: Personas):  # type: ignore[no-untyped-def]
    return personas.unit_officer_b


@pytest.fixture
def unit_head_a(personas: Personas):  # type: ignore[no-untyped-def]
    return personas.unit_head_a


@pytest.fixture
def leader(personas: Personas):  # type: ignore[no-untyped-def]
    return personas.leader


@pytest.fixture
def plan(org: Org) -> Plan:
    return build_plan(org)


@pytest.fixture
def client_for() -> Callable[..., Client]:
    """``client_for(user)`` → a test client logged in as that user."""

    def make(user: object) -> Client:
        client = Client()
        client.force_login(user)  # type: ignore[arg-type]
        return client

    return make
