"""Header of a scanned plan: columns read row by row, a received stamp, misread marks.

Fictional lines in the layout Tesseract gives for a two-column header with
an office's received stamp beside the title (province Lâm Giang).
"""

from __future__ import annotations

from theodoi.text.extract.metadata import extract_metadata, header_lines
from theodoi.text.extract.scanheader import (
    drop_junk_start,
    fix_org_words,
    is_letterhead_line,
    issuer_pieces,
    kind_code,
    letterhead_apart,
    place_before_day,
)
from theodoi.text.outline.lines import Line, clean
from theodoi.text.outline.stamps import is_stamp_line, strip_stamp_fields
from theodoi.text.parse import parse_source
from theodoi.text.readers.ocr import ocr_page_text
from theodoi.text.source import Paragraph, SourceText

_SCAN = [
    "——_ BỘ TÀI NGUYÊN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM TỎ CÔNG TÁC LIÊN NGÀNH TW "
    "Độc lập - Tự do - Hạnh phúc",
    "Số:ØÓ6” /KH-TCTLN Hà Nội, ngày44tháng nam 2026",
    "UBND TỈNH LÂM GIANG",
    "Sở:...Á6.44,......... KẾ HOẠCH Rà soát nguồn nước sinh hoạt Chuyển: Ê,:/W,........ năm 2026",
    "Số và ký hiệu HS:",
    "99900909000090000002g0",
    "Thực hiện Quyết định số 12/QĐ-BTN ngày 04/3/2026 của Bộ trưởng;",
    "I. MỤC ĐÍCH, YÊU CẦU",
]


def test_issuer_lines_between_the_motto_lines() -> None:
    assert issuer_pieces(_SCAN[0]) == ["BỘ TÀI NGUYÊN", "TỔ CÔNG TÁC LIÊN NGÀNH TRUNG ƯƠNG"]
    assert issuer_pieces("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == []
    assert issuer_pieces("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc") == []


def test_misread_marks_of_organisation_words() -> None:
    assert fix_org_words("TỎ CÔNG TÁC LIÊN NGÀNH TW") == "TỔ CÔNG TÁC LIÊN NGÀNH TRUNG ƯƠNG"
    assert fix_org_words("ỦY BAN NHẦN DÂN TỈNH") == "ỦY BAN NHÂN DÂN TỈNH"
    assert fix_org_words("TỔNG CÔNG TY") == "TỔNG CÔNG TY"


def test_what_a_damaged_number_and_date_still_say() -> None:
    assert kind_code("Số:ØÓ6” /KH-TCTLN Hà Nội") == "KH-TCTLN"
    assert kind_code("Số: /KH-UBND") is None  # a draft's blank number is read elsewhere
    assert place_before_day("Số:ØÓ6” /KH-TCTLN Hà Nội, ngày44tháng nam 2026") == "Hà Nội"
    assert place_before_day("Số: /KH-UBND Lâm Giang. ngày tháng năm 2026") == "Lâm Giang"
    assert place_before_day("theo Kế hoạch, ngày làm việc") is None


def test_stamp_fields_and_lines() -> None:
    assert strip_stamp_fields(_SCAN[3]) == "KẾ HOẠCH Rà soát nguồn nước sinh hoạt năm 2026"
    assert is_stamp_line("Số và ký hiệu HS:") and is_stamp_line("ĐẾN Số:....12.... Ngày:...3/4...")
    assert not is_stamp_line("Số:....../KH-UBND")  # a draft's blank number stays
    assert strip_stamp_fields("Số:....../KH-UBND") == "Số:....../KH-UBND"


def test_junk_before_a_title() -> None:
    assert drop_junk_start("Ni j0AItoke. Rà soát nguồn nước") == "Rà soát nguồn nước"
    assert drop_junk_start("Rà soát 35 xã năm 2026") == "Rà soát 35 xã năm 2026"
    assert drop_junk_start("Kiểm tra trạm N2O khu C04") == "Kiểm tra trạm N2O khu C04"


def test_metadata_of_a_scan_comes_from_its_own_header() -> None:
    source = SourceText(blocks=[Paragraph(p) for p in _SCAN], ocr=True)
    lines = clean(source).lines
    texts = [line.text for line in lines]
    assert "UBND TỈNH LÂM GIANG" not in texts and "Số và ký hiệu HS:" not in texts
    head = header_lines(lines[:80])
    preamble = texts[:-1]
    info = extract_metadata(head, preamble, "\n".join(texts), [], [])
    assert info.issuer == "Tổ Công tác liên ngành trung ương"
    assert (info.issuer_type, info.level) == ("government", "central")
    assert (info.kind, info.place, info.number, info.date) == ("ke_hoach", "Hà Nội", None, None)
    assert info.title is not None and info.title.startswith("Rà soát nguồn nước")


def test_a_text_document_keeps_its_lines() -> None:
    lines = ["UBND TỈNH LÂM GIANG", "Số:....../KH-UBND", "KẾ HOẠCH"]
    source = SourceText(blocks=[Paragraph(p) for p in lines], ocr=False)
    assert [line.text for line in clean(source).lines] == lines
    ocr = SourceText(blocks=[Paragraph(p) for p in lines], ocr=True)
    assert [line.text for line in clean(ocr).lines] == lines
    assert Line  # the cleaned lines are plain Line objects


# A stacked letterhead as Tesseract gives it: one block of lines, no blank line
# between them (fictional decision of the Prime Minister, region Hòa Lâm).
_STACKED = """THỦ TƯỚNG CHÍNH PHỦ
Số: 1375/QĐ-TTg
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 18 tháng 8 năm 2026
QUYẾT ĐỊNH
Ban hành Kế hoạch hành động thực hiện Chiến lược phát triển bền vững vùng
đồi núi Hòa Lâm đến năm 2030
THỦ TƯỚNG CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
Căn cứ Quyết định số 902/QĐ-TTg ngày 05 tháng 3 năm 2026 của Thủ tướng Chính
phủ phê duyệt Chiến lược phát triển bền vững vùng đồi núi Hòa Lâm;
"""


def test_stacked_letterhead_lines_stay_apart() -> None:
    """Each letterhead line is a paragraph; the title's two lines stay one, and
    the preamble's wrapped lines are joined as before."""
    texts = [p.text for p in ocr_page_text(_STACKED, 1)]
    assert texts[:6] == _STACKED.splitlines()[:6]
    assert texts[6] == (
        "Ban hành Kế hoạch hành động thực hiện Chiến lược phát triển bền vững vùng "
        "đồi núi Hòa Lâm đến năm 2030"
    )
    assert texts[7] == "THỦ TƯỚNG CHÍNH PHỦ"
    assert texts[-1].startswith("Căn cứ Quyết định số 902/QĐ-TTg") and len(texts) == 10


def test_stacked_letterhead_gives_number_date_and_issuer() -> None:
    source = SourceText(blocks=ocr_page_text(_STACKED, 1), input_kind="pdf-scan", ocr=True)
    info = parse_source(source, restore=False).document
    assert (info.issuer, info.number, info.date, info.place) == (
        "Thủ tướng Chính phủ",
        "1375/QĐ-TTg",
        "2026-08-18",
        "Hà Nội",
    )
    assert info.title is not None and info.title.startswith("Ban hành Kế hoạch hành động")


def test_two_columns_on_one_line_are_left_to_issuer_pieces() -> None:
    """A line holding the issuer and the motto is not a letterhead line of its own;
    later pages are never touched (a caps heading there may wrap)."""
    assert not is_letterhead_line(_SCAN[0])
    assert is_letterhead_line("Số: 1375/QĐ-TTg")
    lines = ["DANH MỤC NHIỆM VỤ THỰC HIỆN CHIẾN LƯỢC", "VÙNG ĐỒI NÚI HÒA LÂM"]
    assert letterhead_apart(lines)[:3] == ["", lines[0], ""]
    assert [p.text for p in ocr_page_text("\n".join(lines), 2)] == [" ".join(lines)]
