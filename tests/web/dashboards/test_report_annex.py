"""The annex read back with openpyxl and checked against the database and
against the dashboard's own per-unit drill-down."""

from __future__ import annotations

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.web.builders import Org
from tests.web.dashboards.scenario import Scenario
from theodoi.dashboards.drilldown import unit_tasks
from theodoi.dashboards.report_data import collect, merge_texts, sum_figures
from theodoi.dashboards.report_xlsx import ANNEX_COLUMNS, TITLE_ROWS, build_csv, build_xlsx
from theodoi.orgunits.models import OrgUnit
from theodoi.reporting.models import Attachment, ReviewState, TaskReport
from theodoi.reporting.status import StatusLabel

HEADER = TITLE_ROWS + 1


@pytest.fixture
def annex(scenario: Scenario, today: datetime.date):  # type: ignore[no-untyped-def]
    report = TaskReport.objects.get(task=scenario.tasks["II.1.b"], period=scenario.period_2025)
    report.figures = [{"label": "Số văn bản ban hành", "value": 4, "unit": "văn bản"}]
    report.save()
    Attachment.objects.create(report=report, file="attachments/qd.pdf", original_name="QD-12.pdf")
    data = collect(scenario.document, scenario.period_2025, today)
    return load_workbook(io.BytesIO(build_xlsx(data)))


def rows_of(sheet) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    values = list(sheet.iter_rows(min_row=HEADER, values_only=True))
    header = values[0]
    return [dict(zip(header, row, strict=True)) for row in values[1:]]


def test_one_row_per_owed_task_and_unit_with_the_database_states(
    annex, scenario: Scenario, org: Org, today: datetime.date
) -> None:  # type: ignore[no-untyped-def]
    sheet = annex["Phụ lục"]
    assert [cell.value for cell in sheet[HEADER]] == [name for name, _ in ANNEX_COLUMNS]
    rows = rows_of(sheet)
    assert len(rows) == 7  # III.1 is not tracked (must_report=False)
    reports = {
        (r.task.path, r.unit.display_name): r
        for r in TaskReport.objects.filter(period=scenario.period_2025).select_related(
            "task", "unit"
        )
    }
    expected_labels = {}
    for unit in OrgUnit.objects.all():
        for line in unit_tasks(scenario.document, scenario.period_2025, unit, today):
            expected_labels[(line.assignment.task.path, unit.display_name)] = line.label_text
    for row in rows:
        key = (row["Nhiệm vụ số"], row["Đơn vị"])
        report = reports.get(key)
        assert row["Tình trạng báo cáo"] == (
            report.get_review_state_display() if report else "Chưa gửi"
        )
        assert row["Tình trạng thực hiện"] == expected_labels[key]
        assert row["Tình trạng thực hiện"] in {str(label.label) for label in StatusLabel}
    by_key = {(row["Nhiệm vụ số"], row["Đơn vị"]): row for row in rows}
    late = by_key[("II.1.b", "Sở Tư pháp")]
    assert late["Tình trạng thực hiện"] == "Hoàn thành quá hạn"
    assert late["Ngày hoàn thành"] == "15/08/2025"
    assert late["Số liệu"] == "Số văn bản ban hành: 4 văn bản"
    evidence = Attachment.objects.get(original_name="QD-12.pdf")
    link = reverse("reporting:attachment", args=[evidence.pk])
    assert late["Minh chứng"] == f"QD-12.pdf <{link}>"  # the permission-checked download
    assert by_key[("II.3.a", "Sở TT&TT")]["Gửi muộn"] == "x"
    returned = by_key[("II.3.b", "UBND huyện Tây Giang")]
    assert returned["Tình trạng báo cáo"] == str(ReviewState.RETURNED.label)
    assert returned["Tình trạng thực hiện"] == "Chưa thực hiện"
    assert returned["Kết quả thực hiện"] is None  # not the focal agency's yet


def test_sheet_prints_and_filters_like_a_table(annex) -> None:  # type: ignore[no-untyped-def]
    sheet = annex["Phụ lục"]
    assert sheet.freeze_panes == f"A{HEADER + 1}"
    assert sheet.auto_filter.ref == f"A{HEADER}:P{HEADER + 7}"
    assert sheet.print_title_rows == f"${HEADER}:${HEADER}"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.column_dimensions["C"].width == 60


def test_unit_sheet_names_who_reported(annex) -> None:  # type: ignore[no-untyped-def]
    rows = {row["Đơn vị"]: row for row in rows_of(annex["Đơn vị"])}
    assert rows["Sở Tư pháp"]["Chấp hành chế độ báo cáo"] == "Đúng hạn"
    assert rows["Sở TT&TT"]["Chấp hành chế độ báo cáo"] == "Muộn"
    assert rows["UBND huyện Tây Giang"]["Chấp hành chế độ báo cáo"] == "Chưa gửi"
    assert rows["UBND huyện Tây Giang"]["Số nhiệm vụ phải báo cáo"] == 2


def test_csv_has_the_same_rows(scenario: Scenario, today: datetime.date) -> None:
    data = collect(scenario.document, scenario.period_2025, today)
    text = build_csv(data).decode("utf-8")
    assert text.startswith("\ufeffTT,Nhiệm vụ số")
    assert len(text.strip().splitlines()) == 1 + len(data.annex) == 8


def test_merge_keeps_different_numbers_apart() -> None:
    merged = merge_texts(
        [
            ("A", "Đã tổ chức 3 hội nghị quán triệt."),
            ("B", "Đã tổ chức 5 hội nghị quán triệt."),
            ("C", "đã tổ chức 3 hội nghị quán triệt"),
            ("D", "Đã tổ chức được 3 hội nghị quán triệt."),
        ]
    )
    assert [(m.text, m.units) for m in merged] == [
        ("Đã tổ chức 3 hội nghị quán triệt.", ["A", "C", "D"]),
        ("Đã tổ chức 5 hội nghị quán triệt.", ["B"]),
    ]


def test_figures_sum_per_indicator_and_measure() -> None:
    totals = sum_figures(
        [
            [
                {"label": "Số lớp", "value": 2, "unit": "lớp"},
                {"label": "Kinh phí", "value": "1.500"},
            ],
            [
                {"label": "số lớp", "value": "3", "unit": "Lớp"},
                {"label": "Kinh phí", "value": "2,5"},
            ],
            [{"label": "Số lớp", "value": "nhiều", "unit": "lớp"}],
        ]
    )
    assert [(t.indicator, str(t.total), t.units) for t in totals] == [
        ("Số lớp", "5", 2),
        ("Kinh phí", "1502.5", 2),
    ]
