"""A report returned after its period locked is reopened for its unit alone,
with a new due date; the period and the year's history stay as they were."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tests.web.builders import Plan
from tests.web.reporting.clocks import at, freeze
from theodoi.reporting import actions, scope
from theodoi.reporting.actions import ReportData
from theodoi.reporting.models import ReviewState
from theodoi.reporting.status import Completion

#: Plan fixture: "Năm 2025" due 10/12/2025, locked after 09/01/2026.
AFTER_LOCK = datetime.date(2026, 2, 2)
DATA = ReportData(
    completion=Completion.DONE, completed_on=datetime.date(2025, 6, 20), result="Đã rà soát."
)


def test_return_in_locked_period_reopens_for_that_report_only(
    plan: Plan, unit_officer_a, unit_officer_b, focal_officer, client_for, now
) -> None:
    report = actions.save_draft(unit_officer_a, plan.period, plan.tasks[1], DATA, now=now)
    report = actions.submit_report(unit_officer_a, report, now=now)
    other = actions.save_draft(
        unit_officer_b, plan.period, plan.tasks[2], ReportData(result="Đang làm"), now=now
    )
    first_sent, late = report.first_submitted_at, report.submitted_late
    locks_on, due = scope.locks_on(plan.period), plan.period.due_date

    later = at(AFTER_LOCK)
    assert scope.is_locked(plan.period, AFTER_LOCK)
    returned = actions.return_report(focal_officer, report, "Thiếu số liệu quý IV", now=later)
    assert returned.review_state == ReviewState.RETURNED
    assert returned.reopened_until == AFTER_LOCK + datetime.timedelta(days=scope.reopen_days())

    with freeze(later):  # the form takes the fix
        client = client_for(unit_officer_a)
        url = reverse("reporting:report_form", args=[plan.period.pk, plan.tasks[1].pk])
        page = client.get(url)
        assert page.status_code == 200
        assert page.context["editable"] and not page.context["locked"]
        assert 'id="reopened-note"' in page.text
        response = client.post(
            url,
            {
                "completion": Completion.DONE,
                "completed_on": "20/06/2025",
                "result": "Đã rà soát, bổ sung số liệu quý IV.",
                "figures": "",
                "difficulties": "",
                "proposals": "",
                "action": "submit",
            },
        )
        assert response.status_code == 302
    report.refresh_from_db()
    assert report.review_state == ReviewState.SUBMITTED
    assert report.result.endswith("quý IV.")
    # the year's history does not change under it
    assert (report.first_submitted_at, report.submitted_late) == (first_sent, late)
    plan.period.refresh_from_db()
    assert (scope.locks_on(plan.period), plan.period.due_date) == (locks_on, due)
    # the period stays locked for everyone else
    with pytest.raises(PermissionDenied):
        actions.save_draft(unit_officer_b, plan.period, plan.tasks[2], DATA, now=later)
    other.refresh_from_db()
    assert other.result == "Đang làm"


def test_reopening_ends_on_its_due_date(plan: Plan, unit_officer_a, focal_officer, now) -> None:
    report = actions.submit_report(
        unit_officer_a,
        actions.save_draft(unit_officer_a, plan.period, plan.tasks[1], DATA, now=now),
        now=now,
    )
    until = AFTER_LOCK + datetime.timedelta(days=3)
    actions.return_report(focal_officer, report, "Sửa", reopen_until=until, now=at(AFTER_LOCK))
    too_late = at(until + datetime.timedelta(days=1))
    with pytest.raises(PermissionDenied):
        actions.save_draft(unit_officer_a, plan.period, plan.tasks[1], DATA, now=too_late)


def test_return_in_an_open_period_does_not_reopen(
    plan: Plan, unit_officer_a, focal_officer, now
) -> None:
    report = actions.submit_report(
        unit_officer_a,
        actions.save_draft(unit_officer_a, plan.period, plan.tasks[1], DATA, now=now),
        now=now,
    )
    returned = actions.return_report(focal_officer, report, "Sửa", now=now)
    assert returned.reopened_until is None
