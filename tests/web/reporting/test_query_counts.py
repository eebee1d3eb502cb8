"""The report form's requests run a fixed, small number of queries: the
deadline hour is many officers opening, saving and sending at once, so every
query here is paid hundreds of times (see bench/load.py).

Counted after a warm-up request (content types and the like are cached per
process). A failure means a query was added to the path: remove it, or move
the work out of the request, or raise the baseline with the reason."""

from __future__ import annotations

from collections.abc import Callable

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.web.builders import Plan, person
from theodoi.accounts.models import Role
from theodoi.audit.models import AuditEvent
from theodoi.notifications.models import Notification
from theodoi.reporting import actions
from theodoi.reporting.actions import ReportData
from theodoi.reporting.models import ReviewState, TaskReport
from theodoi.reporting.status import Completion

#: Queries per request. Before the deadline-hour work: open 9, save 23, send 34.
BASELINES = {
    # session, user and unit, period, "must this unit report it", task, report,
    # attachments, unread notifications, and the plan's indicators for the
    # figure rows' suggestions (the focal agency's list, the labels already
    # reported: +2 since the figure rows came, after this baseline was set)
    "open": 10,
    # the 6 above the form, then: "must report", the report locked, its
    # UPDATE, the search entry upsert, the search vocabulary (+1 to store the
    # words it did not know yet), the audit line
    "save": 15,
    # save's, without a second write: + focal officers, their notification,
    # the "sent" audit line
    "send": 17,
}

FORM = {
    "completion": Completion.IN_PROGRESS,
    "completed_on": "",
    "result": "Đã tổ chức hội nghị quán triệt tại đơn vị.",
    "figures": "Hội nghị | 2 | cuộc",
    "difficulties": "",
    "proposals": "",
}


def _url(plan: Plan) -> str:
    return reverse("reporting:report_form", args=[plan.period.pk, plan.tasks[1].pk])


def _version(client: Client, plan: Plan) -> str:
    page = client.get(_url(plan))
    return str(page.context["form"]["version"].value())


def _count(call: Callable[[], object]) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as queries:
        result = call()
    return len(queries), result


def test_opening_saving_and_sending_a_report_stay_within_their_queries(
    plan: Plan, unit_officer_a, client_for, now
) -> None:  # type: ignore[no-untyped-def]
    actions.save_draft(unit_officer_a, plan.period, plan.tasks[1], ReportData(result="x"), now=now)
    client = client_for(unit_officer_a)
    client.get(_url(plan))  # warm-up
    opened, page = _count(lambda: client.get(_url(plan)))
    assert page.status_code == 200  # type: ignore[attr-defined]

    version = _version(client, plan)
    saved, response = _count(
        lambda: client.post(_url(plan), {**FORM, "version": version, "action": "save"})
    )
    assert response.status_code == 302  # type: ignore[attr-defined]

    version = _version(client, plan)
    sent, response = _count(
        lambda: client.post(_url(plan), {**FORM, "version": version, "action": "submit"})
    )
    assert response.status_code == 302  # type: ignore[attr-defined]
    counts = {"open": opened, "save": saved, "send": sent}
    assert counts == {key: min(counts[key], BASELINES[key]) for key in counts}, (
        f"{counts} against the baselines {BASELINES}"
    )
    # Fewer queries, same outcome: the report is sent, told and audited.
    report = TaskReport.objects.get(period=plan.period, task=plan.tasks[1])
    assert report.review_state == ReviewState.SUBMITTED
    assert report.result == FORM["result"]
    assert Notification.objects.filter(verb="report.submitted").count() >= 1
    audit = list(
        AuditEvent.objects.filter(target_id=str(report.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert audit[-3:] == ["report.save_draft", "report.save_draft", "report.submit"]


def test_sending_costs_the_same_however_many_focal_officers_are_told(
    org, plan: Plan, unit_officer_a, unit_officer_b, client_for, now
) -> None:  # type: ignore[no-untyped-def]
    """No query per focal officer told: one notification insert for all."""
    text = ReportData(completion=Completion.IN_PROGRESS, result=FORM["result"])
    actions.save_draft(unit_officer_a, plan.period, plan.tasks[1], text, now=now)
    actions.save_draft(unit_officer_b, plan.period, plan.tasks[2], text, now=now)

    def send_count(user, index: int) -> int:  # type: ignore[no-untyped-def]
        url = reverse("reporting:report_form", args=[plan.period.pk, plan.tasks[index].pk])
        client = client_for(user)
        client.get(url)
        page = client.get(url)
        version = str(page.context["form"]["version"].value())
        count, response = _count(
            lambda: client.post(url, {**FORM, "version": version, "action": "submit"})
        )
        assert response.status_code == 302  # type: ignore[attr-defined]
        return count

    first = send_count(unit_officer_a, 1)
    for n in range(4):
        person(f"daumoi_{n}", f"Cán Bộ Đầu Mối {n}", Role.FOCAL_OFFICER, org.home_affairs)
    assert send_count(unit_officer_b, 2) == first
    told = Notification.objects.filter(verb="report.submitted")
    assert told.values("recipient").distinct().count() >= 5
