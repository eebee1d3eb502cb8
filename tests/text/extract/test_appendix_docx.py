"""A Word plan whose appendix table repeats the body's duties, built with python-docx.

Fictional: "tỉnh Hòa Lâm". The table has a group row, a monitoring column, a task
cell merged down over two sub-rows, a number printed "05" and a row whose bodies
are those assigned by another decision.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from theodoi.text.model import Task
from theodoi.text.parse import parse_file

BODY = [
    "ỦY BAN NHÂN DÂN TỈNH HÒA LÂM",
    "Số: 21/KH-UBND",
    "KẾ HOẠCH",
    "Cải cách hành chính giai đoạn 2026 - 2030",
    "I. NHIỆM VỤ",
    "1. Cải cách thủ tục hành chính",
    "a) Mục tiêu",
    "- 100% thủ tục hành chính được công khai đúng quy định.",
    "b) Nhiệm vụ",
    "- Rà soát, đơn giản hóa thủ tục hành chính thuộc phạm vi quản lý của ngành.",
    "- Công bố kịp thời danh mục thủ tục hành chính mới ban hành, sửa đổi, bổ sung.",
    "- Tổ chức tiếp nhận hồ sơ thủ tục hành chính tại bộ phận một cửa các cấp.",
    "- Các cơ quan ngành dọc đóng trên địa bàn tỉnh phối hợp giải quyết hồ sơ đúng hạn.",
    "(Phân công nhiệm vụ theo Phụ lục đính kèm)",
    "II. TỔ CHỨC THỰC HIỆN",
    "Sở Nội vụ theo dõi, đôn đốc, tổng hợp báo cáo Ủy ban nhân dân tỉnh.",
    "PHỤ LỤC",
    "PHÂN CÔNG NHIỆM VỤ",
]
HEADER = (
    "STT",
    "Nhiệm vụ",
    "Sản phẩm",
    "Thời gian hoàn thành",
    "Chủ trì thực hiện",
    "Phối hợp thực hiện",
    "Trách nhiệm theo dõi, đôn đốc",
)
ROWS = [
    ("I", "Cải cách thủ tục hành chính", "", "", "", "", ""),
    (
        "1",
        "Rà soát, đơn giản hóa thủ tục hành chính thuộc phạm vi quản lý của ngành.",
        "Báo cáo rà soát",
        "Hằng năm",
        "Các sở, ban, ngành",
        "Văn phòng UBND tỉnh",
        "Văn phòng UBND tỉnh",
    ),
    (
        "2",
        "Công bố kịp thời danh mục thủ tục hành chính mới ban hành, sửa đổi, bổ sung.",
        "Quyết định công bố",
        "Hằng năm",
        "Các sở, ban, ngành",
        "",
        "Văn phòng UBND tỉnh",
    ),
    (
        "3",
        "Tổ chức tiếp nhận hồ sơ thủ tục hành chính tại bộ phận một cửa các cấp.",
        "Kết quả giải quyết",
        "Hằng năm",
        "UBND các xã, phường",
        "",
        "Văn phòng UBND tỉnh",
    ),
    (
        "4",
        "Ban hành Kế hoạch tự kiểm tra công tác cải cách hành chính hằng năm",
        "Kế hoạch kiểm tra của tỉnh",
        "Tháng 01 hằng năm",
        "Sở Nội vụ",
        "Các cơ quan, đơn vị",
        "Sở Nội vụ",
    ),
    (
        "4",
        "Ban hành Kế hoạch tự kiểm tra công tác cải cách hành chính hằng năm",
        "Kế hoạch tự kiểm tra của đơn vị",
        "Tháng 02 hằng năm",
        "Các cơ quan, đơn vị",
        "",
        "Sở Nội vụ",
    ),
    (
        "05",
        "Triển khai Quyết định số 25/QĐ-UBND ngày 10/3/2026 về thủ tục liên thông",
        "Thủ tục được thực hiện liên thông",
        "Theo các mốc thời gian tại Quyết định số 25/QĐ-UBND ngày 10/3/2026",
        "Theo phân công tại Quyết định số 25/QĐ-UBND ngày 10/3/2026",
        "Theo phân công tại Quyết định số 25/QĐ-UBND ngày 10/3/2026",
        "Sở Nội vụ",
    ),
]


@pytest.fixture(scope="module")
def tasks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Task]:
    path = tmp_path_factory.mktemp("appendix") / "kh-hoa-lam-phu-luc.docx"
    _build(path)
    return {t.path: t for t in parse_file(path).tasks}


def _build(path: Path) -> None:
    document = docx.Document()
    for line in BODY:
        document.add_paragraph(line)
    table = document.add_table(rows=1 + len(ROWS), cols=len(HEADER))
    for column, text in enumerate(HEADER):
        table.cell(0, column).text = text
    for r, row in enumerate(ROWS, start=1):
        for column, text in enumerate(row):
            table.cell(r, column).text = text
    # row 4: number and task merged down over its two sub-rows (Word keeps the top text)
    for column in (0, 1):
        table.cell(6, column).text = ""
        table.cell(5, column).merge(table.cell(6, column))
    # row 05: one cell "Theo phân công …" across the lead and coordinating columns
    table.cell(7, 5).text = ""
    table.cell(7, 4).merge(table.cell(7, 5))
    document.add_paragraph("Nơi nhận:")
    document.save(str(path))


def test_targets_hold_no_tasks_and_appendix_rows_are_tasks(tasks: dict[str, Task]) -> None:
    assert not any(p.startswith("I.1.a") for p in tasks)  # targets
    # the appendix repeats bullets 1-3 one for one: each duty is its row; bullet 4
    # (no row) stays a task of the body
    assert "I.1.b-4" in tasks
    assert not {"I.1.b-1", "I.1.b-2", "I.1.b-3"} & set(tasks)
    assert {"PL.I.1", "PL.I.2", "PL.I.3"} <= set(tasks)


def test_monitoring_column_is_no_role(tasks: dict[str, Task]) -> None:
    row = tasks["PL.I.2"]
    assert row.lead == ["Các sở, ban, ngành"]
    assert row.coordinating == [] and row.implementing == []


def test_sub_rows_of_a_merged_task_are_numbered(tasks: dict[str, Task]) -> None:
    first, second = tasks["PL.I.4-1"], tasks["PL.I.4-2"]
    assert first.lead == ["Sở Nội vụ"] and second.lead == ["Các cơ quan, đơn vị"]
    assert second.timing is not None and second.timing.text == "Tháng 02 hằng năm"


def test_assignment_by_another_decision_names_no_body(tasks: dict[str, Task]) -> None:
    row = tasks["PL.I.5"]  # printed "05"
    assert row.lead == [] and row.coordinating == []
    assert row.timing is not None and row.timing.kind == "other"  # not the decision's date


def test_an_attachment_after_a_signature_table_is_an_appendix(tmp_path: Path) -> None:
    """Signature laid out as a table, then "PHÂN CÔNG NHIỆM VỤ" / "(Kèm theo Kế hoạch
    số …)" and the table: its rows are the appendix's tasks, not sub-items of the last
    duty of the body."""
    document = docx.Document()
    for line in (
        "SỞ TƯ PHÁP TỈNH HÒA LÂM",
        "Số: 40/KH-STP",
        "KẾ HOẠCH",
        "Tập huấn hòa giải viên năm 2026",
        "I. TỔ CHỨC THỰC HIỆN",
        "1. Giao phòng Phổ biến pháp luật chủ trì tổ chức lớp tập huấn.",
        "2. Văn phòng Sở bảo đảm kinh phí tổ chức lớp tập huấn.",
        "Trên đây là Kế hoạch tập huấn hòa giải viên năm 2026 của Sở Tư pháp.",
    ):
        document.add_paragraph(line)
    signature = document.add_table(rows=1, cols=2)
    signature.cell(0, 0).text = "Nơi nhận:\n- Lưu: VT."
    signature.cell(0, 1).text = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"
    document.add_paragraph("PHÂN CÔNG NHIỆM VỤ CỦA TỔ GIÚP VIỆC")
    document.add_paragraph("(Kèm theo Kế hoạch số 40/KH-STP của Sở Tư pháp)")
    table = document.add_table(rows=3, cols=3)
    for row, cells in enumerate(
        (
            ("TT", "Nhiệm vụ thực hiện", "Người thực hiện"),
            ("1", "Chuẩn bị tài liệu tập huấn", "Trần Văn Bình"),
            ("2", "Tổng hợp danh sách học viên", "Lê Thị Hoa"),
        )
    ):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    path = tmp_path / "attachment.docx"
    document.save(str(path))
    tasks = {t.path: t for t in parse_file(path).tasks}
    assert set(tasks) == {"I.1", "I.2", "PL.1", "PL.2"}
    assert tasks["PL.2"].implementing == ["Lê Thị Hoa"]
