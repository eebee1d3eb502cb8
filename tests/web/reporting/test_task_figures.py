"""The per-task report form takes figures as rows of indicator, value and
unit picked from the plan's indicators, like the period form; figures kept
in the former "chỉ tiêu | số liệu | đơn vị" shapes are still read (and a
data migration rewrites them)."""

from __future__ import annotations

import importlib

from django.apps import apps
from django.urls import reverse

from theodoi.reporting.figures import needs_rewrite, read_figures
from theodoi.reporting.models import PlanIndicator, TaskReport
from theodoi.reporting.status import Completion


def form_url(plan, index: int = 1) -> str:  # type: ignore[no-untyped-def]
    return reverse("reporting:report_form", args=[plan.period.pk, plan.tasks[index].pk])


def rows(labels: list[str], values: list[str], units: list[str]) -> dict[str, list[str]]:
    return {"figure-label": labels, "figure-value": values, "figure-unit": units}


FORM = {"completion": Completion.IN_PROGRESS, "result": "Đang rà soát.", "action": "save"}


def test_form_offers_the_plans_indicators_as_rows(plan, unit_officer_a, client_for, now):
    PlanIndicator.objects.create(document=plan.document, label="Văn bản rà soát", unit="văn bản")
    html = client_for(unit_officer_a).get(form_url(plan)).content.decode()
    assert '<option value="Văn bản rà soát" data-unit="văn bản">' in html
    assert html.count('name="figure-label"') == 2 and 'list="plan-indicators"' in html
    assert "chỉ tiêu | số liệu" not in html  # the old one-text hint is gone
    assert 'name="figures"' not in html


def test_rows_are_saved_as_figures(plan, unit_officer_a, client_for, now):
    data = {
        **FORM,
        **rows(["Văn bản rà soát", "Cuộc họp", ""], ["42", "3,5", ""], ["văn bản", "", ""]),
    }
    assert client_for(unit_officer_a).post(form_url(plan), data).status_code == 302
    assert TaskReport.objects.get().figures == [
        {"label": "Văn bản rà soát", "value": 42, "unit": "văn bản"},
        {"label": "Cuộc họp", "value": 3.5},
    ]
    page = client_for(unit_officer_a).get(form_url(plan)).content.decode()
    assert 'value="Văn bản rà soát"' in page and 'value="42"' in page
    assert page.count('name="figure-label"') == 4  # two filled, two spare


def test_a_half_filled_row_is_refused_and_kept_on_the_page(plan, unit_officer_a, client_for, now):
    data = {**FORM, **rows(["Cuộc họp"], [""], ["cuộc"])}
    page = client_for(unit_officer_a).post(form_url(plan), data)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Dòng số liệu 1: cần cả chỉ tiêu và số liệu." in html
    assert 'value="Cuộc họp"' in html  # what was typed is not lost
    assert not TaskReport.objects.exists()


def test_a_page_opened_before_the_change_still_posts(plan, unit_officer_a, client_for, now):
    data = {**FORM, "figures": "Văn bản rà soát | 42 | văn bản\nCuộc họp | 3"}
    assert client_for(unit_officer_a).post(form_url(plan), data).status_code == 302
    assert TaskReport.objects.get().figures == [
        {"label": "Văn bản rà soát", "value": 42, "unit": "văn bản"},
        {"label": "Cuộc họp", "value": 3},
    ]


def test_old_stored_shapes_are_read_into_rows(plan, unit_officer_a, client_for, now):
    TaskReport.objects.create(
        task=plan.tasks[1],
        unit=unit_officer_a.org_unit,
        period=plan.period,
        figures=["Văn bản rà soát | 42 | văn bản", "Cuộc họp | 3"],
    )
    html = client_for(unit_officer_a).get(form_url(plan)).content.decode()
    assert 'value="Văn bản rà soát"' in html and 'value="văn bản"' in html
    assert 'value="Cuộc họp"' in html and 'value="3"' in html


def test_reader_and_migration_turn_every_old_shape_into_rows(plan, unit_officer_a, now):
    assert read_figures("A | 1 | cái\n\nB | 2") == [
        {"label": "A", "value": "1", "unit": "cái"},
        {"label": "B", "value": "2"},
    ]
    assert read_figures({"A": 1}) == [{"label": "A", "value": 1}]
    assert read_figures([{"label": "A", "value": 1, "unit": "cái"}]) == [
        {"label": "A", "value": 1, "unit": "cái"}
    ]
    assert read_figures("chỉ ghi chữ") == [{"label": "chỉ ghi chữ", "value": ""}]
    assert not needs_rewrite([{"label": "A", "value": 1}])
    shapes = {
        0: "Hội nghị | 5 | cuộc",
        1: ["Văn bản | 42"],
    }
    made = {
        index: TaskReport.objects.create(
            task=plan.tasks[index], unit=unit_officer_a.org_unit, period=plan.period, figures=value
        )
        for index, value in shapes.items()
    }
    current = TaskReport.objects.create(
        task=plan.tasks[2],
        unit=plan.tasks[2].assignments.first().unit,
        period=plan.period,
        figures=[{"label": "Đối thoại", "value": 2}],
    )
    migration = importlib.import_module("theodoi.reporting.migrations.0008_daily_figures_rows")
    migration.to_rows(apps, None)
    made = {index: TaskReport.objects.get(pk=r.pk) for index, r in made.items()}
    assert made[0].figures == [{"label": "Hội nghị", "value": "5", "unit": "cuộc"}]
    assert made[1].figures == [{"label": "Văn bản", "value": "42"}]
    assert TaskReport.objects.get(pk=current.pk).figures == [{"label": "Đối thoại", "value": 2}]


def test_figure_rows_in_english(plan, unit_officer_a, client_for, now):
    client = client_for(unit_officer_a)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get(form_url(plan)).content.decode()
    assert "Indicator" in html and "Add a figure row" in html and "pick one of the plan" in html
    assert "Chỉ tiêu" not in html and "Thêm dòng số liệu" not in html
