"""The dashboard scenario (tests/web/dashboards) and a frozen clock."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest
from django.utils import timezone

from tests.web.builders import Org
from tests.web.dashboards.scenario import Scenario, build_scenario
from theodoi.reporting import clock


@pytest.fixture
def scenario(org: Org) -> Scenario:
    return build_scenario(org)


@pytest.fixture(autouse=True)
def frozen_clock(today: datetime.date) -> Iterator[None]:
    moment = timezone.make_aware(datetime.datetime.combine(today, datetime.time(10, 0)))
    with clock.frozen(moment):
        yield
