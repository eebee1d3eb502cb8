"""An appendix table repeating the body's duties one for one replaces them (spec,
"Task tables and appendices"); one that only resembles them does not."""

from __future__ import annotations

from theodoi.text.extract.repeats import drop_repeated_duties
from theodoi.text.model import Task

DUTIES = [
    "Rà soát, đơn giản hóa thủ tục hành chính trong lĩnh vực đất đai của tỉnh Lâm Giang.",
    "Sở Tư pháp tham mưu Ủy ban nhân dân tỉnh số hóa hồ sơ hộ tịch trên địa bàn tỉnh.",
    "Tổ chức đối thoại định kỳ với doanh nghiệp về thủ tục hành chính thuế. "
    "Công khai kết quả đối thoại trên Cổng thông tin điện tử tỉnh.",
    "Các cơ quan ngành dọc đóng trên địa bàn tỉnh phối hợp giải quyết hồ sơ đúng hạn.",
]
ROWS = [
    "Rà soát, đơn giản hóa thủ tục hành chính trong lĩnh vực đất đai của tỉnh Lâm Giang",
    "Tham mưu UBND tỉnh số hóa hồ sơ hộ tịch trên địa bàn tỉnh",
    "Tổ chức đối thoại định kỳ với doanh nghiệp về thủ tục hành chính thuế",
    "Công khai kết quả đối thoại trên Cổng thông tin điện tử tỉnh",
]


def _tasks(duties: list[str], rows: list[str]) -> list[Task]:
    body = [Task(path=f"II.1-{i}", section="NHIỆM VỤ", text=t) for i, t in enumerate(duties, 1)]
    table = [
        Task(path=f"PL.I.{i}", section="PHỤ LỤC", text=t, source="table")
        for i, t in enumerate(rows, 1)
    ]
    return body + table


def test_each_repeated_duty_is_its_row() -> None:
    kept = [t.path for t in drop_repeated_duties(_tasks(DUTIES, ROWS))]
    # the subject "Sở Tư pháp" and "Ủy ban nhân dân" written "UBND" do not hide a repeat;
    # the third duty became two rows; the fourth has no row and stays a task
    assert kept == ["II.1-4", "PL.I.1", "PL.I.2", "PL.I.3", "PL.I.4"]


def test_rows_in_another_order_repeat_only_what_stays_in_order() -> None:
    rows = [ROWS[2], ROWS[0], ROWS[1]]  # the third duty's row first
    kept = {t.path for t in drop_repeated_duties(_tasks(DUTIES, rows))}
    assert {"II.1-3", "II.1-4"} <= kept and "II.1-1" not in kept and "II.1-2" not in kept


def test_a_summary_table_lifting_clauses_out_of_long_duties_repeats_nothing() -> None:
    long = [
        d + " Đồng thời xây dựng cơ sở dữ liệu chuyên ngành, bảo đảm kết nối với hệ thống"
        " thông tin giải quyết thủ tục hành chính của tỉnh, hoàn thành trong năm 2026 và"
        " báo cáo kết quả thực hiện về Sở Nội vụ để tổng hợp theo quy định."
        for d in DUTIES
    ]
    kept = drop_repeated_duties(_tasks(long, ROWS))
    assert len(kept) == len(long) + len(ROWS)


def test_duties_that_merely_share_a_theme_are_kept() -> None:
    rows = [
        "Tổ chức kiểm tra công tác cải cách hành chính tại các xã",
        "Khảo sát sự hài lòng của người dân đối với dịch vụ công",
        "Tổng kết công tác cải cách hành chính năm 2026",
    ]
    kept = drop_repeated_duties(_tasks(DUTIES, rows))
    assert len(kept) == len(DUTIES) + len(rows)


def test_repeating_rows_are_those_whose_word_pairs_the_duty_nearly_all_holds() -> None:
    from itertools import pairwise

    from theodoi.text.extract.repeats import REPEATED, _repeating

    def pairs(text: str) -> frozenset[tuple[str, str]]:
        return frozenset(pairwise(text.split()))

    duties = [
        pairs("so noi vu chu tri tham muu ke hoach cai cach hanh chinh nam sau"),
        pairs("so tai chinh bo tri kinh phi thuc hien ke hoach"),
        pairs(""),
    ]
    rows = [
        pairs("tham muu ke hoach cai cach hanh chinh nam sau"),
        pairs("bo tri kinh phi thuc hien ke hoach nam sau"),
        pairs("tham muu ke hoach"),
        pairs(""),
    ]
    expected = {
        (i, j): len(row & duty) / len(row)
        for i, duty in enumerate(duties)
        for j, row in enumerate(rows)
        if row and len(row & duty) / len(row) >= REPEATED
    }
    assert _repeating(duties, rows) == expected
    assert set(expected) == {(0, 0), (0, 2)}
