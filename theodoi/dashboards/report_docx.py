"""The aggregated report as a .docx a civil servant could sign after light editing.

Layout of Nghị định 30/2020/NĐ-CP (Phụ lục I) for government bodies and of
Hướng dẫn 36-HD/VPTW for party bodies: A4, margins 20/20/30/15 mm, Times New
Roman (LibreOffice renders it with the metric-compatible Liberation Serif),
the header table (parent and issuing body left, national title and motto —
or "ĐẢNG CỘNG SẢN VIỆT NAM" — right), "Số: …/BC-…", place and date in
italics, "BÁO CÁO" and its subject, "Kính gửi", the body, then "Nơi nhận"
and the signature block (TM./KT. or T/M, K/T; the name left for the signer).

The header's right column is 108 mm: the national title at 12 pt bold takes
81 mm in Times New Roman/Liberation Serif and 103 mm in DejaVu Serif (the
widest fallback LibreOffice picks when neither is installed), so it stays on
one line either way; the motto at 13 pt takes 53–72 mm.

The content is :func:`theodoi.dashboards.report_data.collect`'s, shared with
the .xlsx annex.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Iterable, Sequence

from docx import Document as new_docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from theodoi.documents.models import Document
from theodoi.reporting.models import ReportingPeriod

from .metrics import LABEL_ORDER
from .report_data import (
    NARRATIVE_PARTS,
    OTHER_KIND,
    Merged,
    Narrative,
    ReportData,
    ThemeIssues,
    collect,
    fold,
    format_number,
    place_of,
    subject_line,
)

FONT = "Times New Roman"
BODY_PT = 14
#: Units named after a merged text before "và N đơn vị khác" (the annex names all).
UNITS_NAMED = 20
#: Widths (mm) inside the 165 mm between the margins.
HEADER_COLUMNS = (57, 108)
SIGNATURE_COLUMNS = (80, 85)
SUMMARY_COLUMNS = (13, 66, 23, 16, 16, 31)
ROMAN = ("I", "II", "III", "IV", "V", "VI")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def report_filename(document: Document, period: ReportingPeriod, suffix: str = ".docx") -> str:
    number = re.sub(r"[^0-9A-Za-z]+", "-", document.number or str(document.pk)).strip("-")
    return f"bao-cao-tong-hop-{number}-{period.year}{suffix}"


# ---------------------------------------------------------------- primitives


def _style(doc: object) -> None:
    normal = doc.styles["Normal"]  # type: ignore[attr-defined]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    fonts = normal.element.rPr.rFonts
    for attribute in ("w:eastAsia", "w:cs", "w:hAnsi", "w:ascii"):
        fonts.set(qn(attribute), FONT)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.space_before = Pt(0)
    section = doc.sections[0]  # type: ignore[attr-defined]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.header_distance = section.footer_distance = Mm(10)
    _page_numbers(section)


def _page_numbers(section: object) -> None:
    """Page numbers centred in the top margin, none on the first page (NĐ 30/2020)."""
    section.different_first_page_header_footer = True  # type: ignore[attr-defined]
    paragraph = section.header.paragraphs[0]  # type: ignore[attr-defined]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    run.font.size = Pt(13)
    for kind, text in (("begin", ""), ("", " PAGE "), ("end", "")):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _run(paragraph: Paragraph, text: str, *, bold: bool = False, italic: bool = False,
         size: float | None = None, underline: bool = False) -> None:  # fmt: skip
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    if underline:
        run.underline = True
    if size:
        run.font.size = Pt(size)


def _para(
    container: object,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    align: WD_ALIGN_PARAGRAPH | None = WD_ALIGN_PARAGRAPH.JUSTIFY,
    indent: bool = True,
    after: float | None = None,
) -> Paragraph:
    paragraph: Paragraph = container.add_paragraph()  # type: ignore[attr-defined]
    if text:
        _run(paragraph, text, bold=bold, italic=italic, size=size)
    if align is not None:
        paragraph.alignment = align
    if indent:
        paragraph.paragraph_format.first_line_indent = Mm(10)
    if after is not None:
        paragraph.paragraph_format.space_after = Pt(after)
    return paragraph


def _cell_margins(table: Table, left_right_mm: float) -> None:
    """Narrow cell margins so the header's columns hold their lines."""
    properties = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(int(left_right_mm * 56.7)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    properties.append(margins)


def _fixed_table(doc: object, widths: Sequence[float], rows: int = 1) -> Table:
    """A table with fixed column widths: Word and LibreOffice both honour
    widths only with a fixed layout and the grid and every cell set."""
    table: Table = doc.add_table(rows=rows, cols=len(widths))  # type: ignore[attr-defined]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Mm(width)
    return table


def _rule_above(paragraph: Paragraph, cell_mm: float, length_mm: float) -> None:
    """A short centred line at the top of ``paragraph``: the rule under the
    issuing body's name (NĐ 30/2020: a third to a half of the name's length)."""
    side = max(0.0, (cell_mm - length_mm) / 2)
    paragraph.paragraph_format.left_indent = Mm(side)
    paragraph.paragraph_format.right_indent = Mm(side)
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    paragraph._p.get_or_add_pPr().append(borders)


def _cell_lines(cell: _Cell, lines: Iterable[tuple[str, bool, bool, float]], center: bool = True,
                underline: Sequence[int] = ()) -> None:  # fmt: skip
    """Fill a cell with lines (text, bold, italic, size)."""
    for index, (text, bold, italic, size) in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.LEFT
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.first_line_indent = Mm(0)
        # An empty line keeps its size too (a space), so both header columns line up.
        _run(paragraph, text or " ", bold=bold, italic=italic, size=size,
             underline=index in underline and bool(text))  # fmt: skip


def _units(names: Sequence[str]) -> str:
    if len(names) <= UNITS_NAMED:
        return ", ".join(names)
    rest = len(names) - UNITS_NAMED
    return ", ".join(names[:UNITS_NAMED]) + f" và {rest} đơn vị khác (chi tiết tại Phụ lục)"


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", ";", ":")) else text + "."


# ---------------------------------------------------------------- blocks


def _date_line(data: ReportData) -> str:
    place = place_of(data.document) or "……"
    return f"{place}, ngày      tháng      năm {data.status.today.year}"


def _header(doc: object, data: ReportData) -> None:
    issuer = data.issuer
    table = _fixed_table(doc, HEADER_COLUMNS)
    _cell_margins(table, 0.5)
    left, right = table.rows[0].cells
    if issuer.party:
        top = [(issuer.parent, False, False, 14.0)] if issuer.parent else []
        _cell_lines(
            left,
            [*top, (issuer.body, True, False, 14.0), ("*", False, False, 14.0),
             (f"Số      -BC/{issuer.code}", False, False, 14.0)],
        )  # fmt: skip
        _cell_lines(
            right,
            [("ĐẢNG CỘNG SẢN VIỆT NAM", True, False, 15.0), ("", False, False, 12.0),
             (_date_line(data), False, True, 14.0)],
            underline=(0,),
        )  # fmt: skip
        return
    top = [(issuer.parent, False, False, 12.0)] if issuer.parent else []
    # The short rule under the issuing body: a third to a half of its name.
    rows = 1 + len(top)
    _cell_lines(
        left,
        [*top, (issuer.body, True, False, 12.0), ("", False, False, 12.0),
         (f"Số:        /BC-{issuer.code}", False, False, 13.0)],
    )  # fmt: skip
    _rule_above(left.paragraphs[rows], HEADER_COLUMNS[0], min(30.0, 2.6 * len(issuer.body) / 2))
    _cell_lines(
        right,
        [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False, 12.0),
         ("Độc lập - Tự do - Hạnh phúc", True, False, 13.0), ("", False, False, 11.0),
         (_date_line(data), False, True, 13.0)],
        underline=(1,),
    )  # fmt: skip


def _title(doc: object, data: ReportData, texts: Narrative) -> None:
    _para(doc, "", after=0)
    _para(doc, "BÁO CÁO", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False,
          after=0)  # fmt: skip
    _para(doc, subject_line(data), bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER,
          indent=False, after=0)  # fmt: skip
    if data.document.title:
        _para(doc, f"({data.document.title})", italic=True, align=WD_ALIGN_PARAGRAPH.CENTER,
              indent=False, after=0)  # fmt: skip
    _para(doc, "―――――", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, size=10, after=6)
    addressees = [line.lstrip("-+ ").rstrip(".;,") for line in _lines(texts.addressee)]
    if len(addressees) == 1:
        _para(doc, f"Kính gửi: {addressees[0]}.", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False,
              after=12)  # fmt: skip
    elif addressees:  # several: "Kính gửi:" and one a line, as NĐ 30/2020 sets them
        first = _para(doc, "Kính gửi:", align=WD_ALIGN_PARAGRAPH.LEFT, indent=False, after=0)
        first.paragraph_format.left_indent = Mm(25)
        for index, name in enumerate(addressees):
            end = "." if index == len(addressees) - 1 else ";"
            line = _para(doc, f"- {name}{end}", align=WD_ALIGN_PARAGRAPH.LEFT, indent=False,
                         after=12 if end == "." else 0)  # fmt: skip
            line.paragraph_format.left_indent = Mm(50)


def _heading(doc: object, text: str) -> None:
    _para(doc, text, bold=True, after=6)


def _opening(doc: object, texts: Narrative) -> None:
    for line in _lines(texts.opening):
        _para(doc, line)


def generated_opening(data: ReportData, addressee: str) -> str:
    document = data.document
    if document.number:
        number = f" số {document.number}"
    else:  # no number: the plan named by its date and issuer
        dated = f" ngày {document.date:%d/%m/%Y}" if document.date else ""
        number = f"{dated} của {document.issuer}" if document.issuer else dated
    names = [line.lstrip("-+ ").rstrip(".;,") for line in _lines(addressee)]
    addressee = f" {names[0]}" if len(names) == 1 else ""
    return (
        f"Thực hiện {document.get_kind_display()}{number}, {data.issuer.name} báo cáo"
        f"{addressee} kết quả thực hiện {data.period.label.lower()} (số liệu từ ngày "
        f"{data.period.start:%d/%m/%Y} đến ngày {data.period.end:%d/%m/%Y}, tổng hợp đến ngày "
        f"{data.status.today:%d/%m/%Y}) như sau:"
    )


def generated_situation(data: ReportData) -> str:
    status = data.status
    return (
        f"Có {status.sub_plans_units}/{status.units_expected} cơ quan, đơn vị được giao nhiệm "
        "vụ đã ban hành kế hoạch cụ thể để triển khai thực hiện."
    )


def _completeness(doc: object, data: ReportData, texts: Narrative) -> None:
    status, done = data.status, data.completeness
    _heading(doc, "I. TÌNH HÌNH TRIỂN KHAI VÀ CHẤP HÀNH CHẾ ĐỘ BÁO CÁO")
    for index, line in enumerate(_lines(texts.situation)):
        _para(doc, f"1. {line}" if index == 0 else line)
    _para(
        doc,
        f"2. Có {status.units_reported}/{status.units_expected} cơ quan, đơn vị đã gửi đủ báo "
        f"cáo, trong đó {status.reported_on_time} đơn vị gửi đúng hạn, {status.units_late} đơn "
        f"vị gửi muộn; {status.units_missing} đơn vị chưa gửi đủ báo cáo.",
    )
    if not status.units_expected:
        _para(doc, "- Kế hoạch chưa giao nhiệm vụ phải báo cáo cho cơ quan, đơn vị nào.")
    if done.on_time:
        _para(doc, f"- Gửi đúng hạn ({len(done.on_time)}): {', '.join(done.on_time)}.")
    if done.late:
        _para(doc, f"- Gửi muộn ({len(done.late)}): {', '.join(done.late)}.")
    if done.partial:
        names = ", ".join(f"{name} ({sent}/{owed} nhiệm vụ)" for name, sent, owed in done.partial)
        _para(doc, f"- Gửi chưa đủ ({len(done.partial)}): {names}.")
    if done.none:
        _para(doc, f"- Chưa gửi báo cáo ({len(done.none)}): {', '.join(done.none)}.")
    if status.units_expected and not status.units_reported and not done.partial:
        _para(doc, "Đến ngày tổng hợp, chưa có cơ quan, đơn vị nào gửi báo cáo.", italic=True)


def _merged(doc: object, items: Sequence[Merged]) -> None:
    for item in items:
        text = _sentence(item.text)[:-1]
        if len(item.units) == 1 and fold(text).startswith(fold(item.units[0])):
            _para(doc, f"- {text}.")  # "Sở Y tế đã …": the unit already named
        else:
            _para(doc, f"- {text} ({_units(item.units)}).")


def _results(doc: object, data: ReportData, texts: Narrative) -> None:
    status = data.status
    _heading(doc, "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ")
    counts = "; ".join(f"{label.label.lower()}: {status.counts[label]}" for label in LABEL_ORDER)
    _para(doc, f"Trong tổng số {status.tasks_total} nhiệm vụ phải báo cáo: {counts}.")
    if not data.themes:
        _para(doc, "Kế hoạch chưa có nhiệm vụ nào được theo dõi.", italic=True)
    for number, theme in enumerate(data.themes, start=1):
        title = theme.title or theme.path
        _para(doc, f"{number}. {title}", bold=True, italic=True, after=4)
        for section in theme.tasks:
            row = section.row
            _para(doc, f"{row.path}. {section.text}", italic=True, after=3)
            _para(
                doc,
                f"Tình trạng: {row.label_text.lower()} (thời hạn {row.deadline:%d/%m/%Y}; "
                f"{row.units_sent}/{row.units_expected} đơn vị đã báo cáo, "
                f"{row.units_done}/{row.units_expected} đơn vị hoàn thành).",
                after=3,
            )
            if section.results:
                _merged(doc, section.results)
            elif row.units_sent:
                _para(doc, "- Các đơn vị đã gửi báo cáo nhưng không nêu kết quả cụ thể.")
            else:
                _para(doc, "- Chưa có đơn vị nào gửi báo cáo về nhiệm vụ này.")
            if section.totals:
                figures = "; ".join(
                    f"{total.indicator}: {format_number(total.total)}"
                    f"{' ' + total.measure if total.measure else ''} ({total.units} đơn vị)"
                    for total in section.totals
                )
                _para(doc, f"- Số liệu tổng hợp: {figures}.")
            if section.silent_units and row.units_sent:
                _para(doc, f"- Chưa báo cáo: {_units(section.silent_units)}.", italic=True)
    _para(doc, "Bảng tổng hợp tình trạng thực hiện nhiệm vụ (nội dung đầy đủ của nhiệm vụ tại "
          "mục II, chi tiết từng đơn vị tại Phụ lục):", italic=True, after=3)  # fmt: skip
    _summary_table(doc, data)
    _inspections(doc, data)
    _recognition(doc, data)
    _assessment(doc, texts)


def _inspections(doc: object, data: ReportData) -> None:
    """What inspections found: checks on the spot beside what units claimed."""
    summary = data.inspections
    _para(doc, "Công tác kiểm tra, giám sát", bold=True, italic=True, after=4)
    if summary is None or not summary.inspections:
        _para(doc, "- Trong kỳ chưa tổ chức kiểm tra, giám sát việc thực hiện kế hoạch.")
        return
    assessed = {"good": "thực hiện tốt", "adequate": "đạt yêu cầu", "shortcoming": "còn hạn chế"}
    counts = "; ".join(
        f"{assessed.get(key, key)}: {count}" for key, count in sorted(summary.by_assessment.items())
    )
    _para(
        doc,
        f"- Tổ chức {len(summary.inspections)} đợt kiểm tra, giám sát tại "
        f"{summary.units_inspected} cơ quan, đơn vị" + (f"; kết quả: {counts}." if counts else "."),
    )
    for finding in summary.open_recommendations:
        late = " (quá hạn)" if finding.is_overdue(data.status.today) else ""
        _para(
            doc,
            f"- Kiến nghị với {finding.unit.name}: {_sentence(finding.recommendation)[:-1]}, "
            f"hạn {finding.deadline:%d/%m/%Y}{late}.",
        )
    if summary.closed_recommendations:
        _para(doc, f"- {summary.closed_recommendations} kiến nghị đã được khắc phục xong.")


def _recognition(doc: object, data: ReportData) -> None:
    """Good models to replicate and commendations ("tôn vinh, nhân rộng")."""
    summary = data.recognition
    _para(doc, "Mô hình hay, cách làm sáng tạo; khen thưởng", bold=True, italic=True, after=4)
    if summary is None or not (summary.practices or summary.commendations):
        _para(doc, "- Trong kỳ chưa có mô hình hay, cách làm sáng tạo được ghi nhận.")
        return
    for practice in summary.practices:
        replicate = "; đề nghị nhân rộng" if practice.replicate else ""
        _para(doc, f"- {practice.title} ({practice.unit.name}{replicate}).")
    for commendation in summary.commendations:
        state = (
            f"đã khen thưởng, {commendation.decision}"
            if commendation.decision
            else commendation.get_state_display().lower()
        )
        _para(
            doc,
            f"- {commendation.award}: {commendation.nominee_name} ({state}).",
        )


def _table_cell(cell: _Cell, text: str, *, bold: bool = False, center: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.first_line_indent = Mm(0)
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(paragraph, text, bold=bold, size=11)


def _repeat_header(table: Table) -> None:
    properties = table.rows[0]._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    properties.append(element)


#: Longest task text in the summary table (the full text is in section II).
TABLE_TEXT = 220


def table_text(text: str) -> str:
    """The task as the summary table names it: whole when short; else its
    first sentence, or its first clauses up to ``TABLE_TEXT`` characters
    ending at a comma, semicolon or colon, marked "…" (section II has every
    word). A paragraph-long task otherwise fills a page of the table."""
    text = " ".join(text.split())
    if len(text) <= TABLE_TEXT:
        return text
    sentence = re.match(r"(.{40,}?[.;])\s", text)
    if sentence and len(sentence.group(1)) <= TABLE_TEXT:
        return sentence.group(1).rstrip(".;") + " …"
    head = text[:TABLE_TEXT]
    cut = max(head.rfind(","), head.rfind(";"), head.rfind(":"))
    if cut < 60:
        cut = head.rfind(" ")
    return head[:cut].rstrip(" ,;:") + " …"


def _summary_table(doc: object, data: ReportData) -> Table:
    status = data.status
    rows = [
        (row.path, table_text(text.text), f"{row.deadline:%d/%m/%Y}",
         f"{row.units_sent}/{row.units_expected}",
         f"{row.units_done}/{row.units_expected}", row.label_text)
        for theme in data.themes for text in theme.tasks for row in [text.row]
    ]  # fmt: skip
    table = _fixed_table(doc, SUMMARY_COLUMNS, rows=1 + len(rows) + len(LABEL_ORDER))
    table.style = "Table Grid"
    _cell_margins(table, 1.0)
    for row in table._tbl.tr_lst:  # a task's row stays on one page
        row.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    headers = ("TT", "Nhiệm vụ", "Thời hạn", "Đơn vị đã báo cáo", "Đơn vị hoàn thành",
               "Tình trạng")  # fmt: skip
    cells = table._cells  # one flat list: much faster than row.cells on big tables
    width = len(SUMMARY_COLUMNS)
    for index, text in enumerate(headers):
        _table_cell(cells[index], text, bold=True, center=True)
    _repeat_header(table)
    for number, values in enumerate(rows, start=1):
        for column, text in enumerate(values):
            _table_cell(cells[number * width + column], text, center=column in (0, 2, 3, 4))
    start = 1 + len(rows)
    for offset, label in enumerate(LABEL_ORDER):
        base = (start + offset) * width
        _table_cell(cells[base + 1], f"Cộng: {label.label}", bold=True)
        _table_cell(cells[base + 5], str(status.counts[label]), bold=True, center=True)
    return table


def _assessment(doc: object, texts: Narrative) -> None:
    _para(doc, "Đánh giá chung:", bold=True, italic=True, after=3)
    for line in _lines(texts.assessment):
        _para(doc, line)
    if _lines(texts.limitations):
        _para(doc, "Hạn chế và nguyên nhân:", bold=True, italic=True, after=3)
        for line in _lines(texts.limitations):
            _para(doc, line)


def generated_limitations(data: ReportData) -> str:
    """Limitations and causes from the data: late tasks, late or missing
    reports, and the kinds of difficulty the units named."""
    status, lines = data.status, []
    overdue = len(status.overdue_tasks)
    if overdue:
        lines.append(f"- Còn {overdue} nhiệm vụ chậm so với thời hạn được giao.")
    if status.units_late or status.units_missing:
        lines.append(
            f"- Việc chấp hành chế độ báo cáo chưa nghiêm: {status.units_late} cơ quan, đơn vị "
            f"gửi báo cáo muộn, {status.units_missing} cơ quan, đơn vị chưa gửi đủ báo cáo."
        )
    kinds = sorted(
        {kind.kind for group in data.difficulties for kind in group.kinds} - {OTHER_KIND}
    )
    if kinds:
        lines.append(
            "- Nguyên nhân chủ yếu theo phản ánh của các cơ quan, đơn vị: "
            + "; ".join(kind[0].lower() + kind[1:] for kind in kinds)
            + "."
        )
    return "\n".join(lines)


def generated_assessment(data: ReportData) -> str:
    status = data.status
    done = sum(status.counts[label] for label in LABEL_ORDER[:2])
    overdue = len(status.overdue_tasks)
    lines = [
        f"Đã hoàn thành {done}/{status.tasks_total} nhiệm vụ"
        + (f" ({round(100 * done / status.tasks_total)}%)" if status.tasks_total else "")
        + f"; {overdue} nhiệm vụ đang chậm so với thời hạn."
    ]
    if status.units_missing:
        lines.append(
            f"Còn {status.units_missing}/{status.units_expected} cơ quan, đơn vị chưa gửi đủ báo "
            "cáo, ảnh hưởng đến việc tổng hợp, đánh giá chung."
        )
    return "\n".join(lines)


def _issues(doc: object, heading: str, groups: Sequence[ThemeIssues], empty: str) -> None:
    _heading(doc, heading)
    if not groups:
        _para(doc, empty)
    for number, group in enumerate(groups, start=1):
        _para(doc, f"{number}. Nhóm nhiệm vụ {group.path}. {group.title}".rstrip(". ") + ":",
              italic=True, after=3)  # fmt: skip
        for kind in group.kinds:
            name = "Vấn đề khác" if kind.kind == OTHER_KIND else kind.kind
            _para(doc, f"- {name}:", after=3)
            for item in kind.items:
                _para(doc, f"+ {_sentence(item.text)[:-1]} ({_units(item.units)}).")


def generated_difficulties_summary(data: ReportData) -> str:
    status = data.status
    if not status.difficulties_total:
        return ""
    return (
        f"Trong {status.difficulties_total} khó khăn, vướng mắc được phản ánh, "
        f"{status.difficulties_open} chưa được giải quyết, trả lời."
    )


def _difficulties(doc: object, data: ReportData, texts: Narrative) -> None:
    _issues(
        doc,
        "III. KHÓ KHĂN, VƯỚNG MẮC",
        data.difficulties,
        "Các cơ quan, đơn vị đã báo cáo không phản ánh khó khăn, vướng mắc trong kỳ.",
    )
    for line in _lines(texts.difficulties_summary):
        _para(doc, line)
    _issues(
        doc,
        "IV. KIẾN NGHỊ, ĐỀ XUẤT CỦA CÁC CƠ QUAN, ĐƠN VỊ",
        data.proposals,
        "Các cơ quan, đơn vị đã báo cáo không có kiến nghị, đề xuất trong kỳ.",
    )


def generated_proposals(data: ReportData) -> str:
    """What the focal agency proposes to the leadership, from the data."""
    status, lines = data.status, []
    if status.units_missing:
        lines.append(
            f"Chỉ đạo {status.units_missing} cơ quan, đơn vị chưa gửi đủ báo cáo khẩn trương "
            "báo cáo; chấn chỉnh việc chấp hành chế độ báo cáo định kỳ."
        )
    overdue = status.overdue_tasks
    if overdue:
        paths = ", ".join(row.path for row in overdue[:30])
        more = f" và {len(overdue) - 30} nhiệm vụ khác" if len(overdue) > 30 else ""
        lines.append(
            f"Chỉ đạo các cơ quan, đơn vị đẩy nhanh tiến độ {len(overdue)} nhiệm vụ đang chậm "
            f"so với thời hạn (nhiệm vụ {paths}{more})."
        )
    if status.difficulties_open:
        lines.append(
            f"Xem xét, giải quyết {status.difficulties_open} khó khăn, vướng mắc các đơn vị "
            "phản ánh chưa được trả lời (mục III)."
        )
    kinds = {kind.kind for group in data.difficulties for kind in group.kinds}
    if "Kinh phí, nguồn lực tài chính" in kinds:
        lines.append("Xem xét bố trí kinh phí cho các nhiệm vụ các đơn vị phản ánh thiếu kinh phí.")
    if not lines:
        lines.append("Tiếp tục chỉ đạo các cơ quan, đơn vị thực hiện thường xuyên kế hoạch.")
    return "\n".join(lines)


def generated_next_steps(data: ReportData) -> str:
    status = data.status
    kind = data.document.get_kind_display()
    lines = [f"Tiếp tục chỉ đạo các cơ quan, đơn vị triển khai đầy đủ các nhiệm vụ của {kind}."]
    done = sum(status.counts[label] for label in LABEL_ORDER[:2])
    if status.tasks_total > done:
        lines.append(
            f"Tập trung hoàn thành {status.tasks_total - done} nhiệm vụ chưa hoàn thành, ưu tiên "
            "các nhiệm vụ đã quá thời hạn."
        )
    lines.append("Tăng cường theo dõi, đôn đốc, kiểm tra; thực hiện nghiêm chế độ báo cáo định kỳ.")
    return "\n".join(lines)


def _numbered(doc: object, text: str) -> None:
    for number, line in enumerate(_lines(text), start=1):
        _para(doc, f"{number}. {_sentence(line.lstrip('-+ '))}")


def _leadership(doc: object, texts: Narrative) -> None:
    _heading(doc, "V. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI")
    _numbered(doc, texts.next_steps)
    _heading(doc, "VI. ĐỀ XUẤT, KIẾN NGHỊ VỚI LÃNH ĐẠO")
    _numbered(doc, texts.leadership_proposals)
    for line in _lines(texts.closing):  # kept with the signature: never a page of its own
        _para(doc, line).paragraph_format.keep_with_next = True


def generated_closing(data: ReportData, addressee: str) -> str:
    names = [line.lstrip("-+ ").rstrip(".;,") for line in _lines(addressee)]
    recipient = f" {names[0]}" if len(names) == 1 else ""
    return (
        f"Trên đây là báo cáo kết quả thực hiện {data.period.label.lower()} của "
        f"{data.issuer.name}, kính báo cáo{recipient}./."
    )


def generated_recipients(data: ReportData, addressee: str) -> str:
    recipients = ["- Như trên;"] if _lines(addressee) else ["- Lãnh đạo (để báo cáo);"]
    recipients += ["- Các cơ quan, đơn vị được giao nhiệm vụ;", f"- Lưu: VT, {data.issuer.code}."]
    return "\n".join(recipients)


def generated_narrative(data: ReportData, addressee: str | None = None) -> Narrative:
    """Every narrative part as the system writes it from the data."""
    addressee = data.addressee if addressee is None else addressee
    return Narrative(
        addressee=data.addressee,
        opening=generated_opening(data, addressee),
        situation=generated_situation(data),
        assessment=generated_assessment(data),
        limitations=generated_limitations(data),
        difficulties_summary=generated_difficulties_summary(data),
        next_steps=generated_next_steps(data),
        leadership_proposals=generated_proposals(data),
        closing=generated_closing(data, addressee),
        recipients=generated_recipients(data, addressee),
        signature="\n".join(signature_lines(data)),
        signer="",
    )


def _same_text(one: str, other: str) -> bool:
    return [" ".join(line.split()) for line in _lines(one)] == [
        " ".join(line.split()) for line in _lines(other)
    ]


def edits_only(data: ReportData, written: Narrative) -> Narrative:
    """``written`` with every part left as generated blanked: what is kept
    is what the officer changed, so a later version writes the untouched
    parts again from its own data (a figure in a pre-filled paragraph never
    goes stale)."""
    generated = generated_narrative(data, written.addressee.strip() or None)
    return Narrative(
        **{
            name: ""
            if _same_text(getattr(written, name), getattr(generated, name))
            else getattr(written, name)
            for name in NARRATIVE_PARTS
        }
    )


def effective_narrative(data: ReportData) -> Narrative:
    """What the report says: each part the officer wrote, else the generated one."""
    written = data.narrative
    addressee = written.addressee.strip() or data.addressee
    generated = generated_narrative(data, addressee)
    return Narrative(
        **{
            name: getattr(written, name).strip() or getattr(generated, name)
            for name in NARRATIVE_PARTS
        }
    )


def signature_lines(data: ReportData) -> list[str]:
    """TM./KT. (government) or T/M, K/T (party) and the signer's title."""
    issuer = data.issuer
    body = issuer.body
    if issuer.party:
        if issuer.collegial:
            return ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"]
        return ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"]
    if issuer.collegial:
        return ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    if body.startswith("SỞ"):
        return ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    if body.startswith("BAN"):
        return ["KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"]
    return ["KT. THỦ TRƯỞNG CƠ QUAN", "PHÓ THỦ TRƯỞNG CƠ QUAN"]


def _closing(doc: object, data: ReportData, texts: Narrative | None = None) -> None:
    texts = texts or effective_narrative(data)
    _para(doc, "", after=0).paragraph_format.keep_with_next = True
    table = _fixed_table(doc, SIGNATURE_COLUMNS)
    left, right = table.rows[0].cells
    _cell_lines(
        left,
        [("Nơi nhận:", True, True, 12.0),
         *((line, False, False, 11.0) for line in _lines(texts.recipients))],
        center=False,
    )  # fmt: skip
    signer = _lines(texts.signer)
    _cell_lines(
        right,
        [*((line, True, False, 14.0) for line in _lines(texts.signature)),
         *(("", False, False, 14.0),) * 4, *((line, True, False, 14.0) for line in signer)],
    )  # fmt: skip
    properties = table.rows[0]._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))  # the signature block stays on one page


def build_docx(data: ReportData) -> bytes:
    doc = new_docx()
    _style(doc)
    texts = effective_narrative(data)
    _header(doc, data)
    _title(doc, data, texts)
    _opening(doc, texts)
    _completeness(doc, data, texts)
    _results(doc, data, texts)
    _difficulties(doc, data, texts)
    _leadership(doc, texts)
    _closing(doc, data, texts)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def build_report(
    document: Document,
    period: ReportingPeriod,
    today: datetime.date,
    narrative: Narrative | None = None,
) -> bytes:
    """The .docx bytes of the aggregated report draft."""
    return build_docx(collect(document, period, today, narrative))
