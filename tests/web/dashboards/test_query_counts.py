"""Dashboard pages run a fixed number of queries: building the same plan at
size N and 3N (units, tasks, reports) must give the same count, and under a
baseline. The data is ``bench/dashboard_data.py`` at small sizes."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bench.dashboard_data import Dataset, build_dataset

#: Queries per page (session + user + plan + period + the metrics; the plan
#: and unit pages add two for their inspections panel).
BASELINES = {
    "index": 5,
    "plan": 13,
    "trend": 10,
    "units": 8,
    "tasks": 8,
    "unit": 11,
    "theme": 8,
    "overdue": 12,
    "difficulties": 8,
    "report": 18,  # + annex rows, attachments, escalations (report_data.collect)
}


def page_url(name: str, data: Dataset) -> str:
    if name == "index":
        return reverse("dashboards:index")
    period = data.periods[-1]
    kwargs: dict[str, object] = {"plan": data.document.pk, "period": period.pk}
    if name == "unit":
        kwargs["unit"] = data.unit_officer.org_unit_id
    if name == "theme":
        kwargs["theme"] = "II.1"
    return reverse(f"dashboards:{name}", kwargs=kwargs)


def count_queries(client: Client, url: str) -> int:
    client.get(url)  # warm caches (content types, sessions)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.fixture(scope="module")
def sizes() -> tuple[dict[str, int], dict[str, int]]:
    small = {"departments": 4, "districts": 2, "communes": 4, "tasks": 15}
    return small, {key: value * 3 for key, value in small.items()}


@pytest.mark.parametrize("name", list(BASELINES))
def test_queries_do_not_grow_with_the_plan(
    name: str,
    sizes: tuple[dict[str, int], dict[str, int]],
    client_for: Callable[..., Client],
) -> None:
    small_size, large_size = sizes
    small = build_dataset(tag="n", years=range(2023, 2026), **small_size)
    large = build_dataset(tag="n3", years=range(2023, 2026), **large_size)
    assert large.reports > 2 * small.reports  # the data really grew
    counts = []
    for data in (small, large):
        counts.append(count_queries(client_for(data.focal_officer), page_url(name, data)))
    assert counts[0] == counts[1], f"{name}: {counts[0]} queries at N, {counts[1]} at 3N"
    assert counts[0] <= BASELINES[name], f"{name}: {counts[0]} > baseline {BASELINES[name]}"
