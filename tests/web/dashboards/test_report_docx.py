"""The aggregated report: its content read back with python-docx, and its
printed form read back from the PDF LibreOffice makes of it."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from docx import Document as open_docx

from tests.web.builders import Org
from tests.web.dashboards.pdfcheck import MM, print_docx, with_font
from tests.web.dashboards.scenario import Scenario
from theodoi.dashboards.report_docx import build_report
from theodoi.reporting.models import ReviewState, TaskReport

TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


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
        TITLE,
        MOTTO,
        "UBND TỈNH HÒA LÂM",  # the parent body, from the unit tree
        "SỞ NỘI VỤ",
        "/BC-SNV",
        "Hòa Lâm, ngày",
        "BÁO CÁO",
        "Kết quả năm 2025 thực hiện Kế hoạch số 77/KH-UBND ngày 01/03/2024",
        "Kính gửi: Ủy ban nhân dân tỉnh Hòa Lâm.",
        "I. TÌNH HÌNH TRIỂN KHAI VÀ CHẤP HÀNH CHẾ ĐỘ BÁO CÁO",
        "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
        "III. KHÓ KHĂN, VƯỚNG MẮC",
        "IV. KIẾN NGHỊ, ĐỀ XUẤT CỦA CÁC CƠ QUAN, ĐƠN VỊ",
        "V. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
        "VI. ĐỀ XUẤT, KIẾN NGHỊ VỚI LÃNH ĐẠO",
        "Hạn chế và nguyên nhân:",
        "3/4 cơ quan, đơn vị đã gửi đủ báo cáo",
        "Chưa gửi báo cáo (1): UBND huyện Tây Giang.",  # named, 0 of 2 sent
        "Gửi muộn (1): Sở TT&TT.",
        "Thiếu kinh phí tổ chức hội nghị (UBND huyện Đông Sơn).",  # grouped difficulty
        "Nơi nhận:",
        "- Như trên;",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
    ):
        assert expected in text, expected
    assert "Chưa có hướng dẫn." not in text  # from a draft: not the focal agency's yet
    assert "…" not in text.replace("Số:        /BC", "")


def test_header_and_page_geometry(report_file: Path) -> None:
    doc = open_docx(str(report_file))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert 20 <= round(section.top_margin.mm) <= 25 and 20 <= round(section.bottom_margin.mm) <= 25
    assert 30 <= round(section.left_margin.mm) <= 35 and 15 <= round(section.right_margin.mm) <= 20
    header = doc.tables[0]
    widths = [round(cell.width.mm) for cell in header.rows[0].cells]
    assert widths[1] >= 105  # the national title fits even in a wider fallback font
    assert sum(widths) <= 210 - 30 - 15
    assert doc.styles["Normal"].font.name == "Times New Roman"
    assert 13 <= doc.styles["Normal"].font.size.pt <= 14


def test_status_table_totals_match_the_dashboard(report_file: Path) -> None:
    table = open_docx(str(report_file)).tables[1]
    rows = {row.cells[1].text: row.cells[5].text for row in table.rows}
    assert rows["Cộng: Hoàn thành đúng hạn"] == "1"
    assert rows["Cộng: Đang thực hiện quá hạn"] == "1"
    assert rows["Nhiệm vụ thử nghiệm II.1.b"] == "Hoàn thành quá hạn"
    widths = [round(cell.width.mm) for cell in table.rows[0].cells]
    assert widths[1] >= 60 and widths[1] == max(widths)  # the task column gets the room
    assert widths[2] >= 22  # a date dd/mm/yyyy on one line at 11 pt


def test_same_words_said_once_and_figures_summed(
    scenario: Scenario, org: Org, today: datetime.date, tmp_path: Path
) -> None:
    long_text = (
        "Tổ chức quán triệt, tuyên truyền sâu rộng nội dung kế hoạch đến toàn thể cán bộ, "
        "công chức, viên chức và người lao động trên địa bàn tỉnh Hòa Lâm, gắn với việc "
        "kiểm tra, đôn đốc thực hiện hằng quý và sơ kết, tổng kết đánh giá kết quả cuối năm"
    )
    task = scenario.tasks["II.1.a"]
    task.text = long_text
    task.save()
    period = scenario.period_2025
    TaskReport.objects.filter(task=task, period=period, unit=org.justice).update(
        result="Đã tổ chức 3 hội nghị quán triệt kế hoạch.",
        figures=[{"label": "Số hội nghị", "value": 3, "unit": "hội nghị"}],
        proposals="Đề nghị bố trí kinh phí tuyên truyền.",
    )
    TaskReport.objects.filter(task=task, period=period, unit=org.information).update(
        result="Đã tổ chức 3 hội nghị quán triệt kế hoạch",  # same words, no full stop
        figures=[{"label": "số hội nghị", "value": "2", "unit": "Hội nghị"}],
        proposals="Đề nghị bố trí kinh phí tuyên truyền",
        review_state=ReviewState.ACCEPTED,
    )
    path = tmp_path / "r.docx"
    path.write_bytes(build_report(scenario.document, period, today))
    text = docx_text(path)
    assert long_text in text  # full task text, never cut
    assert text.count("Đã tổ chức 3 hội nghị quán triệt kế hoạch") == 1
    assert "Đã tổ chức 3 hội nghị quán triệt kế hoạch (Sở Tư pháp, Sở TT&TT)." in text
    assert "Số hội nghị: 5 hội nghị (2 đơn vị)" in text
    assert "Kinh phí, nguồn lực tài chính" in text
    assert "Đề nghị bố trí kinh phí tuyên truyền (Sở Tư pháp, Sở TT&TT)." in text


@pytest.mark.slow
def test_printed_report_keeps_the_layout(report_file: Path, tmp_path: Path) -> None:
    printed = print_docx(report_file, tmp_path)
    assert printed.size == pytest.approx((210 * MM, 297 * MM), abs=1)
    assert any(TITLE in line for line in printed.lines), "national title wrapped"
    assert any(MOTTO in line for line in printed.lines), "motto wrapped"
    assert "Liberation Serif" in printed.fonts.replace("LiberationSerif", "Liberation Serif")
    assert "DejaVu" not in printed.fonts
    assert printed.left >= 30 * MM - 2  # left margin 30 mm
    assert printed.right <= (210 - 15) * MM + 2  # right margin 15 mm
    assert printed.top >= 20 * MM - 2
    for block in ("BÁO CÁO", "Kính gửi: Ủy ban nhân dân tỉnh Hòa Lâm.", "Nơi nhận:", "KT. GIÁM ĐỐC",
                  "KHÓ KHĂN, VƯỚNG MẮC", "Hoàn thành quá hạn"):  # fmt: skip
        assert block in printed.text, block


@pytest.mark.slow
def test_title_stays_on_one_line_in_a_wider_fallback_font(
    report_file: Path, tmp_path: Path
) -> None:
    wide = with_font(report_file, "DejaVu Serif", tmp_path / "wide.docx")
    printed = print_docx(wide, tmp_path)
    assert "DejaVuSerif" in printed.fonts
    assert any(TITLE in line for line in printed.lines), "national title wrapped"
    assert any(MOTTO in line for line in printed.lines), "motto wrapped"


def test_page_numbers_rule_and_no_unit_named_twice(
    scenario: Scenario, org: Org, today: datetime.date, tmp_path: Path
) -> None:
    """NĐ 30/2020: page numbers centred at the top from page 2, a short rule
    under the issuing body; a result that already names its unit is not
    followed by the same name in brackets; the subject reads without a dash."""
    TaskReport.objects.filter(
        task=scenario.tasks["II.1.a"], period=scenario.period_2025, unit=org.justice
    ).update(result="Sở Tư pháp đã tổ chức 2 lớp tập huấn cho cán bộ pháp chế.")
    path = tmp_path / "r.docx"
    path.write_bytes(build_report(scenario.document, scenario.period_2025, today))
    doc = open_docx(str(path))
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    header_xml = section.header._element.xml
    assert "PAGE" in header_xml and 'w:fldCharType="begin"' in header_xml
    assert not section.first_page_header.paragraphs[0].text.strip()
    left = doc.tables[0].rows[0].cells[0]
    ruled = [p for p in left.paragraphs if p._p.xpath("./w:pPr/w:pBdr")]
    assert len(ruled) == 1 and ruled[0].paragraph_format.left_indent.mm > 10
    text = docx_text(path)
    assert "- Sở Tư pháp đã tổ chức 2 lớp tập huấn cho cán bộ pháp chế." in text
    assert "cán bộ pháp chế (Sở Tư pháp)" not in text
    assert "— năm 2025" not in text and "Kết quả năm 2025 thực hiện Kế hoạch số 77" in text


@pytest.mark.slow
def test_printed_pages_are_numbered_from_the_second(
    scenario: Scenario, today: datetime.date, tmp_path: Path
) -> None:
    path = tmp_path / "r.docx"
    path.write_bytes(build_report(scenario.document, scenario.period_2025, today))
    printed = print_docx(path, tmp_path)
    assert printed.pages >= 2
    import subprocess

    first, second = (
        subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), str(printed.pdf), "-"],
            capture_output=True, text=True, check=True,
        ).stdout.split()[0]
        for n in (1, 2)
    )  # fmt: skip
    assert first != "1" and second == "2"
