"""A task list in a spreadsheet becomes the parse result of a document."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from theodoi.text.source import InputError
from theodoi.text.tasklist import match_headers, read_task_sheet


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (
            [
                "STT",
                "Nội dung nhiệm vụ",
                "Cơ quan chủ trì",
                "Cơ quan phối hợp",
                "Thời gian hoàn thành",
            ],
            ["path", "text", "lead", "coordinating", "timing"],
        ),
        (
            ["No.", "Task", "Lead agency", "Coordinating agencies", "Deadline"],
            ["path", "text", "lead", "coordinating", "timing"],
        ),
        (
            ["tt", "nhiem vu", "don vi chu tri", "phoi hop", "thoi han"],
            ["path", "text", "lead", "coordinating", "timing"],
        ),
        (["Nhiệm vụ số", "Nội dung nhiệm vụ", "Đơn vị"], ["path", "text"]),
    ],
)
def test_headers_matched_by_meaning(headers: list[str], expected: list[str]) -> None:
    found = match_headers(headers)
    assert sorted(found) == sorted(expected)
    assert [found[name] for name in expected] == headers[: len(expected)]


def test_xlsx_task_list_to_parse_result(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian"])
    sheet.append(
        [
            "1.",
            "Tuyên truyền kế hoạch",
            "Sở Nội vụ",
            "Sở Tư pháp; UBND các huyện, thị xã, thành phố",
            "Quý II/2025",
        ]
    )
    sheet.append([None, None, None, None, None])
    sheet.append(["2", "Rà soát thủ tục", "Sở Tư pháp", None, "Thường xuyên"])
    sheet.append(["3", None, "Sở Tư pháp", None, None])
    path = tmp_path / "ke-hoach-trien-khai.xlsx"
    book.save(path)
    result = read_task_sheet(path).to_json_dict()
    tasks = result["tasks"]
    assert [t["path"] for t in tasks] == ["1", "2"]
    assert tasks[0]["coordinating"] == ["Sở Tư pháp", "UBND các huyện, thị xã, thành phố"]
    assert tasks[0]["lead"] == ["Sở Nội vụ"]
    assert tasks[0]["timing_normalized"]["kind"] == "quarter"
    assert tasks[1]["timing_normalized"]["kind"] == "continuous"
    assert result["document"]["kind"] == "ke_hoach"
    assert any("row 5: no task text" in w for w in result["warnings"])  # the blank row 4: silent
    assert len(result["warnings"]) == 1


def test_csv_without_a_task_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Mã,Tên đơn vị\n1,Sở Nội vụ\n", encoding="utf-8")
    with pytest.raises(InputError, match="no column names the tasks"):
        read_task_sheet(path)
