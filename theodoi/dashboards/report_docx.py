"""The aggregated report draft the focal agency sends to the leadership.

A .docx (python-docx) laid out as a Vietnamese administrative report
(Nghị định 30/2020/NĐ-CP): issuing body and national motto side by side,
"Số: …/BC-…" and "…, ngày … tháng … năm …" left for the clerk to fill in,
the title "BÁO CÁO / Kết quả thực hiện …", then the usual sections —
tình hình triển khai, kết quả theo từng nhiệm vụ (the units' narratives,
aggregated), khó khăn vướng mắc, kiến nghị đề xuất — and a status table.
The numbers are ``metrics.plan_status``: the same as the dashboard.
"""

from __future__ import annotations

import datetime
import io
import re
from collections import defaultdict
from collections.abc import Iterable

from docx import Document as new_docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from theodoi.documents.models import Document
from theodoi.reporting.models import ReportingPeriod, TaskReport

from .drilldown import difficulties_register
from .metrics import LABEL_ORDER, SENT_STATES, PlanStatus, plan_status

FONT = "Times New Roman"
#: Narratives quoted per task before "và N đơn vị khác" (keeps big plans readable).
NARRATIVES_PER_TASK = 12


def report_filename(document: Document, period: ReportingPeriod) -> str:
    number = re.sub(r"[^0-9A-Za-z]+", "-", document.number or str(document.pk)).strip("-")
    return f"bao-cao-tong-hop-{number}-{period.year}.docx"


def _style(doc: object) -> None:
    normal = doc.styles["Normal"]  # type: ignore[attr-defined]
    normal.font.name = FONT
    normal.font.size = Pt(13)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(4)
    section = doc.sections[0]  # type: ignore[attr-defined]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)


def _para(
    container: object,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    size: int | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
    indent: bool = False,
) -> Paragraph:
    paragraph: Paragraph = container.add_paragraph()  # type: ignore[attr-defined]
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic = bold, italic
        if size:
            run.font.size = Pt(size)
    if align is not None:
        paragraph.alignment = align
    if indent:
        paragraph.paragraph_format.first_line_indent = Cm(1)
    return paragraph


def _cell_lines(cell: object, lines: Iterable[tuple[str, bool, bool]]) -> None:
    """Fill a header cell with centred lines (text, bold, italic)."""
    first = True
    for text, bold, italic in lines:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()  # type: ignore[attr-defined]
        first = False
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(text)
        run.bold, run.italic = bold, italic
        run.font.size = Pt(12)


def _two_columns(doc: object, left: int, right: int) -> Table:
    """A borderless two-column layout table with fixed widths (Word and
    LibreOffice both honour cell widths only with autofit off)."""
    table: Table = doc.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, (left, right), strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width
    return table


def _header(doc: object, status: PlanStatus) -> None:
    document = status.document
    focal = document.focal_agency
    parent = focal.parent if focal is not None else None
    table = _two_columns(doc, Cm(6), Cm(10))
    left, right = table.rows[0].cells
    upper = (parent.display_name if parent else "").upper()
    agency = (focal.name if focal else document.focal_agency_text or "CƠ QUAN ĐẦU MỐI").upper()
    _cell_lines(
        left,
        [
            (upper, False, False),
            (agency, True, False),
            ("", False, False),
            ("Số:       /BC-……", False, False),
        ],
    )
    place = document.place or "……"
    _cell_lines(
        right,
        [
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False),
            ("Độc lập - Tự do - Hạnh phúc", True, False),
            ("", False, False),
            (f"{place}, ngày     tháng     năm {status.today.year}", False, True),
        ],
    )


def _title(doc: object, status: PlanStatus) -> None:
    document = status.document
    _para(doc, "")
    _para(doc, "BÁO CÁO", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    kind = document.get_kind_display()
    number = f" số {document.number}" if document.number else ""
    dated = f" ngày {document.date:%d/%m/%Y}" if document.date else ""
    issuer = f" của {document.issuer}" if document.issuer else ""
    _para(
        doc,
        f"Kết quả thực hiện {kind}{number}{dated}{issuer} — {status.period.label.lower()}",
        bold=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    if document.title:
        _para(doc, f"({document.title})", italic=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, "")


def _heading(doc: object, text: str) -> None:
    _para(doc, text, bold=True)


def _overview(doc: object, status: PlanStatus) -> None:
    period = status.period
    _heading(doc, "I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN")
    _para(
        doc,
        f"Kỳ báo cáo: {period.label}, số liệu từ ngày {period.start:%d/%m/%Y} đến ngày "
        f"{period.end:%d/%m/%Y}; hạn gửi báo cáo ngày {period.due_date:%d/%m/%Y}. "
        f"Số liệu tổng hợp đến ngày {status.today:%d/%m/%Y}.",
        indent=True,
    )
    _para(
        doc,
        f"Có {status.units_reported}/{status.units_expected} cơ quan, đơn vị đã gửi đủ báo cáo, "
        f"trong đó {status.reported_on_time} đơn vị gửi đúng hạn, {status.units_late} đơn vị "
        f"gửi muộn; {status.units_missing} đơn vị chưa gửi đủ báo cáo.",
        indent=True,
    )
    _para(
        doc,
        f"Có {status.sub_plans_units}/{status.units_expected} cơ quan, đơn vị được giao nhiệm vụ "
        "đã ban hành kế hoạch cụ thể để triển khai thực hiện.",
        indent=True,
    )
    counts = "; ".join(f"{label.label} {status.counts[label]}" for label in LABEL_ORDER)
    _para(doc, f"Trong tổng số {status.tasks_total} nhiệm vụ: {counts}.", indent=True)


def _status_table(doc: object, status: PlanStatus) -> Table:
    table = doc.add_table(rows=1, cols=5)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    headers = ["TT", "Nhiệm vụ", "Đơn vị đã báo cáo", "Đã hoàn thành", "Tình trạng"]
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
    for row in status.tasks:
        cells = table.add_row().cells
        cells[0].text = row.path
        cells[1].text = row.summary
        cells[2].text = f"{row.units_sent}/{row.units_expected}"
        cells[3].text = f"{row.units_done}/{row.units_expected}"
        cells[4].text = row.label_text
    for label in LABEL_ORDER:
        cells = table.add_row().cells
        cells[1].text = f"Cộng: {label.label}"
        cells[4].text = str(status.counts[label])
    return table


def _narratives(status: PlanStatus) -> dict[int, list[tuple[str, str]]]:
    """Sent reports' results per task (one query), in unit order."""
    rows = (
        TaskReport.objects.filter(
            period=status.period,
            task__document=status.document,
            review_state__in=SENT_STATES,
        )
        .exclude(result="")
        .order_by("task_id", "unit__tree_path")
        .values_list("task_id", "unit__short_name", "unit__name", "result")
    )
    by_task: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for task_id, short_name, name, result in rows:
        by_task[task_id].append((short_name or name, result.strip()))
    return by_task


def _results(doc: object, status: PlanStatus) -> None:
    _heading(doc, "II. KẾT QUẢ THỰC HIỆN THEO TỪNG NHIỆM VỤ")
    narratives = _narratives(status)
    titles = {theme.path: theme.title for theme in status.themes}
    current_theme = None
    for row in status.tasks:
        if row.theme != current_theme:
            current_theme = row.theme
            _para(doc, f"{row.theme}. {titles.get(row.theme, '')}".strip(), bold=True, italic=True)
        _para(doc, f"{row.path}. {row.summary}", bold=True, indent=True)
        _para(
            doc,
            f"Tình trạng: {row.label_text} (hạn {row.deadline:%d/%m/%Y}; "
            f"{row.units_sent}/{row.units_expected} đơn vị đã báo cáo, "
            f"{row.units_done}/{row.units_expected} đơn vị hoàn thành).",
            italic=True,
            indent=True,
        )
        texts = narratives.get(row.task_id, [])
        for unit_name, result in texts[:NARRATIVES_PER_TASK]:
            _para(doc, f"- {unit_name}: {result}", indent=True)
        if len(texts) > NARRATIVES_PER_TASK:
            _para(doc, f"- Và {len(texts) - NARRATIVES_PER_TASK} đơn vị khác.", indent=True)
        if not texts:
            _para(doc, "- Chưa có đơn vị báo cáo kết quả.", indent=True)
    _para(doc, "Bảng tổng hợp tình trạng thực hiện nhiệm vụ:", italic=True)
    _status_table(doc, status)


def _difficulties(doc: object, status: PlanStatus) -> None:
    _heading(doc, "III. KHÓ KHĂN, VƯỚNG MẮC")
    register = list(difficulties_register(status.document, status.period)[:200])
    if not register:
        _para(doc, "Các đơn vị không phản ánh khó khăn, vướng mắc trong kỳ.", indent=True)
    for report in register:
        text = report.difficulties or getattr(report, "escalation_summary", "") or ""
        latest = getattr(report, "escalation_state", None)  # annotated by the register
        state = "đã được trả lời" if latest == "resolved" else "chưa giải quyết"
        _para(
            doc,
            f"- {report.unit.display_name} (nhiệm vụ {report.task.path}): {text} ({state}).",
            indent=True,
        )
    _para(
        doc,
        f"Số khó khăn, vướng mắc chưa được giải quyết: {status.difficulties_open}.",
        indent=True,
    )
    _heading(doc, "IV. KIẾN NGHỊ, ĐỀ XUẤT")
    proposals = (
        TaskReport.objects.filter(
            period=status.period, task__document=status.document, review_state__in=SENT_STATES
        )
        .exclude(proposals="")
        .order_by("unit__tree_path", "task__position")
        .values_list("unit__short_name", "unit__name", "proposals")[:200]
    )
    seen: set[str] = set()
    for short_name, name, text in proposals:
        if text.strip() in seen:
            continue
        seen.add(text.strip())
        _para(doc, f"- {short_name or name}: {text.strip()}", indent=True)
    if not seen:
        _para(doc, "- ……………………………………………………", indent=True)


def _closing(doc: object, status: PlanStatus) -> None:
    _para(doc, "")
    table = _two_columns(doc, Cm(7), Cm(9))
    left, right = table.rows[0].cells
    focal = status.document.focal_agency
    _cell_lines(
        left,
        [("Nơi nhận:", True, True), ("- Như trên;", False, False), ("- Lưu: VT.", False, False)],
    )
    left.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT
    _cell_lines(
        right,
        [
            ("GIÁM ĐỐC" if focal and focal.name.startswith("Sở") else "THỦ TRƯỞNG", True, False),
            ("", False, False),
            ("", False, False),
            ("(Dự thảo do theodoi tổng hợp)", False, True),
        ],
    )


def build_report(document: Document, period: ReportingPeriod, today: datetime.date) -> bytes:
    """The .docx bytes of the aggregated report draft."""
    status = plan_status(document, period, today, with_trend=False)
    doc = new_docx()
    _style(doc)
    _header(doc, status)
    _title(doc, status)
    _overview(doc, status)
    _results(doc, status)
    _difficulties(doc, status)
    _closing(doc, status)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
