"""The home page's "Việc cần làm" lists every report the unit owes, started
or not, each a link to its form; roles are read through capability helpers."""

from __future__ import annotations

import re
from pathlib import Path

from django.urls import reverse

from tests.web.builders import Org, Plan
from theodoi.reporting import actions
from theodoi.reporting.actions import ReportData
from theodoi.reporting.todo import unit_to_do

ROOT = Path(__file__).resolve().parents[3] / "theodoi"


def form_url(plan: Plan, index: int) -> str:
    return reverse("reporting:report_form", args=[plan.period.pk, plan.tasks[index].pk])


def test_to_do_lists_reports_not_started_with_links(
    plan: Plan, org: Org, unit_officer_a, client_for, now, today
) -> None:
    # Sở Tư pháp owes II.1 (coordinating) and II.2 (lead); nothing started yet
    items = unit_to_do(org.justice.pk, today)
    assert [(i.task.path, i.state) for i in items] == [
        ("II.1", "not_started"),
        ("II.2", "not_started"),
    ]
    actions.save_draft(
        unit_officer_a, plan.period, plan.tasks[1], ReportData(result="Đang làm"), now=now
    )
    page = client_for(unit_officer_a).get("/")
    assert page.context["to_do_count"] == 2
    for index in (0, 1):
        assert f'href="{form_url(plan, index)}"' in page.text
    assert "Chưa bắt đầu" in page.text and "Đang soạn" in page.text


def test_sent_reports_leave_the_to_do_list(
    plan: Plan, org: Org, unit_officer_a, now, today
) -> None:
    report = actions.save_draft(
        unit_officer_a, plan.period, plan.tasks[1], ReportData(result="Xong phần rà soát"), now=now
    )
    actions.submit_report(unit_officer_a, report, now=now)
    assert [i.task.path for i in unit_to_do(org.justice.pk, today)] == ["II.1"]


def test_views_read_roles_through_capability_helpers() -> None:
    literal = re.compile(
        r"""role\s*[!=]=\s*["']|["'](?:admin|focal_officer|unit_officer|unit_head|leader)["']"""
    )
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted(ROOT.glob("*/views*.py")) + sorted(ROOT.glob("*/views/*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if literal.search(line)
    ]
    assert offenders == []


def test_home_and_review_queue_count_the_same_waiting_reports(
    plan: Plan, org: Org, focal_officer, client_for, now
) -> None:
    import datetime

    from theodoi.reporting.models import ReportingPeriod, ReviewState, TaskReport

    older = ReportingPeriod.objects.create(
        obligation=plan.obligation,
        label="Năm 2024",
        year=2024,
        index=1,
        start=datetime.date(2023, 12, 10),
        end=datetime.date(2024, 12, 9),
        due_date=datetime.date(2024, 12, 10),
    )
    for period, task, unit in [
        (older, plan.tasks[1], org.justice),
        (plan.period, plan.tasks[1], org.justice),
        (plan.period, plan.tasks[2], org.district_a),
    ]:
        TaskReport.objects.create(
            task=task, unit=unit, period=period, review_state=ReviewState.SUBMITTED
        )
    client = client_for(focal_officer)
    page = client.get("/")
    home = page.context["waiting_review"]
    assert f'href="{reverse("reporting:review_queue")}"' in page.text
    queue = client.get(reverse("reporting:review_queue")).context["page"].paginator.count
    assert home == queue == 3
