"""Confidence and reasons for doubt (theodoi.text.confidence): each rule alone,
then a fictional plan end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

from theodoi.text.confidence import (
    REVIEW_BELOW,
    assess_task,
    body_doubt,
    has_ocr_residue,
    numbering_gaps,
    review_list,
    text_doubt,
)
from theodoi.text.extract.timing import parse_timing
from theodoi.text.model import OutlineNode, Task
from theodoi.text.parse import parse_file

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "plans" / "confidence-doubts.txt"


def _task(text: str = "Xây dựng cơ sở dữ liệu đê điều toàn tỉnh.", **kw: object) -> Task:
    return Task(path=str(kw.pop("path", "II.1")), section="NHIỆM VỤ", text=text, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Sở Nông nghiệp và Môi trường", None),
        ("UBND các xã, phường", None),
        ("Chủ tịch UBND các xã", None),
        ("các đơn vị có liên quan", "body_vague"),
        ("các cơ quan, đơn vị liên quan", "body_vague"),
        ("Phòng Kinh tế", None),
        ("kịp thời", "body_unknown"),
        (
            "Sở Tài chính chủ trì tổng hợp kinh phí và báo cáo kết quả thực hiện kế hoạch hằng quý",
            "body_clause",
        ),
        ("các đoàn thể, tổ chức chính trị - xã hội tỉnh", None),
        ("Đỗ Văn An - Phó Trưởng đoàn", None),
        ("Bà Lê Thị Hoa, Thư ký", None),
        ("Kiểm tra thường xuyên", "body_unknown"),
    ],
)
def test_body_doubt(name: str, code: str | None) -> None:
    assert body_doubt(name) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Xây dựng cơ sở dữ liệu đê điều toàn tỉnh.", None),
        ("Kiểm tra.", "text_short"),
        ("và tổ chức tập huấn cho cán bộ cấp xã", "text_fragment"),
        ("Tổ chức tập huấn cho cán bộ cấp xã về", "text_fragment"),
        ("Sở Nội vụ", "text_is_body"),
        ("Sở Văn hóa, Thể thao và Du lịch", "text_is_body"),
        ("Tổ chức hội nghị sơ kết sáu tháng", None),
        ("Kiểm điểm, đánh giá chất lượng tổ chức đảng và đảng viên.", None),  # a duty
        ("Sở Tài chính bố trí kinh phí thực hiện kế hoạch hằng năm.", None),
        ("Thời gian thực hiện: từ tháng 3 đến tháng 12 năm 2026.", "text_is_plan_matter"),
        ("Chế độ báo cáo: các đơn vị báo cáo kết quả hằng quý.", "text_is_plan_matter"),
    ],
)
def test_text_doubt(text: str, code: str | None) -> None:
    assert text_doubt(text) == code


def test_unreadable_timing_is_doubtful_and_a_quarter_is_not() -> None:
    doubtful = assess_task(
        _task(lead=["Sở Xây dựng"], timing=parse_timing("khi điều kiện cho phép"))
    )
    assert doubtful.timing == 0.6
    assert [d.code for d in doubtful.doubts] == ["timing_unparsed"]
    sure = assess_task(_task(lead=["Sở Xây dựng"], timing=parse_timing("Quý II/2026")))
    assert sure.timing == 1.0 and sure.doubts == [] and sure.confidence == 1.0


def test_vague_body_alone_is_listed_beside_a_named_lead_only_marked() -> None:
    alone = assess_task(_task(implementing=["các đơn vị có liên quan"]))
    assert alone.confidence < REVIEW_BELOW
    assert alone.doubts[0].subject == "các đơn vị có liên quan"
    aside = assess_task(_task(lead=["Sở Xây dựng"], coordinating=["các cơ quan liên quan"]))
    assert REVIEW_BELOW <= aside.confidence < 1.0
    assert [d.code for d in aside.doubts] == ["body_vague_aside"]


def test_task_without_body_is_marked_not_listed() -> None:
    out = assess_task(_task())
    assert [d.code for d in out.doubts] == ["no_body"]
    assert out.confidence >= REVIEW_BELOW


def test_restored_text_is_marked_and_residue_is_listed() -> None:
    clean = assess_task(_task(lead=["Sở Xây dựng"]), restored=True)
    assert [d.code for d in clean.doubts] == ["restored"] and clean.confidence >= REVIEW_BELOW
    damaged = assess_task(
        _task("Tăng cường c0ng tác kiểm tra đê đi|u trên địa bàn", lead=["Sở Xây dựng"]),
        restored=True,
    )
    assert [d.code for d in damaged.doubts] == ["restored_low"]
    assert damaged.confidence < REVIEW_BELOW


def test_ocr_residue_ignores_numbers_and_codes() -> None:
    assert not has_ocr_residue("Thực hiện Nghị quyết số 43-NQ/TW, Quý II/2026, 5G và COVID-19")
    assert has_ocr_residue("t6 chirc thirc hi3n")


def _node(kind: str, label: str, path: str, children: list[OutlineNode] = ()) -> OutlineNode:  # type: ignore[assignment]
    return OutlineNode(kind=kind, label=label, heading="x", path=path, children=list(children))  # type: ignore[arg-type]


def test_numbering_gaps_skip_is_found_and_i_to_k_or_d_to_e_is_not() -> None:
    labels = ["a", "b", "c", "d", "e", "g", "h", "i", "k"]  # no "đ", "i" then "k"
    letters = [_node("letter", x, f"II.1.{x}") for x in labels]
    roots = [
        _node(
            "roman",
            "II",
            "II",
            [
                _node("number", "1", "II.1", letters),
                _node("number", "2", "II.2"),
                _node("number", "4", "II.4"),
            ],
        )
    ]
    assert numbering_gaps(roots) == ["II.4"]
    out = assess_task(_task(path="II.4", lead=["Sở Xây dựng"]), gaps=["II.4"])
    assert [(d.code, d.part) for d in out.doubts] == [("path_gap", "path")]


def test_table_row_without_bodies_or_deadline() -> None:
    out = assess_task(_task(source="table"))
    assert "table_partial" in [d.code for d in out.doubts]


def test_review_list_orders_by_confidence_then_document_order() -> None:
    tasks = [_task(), _task(), _task(), _task()]
    for task, confidence in zip(tasks, (1.0, 0.6, 0.5, 0.6), strict=True):
        task.confidence = confidence
    assert review_list(tasks) == [2, 1, 3]


def test_fictional_plan_carries_confidence_in_its_json() -> None:
    parsed = parse_file(FIXTURE)
    tasks = parsed.to_json_dict()["tasks"]
    by_path = {t["path"]: t for t in tasks}
    assert set(by_path) == {"II.1", "II.2", "II.4"}
    sure = by_path["II.1"]
    assert sure["confidence"] == 1.0 and sure["doubts"] == []
    assert sure["confidence_parts"]["bodies"] == {
        "Sở Nông nghiệp và Môi trường": 1.0,
        "Sở Khoa học và Công nghệ": 1.0,
    }
    vague = by_path["II.2"]
    assert {d["code"] for d in vague["doubts"]} == {"body_vague", "timing_unparsed"}
    assert vague["confidence_parts"]["timing"] == 0.6
    short = by_path["II.4"]
    assert {d["code"] for d in short["doubts"]} == {"text_short", "path_gap"}
    for doubt in short["doubts"]:
        assert set(doubt) == {"code", "field", "subject", "message", "confidence"}
    assert [parsed.tasks[i].path for i in review_list(parsed.tasks)] == ["II.4", "II.2"]


def test_implied_implementers_are_marked_not_listed() -> None:
    task = _task()
    task.implied_implementing = ["Các sở, ban, ngành tỉnh"]  # type: ignore[attr-defined]
    out = assess_task(task)
    assert [(d.code, d.subject) for d in out.doubts] == [
        ("body_implied", "Các sở, ban, ngành tỉnh")
    ]
    assert REVIEW_BELOW <= out.confidence < 1.0
