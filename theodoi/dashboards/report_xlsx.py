"""The report's annex (.xlsx) and the same rows as CSV for other systems.

Sheet "Phụ lục": one row per task and unit owed a report, with the official
status label, dates, the unit's figures and evidence. Sheet "Đơn vị": each
unit's reporting (owed, sent, late, done). Frozen header, column widths,
filters and print titles so the annex prints as a table with its header on
every page (A4 landscape, fitted to the width).

Written with openpyxl's write-only workbook: constant memory and about a
second per 10,000 rows (bench/report.py).
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from copy import copy
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .report_data import AnnexRow, ReportData, subject_line

#: (header, width in characters) of the annex sheet.
ANNEX_COLUMNS: tuple[tuple[str, int], ...] = (
    ("TT", 6),
    ("Nhiệm vụ số", 10),
    ("Nội dung nhiệm vụ", 60),
    ("Đơn vị", 30),
    ("Vai trò", 12),
    ("Thời hạn", 11),
    ("Tình trạng báo cáo", 14),
    ("Ngày gửi", 11),
    ("Gửi muộn", 9),
    ("Tình trạng thực hiện", 24),
    ("Ngày hoàn thành", 12),
    ("Kết quả thực hiện", 60),
    ("Số liệu", 36),
    ("Khó khăn, vướng mắc", 40),
    ("Kiến nghị, đề xuất", 40),
    ("Minh chứng", 30),
)
UNIT_COLUMNS: tuple[tuple[str, int], ...] = (
    ("TT", 6),
    ("Đơn vị", 40),
    ("Số nhiệm vụ phải báo cáo", 14),
    ("Đã gửi", 10),
    ("Gửi muộn", 10),
    ("Đơn vị báo cáo hoàn thành", 14),
    ("Tỷ lệ đã gửi (%)", 12),
    ("Chấp hành chế độ báo cáo", 22),
)
HEADER_FONT = Font(name="Times New Roman", bold=True, size=11)
BODY_FONT = Font(name="Times New Roman", size=11)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
WRAP = Alignment(wrap_text=True, vertical="top")
HEADER_ALIGN = Alignment(wrap_text=True, vertical="center", horizontal="center")
#: Rows above the header: the title and a blank line.
TITLE_ROWS = 2


def _date(value: datetime.date | datetime.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    return f"{value:%d/%m/%Y}"


def annex_values(number: int, row: AnnexRow) -> list[Any]:
    """One annex row as plain values, shared by the .xlsx and the CSV."""
    return [
        number,
        row.path,
        row.task_text,
        row.unit_name,
        row.role,
        _date(row.deadline),
        row.review,
        _date(row.submitted_at),
        "x" if row.late else "",
        row.label_text,
        _date(row.completed_on),
        row.result,
        row.figures_text,
        row.difficulties,
        row.proposals,
        "; ".join(row.evidence),
    ]


def unit_compliance(reported: bool, on_time: bool, sent: int) -> str:
    if on_time:
        return "Đúng hạn"
    if reported:
        return "Muộn"
    return "Chưa đủ" if sent else "Chưa gửi"


def _header_cells(sheet: Worksheet, titles: Iterable[str]) -> list[WriteOnlyCell]:
    cells = []
    for title in titles:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, HEADER_ALIGN
        cells.append(cell)
    return cells


def _write_table(
    book: Workbook,
    title: str,
    heading: str,
    columns: Sequence[tuple[str, int]],
    rows: Iterable[Sequence[Any]],
    *,
    wrap: bool,
) -> None:
    sheet = book.create_sheet(title)
    for index, (_, width) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    header_row = TITLE_ROWS + 1
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    title_cell = WriteOnlyCell(sheet, value=heading)
    title_cell.font = Font(name="Times New Roman", bold=True, size=13)
    sheet.append([title_cell])
    sheet.append([])
    sheet.append(_header_cells(sheet, (name for name, _ in columns)))
    template = WriteOnlyCell(sheet)
    template.font, template.alignment = BODY_FONT, WRAP
    body_style = template._style
    count = 0
    for values in rows:
        count += 1
        if wrap:
            cells = []
            for value in values:
                cell = WriteOnlyCell(sheet, value=value)
                cell._style = copy(body_style)  # a style array copy, not a registry lookup
                cells.append(cell)
            sheet.append(cells)
        else:
            sheet.append(list(values))
    last = get_column_letter(len(columns))
    sheet.auto_filter.ref = f"A{header_row}:{last}{header_row + max(count, 1)}"


def build_xlsx(data: ReportData) -> bytes:
    book = Workbook(write_only=True)
    heading = f"Phụ lục: {subject_line(data)}"
    _write_table(
        book,
        "Phụ lục",
        heading,
        ANNEX_COLUMNS,
        (annex_values(number, row) for number, row in enumerate(data.annex, start=1)),
        wrap=True,
    )
    _write_table(
        book,
        "Đơn vị",
        f"Tình hình gửi báo cáo của các cơ quan, đơn vị — {data.period.label}",
        UNIT_COLUMNS,
        (
            [
                number,
                unit.name,
                unit.tasks_expected,
                unit.tasks_sent,
                unit.tasks_sent_late,
                unit.tasks_done,
                unit.percent_sent,
                unit_compliance(unit.reported, unit.on_time, unit.tasks_sent),
            ]
            for number, unit in enumerate(data.units, start=1)
        ),
        wrap=False,
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def build_csv(data: ReportData) -> bytes:
    """The annex rows as UTF-8 CSV with a byte-order mark (Excel opens it
    with the diacritics right)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([name for name, _ in ANNEX_COLUMNS])
    for number, row in enumerate(data.annex, start=1):
        writer.writerow(annex_values(number, row))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
