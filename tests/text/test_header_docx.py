"""A Word plan whose header is the usual two-column table (issuer block and
number on the left, motto and "place, date" on the right) gives its metadata
end to end: python-docx writes the file, the reader and parser read it."""

from __future__ import annotations

from pathlib import Path

import docx

from theodoi.text.parse import parse_file

BODY = [
    "KẾ HOẠCH",
    "Phát triển giao thông nông thôn giai đoạn 2026 – 2030",
    "Thực hiện Nghị quyết số 14-NQ/TU ngày 02/01/2026 của Tỉnh ủy, Sở Xây dựng ban hành "
    "Kế hoạch như sau:",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "Nâng cao chất lượng đường giao thông nông thôn trên địa bàn tỉnh.",
    "II. NHIỆM VỤ, GIẢI PHÁP",
    "1. Rà soát hiện trạng đường giao thông các xã trong tỉnh.",
    "- Cơ quan chủ trì: Phòng Quản lý giao thông.",
    "2. Lập danh mục tuyến đường ưu tiên đầu tư năm 2027.",
    "- Cơ quan chủ trì: Phòng Kế hoạch - Tài chính.",
]


def _plan(path: Path) -> Path:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.text = "UBND TỈNH HÒA LÂM"
    left.add_paragraph("SỞ XÂY DỰNG")
    left.add_paragraph("Số:      /KH-SXD")
    right.text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    right.add_paragraph("Hòa Lâm, ngày      tháng 5 năm 2026")
    for line in BODY:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def test_header_table_of_a_department_draft(tmp_path: Path) -> None:
    info = parse_file(_plan(tmp_path / "ke-hoach-sxd.docx")).to_json_dict()["document"]
    assert info["issuer"] == "Sở Xây dựng tỉnh Hòa Lâm"
    assert info["issuer_parent"] == "UBND tỉnh Hòa Lâm"
    assert (info["number"], info["draft"], info["kind"]) == (None, True, "ke_hoach")
    assert (info["place"], info["date"]) == ("Hòa Lâm", None)
    assert (info["issuer_type"], info["level"]) == ("government", "province")
    assert info["title"] == "Phát triển giao thông nông thôn giai đoạn 2026 – 2030"
    assert info["horizon"] == {"text": "giai đoạn 2026 – 2030", "start": 2026, "end": 2030}
    assert info["implements"] == ["14-NQ/TU"]


def _party_plan(path: Path, left: list[str], right: list[str]) -> Path:
    """A party plan's header table (HD 36-HD/VPTW layout): issuer block, star and
    number on the left, the party's name and "place, date" on the right."""
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    cells = table.rows[0].cells
    for cell, lines in zip(cells, (left, right), strict=True):
        cell.text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    for line in ["KẾ HOẠCH", "Chuyển đổi số trong các cơ quan đảng năm 2026", *BODY[3:]]:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def test_header_table_of_a_steering_committee_of_the_party(tmp_path: Path) -> None:
    path = _party_plan(
        tmp_path / "kh-bcd.docx",
        ["TỈNH ỦY HÒA LÂM", "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ", "*", "Số 11-KH/BCĐ"],
        ["ĐẢNG CỘNG SẢN VIỆT NAM", "Hòa Lâm, ngày 12 tháng 01 năm 2026"],
    )
    info = parse_file(path).to_json_dict()["document"]
    assert info["issuer"] == "Ban Chỉ đạo chuyển đổi số tỉnh Hòa Lâm"
    assert info["issuer_parent"] == "Tỉnh ủy Hòa Lâm"
    assert (info["issuer_type"], info["level"]) == ("party", "province")
    assert (info["number"], info["kind"]) == ("11-KH/BCĐ", "ke_hoach")
    assert (info["place"], info["date"]) == ("Hòa Lâm", "2026-01-12")
    assert info["title"] == "Chuyển đổi số trong các cơ quan đảng năm 2026"


def test_header_table_of_a_commune_party_committee(tmp_path: Path) -> None:
    path = _party_plan(
        tmp_path / "kh-dang-uy-xa.docx",
        ["ĐẢNG BỘ TỈNH HÒA LÂM", "ĐẢNG ỦY XÃ TÂN PHÚ", "*", "Số 22-KH/ĐU"],
        ["ĐẢNG CỘNG SẢN VIỆT NAM", "Tân Phú, ngày 05 tháng 3 năm 2026"],
    )
    info = parse_file(path).to_json_dict()["document"]
    assert (info["issuer"], info["issuer_parent"]) == ("Đảng ủy xã Tân Phú", "Đảng bộ tỉnh Hòa Lâm")
    assert (info["issuer_type"], info["level"]) == ("party", "commune")
    assert (info["number"], info["place"], info["date"]) == ("22-KH/ĐU", "Tân Phú", "2026-03-05")


def test_header_table_of_a_provincial_standing_board(tmp_path: Path) -> None:
    path = _party_plan(
        tmp_path / "kh-btv.docx",
        ["ĐẢNG BỘ TỈNH HÒA LÂM", "BAN THƯỜNG VỤ TỈNH ỦY", "*", "Số 30-KH/TU"],
        ["ĐẢNG CỘNG SẢN VIỆT NAM", "Hòa Lâm, ngày 02 tháng 4 năm 2026"],
    )
    info = parse_file(path).to_json_dict()["document"]
    assert info["issuer"] == "Ban Thường vụ Tỉnh ủy Hòa Lâm"
    assert (info["issuer_type"], info["level"]) == ("party", "province")


def test_issuer_under_the_kind_line_and_a_cited_date_in_the_title(tmp_path: Path) -> None:
    """'CHƯƠNG TRÌNH' / 'CỦA BAN THƯỜNG VỤ TỈNH ỦY' / 'thực hiện Nghị quyết số 43-NQ/TW,
    ngày 24/11/2023' / …: the caps line names the issuer, the date in the title cites the
    resolution (it is no place-and-date line), one paragraph per line as Word keeps it."""
    document = docx.Document()
    for line in [
        "CHƯƠNG TRÌNH",
        "CỦA BAN THƯỜNG VỤ TỈNH ỦY",
        "thực hiện Nghị quyết số 43-NQ/TW, ngày 24/11/2023",
        "của Bộ Chính trị về phát triển văn hóa",
        *BODY[3:],
    ]:
        document.add_paragraph(line)
    path = tmp_path / "ctr.docx"
    document.save(str(path))
    info = parse_file(path).to_json_dict()["document"]
    assert info["kind"] == "chuong_trinh"
    assert info["title"] == (
        "Thực hiện Nghị quyết số 43-NQ/TW, ngày 24/11/2023 của Bộ Chính trị về phát triển văn hóa"
    )
