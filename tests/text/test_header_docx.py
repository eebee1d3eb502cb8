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
