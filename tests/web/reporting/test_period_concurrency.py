"""Two officers of one unit send the whole period's report at the same
moment, each on its own PostgreSQL connection: one wins, the other is told
about the conflict; nothing is overwritten silently and nothing is half
written. SQLite serialises every write, so the test skips there."""

from __future__ import annotations

import pytest
from django.db import connection

from tests.web.builders import build_org, build_personas, build_plan, person
from tests.web.conftest import TODAY
from tests.web.reporting.clocks import at
from tests.web.reporting.test_concurrency import _in_threads
from theodoi.accounts.models import Role
from theodoi.reporting import actions
from theodoi.reporting.actions import ReportData, SummaryData, TaskEntry
from theodoi.reporting.models import PeriodSummary, TaskReport
from theodoi.reporting.status import Completion

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_first_saves_of_a_period_do_not_overwrite_each_other() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("concurrent transactions need PostgreSQL (DATABASE_URL=postgres://…)")
    org = build_org()
    personas = build_personas(org)
    plan = build_plan(org)
    colleague = person("cb_tp3", "Đỗ Văn Pháp", Role.UNIT_OFFICER, org.justice)
    now = at(TODAY)

    def send(officer: object, text: str) -> None:
        entries = [
            TaskEntry(task, ReportData(completion=Completion.IN_PROGRESS, result=text), 0)
            for task in plan.tasks[:2]
        ]
        actions.save_period_reports(
            officer, plan.period, entries, SummaryData(text, "", 0), submit=True, now=now
        )

    errors = _in_threads(
        [
            lambda: send(personas.unit_officer_a, "Bản của anh Tư"),
            lambda: send(colleague, "Bản của anh Pháp"),
        ]
    )
    assert len(errors) == 1 and isinstance(errors[0], actions.PeriodEditConflict), errors
    results = set(TaskReport.objects.values_list("result", flat=True))
    summaries = set(PeriodSummary.objects.values_list("results", flat=True))
    assert len(results) == 1 and results == summaries  # one whole report, not a mix
    assert TaskReport.objects.count() == 2
