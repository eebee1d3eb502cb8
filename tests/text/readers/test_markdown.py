"""Markdown transcriptions of plans: markup taken off, layout tables read column by
column, set-apart lines kept apart; files without markdown left as they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from theodoi.text.parse import parse_file
from theodoi.text.readers.markdown import looks_like_markdown, plain_lines, unmark


@pytest.mark.parametrize(
    ("line", "plain"),
    [
        ("**II. NHIỆM VỤ, GIẢI PHÁP**", "II. NHIỆM VỤ, GIẢI PHÁP"),
        ("*Lâm Giang, ngày 05 tháng 3 năm 2026*", "Lâm Giang, ngày 05 tháng 3 năm 2026"),
        ("**1. Ban Thường vụ Đảng ủy** lãnh đạo", "1. Ban Thường vụ Đảng ủy lãnh đạo"),
        ("1\\. Các chi bộ trực thuộc", "1. Các chi bộ trực thuộc"),
        ("\\- Đảng ủy lãnh đạo", "- Đảng ủy lãnh đạo"),
        ("## III. TỔ CHỨC THỰC HIỆN", "III. TỔ CHỨC THỰC HIỆN"),
        ("***Thời gian: Quý I năm 2026.***", "Thời gian: Quý I năm 2026."),
        ("* Đơn vị thực hiện: Sở Nội vụ", "* Đơn vị thực hiện: Sở Nội vụ"),  # a bullet stays
        ("Năm 2026 * 2 lớp", "Năm 2026 * 2 lớp"),
    ],
)
def test_unmark(line: str, plain: str) -> None:
    assert unmark(line) == plain


def test_text_without_markdown_is_left_alone() -> None:
    ocr = ["* Tổ chức hội nghị *", "Thời gian: Quý I/2026", "1\\ sai lệch"]
    assert not looks_like_markdown(ocr)
    assert plain_lines(ocr) == (ocr, frozenset())


def test_header_table_read_column_by_column() -> None:
    lines = [
        "| TỈNH ỦY LÂM GIANG | ĐẢNG CỘNG SẢN VIỆT NAM |",
        "|---|---|",
        "| **BAN CHỈ ĐẠO 35**<br>\\* | |",
        "| Số: 03-KH/BCĐ | *Lâm Giang, ngày 09 tháng 02 năm 2026* |",
        "",
        "**KẾ HOẠCH**",
    ]
    out, alone = plain_lines(lines)
    assert out[:7] == [
        "TỈNH ỦY LÂM GIANG",
        "BAN CHỈ ĐẠO 35",
        "*",
        "Số: 03-KH/BCĐ",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Lâm Giang, ngày 09 tháng 02 năm 2026",
        "",
    ]
    assert out[7] == "KẾ HOẠCH" and {0, 1, 2, 3, 4, 5, 7} <= alone


def test_cells_run_together_are_split() -> None:
    lines = [
        "|   |   |",
        "|---|---|",
        "| TỈNH ỦY LÂM GIANG **BAN CHỈ ĐẠO PHÒNG, CHỐNG THAM NHŨNG** \\* Số 05-KH/BCĐ "
        "| **ĐẢNG CỘNG SẢN VIỆT NAM** *Lâm Giang, ngày 14 tháng 4 năm 2026* |",
    ]
    out, _alone = plain_lines(lines)
    assert out == [
        "TỈNH ỦY LÂM GIANG",
        "BAN CHỈ ĐẠO PHÒNG, CHỐNG THAM NHŨNG",
        "*",
        "Số 05-KH/BCĐ",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Lâm Giang, ngày 14 tháng 4 năm 2026",
    ]


def test_task_table_keeps_its_rows() -> None:
    lines = [
        "## II. NHIỆM VỤ",
        "| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian thực hiện |",
        "|---|---|---|---|",
        "| 1 | **Số hóa** hồ sơ<br>đảng viên | Văn phòng Tỉnh ủy | Năm 2026 |",
    ]
    out, _alone = plain_lines(lines)
    assert out[1:] == [
        "| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian thực hiện |",
        "|---|---|---|---|",
        "| 1 | Số hóa hồ sơ<br>đảng viên | Văn phòng Tỉnh ủy | Năm 2026 |",  # a cell's break kept
    ]


BODY = """
**I. MỤC ĐÍCH, YÊU CẦU**

Bảo đảm thống nhất.

**II. NHIỆM VỤ, GIẢI PHÁP**

1\\. Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy rà soát quy chế.

*Thời gian: Quý II năm 2026.*
"""

HEADERS = {
    "flattened-bold": (
        "**TỈNH ỦY LÂM GIANG**\n\n**BAN CHỈ ĐẠO 35**\n\n\\*\n\nSố: 03-KH/BCĐ\n\n"
        "**ĐẢNG CỘNG SẢN VIỆT NAM**\n\n*Lâm Giang, ngày 09 tháng 02 năm 2026*\n\n"
        "**KẾ HOẠCH**\n\n**bảo vệ nền tảng tư tưởng của Đảng năm 2026**\n"
    ),
    "right-column-first": (
        "**ĐẢNG CỘNG SẢN VIỆT NAM**\n\n*Lâm Giang, ngày 09 tháng 02 năm 2026*\n\n"
        "**TỈNH ỦY LÂM GIANG**\n\n**BAN CHỈ ĐẠO 35**\n\nSố 03-KH/BCĐ\n\n"
        "# KẾ HOẠCH\n\n## Bảo vệ nền tảng tư tưởng của Đảng năm 2026\n"
    ),
    "grid-table": (
        "+----------------------+----------------------------+\n"
        "| **TỈNH ỦY LÂM GIANG** | **ĐẢNG CỘNG SẢN VIỆT NAM** |\n"
        "|                      |                            |\n"
        "| **BAN CHỈ ĐẠO 35**   | *Lâm Giang, ngày 09 tháng  |\n"
        "| \\*                   | 02 năm 2026*               |\n"
        "|                      |                            |\n"
        "| Số 03-KH/BCĐ         |                            |\n"
        "+----------------------+----------------------------+\n\n"
        "**KẾ HOẠCH**\\\n**bảo vệ nền tảng tư tưởng của <u>Đảng</u> năm 2026**\n"
    ),
    "pipe-table": (
        "| | |\n|---|---|\n"
        "| **TỈNH ỦY LÂM GIANG**<br>**BAN CHỈ ĐẠO 35**<br>\\* | **ĐẢNG CỘNG SẢN VIỆT NAM** |\n"
        "| Số: 03-KH/BCĐ | *Lâm Giang, ngày 09 tháng 02 năm 2026* |\n\n"
        "**KẾ HOẠCH**\n**bảo vệ nền tảng tư tưởng của Đảng năm 2026**\n"
    ),
}


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_steering_committee_header_variants(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.md"
    path.write_text(HEADERS[name] + BODY, encoding="utf-8")
    result = parse_file(path).to_json_dict()
    info = result["document"]
    assert info["issuer"] == "Ban Chỉ đạo 35 tỉnh Lâm Giang"
    assert info["issuer_parent"] == "Tỉnh ủy Lâm Giang"
    assert (info["issuer_type"], info["level"]) == ("party", "province")
    assert (info["kind"], info["number"]) == ("ke_hoach", "03-KH/BCĐ")
    assert (info["place"], info["date"]) == ("Lâm Giang", "2026-02-09")
    assert info["title"] == "Bảo vệ nền tảng tư tưởng của Đảng năm 2026"
    task = result["tasks"][0]
    assert (task["path"], task["lead"], task["timing"]) == (
        "II.1",
        ["Ban Tổ chức Tỉnh ủy"],
        "Quý II năm 2026",
    )


def test_district_committee_columns_joined_on_lines(tmp_path: Path) -> None:
    """Both columns of each header row on one markdown line, the kind apart."""
    path = tmp_path / "kh-huyen-uy.md"
    path.write_text(
        "ĐẢNG BỘ TỈNH LÂM GIANG **ĐẢNG CỘNG SẢN VIỆT NAM**\n\n**HUYỆN ỦY ĐÔNG SƠN**\n\n\\*\n\n"
        "Số 120-KH/HU *Đông Sơn, ngày 02 tháng 6 năm 2026*\n\n**KẾ HOẠCH**\n\n"
        "**tổ chức Đại hội chi bộ trực thuộc nhiệm kỳ 2026 - 2031**\n" + BODY,
        encoding="utf-8",
    )
    info = parse_file(path).to_json_dict()["document"]
    assert info["issuer"] == "Huyện ủy Đông Sơn"
    assert info["issuer_parent"] == "Đảng bộ tỉnh Lâm Giang"
    assert (info["number"], info["place"], info["date"]) == ("120-KH/HU", "Đông Sơn", "2026-06-02")
    assert (info["issuer_type"], info["level"]) == ("party", "district")
    assert info["title"] == "Tổ chức Đại hội chi bộ trực thuộc nhiệm kỳ 2026 - 2031"
