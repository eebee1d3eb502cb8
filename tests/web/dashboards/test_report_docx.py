"""The aggregated report draft: structure with python-docx, and a real
LibreOffice (headless) opening it and printing it to PDF."""

from __future__ import annotations

import datetime
import unicodedata
from pathlib import Path

import pdfplumber
import pytest
from docx import Document as open_docx

from tests.web.dashboards.scenario import Scenario
from theodoi.dashboards.report_docx import build_report
from theodoi.text.readers.convert import convert_with_libreoffice, soffice_binary


def docx_text(path: Path) -> str:
    doc = open_docx(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


@pytest.fixture
def report_file(scenario: Scenario, today: datetime.date, tmp_path: Path) -> Path:
    path = tmp_path / "bao-cao.docx"
    path.write_bytes(build_report(scenario.document, scenario.period_2025, today))
    return path


def test_report_has_the_administrative_layout(report_file: Path) -> None:
    text = docx_text(report_file)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "SỞ NỘI VỤ",
        "Số:",
        "BÁO CÁO",
        "Kết quả thực hiện Kế hoạch số 77/KH-UBND",
        "I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN",
        "II. KẾT QUẢ THỰC HIỆN THEO TỪNG NHIỆM VỤ",
        "III. KHÓ KHĂN, VƯỚNG MẮC",
        "IV. KIẾN NGHỊ, ĐỀ XUẤT",
        "3/4 cơ quan, đơn vị đã gửi đủ báo cáo",
        "Thiếu kinh phí tổ chức hội nghị.",  # a difficulty from a sent report
        "Nơi nhận:",
    ):
        assert expected in text, expected
    assert "Chưa có hướng dẫn." not in text  # from a draft: not the focal agency's yet


def test_status_table_totals_match_the_dashboard(report_file: Path) -> None:
    table = open_docx(str(report_file)).tables[1]
    rows = {row.cells[1].text: row.cells[4].text for row in table.rows}
    assert rows["Cộng: Hoàn thành đúng hạn"] == "1"
    assert rows["Cộng: Đang thực hiện quá hạn"] == "1"
    assert rows["Nhiệm vụ thử nghiệm II.1.b"] == "Hoàn thành quá hạn"


@pytest.mark.slow
def test_libreoffice_opens_it(report_file: Path, tmp_path: Path) -> None:
    if soffice_binary() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    convert_with_libreoffice(report_file, "pdf", tmp_path, timeout=180)
    pdf = tmp_path / "bao-cao.pdf"
    assert pdf.exists()
    with pdfplumber.open(pdf) as document:
        text = "\n".join(page.extract_text() or "" for page in document.pages)
    text = unicodedata.normalize("NFC", text)
    assert "BÁO CÁO" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "KHÓ KHĂN, VƯỚNG MẮC" in text
    assert "Hoàn thành quá hạn" in text
