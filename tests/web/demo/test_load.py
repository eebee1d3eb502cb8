"""The demo loads a living province, and loading it again changes nothing."""

import datetime

from django.test import Client
from django.urls import reverse

from theodoi.accounts.models import Role, User
from theodoi.demo.load import current_report_year, load_demo
from theodoi.orgunits.models import OrgUnit
from theodoi.plans.models import Assignment, Task
from theodoi.public.models import PublicPage
from theodoi.reporting.models import ReportingPeriod, ReviewState, TaskReport
from theodoi.reporting.status import StatusLabel

TODAY = datetime.date(2025, 11, 20)


def _snapshot() -> tuple[int, ...]:
    return (
        PublicPage.objects.filter(is_published=True).count(),
        OrgUnit.objects.count(),
        User.objects.count(),
        Task.objects.count(),
        Assignment.objects.count(),
        ReportingPeriod.objects.count(),
        TaskReport.objects.count(),
        TaskReport.objects.filter(review_state=ReviewState.ACCEPTED).count(),
    )


def test_demo_is_a_living_system_and_idempotent() -> None:
    summary = load_demo(today=TODAY)
    assert 38 <= summary.units <= 45
    assert 28 <= summary.tasks <= 35
    assert summary.periods == ["Năm 2024", "Năm 2025"]
    roles = set(User.objects.values_list("role", flat=True))
    assert roles == {role.value for role in Role}
    reports = TaskReport.objects.select_related("task", "period")
    assert {r.review_state for r in reports} == {state.value for state in ReviewState}
    assert {r.status(TODAY).label for r in reports} == set(StatusLabel)
    # The demo plan's public page is published: readable without login.
    page = PublicPage.objects.get(is_published=True)
    response = Client().get(reverse("public:plan", args=[page.document_id]))
    assert response.status_code == 200 and page.document.title in response.content.decode()
    before = _snapshot()
    load_demo(today=TODAY)
    assert _snapshot() == before


def test_current_report_year_turns_after_the_cut_off() -> None:
    assert current_report_year(datetime.date(2025, 12, 14)) == 2025
    assert current_report_year(datetime.date(2025, 12, 15)) == 2026
