"""The home page's to-do list links each period that is due to its one-form
page and each report to its own form; every link opens for the unit officer."""

from __future__ import annotations

import re

from django.urls import reverse

from theodoi.reporting import actions
from theodoi.reporting.actions import ReportData

TODO_SECTION = re.compile(r'<section aria-labelledby="todo-title">(.*?)</section>', re.S)


def todo_links(html: str) -> list[str]:
    found = TODO_SECTION.search(html)
    assert found, "no to-do section"
    return re.findall(r'href="([^"#]+)"', found.group(1))


def test_each_due_period_and_task_links_to_its_form(plan, unit_officer_a, client_for, now):
    actions.save_draft(
        unit_officer_a, plan.period, plan.tasks[1], ReportData(result="Đang làm"), now=now
    )
    client = client_for(unit_officer_a)
    page = client.get("/")
    assert [(d.period, d.left) for d in page.context["due_forms"]] == [(plan.period, 2)]
    links = todo_links(page.content.decode())
    period_form = reverse("reporting:period_form", args=[plan.period.pk])
    task_forms = {
        reverse("reporting:report_form", args=[plan.period.pk, task.pk]) for task in plan.tasks[:2]
    }
    assert period_form in links and task_forms <= set(links)
    assert "Báo cáo cả kỳ Năm 2025" in page.content.decode()
    for link in set(links):
        assert client.get(link).status_code == 200, link


def test_a_sent_period_leaves_the_list(plan, unit_officer_a, client_for, now):
    client = client_for(unit_officer_a)
    for task in plan.tasks[:2]:
        report = actions.save_draft(
            unit_officer_a, plan.period, task, ReportData(result="Xong"), now=now
        )
        actions.submit_report(unit_officer_a, report, now=now)
    page = client.get("/")
    assert page.context["due_forms"] == []
    assert reverse("reporting:period_form", args=[plan.period.pk]) not in todo_links(
        page.content.decode()
    )


def test_due_periods_in_english(plan, unit_officer_a, client_for, now):
    client = client_for(unit_officer_a)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/").content.decode()
    assert "Whole-period report Năm 2025" in html or "Whole-period report" in html
    assert "2 tasks left, due" in html
    assert "Báo cáo cả kỳ" not in html and "nhiệm vụ, hạn" not in html
