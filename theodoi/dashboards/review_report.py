"""Reviews over several years ("sơ kết", "tổng kết") of a plan.

Plans ask for a mid-term and a final review: per theme and task, the trend
across the years, what was done and what was not. The figures are the yearly
dashboard's (``metrics.plan_status`` per annual period), so a review never
disagrees with the yearly reports it sums up; the layout is the yearly
report's (``report_docx``: NĐ 30/2020 or the party layout, same header,
signature and recipients), and the .xlsx keeps one row per task with one
column per year.
"""

from __future__ import annotations

import datetime
import io
import re
from dataclasses import dataclass
from typing import Any

from docx import Document as new_docx
from docx.shared import Cm
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from theodoi.documents.models import Document
from theodoi.inspections.summary import inspection_summary
from theodoi.plans.models import Task
from theodoi.recognition.summary import recognition_summary
from theodoi.reporting.models import ReportingPeriod
from theodoi.reporting.status import StatusLabel

from . import charts
from . import report_docx as layout
from .chart_images import svg_size, svg_to_png
from .lookups import NotFoundError, period_for_year
from .metrics import LABEL_ORDER, PlanStatus, plan_status, theme_path
from .panels import status_segments
from .report_data import ReportData, collect

DONE = frozenset({StatusLabel.DONE_ON_TIME, StatusLabel.DONE_LATE})


class ReviewError(ValueError):
    """The years asked for have no reporting period (the message lists those that do)."""


@dataclass(frozen=True)
class TaskTrend:
    task_id: int
    path: str
    text: str
    theme: str
    labels: list[StatusLabel | None]  # one per year, None when not reported on that year

    @property
    def final(self) -> StatusLabel | None:
        return next((label for label in reversed(self.labels) if label is not None), None)

    @property
    def done(self) -> bool:
        return self.final in DONE


@dataclass(frozen=True)
class ReviewData:
    document: Document
    years: list[int]
    statuses: list[PlanStatus]  # one per year, in order
    tasks: list[TaskTrend]
    last: ReportData  # the last year's report: issuer, header, signature, recipients
    final_review: bool

    @property
    def done(self) -> list[TaskTrend]:
        return [task for task in self.tasks if task.done]

    @property
    def not_done(self) -> list[TaskTrend]:
        return [task for task in self.tasks if not task.done]


def annual_periods(document: Document, first: int, last: int) -> list[ReportingPeriod]:
    """The plan's period of each year in [first, last], as ``theodoi report
    --period`` picks it (the annual one when the plan has one)."""
    if first > last:
        raise ReviewError(f"Năm bắt đầu {first} phải trước năm kết thúc {last}.")
    try:
        return [period_for_year(document, year) for year in range(first, last + 1)]
    except NotFoundError as exc:
        raise ReviewError(str(exc)) from None


def collect_review(
    document: Document,
    first: int,
    last: int,
    today: datetime.date,
    *,
    final_review: bool = False,
) -> ReviewData:
    periods = annual_periods(document, first, last)
    statuses = [plan_status(document, period, today, with_trend=False) for period in periods]
    labels = [{row.task_id: row.label for row in status.tasks} for status in statuses]
    tasks = [
        TaskTrend(
            task.pk,
            task.path,
            task.text,
            theme_path(task.path),
            [by_task.get(task.pk) for by_task in labels],
        )
        for task in Task.objects.filter(document=document, is_active=True).order_by("position")
    ]
    report = collect(document, periods[-1], today)
    report.recognition = recognition_summary(document)
    report.inspections = inspection_summary(
        document, today, start=periods[0].start, end=periods[-1].end
    )
    return ReviewData(
        document=document,
        years=[period.year for period in periods],
        statuses=statuses,
        tasks=tasks,
        last=report,
        final_review=final_review,
    )


def review_filename(document: Document, first: int, last: int, suffix: str) -> str:
    number = re.sub(r"[^0-9A-Za-z]+", "-", document.number or str(document.pk)).strip("-")
    return f"so-ket-{number}-{first}-{last}{suffix}"


def _kind(data: ReviewData) -> str:
    return "Tổng kết" if data.final_review else "Sơ kết"


def _label(label: StatusLabel | None) -> str:
    return str(label.label) if label is not None else "chưa theo dõi"


# ---------------------------------------------------------------- .docx


def build_review_docx(data: ReviewData) -> bytes:
    doc = new_docx()
    layout._style(doc)
    layout._header(doc, data.last)
    span = f"{data.years[0]}–{data.years[-1]}"
    document = data.document
    number = f" số {document.number}" if document.number else ""
    layout._para(doc, "", after=0)
    layout._para(doc, "BÁO CÁO", bold=True, size=14, align=layout.WD_ALIGN_PARAGRAPH.CENTER,
                 indent=False, after=0)  # fmt: skip
    layout._para(
        doc,
        f"{_kind(data)} {len(data.years)} năm thực hiện {document.get_kind_display()}{number}"
        f" (giai đoạn {span})",
        bold=True, size=14, align=layout.WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=0,
    )  # fmt: skip
    if document.title:
        layout._para(doc, f"({document.title})", italic=True,
                     align=layout.WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=0)  # fmt: skip
    layout._para(doc, "―――――", align=layout.WD_ALIGN_PARAGRAPH.CENTER, indent=False, size=10,
                 after=6)  # fmt: skip
    if data.last.addressee:
        layout._para(doc, f"Kính gửi: {data.last.addressee}.",
                     align=layout.WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=12)  # fmt: skip
    layout._para(
        doc,
        f"Thực hiện {document.get_kind_display()}{number}, {data.last.issuer.name} báo cáo "
        f"{_kind(data).lower()} kết quả thực hiện giai đoạn {span} (số liệu các kỳ báo cáo "
        f"năm {', '.join(map(str, data.years))}) như sau:",
    )
    _reporting_by_year(doc, data)
    _results(doc, data)
    layout._heading(doc, "III. CÔNG TÁC KIỂM TRA, GIÁM SÁT; MÔ HÌNH HAY, KHEN THƯỞNG")
    layout._inspections(doc, data.last)
    layout._recognition(doc, data.last)
    _assessment(doc, data)
    layout._heading(doc, "V. PHƯƠNG HƯỚNG, NHIỆM VỤ VÀ KIẾN NGHỊ")
    for line in layout.generated_proposals(data.last).splitlines():
        if line.strip():
            layout._para(doc, line.strip())
    if data.not_done:
        layout._para(
            doc,
            f"Tiếp tục chỉ đạo thực hiện {len(data.not_done)} nhiệm vụ chưa hoàn thành nêu tại "
            "Mục IV.",
        )
    layout._closing(doc, data.last)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _year_table(doc: object, header: list[str], rows: list[list[str]], widths: list[float]) -> None:
    table = layout._fixed_table(doc, widths, rows=len(rows) + 1)
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        layout._table_cell(cell, text, bold=True, center=True)
    for row, values in zip(table.rows[1:], rows, strict=True):
        for index, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
            layout._table_cell(cell, text, center=index > 0)
    layout._repeat_header(table)


def _reporting_by_year(doc: object, data: ReviewData) -> None:
    layout._heading(doc, "I. TÌNH HÌNH TRIỂN KHAI VÀ CHẾ ĐỘ BÁO CÁO QUA CÁC NĂM")
    rows = [
        [
            str(year),
            str(status.units_expected),
            str(status.units_reported),
            str(status.reported_on_time),
            str(status.units_missing),
        ]
        for year, status in zip(data.years, data.statuses, strict=True)
    ]
    _year_table(
        doc,
        ["Năm", "Đơn vị phải báo cáo", "Đã báo cáo đủ", "Đúng hạn", "Chưa báo cáo đủ"],
        rows,
        [25, 40, 35, 30, 35],
    )
    _chart(doc, "Biểu đồ 1. Đơn vị báo cáo qua các năm", reporting_trend_svg(data))


def _results(doc: object, data: ReviewData) -> None:
    layout._heading(doc, "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ QUA CÁC NĂM")
    header = ["Năm", *(str(label.label) for label in LABEL_ORDER)]
    rows = [
        [str(year), *(str(status.counts[label]) for label in LABEL_ORDER)]
        for year, status in zip(data.years, data.statuses, strict=True)
    ]
    _year_table(doc, header, rows, [20, 29, 29, 29, 29, 29])
    _chart(doc, "Biểu đồ 2. Tiến độ nhiệm vụ qua các năm", task_trend_svg(data))
    titles = {theme.path: theme.title for theme in data.statuses[-1].themes}
    current = ""
    for task in data.tasks:
        if task.theme != current:
            current = task.theme
            layout._para(doc, f"{current}. {titles.get(current, '')}".rstrip(". "),
                         bold=True, italic=True, after=4)  # fmt: skip
        layout._para(doc, f"{task.path}. {task.text}", italic=True, after=3)
        trend = "; ".join(
            f"năm {year}: {_label(label).lower()}"
            for year, label in zip(data.years, task.labels, strict=True)
        )
        layout._para(doc, f"- Qua các năm: {trend}.", after=3)


#: Widest a chart is printed: the text column of an A4 page in the NĐ 30 margins.
CHART_MAX_CM = 15.0
#: A chart unit is about a screen pixel: 320 units (a phone) print 9.6 cm wide.
CM_PER_UNIT = 0.03


def reporting_trend_svg(data: ReviewData) -> str:
    """Per year, the units that reported on time, late or not in full."""
    columns = [
        charts.TrendColumn(
            f"Năm {year}",
            [
                charts.Segment("Báo cáo đúng hạn", status.reported_on_time, charts.ON_TIME),
                charts.Segment("Báo cáo muộn", status.units_late, charts.LATE),
                charts.Segment("Chưa báo cáo đủ", status.units_missing, "#8c959f"),
            ],
            f"{status.units_reported}/{status.units_expected} đơn vị",
        )
        for year, status in zip(data.years, data.statuses, strict=True)
    ]
    return str(charts.trend_columns(columns, "Đơn vị báo cáo qua các năm"))


def task_trend_svg(data: ReviewData) -> str:
    """Per year, the tasks under each of the five labels (the dashboard's trend chart)."""
    columns = [
        charts.TrendColumn(f"Năm {year}", status_segments(status.counts))
        for year, status in zip(data.years, data.statuses, strict=True)
    ]
    return str(charts.trend_columns(columns, "Tiến độ nhiệm vụ qua các năm"))


def _chart(doc: object, caption: str, svg: str) -> None:
    """The chart as an inline PNG under its caption, centred, at most a column wide."""
    png = svg_to_png(svg)
    width_cm = min(CHART_MAX_CM, svg_size(svg)[0] * CM_PER_UNIT)
    layout._para(doc, "", after=0)
    picture = layout._para(doc, "", align=layout.WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=0)
    picture.add_run().add_picture(io.BytesIO(png), width=Cm(width_cm))
    layout._para(doc, caption, italic=True, align=layout.WD_ALIGN_PARAGRAPH.CENTER,
                 indent=False, size=12, after=6)  # fmt: skip


def _assessment(doc: object, data: ReviewData) -> None:
    layout._heading(doc, "IV. ĐÁNH GIÁ CHUNG")
    total = len(data.tasks)
    layout._para(
        doc,
        f"Sau {len(data.years)} năm, {len(data.done)}/{total} nhiệm vụ đã hoàn thành; "
        f"{len(data.not_done)} nhiệm vụ chưa hoàn thành.",
    )
    if data.not_done:
        layout._para(doc, "Các nhiệm vụ chưa hoàn thành:", italic=True, after=3)
        for task in data.not_done:
            layout._para(doc, f"- {task.path}. {task.text} ({_label(task.final).lower()}).")


# ---------------------------------------------------------------- .xlsx


def build_review_xlsx(data: ReviewData) -> bytes:
    book = Workbook()
    trend = book.active
    trend.title = "Theo nhiệm vụ"
    header = ["Mục", "Nhiệm vụ", *(f"Năm {year}" for year in data.years), "Kết quả"]
    trend.append(header)
    for task in data.tasks:
        trend.append(
            [
                task.path,
                task.text,
                *(_label(label) for label in task.labels),
                "Hoàn thành" if task.done else "Chưa hoàn thành",
            ]
        )
    years = book.create_sheet("Theo năm")
    years.append(
        ["Năm", "Đơn vị phải báo cáo", "Đã báo cáo đủ", "Đúng hạn"]
        + [str(label.label) for label in LABEL_ORDER]
    )
    for year, status in zip(data.years, data.statuses, strict=True):
        years.append(
            [year, status.units_expected, status.units_reported, status.reported_on_time]
            + [status.counts[label] for label in LABEL_ORDER]
        )
    for sheet, widths in ((trend, [10, 70]), (years, [8])):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for index in range(1, sheet.max_column + 1):
            width = widths[index - 1] if index <= len(widths) else 22
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
        sheet.print_title_rows = "1:1"
    for row in trend.iter_rows(min_row=2, min_col=2, max_col=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    _trend_charts(years, len(data.years))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _trend_charts(years: Any, count: int) -> None:
    """The .docx's two trend charts as native Excel charts over the "Theo năm"
    rows, so whoever edits the figures sees the charts follow."""
    last = count + 1
    categories = Reference(years, min_col=1, min_row=2, max_row=last)
    specs = (
        ("Đơn vị báo cáo qua các năm", 3, 4, "Đơn vị"),
        ("Tiến độ nhiệm vụ qua các năm", 5, 4 + len(LABEL_ORDER), "Nhiệm vụ"),
    )
    for index, (title, first_col, last_col, axis) in enumerate(specs):
        chart = BarChart()
        chart.type = "col"
        chart.grouping = "clustered" if index == 0 else "stacked"
        if index:
            chart.overlap = 100
        chart.title = title
        chart.y_axis.title = axis
        chart.height, chart.width = 7.5, 16
        values = Reference(years, min_col=first_col, max_col=last_col, min_row=1, max_row=last)
        chart.add_data(values, titles_from_data=True)
        chart.set_categories(categories)
        years.add_chart(chart, f"A{last + 3 + index * 16}")


def render_review(data: ReviewData, suffix: str) -> bytes:
    if suffix == ".docx":
        return build_review_docx(data)
    if suffix == ".xlsx":
        return build_review_xlsx(data)
    raise ReviewError(f"định dạng {suffix!r} không hỗ trợ: dùng .docx hoặc .xlsx")
