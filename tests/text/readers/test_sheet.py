"""Spreadsheets in: real .xlsx files written with openpyxl, real CSV bytes."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from theodoi.text.readers.sheet import read_sheet
from theodoi.text.source import InputError

HEADER = ["Số thứ tự", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian"]
ROWS = [
    ["II.1", "Tuyên truyền kế hoạch trên địa bàn tỉnh Hòa Lâm", "Sở Nội vụ", "Thường xuyên"],
    ["II.2", "Rà soát thủ tục hành chính", "Sở Tư pháp; UBND các huyện", "Quý II/2025"],
]


def workbook(path: Path, rows: list[list[object]], *, first_title: str = "Nhiệm vụ") -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = first_title
    for row in rows:
        sheet.append(row)
    book.create_sheet("Khác").append(["không", "đọc"])
    book.save(path)
    return path


def test_xlsx_first_sheet_rows_keyed_by_header(tmp_path: Path) -> None:
    path = workbook(tmp_path / "nv.xlsx", [HEADER, *ROWS])
    records = read_sheet(path)
    assert records == [dict(zip(HEADER, row, strict=True)) for row in ROWS]


def test_xlsx_numbers_blanks_and_short_rows(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["Mã", "Tên", "Ghi chú"],
        [12.0, "  Sở Tài chính ", None],
        [None, None, None],
        [3.5, "UBND huyện Đông Sơn"],
    ]
    records = read_sheet(workbook(tmp_path / "dv.xlsx", rows))
    assert records == [
        {"Mã": "12", "Tên": "Sở Tài chính", "Ghi chú": ""},
        {"Mã": "", "Tên": "", "Ghi chú": ""},  # kept: record i is spreadsheet row i + 2
        {"Mã": "3.5", "Tên": "UBND huyện Đông Sơn", "Ghi chú": ""},
    ]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_utf8_with_or_without_bom(tmp_path: Path, encoding: str, delimiter: str) -> None:
    lines = [delimiter.join(HEADER)] + [
        delimiter.join(f'"{cell}"' if "," in cell or ";" in cell else cell for cell in row)
        for row in ROWS
    ]
    path = tmp_path / "nv.csv"
    path.write_bytes("\r\n".join(lines).encode(encoding))
    records = read_sheet(path)
    assert [record["Cơ quan chủ trì"] for record in records] == [ROWS[0][2], ROWS[1][2]]
    assert list(records[0]) == HEADER


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.xls", b"x", "unsupported table format .xls"),
        ("a.csv", "Tên\nĐông Sơn\n".encode("cp1258"), "not UTF-8"),
        ("a.csv", b"", "empty"),
        ("a.csv", "Tên,,Mã\nx,y,z\n".encode(), "the header row has an empty column name"),
        ("a.csv", "Tên,Tên\nx,y\n".encode(), "the header repeats column Tên"),
        ("a.csv", "Tên,Mã\nx,y,z\n".encode(), "row 2 has more cells"),
        ("a.xlsx", b"PK\x03\x04 not really a zip", "not a readable .xlsx"),
        ("a.xlsx", "Tên\nx\n".encode(), "not a readable .xlsx"),
    ],
)
def test_bad_files_are_named(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_sheet(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_sheet(tmp_path / "none.csv")
