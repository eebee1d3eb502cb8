"""Submissions at the same moment, each thread on its own PostgreSQL connection.

SQLite serialises every write on one database lock, so these races only exist
on PostgreSQL; the tests skip elsewhere.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, transaction

from tests.web.builders import Plan, build_org, build_personas, build_plan, person
from tests.web.conftest import TODAY
from tests.web.reporting.clocks import at
from theodoi.accounts.models import Role
from theodoi.reporting import actions
from theodoi.reporting.actions import ReportData
from theodoi.reporting.models import ReviewState, TaskReport
from theodoi.reporting.status import Completion

pytestmark = pytest.mark.django_db(transaction=True)

TEXT = ReportData(completion=Completion.IN_PROGRESS, result="Đã triển khai tại 12 xã.")


def _needs_postgres() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("row locks and deadlocks need PostgreSQL (DATABASE_URL=postgres://…)")


def _in_threads(jobs: list[Callable[[], Any]]) -> list[BaseException]:
    """Run each job in a thread of its own (own connection); return the errors."""
    errors: list[BaseException] = []

    def run(job: Callable[[], Any]) -> None:
        try:
            job()
        except BaseException as exc:  # collected and asserted on by the test
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a submission hung"
    return errors


def _officers_on_one_plan() -> tuple[Plan, list[Any]]:
    org = build_org()
    build_personas(org)
    plan = build_plan(org)
    officers = [
        person("cb_ttt", "Vũ Thị Thông", Role.UNIT_OFFICER, org.information),
        person("cb_tp2", "Đỗ Văn Pháp", Role.UNIT_OFFICER, org.justice),
        person("cb_da", "Ngô Thị Sơn", Role.UNIT_OFFICER, org.district_a),
        person("cb_db", "Lý Văn Bình", Role.UNIT_OFFICER, org.district_b),
    ]
    return plan, officers


def test_sending_a_report_locks_only_that_report() -> None:
    """While one unit's submission is still in its transaction, another unit
    sends its report on the same task and period without waiting. The old
    lock also took the task, plan, unit, period and duty rows, so every
    submission at the deadline queued behind the one before (p99 16 s) and
    met the commit-time key checks of new reports on those rows (deadlocks)."""
    _needs_postgres()
    org = build_org()
    build_personas(org)
    plan = build_plan(org)
    first = person("cb_ds2", "Ngô Thị Sơn", Role.UNIT_OFFICER, org.district_a)
    second = person("cb_tg2", "Lý Văn Bình", Role.UNIT_OFFICER, org.district_b)
    now = at(TODAY)
    task = plan.tasks[2]  # both districts report on it
    reports = [
        actions.save_draft(officer, plan.period, task, TEXT, now=now) for officer in (first, second)
    ]
    holding = threading.Event()
    release = threading.Event()

    def first_sends_and_holds() -> None:
        with transaction.atomic():
            actions.submit_report(first, reports[0], now=now)
            holding.set()
            release.wait(timeout=30)

    def second_sends() -> None:
        assert holding.wait(timeout=30)
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL lock_timeout = '2s'")
                actions.submit_report(second, reports[1], now=now)
        finally:
            release.set()

    errors = _in_threads([first_sends_and_holds, second_sends])
    assert errors == []
    states = set(TaskReport.objects.values_list("review_state", flat=True))
    assert states == {ReviewState.SUBMITTED}


def test_a_burst_of_one_step_submissions_all_land() -> None:
    """Eight submissions through the web's one-step action at once: every one
    lands once, none fails."""
    _needs_postgres()
    plan, officers = _officers_on_one_plan()
    slots = [(officers[0], 0), (officers[1], 1), (officers[2], 2), (officers[3], 2)] * 2
    now = at(TODAY)
    barrier = threading.Barrier(len(slots), timeout=20)

    def send(officer: Any, task_index: int) -> Callable[[], None]:
        def job() -> None:
            barrier.wait()
            actions.save_report(
                officer, plan.period, plan.tasks[task_index], TEXT, submit=True, now=now
            )

        return job

    errors = _in_threads([send(officer, index) for officer, index in slots])
    # The second submission of the same report finds it already sent: refused
    # with a message, never a database error.
    assert all(isinstance(error, actions.ReportingError) for error in errors), errors
    assert TaskReport.objects.count() == 4
    assert set(TaskReport.objects.values_list("review_state", flat=True)) == {ReviewState.SUBMITTED}
