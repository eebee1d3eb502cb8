"""Reporting lines stated in the rows of a task table, however the table arrives.

The fictional plan ``tests/fixtures/plans/kh-ubnd-bang-bao-cao.md`` (tỉnh Bình Khê)
states its reports in appendix rows: the task cell says what goes to whom, the
body columns who reports, the timing column how often and by when. The same plan
is built here as a Word table (python-docx), as a table flattened one cell per line
(a transcription that lost the pipes of the body rows) and as a PDF (LibreOffice
from the Word file, when installed); each must give the fixture's reporting lines.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import pytest

from tests.text.readers.builders import libreoffice_convert, soffice
from theodoi.text.bodies import repair_title_slips
from theodoi.text.extract.reporting import reporting_in, row_statement
from theodoi.text.parse import parse_file

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "plans" / "kh-ubnd-bang-bao-cao.md"

Key = tuple[str | None, str | None, str | None, str, str | None]


def _expected() -> list[Key]:
    data = json.loads(FIXTURE.with_suffix(".expected.json").read_text(encoding="utf-8"))
    return sorted(
        ((r["from"], r["to"], r["via"], r["recurrence"], r["due"]) for r in data["reporting"]),
        key=str,
    )


def _reporting(path: Path) -> list[Key]:
    result = parse_file(path)
    return sorted(((r.from_, r.to, r.via, r.recurrence, r.due) for r in result.reporting), key=str)


def _plan_parts() -> tuple[list[str], list[list[str]]]:
    """The fixture's paragraphs (markup off) and its table rows, header first."""
    paragraphs: list[str] = []
    rows: list[list[str]] = []
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if not all(re.fullmatch(r"-*", c) for c in cells):
                rows.append(cells)
        elif line:
            paragraphs.append(line.strip("*"))
    return paragraphs, rows


def _build_docx(path: Path) -> Path:
    paragraphs, rows = _plan_parts()
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph("Nơi nhận:")
    document.save(str(path))
    return path


def test_the_fixture_states_reports_in_its_rows() -> None:
    paragraphs, rows = _plan_parts()
    assert not any("báo cáo" in p for p in paragraphs)  # only the table reports
    assert len(rows) == 8


def test_markdown_table_rows_give_reporting_lines() -> None:
    assert _reporting(FIXTURE) == _expected()


def test_word_table_rows_give_reporting_lines(tmp_path: Path) -> None:
    assert _reporting(_build_docx(tmp_path / "kh-binh-khe.docx")) == _expected()


def test_flattened_table_rows_give_reporting_lines(tmp_path: Path) -> None:
    paragraphs, rows = _plan_parts()
    lines = list(paragraphs)
    lines.append("| " + " | ".join(rows[0]) + " |")
    for row in rows[1:]:
        lines.extend(cell for cell in row if cell)  # one cell per line, empty cells dropped
    lines.append("Nơi nhận:")
    path = tmp_path / "kh-binh-khe.md"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    assert _reporting(path) == _expected()


def test_pdf_table_rows_give_reporting_lines(tmp_path: Path) -> None:
    if soffice() is None:
        pytest.skip("LibreOffice is not installed")
    source = _build_docx(tmp_path / "kh-binh-khe.docx")
    pdf = libreoffice_convert(source, "pdf", tmp_path / "pdf")
    assert _reporting(pdf) == _expected()


def test_a_row_reads_its_timing_cell_into_each_reporting_sentence() -> None:
    row = {
        "text": "Cập nhật dữ liệu lên hệ thống. Báo cáo kết quả cho Sở Tư pháp",
        "timing": "Trước ngày 15/11 hằng năm",
    }
    assert row_statement(row) == (
        "Cập nhật dữ liệu lên hệ thống\nBáo cáo kết quả cho Sở Tư pháp (trước ngày 15/11 hằng năm)"
    )
    entries = reporting_in(row_statement(row), ["Các sở"])
    assert [(e.to, e.recurrence, e.due) for e in entries] == [("Sở Tư pháp", "annual", "11-15")]
    # without a schedule the same cell names no recurring report
    entries = reporting_in(row_statement({"text": row["text"]}), ["Các sở"])
    assert [e.recurrence for e in entries] == ["periodic"]


def test_a_duty_opening_with_the_verb_reports() -> None:
    entries = reporting_in("Báo cáo tình hình thực hiện hằng tháng cho Sở Y tế.", ["Các xã"])
    assert [(e.to, e.recurrence) for e in entries] == [("Sở Y tế", "monthly")]
    # a cited report opening the sentence is a document, not the verb
    assert reporting_in("Báo cáo số 12/BC-SYT hằng tháng của Sở Y tế đã nêu rõ.", ["X"]) == []


def test_a_title_missing_its_last_word_is_read_as_the_title() -> None:
    assert repair_title_slips("báo cáo Chủ UBND tỉnh") == "báo cáo Chủ tịch UBND tỉnh"
    assert repair_title_slips("Phó Chủ Ủy ban nhân dân huyện") == (
        "Phó Chủ tịch Ủy ban nhân dân huyện"
    )
    for kept in ("Chủ tịch UBND tỉnh", "chủ trì, phối hợp UBND", "Chủ đầu tư", "Chủ UBNDX"):
        assert repair_title_slips(kept) == kept
    entries = reporting_in(
        "Sau kiểm tra, tổng hợp báo cáo Chủ UBND tỉnh để chỉ đạo.", ["Sở Nội vụ"]
    )
    assert [(e.to, e.recurrence) for e in entries] == [("Chủ tịch UBND tỉnh", "once")]


ORG_TABLE = "\n\n".join(
    [
        "ỦY BAN NHÂN DÂN TỈNH BÌNH KHÊ",
        "Số: 46/KH-UBND",
        "KẾ HOẠCH",
        "Phát triển thư viện số năm 2026",
        "I. NHIỆM VỤ",
        "1. Xây dựng kho sách điện tử dùng chung của tỉnh.",
        "II. TỔ CHỨC THỰC HIỆN",
        "| STT | Nội dung | Đơn vị thực hiện | Thời gian |\n|---|---|---|---|\n"
        "| 1 | Theo dõi, đôn đốc; tổng hợp, báo cáo UBND tỉnh kết quả thực hiện"
        " | Sở Văn hóa, Thể thao và Du lịch | Thường xuyên |\n"
        "| 2 | Báo cáo kết quả thực hiện về Sở Văn hóa, Thể thao và Du lịch"
        " | UBND các huyện, thị xã | Trước ngày 25/11 hằng năm |",
    ]
)


def test_a_table_of_tổ_chức_thực_hiện_gives_every_report_it_states(tmp_path: Path) -> None:
    """Under TỔ CHỨC THỰC HIỆN a row's report counts without a schedule too, as a
    paragraph's would; the focal agency's row still makes it the focal agency."""
    path = tmp_path / "kh-thu-vien-so.md"
    path.write_text(ORG_TABLE, encoding="utf-8")
    result = parse_file(path)
    culture = "Sở Văn hóa, Thể thao và Du lịch"
    assert [(r.from_, r.to, r.recurrence, r.due) for r in result.reporting] == [
        (culture, "UBND tỉnh", "periodic", None),
        ("UBND các huyện, thị xã", culture, "annual", "11-25"),
    ]
    assert result.focal_agency == culture


def test_a_row_that_names_no_addressee_reports_to_nobody(tmp_path: Path) -> None:
    """An appendix "PHÂN CÔNG THỰC HIỆN" reads like TỔ CHỨC THỰC HIỆN, but a row
    whose task only mentions reports (the reporting system, a yearly timing) owes
    no report to the issuer."""
    text = ORG_TABLE.replace("II. TỔ CHỨC THỰC HIỆN", "PHỤ LỤC PHÂN CÔNG THỰC HIỆN NHIỆM VỤ")
    text = text.replace(
        "Theo dõi, đôn đốc; tổng hợp, báo cáo UBND tỉnh kết quả thực hiện",
        "Nâng cấp Hệ thống thông tin báo cáo của tỉnh; chia sẻ dữ liệu báo cáo",
    ).replace("Thường xuyên", "Hằng năm")
    path = tmp_path / "kh-thu-vien-so-phu-luc.md"
    path.write_text(text, encoding="utf-8")
    result = parse_file(path)
    assert [(r.from_, r.to, r.recurrence) for r in result.reporting] == [
        ("UBND các huyện, thị xã", "Sở Văn hóa, Thể thao và Du lịch", "annual"),
    ]
