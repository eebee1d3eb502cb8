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

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from theodoi.documents.models import Document
from theodoi.orgunits.models import OrgUnit
from theodoi.reporting.models import ReportingPeriod

from . import drilldown
from .metrics import overdue_rows, task_status, unit_status


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


def to_xlsx(table: SheetTable) -> bytes:
    """A titled sheet: frozen header, widths, filter, print titles, A4 landscape."""
    book = Workbook(write_only=True)
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
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


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

#: Tables offered for export: URL key → (sheet name, heading).
TABLES = {
    "nhiem-vu": ("Nhiệm vụ", "Tình trạng thực hiện nhiệm vụ"),
    "don-vi": ("Đơn vị", "Tình hình gửi báo cáo của các đơn vị"),
    "qua-han": ("Quá hạn", "Nhiệm vụ quá hạn theo đơn vị"),
    "vuong-mac": ("Khó khăn", "Sổ theo dõi khó khăn, vướng mắc"),
}


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
