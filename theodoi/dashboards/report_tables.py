"""Every dashboard table as .xlsx: one generic exporter (``SheetTable`` →
workbook) and, per table, the columns taken from the same row objects the
pages render (``TaskRow``, ``UnitRow``, ``OverdueRow``, the difficulties
register, ``UnitTask``), so a download never disagrees with the screen.
Exports hold every row, not the page on screen.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from theodoi.documents.models import Document
from theodoi.orgunits.models import OrgUnit
from theodoi.reporting.models import ReportingPeriod

from . import drilldown, panels
from .metrics import LABEL_ORDER, overdue_rows, plan_status, task_status, trend_status, unit_status


@dataclass
class Column:
    title: str
    width: int
    value: Callable[[Any], Any]


@dataclass
class SheetTable:
    name: str
    title: str
    columns: Sequence[Column]
    rows: Iterable[Any]


def _date(value: datetime.date | datetime.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    return f"{value:%d/%m/%Y}"


def to_xlsx(*tables: SheetTable) -> bytes:
    """One titled sheet per table: frozen header, widths, filter, print
    titles, A4 landscape (a page with several tables gives several sheets)."""
    book = Workbook(write_only=True)
    for table in tables:
        _sheet(book, table)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_response(name: str, *tables: SheetTable) -> HttpResponse:
    """The download of ``tables`` as ``name`` (.xlsx)."""
    response = HttpResponse(
        to_xlsx(*tables),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _sheet(book: Workbook, table: SheetTable) -> None:
    sheet = book.create_sheet(table.name[:31])
    for index, column in enumerate(table.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A4"
    sheet.print_title_rows = "3:3"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToHeight = 0
    title = WriteOnlyCell(sheet, value=table.title)
    title.font = Font(bold=True, size=13)
    sheet.append([title])
    sheet.append([])
    header = []
    for column in table.columns:
        cell = WriteOnlyCell(sheet, value=column.title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE4EE")
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        header.append(cell)
    sheet.append(header)
    count = 0
    for row in table.rows:
        sheet.append([column.value(row) for column in table.columns])
        count += 1
    last = get_column_letter(len(table.columns))
    sheet.auto_filter.ref = f"A3:{last}{3 + max(count, 1)}"


def _heading(document: Document, period: ReportingPeriod, what: str) -> str:
    return f"{what} — {document} — {period.label}"


TASK_COLUMNS = (
    Column("Nhiệm vụ số", 10, lambda r: r.path),
    Column("Nhiệm vụ", 70, lambda r: r.summary),
    Column("Thời hạn", 12, lambda r: _date(r.deadline)),
    Column("Đơn vị phải báo cáo", 12, lambda r: r.units_expected),
    Column("Đơn vị đã báo cáo", 12, lambda r: r.units_sent),
    Column("Đơn vị hoàn thành", 12, lambda r: r.units_done),
    Column("Tình trạng", 26, lambda r: r.label_text),
)
UNIT_COLUMNS = (
    Column("Đơn vị", 40, lambda u: u.name),
    Column("Nhiệm vụ phải báo cáo", 12, lambda u: u.tasks_expected),
    Column("Đã gửi", 10, lambda u: u.tasks_sent),
    Column("Gửi muộn", 10, lambda u: u.tasks_sent_late),
    Column("Báo cáo hoàn thành", 12, lambda u: u.tasks_done),
    Column("Tỷ lệ đã gửi (%)", 12, lambda u: u.percent_sent),
)
OVERDUE_COLUMNS = (
    Column("Đơn vị", 36, lambda r: r.unit.display_name),
    Column("Nhiệm vụ số", 10, lambda r: r.task.path),
    Column("Nhiệm vụ", 60, lambda r: r.task.summary),
    Column("Thời hạn", 12, lambda r: _date(r.task.deadline)),
    Column("Báo cáo", 14, lambda r: r.review_label or "Chưa có"),
    Column("Tiến độ đơn vị báo", 18, lambda r: r.completion_label),
)
DIFFICULTY_COLUMNS = (
    Column("Đơn vị", 36, lambda r: r.unit.display_name),
    Column("Nhiệm vụ số", 10, lambda r: r.task.path),
    Column("Nhiệm vụ", 50, lambda r: r.task.summary),
    Column("Khó khăn, vướng mắc", 50, lambda r: r.difficulties or r.escalation_summary or ""),
    Column("Kiến nghị", 40, lambda r: r.proposals),
    Column(
        "Xử lý",
        18,
        lambda r: (
            str(drilldown.ESCALATION_LABELS.get(r.escalation_state, ""))
            if r.escalation_state
            else "Chưa kiến nghị lên"
        ),
    ),
    Column("Trả lời", 40, lambda r: r.escalation_response or ""),
)
UNIT_TASK_COLUMNS = (
    Column("Nhiệm vụ số", 10, lambda r: r.assignment.task.path),
    Column("Nhiệm vụ", 60, lambda r: r.assignment.task.summary),
    Column("Thời hạn", 12, lambda r: _date(r.deadline)),
    Column("Báo cáo", 14, lambda r: r.report.get_review_state_display() if r.report else "Chưa có"),
    Column("Tình trạng", 26, lambda r: r.label_text),
    Column("Kết quả", 60, lambda r: r.report.result if r.sent and r.report else ""),
)

LABEL_COLUMNS = (
    Column("Tình trạng", 30, lambda r: r.label),
    Column("Số nhiệm vụ", 14, lambda r: r.count),
    Column("Tỷ lệ (%)", 12, lambda r: r.percent),
)
FIGURE_COLUMNS = (
    Column("Chỉ tiêu", 44, lambda r: r[0]),
    Column("Số lượng", 14, lambda r: r[1]),
)
URGENT_COLUMNS = (
    Column("Đơn vị", 40, lambda u: u.name),
    Column("Đã gửi", 10, lambda u: u.tasks_sent),
    Column("Phải gửi", 10, lambda u: u.tasks_expected),
    Column("Gửi muộn", 10, lambda u: u.tasks_sent_late),
)


def _label_count(label: Any) -> Callable[[Any], int]:
    return lambda row: row.counts[label]


THEME_COLUMNS = (
    Column("Nhóm nhiệm vụ số", 12, lambda t: t.path),
    Column("Nhóm nhiệm vụ", 60, lambda t: t.title),
    *(Column(str(label.label), 14, _label_count(label)) for label in LABEL_ORDER),
)
TREND_COLUMNS = (
    Column("Kỳ", 22, lambda f: f.period.label),
    Column("Đơn vị phải báo cáo", 12, lambda f: f.units_expected),
    Column("Đơn vị đã báo cáo", 12, lambda f: f.units_reported),
    Column("Đúng hạn", 10, lambda f: f.reported_on_time),
    *(Column(str(label.label), 14, _label_count(label)) for label in LABEL_ORDER),
)

#: Tables offered for export: URL key → (sheet name, heading).
TABLES = {
    "nhiem-vu": ("Nhiệm vụ", "Tình trạng thực hiện nhiệm vụ"),
    "don-vi": ("Đơn vị", "Tình hình gửi báo cáo của các đơn vị"),
    "qua-han": ("Quá hạn", "Nhiệm vụ quá hạn theo đơn vị"),
    "vuong-mac": ("Khó khăn", "Sổ theo dõi khó khăn, vướng mắc"),
    "tong-quan": ("Tổng quan", "Tổng quan kế hoạch"),
    "qua-cac-ky": ("Qua các kỳ", "So sánh qua các kỳ"),
}
#: The overview page's tables, one sheet each (the page names them so).
OVERVIEW_SHEETS = ("Tình trạng", "Gửi báo cáo", "Đơn vị gửi ít", "Nhóm nhiệm vụ", "Khó khăn")


def plan_sheets(
    key: str, document: Document, period: ReportingPeriod, today: datetime.date
) -> list[SheetTable]:
    """The sheets of a plan-wide export: the overview page's several tables,
    else the one table ``key`` names. ``KeyError`` for an unknown key."""
    name, what = TABLES[key]
    heading = _heading(document, period, what)
    if key == "qua-cac-ky":
        return [
            SheetTable(name, heading, TREND_COLUMNS, trend_status(document, period, today).trend)
        ]
    if key != "tong-quan":
        return [plan_table(key, document, period, today)]
    status = plan_status(document, period, today, with_trend=False)
    reporting = [
        ("Đơn vị phải báo cáo", status.units_expected),
        ("Đã báo cáo đủ, đúng hạn", status.reported_on_time),
        ("Đã báo cáo đủ, muộn", status.units_late),
        ("Chưa báo cáo đủ", status.units_missing),
    ]
    difficulties = [
        (segment.label, segment.value)
        for segment in panels.difficulty_segments(status.difficulty_states)
    ]
    labels, sending, least, themes, issues = OVERVIEW_SHEETS
    return [
        SheetTable(labels, _heading(document, period, "Số nhiệm vụ theo tình trạng"),
                   LABEL_COLUMNS, panels.label_rows(status.counts)),
        SheetTable(sending, _heading(document, period, "Tình hình gửi báo cáo"), FIGURE_COLUMNS,
                   reporting),
        SheetTable(least, _heading(document, period, "Đơn vị gửi báo cáo ít nhất"),
                   URGENT_COLUMNS, panels.least_complete(status.units)),
        SheetTable(themes, _heading(document, period, "Theo nhóm nhiệm vụ"), THEME_COLUMNS,
                   status.themes),
        SheetTable(issues, _heading(document, period, "Khó khăn, vướng mắc theo tình trạng"),
                   FIGURE_COLUMNS, difficulties),
    ]  # fmt: skip


def theme_table(
    document: Document, period: ReportingPeriod, theme: str, today: datetime.date
) -> list[SheetTable]:
    """A theme page's two tables: its tasks by status, and its tasks."""
    tasks, themes = task_status(document, period, today)
    found = next((t for t in themes if t.path == theme), None)
    if found is None:
        raise KeyError(theme)
    heading = _heading(document, period, f"Nhóm nhiệm vụ {found.path}. {found.title}")
    return [
        SheetTable("Tình trạng", heading, LABEL_COLUMNS, panels.label_rows(found.counts)),
        SheetTable("Nhiệm vụ", heading, TASK_COLUMNS, [r for r in tasks if r.theme == theme]),
    ]


def plan_table(
    key: str, document: Document, period: ReportingPeriod, today: datetime.date
) -> SheetTable:
    """One of the plan-wide dashboard tables, all rows. ``KeyError`` for an
    unknown table."""
    name, what = TABLES[key]
    heading = _heading(document, period, what)
    if key == "nhiem-vu":
        tasks, _themes = task_status(document, period, today)
        return SheetTable(name, heading, TASK_COLUMNS, tasks)
    if key == "don-vi":
        return SheetTable(name, heading, UNIT_COLUMNS, unit_status(document, period))
    if key == "qua-han":
        tasks = overdue_rows(task_status(document, period, today)[0])
        pairs = list(drilldown.overdue_pairs(document, period, tasks))
        rows = drilldown.overdue_rows_for_page(period, pairs, tasks)
        return SheetTable(name, heading, OVERDUE_COLUMNS, rows)
    register = drilldown.difficulties_register(document, period)
    return SheetTable(name, heading, DIFFICULTY_COLUMNS, register)


def unit_table(
    document: Document, period: ReportingPeriod, unit: OrgUnit, today: datetime.date
) -> SheetTable:
    rows = drilldown.unit_tasks(document, period, unit, today)
    heading = _heading(document, period, f"Nhiệm vụ của {unit.display_name}")
    return SheetTable("Nhiệm vụ đơn vị", heading, UNIT_TASK_COLUMNS, rows)
