"""A number in the query string that is too large for an id, or not a plain
number at all, never ends as a 500: the page ignores it, answers 400 or 404.

PostgreSQL refuses an out-of-range lookup ("bigint out of range"), SQLite's
driver raises OverflowError, and ``"²".isdigit()`` is true while ``int("²")``
fails: each page reading an id or year from the query string once gave a 500
for one of these."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from tests.web.builders import Personas, Plan

BAD_NUMBERS = [
    "9223372036854775808",  # one past the largest bigint
    "99999999999999999999999999",
    "²",  # a digit to str.isdigit, not to int()
    "١٢",  # Arabic-Indic digits: int() reads them, they are no id in a URL
    "1_000",  # int() reads underscores
    "0",
    "-1",
    "1e5",
]

#: (page, who looks, URL with {bad} where the number goes, answers accepted).
PAGES: list[tuple[str, str, str, set[int]]] = [
    ("dashboard entry ?ky=", "leader", "dashboards:entry|?ky={bad}", {200, 302, 404}),
    ("dashboard entry, unit ?ky=", "unit_officer_a", "dashboards:entry|?ky={bad}", {200, 302, 404}),
    (
        "multi-year review ?tu=",
        "focal_officer",
        "dashboards:review_report|?tu={bad}&den=2025",
        {400},
    ),
    (
        "multi-year review ?den=",
        "focal_officer",
        "dashboards:review_report|?tu=2024&den={bad}",
        {400},
    ),
    ("reminder log ?ky=", "focal_officer", "monitoring:reminders|?ky={bad}", {200}),
    ("inspection plan picker", "focal_officer", "inspections:pick|?ke-hoach={bad}", {302}),
    ("good practices ?ke-hoach=", "unit_officer_a", "recognition:list|?ke-hoach={bad}", {200}),
    ("propose a practice ?bao-cao=", "unit_officer_a", "recognition:propose|?bao-cao={bad}", {200}),
    ("compare documents", "focal_officer", "documents:compare|?a={bad}&b={bad}", {200}),
    ("compare documents, one", "focal_officer", "documents:compare|?a={plan}&b={bad}", {200, 404}),
    ("ad hoc request ?van-ban=", "focal_officer", "reporting:ad_hoc|?van-ban={bad}", {200}),
    ("unit inbox ?ky=", "unit_officer_a", "reporting:inbox|?ky={bad}", {200}),
    ("review queue ?ky=", "focal_officer", "reporting:review_queue|?ky={bad}", {200}),
    (
        "search filters",
        "focal_officer",
        "search:search|?q=tuyên+truyền&ky={bad}&van-ban={bad}&don-vi={bad}",
        {200},
    ),
]


def _url(spec: str, plan: Plan, bad: str) -> str:
    name, _, query = spec.partition("|")
    kwargs: dict[str, object] = {}
    if name.startswith("dashboards:"):
        kwargs["plan"] = plan.document.pk
    if name == "dashboards:review_report":
        kwargs["suffix"] = "docx"
    return reverse(name, kwargs=kwargs) + query.format(bad=bad, plan=plan.document.pk)


@pytest.mark.parametrize("bad", BAD_NUMBERS)
@pytest.mark.parametrize(("page", "who", "spec", "allowed"), PAGES, ids=[p[0] for p in PAGES])
def test_a_bad_number_in_the_query_string_is_never_a_500(
    page: str,
    who: str,
    spec: str,
    allowed: set[int],
    bad: str,
    plan: Plan,
    personas: Personas,
    client_for: Callable[[object], Client],
    now: object,
) -> None:
    client = client_for(getattr(personas, who))
    response = client.get(_url(spec, plan, bad))
    assert response.status_code in allowed, (page, bad, response.status_code)


def test_good_numbers_still_work(plan: Plan, personas: Personas, client_for, now) -> None:  # type: ignore[no-untyped-def]
    client = client_for(personas.leader)
    entry = reverse("dashboards:entry", kwargs={"plan": plan.document.pk})
    response = client.get(f"{entry}?ky={plan.period.pk}")
    assert response.status_code == 302
    assert str(plan.period.pk) in response["Location"]
    picker = client_for(personas.focal_officer).get(
        reverse("inspections:pick") + f"?ke-hoach={plan.document.pk}"
    )
    assert picker["Location"] == reverse("inspections:new", kwargs={"plan": plan.document.pk})
