"""One report per unit per period: the one-form page through the test
client and the real database (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tests.web.builders import Plan
from tests.web.reporting.clocks import at, freeze
from theodoi.audit.models import AuditEvent
from theodoi.reporting import actions, period_report
from theodoi.reporting.actions import ReportData, SummaryData, TaskEntry
from theodoi.reporting.models import (
    PeriodSummary,
    PlanIndicator,
    ReportingPeriod,
    ReviewState,
    TaskReport,
)
from theodoi.reporting.period_forms import figures_from_rows
from theodoi.reporting.status import Completion


def period_url(period: ReportingPeriod) -> str:
    return reverse("reporting:period_form", args=[period.pk])


def task_fields(task_id: int, **values: Any) -> dict[str, Any]:
    """One task's part of the posted form (Sở Tư pháp answers II.1 and II.2)."""
    fields: dict[str, Any] = {
        f"t{task_id}-completion": Completion.IN_PROGRESS,
        f"t{task_id}-completed_on": "",
        f"t{task_id}-result": "",
        f"t{task_id}-difficulties": "",
        f"t{task_id}-proposals": "",
        f"t{task_id}-version": "0",
        f"t{task_id}-figure-label": [],
        f"t{task_id}-figure-value": [],
        f"t{task_id}-figure-unit": [],
    }
    fields.update({f"t{task_id}-{name}": v for name, v in values.items()})
    return fields


def whole_form(plan: Plan, action: str = "save", **summary: str) -> dict[str, Any]:
    data = {
        "action": action,
        "tong-hop-results": summary.get("results", "Hoàn thành phần lớn nhiệm vụ năm."),
        "tong-hop-difficulties": summary.get("difficulties", "Thiếu kinh phí chung."),
        "tong-hop-version": summary.get("version", "0"),
    }
    data.update(
        task_fields(plan.tasks[0].pk, result="Đã tổ chức 5 hội nghị phổ biến.")
        | {
            f"t{plan.tasks[0].pk}-figure-label": ["Hội nghị phổ biến", ""],
            f"t{plan.tasks[0].pk}-figure-value": ["5", ""],
            f"t{plan.tasks[0].pk}-figure-unit": ["cuộc", ""],
        }
    )
    data.update(
        task_fields(
            plan.tasks[1].pk,
            completion=Completion.DONE,
            completed_on="20/06/2025",
            result="Đã rà soát 42 văn bản.",
        )
    )
    return data


def test_one_form_saves_every_task_and_the_summary(plan, unit_officer_a, client_for, now):
    client = client_for(unit_officer_a)
    page = client.get(period_url(plan.period))
    assert page.status_code == 200
    html = page.content.decode()
    assert "II.1" in html and "II.2" in html and "II.3" not in html  # II.3 is the districts'
    assert 'name="tong-hop-results"' in html and 'list="plan-indicators"' in html
    response = client.post(period_url(plan.period), whole_form(plan))
    assert response.status_code == 302
    reports = {r.task.path: r for r in TaskReport.objects.select_related("task")}
    assert set(reports) == {"II.1", "II.2"}
    assert all(r.review_state == ReviewState.DRAFT for r in reports.values())
    assert reports["II.1"].figures == [{"label": "Hội nghị phổ biến", "value": 5, "unit": "cuộc"}]
    assert reports["II.2"].completion == Completion.DONE
    assert reports["II.2"].completed_on == datetime.date(2025, 6, 20)
    summary = PeriodSummary.objects.get(unit=unit_officer_a.org_unit, period=plan.period)
    assert summary.results == "Hoàn thành phần lớn nhiệm vụ năm." and summary.version == 0


def test_submit_all_sends_every_task_in_one_go(plan, unit_officer_a, client_for, now):
    response = client_for(unit_officer_a).post(period_url(plan.period), whole_form(plan, "submit"))
    assert response.status_code == 302
    states = set(TaskReport.objects.values_list("review_state", flat=True))
    assert states == {ReviewState.SUBMITTED}
    assert TaskReport.objects.count() == 2
    assert AuditEvent.objects.filter(action="report.submit_period").count() == 1


def test_one_refused_task_leaves_nothing_saved(plan, unit_officer_a, client_for, now):
    data = whole_form(plan, "submit")
    # II.1 "in progress" with no result cannot be sent: nothing at all is kept
    data[f"t{plan.tasks[0].pk}-result"] = ""
    response = client_for(unit_officer_a).post(period_url(plan.period), data)
    assert response.status_code == 200
    assert "Hãy ghi kết quả thực hiện trước khi gửi." in response.content.decode()
    assert not TaskReport.objects.exists() and not PeriodSummary.objects.exists()


def test_stale_form_is_refused_then_overwrites_knowingly(plan, unit_officer_a, client_for, now):
    client = client_for(unit_officer_a)
    client.post(period_url(plan.period), whole_form(plan))
    stale = whole_form(plan)  # the page as it was after that save
    for report in TaskReport.objects.all():
        stale[f"t{report.task_id}-version"] = str(report.version)
    actions.save_draft(
        unit_officer_a,
        plan.period,
        plan.tasks[1],
        ReportData(result="Bản của đồng nghiệp"),
        now=now,
    )
    stale[f"t{plan.tasks[0].pk}-result"] = "Nội dung mới của tôi"
    stale["tong-hop-version"] = "0"
    response = client.post(period_url(plan.period), stale)
    assert response.status_code == 409
    html = response.content.decode()
    assert "II.2" in html and "Nội dung mới của tôi" in html  # what was typed is kept
    assert TaskReport.objects.get(task=plan.tasks[1]).result == "Bản của đồng nghiệp"
    assert TaskReport.objects.get(task=plan.tasks[0]).result == "Đã tổ chức 5 hội nghị phổ biến."
    # the page now carries the current version: a second save overwrites
    again = response.context["groups"][0][1][1]["form"]["version"].value()
    stale[f"t{plan.tasks[1].pk}-version"] = str(again)
    assert client.post(period_url(plan.period), stale).status_code == 302
    assert TaskReport.objects.get(task=plan.tasks[1]).result == "Đã rà soát 42 văn bản."


def test_summary_conflict_is_detected(plan, unit_officer_a, now):
    entries: list[TaskEntry] = []
    save = actions.save_period_reports
    save(unit_officer_a, plan.period, entries, SummaryData("A", "", 0), now=now)
    save(unit_officer_a, plan.period, entries, SummaryData("B", "", 0), now=now)
    with pytest.raises(actions.PeriodEditConflict) as caught:
        save(unit_officer_a, plan.period, entries, SummaryData("C", "", 0), now=now)
    assert caught.value.versions == {"summary": 1}
    assert PeriodSummary.objects.get().results == "B"


def previous_year(plan: Plan) -> ReportingPeriod:
    return ReportingPeriod.objects.create(
        obligation=plan.obligation,
        label="Năm 2024",
        year=2024,
        index=1,
        start=datetime.date(2023, 12, 15),
        end=datetime.date(2024, 12, 14),
        due_date=datetime.date(2024, 12, 10),
    )


def test_prefill_from_previous_period_fills_only_empty_fields(
    plan, unit_officer_a, client_for, now
):
    old = previous_year(plan)
    last_year = at(datetime.date(2024, 11, 20))
    with freeze(last_year):
        for task, text in ((plan.tasks[0], "Kết quả 2024 II.1"), (plan.tasks[1], "Kết quả 2024")):
            figures = [{"label": "Văn bản rà soát", "value": 30, "unit": "văn bản"}]
            actions.save_draft(
                unit_officer_a,
                old,
                task,
                ReportData(result=text, difficulties="Khó 2024", figures=figures),
                now=last_year,
            )
        actions.save_period_reports(
            unit_officer_a, old, [], SummaryData("Tóm tắt 2024", "Khó khăn 2024"), now=last_year
        )
    actions.save_draft(
        unit_officer_a, plan.period, plan.tasks[1], ReportData(result="Đã gõ năm nay"), now=now
    )
    client = client_for(unit_officer_a)
    page = client.get(period_url(plan.period))
    assert "Bắt đầu từ báo cáo kỳ trước" in page.content.decode()
    filled = client.get(period_url(plan.period) + "?tu-ky-truoc=1")
    rows = {row["task"].path: row for _s, items in filled.context["groups"] for row in items}
    first, second = rows["II.1"]["form"], rows["II.2"]["form"]
    assert first.initial["result"] == "Kết quả 2024 II.1"
    assert first.figure_rows()[0] == {"label": "Văn bản rà soát", "value": "30", "unit": "văn bản"}
    assert second.initial["result"] == "Đã gõ năm nay"  # never overwritten
    assert second.initial["difficulties"] == "Khó 2024"
    assert filled.context["summary_form"].initial["results"] == "Tóm tắt 2024"
    assert "được giữ nguyên" in filled.content.decode()
    # nothing is stored until the person saves
    assert TaskReport.objects.get(period=plan.period, task=plan.tasks[1]).difficulties == ""


def test_previous_reports_picks_the_latest_earlier_period(plan, unit_officer_a):
    old = previous_year(plan)
    older = ReportingPeriod.objects.create(
        obligation=plan.obligation,
        label="Năm 2023",
        year=2023,
        index=1,
        start=datetime.date(2022, 12, 15),
        end=datetime.date(2023, 12, 14),
        due_date=datetime.date(2023, 12, 10),
    )
    unit = unit_officer_a.org_unit
    TaskReport.objects.create(task=plan.tasks[1], unit=unit, period=older, result="2023")
    TaskReport.objects.create(task=plan.tasks[1], unit=unit, period=old, result="2024")
    TaskReport.objects.create(task=plan.tasks[0], unit=unit, period=older, result="2023 II.1")
    found = period_report.previous_reports(plan.period, unit.pk, [t.pk for t in plan.tasks])
    assert {k: v.result for k, v in found.items()} == {
        plan.tasks[1].pk: "2024",
        plan.tasks[0].pk: "2023 II.1",
    }


def test_indicators_are_the_plans_labels_and_the_focal_agencys(plan, unit_officer_a, now):
    PlanIndicator.objects.create(document=plan.document, label="Số hộ được phổ biến", unit="hộ")
    figures = [{"label": "Văn bản rà soát", "value": 42, "unit": "văn bản"}]
    actions.save_draft(
        unit_officer_a, plan.period, plan.tasks[1], ReportData(figures=figures), now=now
    )
    labels = [(i.label, i.unit) for i in period_report.plan_indicators(plan.document.pk)]
    assert labels == [("Số hộ được phổ biến", "hộ"), ("Văn bản rà soát", "văn bản")]


def test_figure_rows_are_parsed_and_half_rows_refused():
    rows = figures_from_rows(["Cuộc họp", "", "Tỷ lệ"], ["3", "", "12,5"], ["cuộc", "", "%"])
    assert rows == [
        {"label": "Cuộc họp", "value": 3, "unit": "cuộc"},
        {"label": "Tỷ lệ", "value": 12.5, "unit": "%"},
    ]
    from django import forms

    with pytest.raises(forms.ValidationError):
        figures_from_rows(["Cuộc họp"], [""], [""])


def test_half_filled_figure_row_is_shown_as_an_error(plan, unit_officer_a, client_for, now):
    data = whole_form(plan)
    data[f"t{plan.tasks[0].pk}-figure-value"] = ["", ""]
    response = client_for(unit_officer_a).post(period_url(plan.period), data)
    assert response.status_code == 200
    assert "Dòng số liệu 1: cần cả chỉ tiêu và số liệu." in response.content.decode()
    assert not TaskReport.objects.exists()


def test_old_stored_figures_are_read_into_rows(plan, unit_officer_a, client_for, now):
    TaskReport.objects.create(
        task=plan.tasks[1],
        unit=unit_officer_a.org_unit,
        period=plan.period,
        figures=[{"label": "Cuộc họp", "value": 3}],
    )
    html = client_for(unit_officer_a).get(period_url(plan.period)).content.decode()
    assert 'value="Cuộc họp"' in html and 'value="3"' in html


def test_locked_period_is_refused(plan, unit_officer_a, client_for, settings):
    settings.REPORTING_LOCK_DAYS = 0
    with freeze(at(plan.period.due_date + datetime.timedelta(days=1))):
        client = client_for(unit_officer_a)
        page = client.get(period_url(plan.period)).content.decode()
        assert "đã khóa sổ" in page and 'name="action"' not in page
        response = client.post(period_url(plan.period), whole_form(plan, "submit"))
    assert response.status_code == 403 and "khóa sổ" in response.content.decode()
    assert not TaskReport.objects.exists() and not PeriodSummary.objects.exists()


def test_another_units_period_is_404(plan, org, unit_officer_a, client_for, now):
    ad_hoc = ReportingPeriod.objects.create(
        obligation=plan.obligation,
        label="Chỉ huyện",
        year=2025,
        index=2,
        start=datetime.date(2025, 11, 1),
        end=datetime.date(2025, 11, 30),
        due_date=datetime.date(2025, 11, 30),
    )
    plan.obligation.recurrence = "on_request"
    plan.obligation.save()
    ad_hoc.units.set([org.district_a])
    client = client_for(unit_officer_a)
    assert client.get(period_url(ad_hoc)).status_code == 404
    assert client.post(period_url(ad_hoc), whole_form(plan)).status_code == 404
    assert not TaskReport.objects.exists()


def test_a_task_of_another_unit_cannot_be_slipped_in(plan, unit_officer_a, now):
    entry = TaskEntry(plan.tasks[2], ReportData(result="Không phải của tôi"), 0)
    with pytest.raises(PermissionDenied):
        actions.save_period_reports(unit_officer_a, plan.period, [entry], SummaryData(), now=now)
    assert not TaskReport.objects.exists()


def test_inbox_lists_due_periods_with_counts(plan, unit_officer_a, client_for, now):
    actions.submit_report(
        unit_officer_a,
        actions.save_draft(
            unit_officer_a, plan.period, plan.tasks[1], ReportData(result="Xong"), now=now
        ),
        now=now,
    )
    response = client_for(unit_officer_a).get(reverse("reporting:inbox"))
    due = response.context["due"]
    assert [(d.period.pk, d.total, d.left) for d in due] == [(plan.period.pk, 2, 1)]
    html = response.content.decode()
    assert period_url(plan.period) in html and "còn 1 nhiệm vụ phải báo cáo" in html


def test_focal_officer_sees_the_summary_on_review(
    plan, unit_officer_a, focal_officer, client_for, now
):
    client_for(unit_officer_a).post(period_url(plan.period), whole_form(plan, "submit"))
    report = TaskReport.objects.get(task=plan.tasks[1])
    page = client_for(focal_officer).get(reverse("reporting:review_detail", args=[report.pk]))
    html = page.content.decode()
    assert "Tóm tắt chung của kỳ" in html and "Thiếu kinh phí chung." in html


def test_per_task_form_still_works(plan, unit_officer_a, client_for, now):
    url = reverse("reporting:report_form", args=[plan.period.pk, plan.tasks[1].pk])
    form = {"completion": Completion.IN_PROGRESS, "result": "Một nhiệm vụ", "action": "save"}
    assert client_for(unit_officer_a).post(url, form).status_code == 302
    assert TaskReport.objects.get().result == "Một nhiệm vụ"


def test_focal_agency_defines_indicators_units_pick_from(
    plan, focal_officer, unit_officer_a, client_for, now
):
    url = reverse("reporting:indicators", args=[plan.document.pk])
    focal = client_for(focal_officer)
    assert focal.post(url, {"label": " Số  cuộc đối thoại ", "unit": "cuộc"}).status_code == 302
    again = focal.post(url, {"label": "Số cuộc đối thoại", "unit": "cuộc"}, follow=True)
    assert "đã có" in again.content.decode()
    indicator = PlanIndicator.objects.get()
    assert (indicator.label, indicator.unit) == ("Số cuộc đối thoại", "cuộc")
    form = client_for(unit_officer_a).get(period_url(plan.period)).content.decode()
    assert '<option value="Số cuộc đối thoại" data-unit="cuộc">' in form
    assert client_for(unit_officer_a).post(url, {"label": "Của tôi"}).status_code == 403
    focal.post(url, {"xoa": indicator.pk})
    assert not PlanIndicator.objects.exists()
    assert AuditEvent.objects.filter(action="indicator.remove").count() == 1


def test_period_form_in_english(plan, unit_officer_a, client_for, now):
    client = client_for(unit_officer_a)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get(period_url(plan.period)).content.decode()
    assert "Submit the whole report" in html and "Summary of the period" in html
    assert "Gửi cả báo cáo" not in html and "Tóm tắt chung" not in html


def test_period_page_query_count_does_not_grow_with_tasks(
    plan, unit_officer_a, client_for, now, django_assert_max_num_queries
):
    from theodoi.plans.models import Assignment, Task

    client = client_for(unit_officer_a)
    client.get(period_url(plan.period))  # session and language settle
    for number in range(20):
        task = Task.objects.create(
            document=plan.document,
            path=f"III.{number}",
            text=f"Nhiệm vụ {number}",
            position=10 + number,
        )
        Assignment.objects.create(task=task, unit=unit_officer_a.org_unit, role="lead")
        actions.save_draft(unit_officer_a, plan.period, task, ReportData(result="Có"), now=now)
    with django_assert_max_num_queries(15):
        response = client.get(period_url(plan.period))
    assert sum(len(items) for _s, items in response.context["groups"]) == 22


def test_unit_head_approves_the_whole_period(
    org, plan, unit_officer_a, unit_head_a, client_for, now
):
    org.justice.requires_head_approval = True
    org.justice.save()
    client_for(unit_officer_a).post(period_url(plan.period), whole_form(plan, "submit"))
    assert set(TaskReport.objects.values_list("awaiting_head_approval", flat=True)) == {True}
    head = client_for(unit_head_a)
    assert (
        "Duyệt cả kỳ và gửi cơ quan đầu mối" in head.get(period_url(plan.period)).content.decode()
    )
    officer_try = client_for(unit_officer_a).post(period_url(plan.period), {"action": "approve"})
    assert officer_try.status_code == 403
    assert set(TaskReport.objects.values_list("review_state", flat=True)) == {ReviewState.DRAFT}
    assert head.post(period_url(plan.period), {"action": "approve"}).status_code == 302
    assert set(TaskReport.objects.values_list("review_state", flat=True)) == {ReviewState.SUBMITTED}


def test_indicators_from_the_database_match_reading_every_report(
    plan, unit_officer_a, unit_officer_b, monkeypatch
):
    """On PostgreSQL the database takes the figures apart (one row per
    distinct label and unit); it gives exactly what reading every report's
    JSON in Python gives, whatever shape the figures were stored in."""
    PlanIndicator.objects.create(document=plan.document, label="Số hộ", unit="hộ")
    shapes: list[Any] = [
        [{"label": "Cuộc họp", "value": 3, "unit": "cuộc"}, {"label": "  Tỷ lệ ", "unit": "%"}],
        [{"label": "Cuộc họp", "value": 5, "unit": "cuộc"}, {"label": "Cuộc họp"}],
        [{"label": "", "unit": "x"}, {"value": 1}, "Cuộc họp", ["Sai"], {"label": 7, "unit": 2}],
        {"label": "Không phải danh sách"},
        "văn bản",
        [{"label": None, "unit": None}, {"label": "Số hộ", "unit": " hộ "}],
    ]
    units = [unit_officer_a.org_unit, unit_officer_b.org_unit]
    for i, figures in enumerate(shapes):
        TaskReport.objects.create(
            task=plan.tasks[i % 3], unit=units[i // 3], period=plan.period, figures=figures
        )
    from_database = period_report.plan_indicators(plan.document.pk)
    monkeypatch.setattr(period_report, "_PYTHON_LABELS", True)
    assert from_database == period_report.plan_indicators(plan.document.pk)
    assert [(i.label, i.unit) for i in from_database] == [
        ("7", "2"),
        ("Cuộc họp", ""),
        ("Cuộc họp", "cuộc"),
        ("None", ""),
        ("Số hộ", "hộ"),
        ("Tỷ lệ", "%"),
    ]
