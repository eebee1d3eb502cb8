"""Section and item conventions (theodoi/text/extract/conventions.py), one fixture each."""

from __future__ import annotations

from pathlib import Path

from theodoi.text.extract import conventions
from theodoi.text.model import Task
from theodoi.text.parse import parse_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "plans"


def _tasks(name: str) -> dict[str, Task]:
    return {t.path: t for t in parse_file(FIXTURES / name).tasks}


def test_a_letters_bare_points_are_duties_by_structure() -> None:
    """No heading says 'nhiệm vụ': the numbered points give bodies work."""
    tasks = _tasks("cv-diem-danh-so.txt")
    assert set(tasks) == {"1", "2"}
    assert tasks["1"].implementing == ["Các sở, ban, ngành thuộc tỉnh"]
    assert tasks["2"].lead == ["Sở Nông nghiệp và Môi trường"]
    assert tasks["2"].coordinating == ["các cơ quan liên quan"]
    assert tasks["2"].timing is not None and tasks["2"].timing.text == "2026-09-30"


def test_per_body_headings_give_their_body_and_are_not_tasks() -> None:
    tasks = _tasks("kh-phan-cong-theo-don-vi.txt")
    nv = tasks["II.1"]
    assert nv.text.startswith("Chủ trì, phối hợp")  # the heading is not the task's text
    assert nv.lead == ["Sở Nội vụ"] and nv.coordinating == ["các sở, ngành"]
    assert tasks["II.2"].implementing == ["Sở Tư pháp"]
    assert tasks["II.2"].text.startswith("Rà soát")


def test_body_before_a_colon_names_the_body() -> None:
    tasks = _tasks("kh-phan-cong-theo-don-vi.txt")
    assert tasks["II.3.a"].implementing == ["Trung tâm Chuyển đổi số"]
    assert tasks["II.3.a"].text.startswith("Xây dựng cổng")
    assert tasks["II.3.b"].implementing == ["Phó Giám đốc Sở - Tổ trưởng tổ giúp việc"]
    assert tasks["II.3.c"].implementing == ["Phòng Hành chính"]


def test_duration_of_the_plan_is_not_a_task() -> None:
    tasks = _tasks("kh-phan-cong-theo-don-vi.txt")
    assert "III.1" not in tasks
    assert tasks["III.2"].implementing == ["Sở Nội vụ"]
    assert "I" not in {p.split(".")[0] for p in tasks}  # objectives hold no tasks


def test_convention_pieces() -> None:
    assert conventions.body_prefix("Cục Điện ảnh: Nghiên cứu xây dựng chương trình") == (
        ["Cục Điện ảnh"],
        "Nghiên cứu xây dựng chương trình",
    )
    assert conventions.body_prefix("Mục tiêu: nâng cao chất lượng") is None
    assert conventions.body_prefix("Thời gian: Quý III/2026") is None
    assert conventions.field_text("Nội dung: Hiệp thương về cơ cấu") == "Hiệp thương về cơ cấu"
    assert conventions.not_tasks_heading("KINH PHÍ THỰC HIỆN")
    assert conventions.not_tasks_heading("Chế độ báo cáo")
    assert not conventions.not_tasks_heading("NHIỆM VỤ, GIẢI PHÁP")
    assert conventions.gives_work(2, 5) and not conventions.gives_work(1, 5)
    duty = conventions.own_duty(["Sở Y tế"], "Phối hợp với Công an tỉnh kiểm tra")
    assert duty.implementing == ["Sở Y tế"] and duty.coordinating == ["Công an tỉnh"]


def test_article_organising_the_work_is_read_as_that_section() -> None:
    """A decision carrying its scheme: 'Điều 2. Tổ chức thực hiện' gives the bodies work,
    while 'Điều 1' (the scheme) and 'Điều 3' (entry into force) hold no tasks."""
    tasks = _tasks("qd-de-an-dieu-to-chuc.txt")
    assert set(tasks) == {"Đ2.1-1", "Đ2.1-2", "Đ2.2", "Đ2.3"}
    assert tasks["Đ2.1-1"].implementing == ["Phòng Nuôi trồng"]
    assert tasks["Đ2.1-1"].text.startswith("Hướng dẫn kỹ thuật")
    assert tasks["Đ2.2"].implementing == ["Thanh tra Sở"]
    assert tasks["Đ2.2"].text.startswith("Kiểm tra chất lượng")
    # "Đề nghị …" heads the duties of bodies outside the issuer's authority
    assert tasks["Đ2.3"].implementing == ["Ủy ban nhân dân các xã ven hồ"]
    assert tasks["Đ2.3"].text.startswith("Bố trí mặt bằng")


def test_a_duty_sentence_is_not_a_sub_section_title() -> None:
    """'II. NỘI DUNG' gives work by structure; an item that says '… các hoạt
    động kiểm tra' on the way is a duty, not a sub-section heading that would
    make the section wait for its sub-sections to say what they are."""
    tasks = _tasks("kh-noi-dung-ba-phan.txt")
    assert {"II.1", "II.2", "II.3-1", "II.3-2", "II.4"} <= set(tasks)
    assert tasks["II.3-1"].implementing == ["Các sở, ngành, địa phương"]
    assert not any(path.startswith("I.") for path in tasks)
    assert conventions.is_title("2. Các giải pháp chủ yếu")
    assert not conventions.is_title(
        "Bồi dưỡng cán bộ làm công tác quản lý, nâng cao chất lượng các hoạt động kiểm tra."
    )
