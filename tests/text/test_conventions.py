"""Section and item conventions (theodoi/text/extract/conventions.py), one fixture each."""

from __future__ import annotations

from pathlib import Path

from theodoi.text.extract import conventions
from theodoi.text.model import Task
from theodoi.text.parse import parse_file, parse_text

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
    while 'Điều 1' (the scheme) and 'Điều 3' (entry into force) hold no tasks. The duties
    are cited by their items ('2', not 'Đ2.2'): the spec's paths have no article part."""
    tasks = _tasks("qd-de-an-dieu-to-chuc.txt")
    assert set(tasks) == {"1-1", "1-2", "2", "3"}
    assert tasks["1-1"].implementing == ["Phòng Nuôi trồng"]
    assert tasks["1-1"].text.startswith("Hướng dẫn kỹ thuật")
    assert tasks["2"].implementing == ["Thanh tra Sở"]
    assert tasks["2"].text.startswith("Kiểm tra chất lượng")
    # "Đề nghị …" heads the duties of bodies outside the issuer's authority
    assert tasks["3"].implementing == ["Ủy ban nhân dân các xã ven hồ"]
    assert tasks["3"].text.startswith("Bố trí mặt bằng")


def test_parenthesised_duties_nest_under_their_point_with_labelled_lines() -> None:
    """'1. Hoàn thiện hạ tầng số' over '(1) …', '(2) …', each followed by labelled lines
    ('Đơn vị chủ trì thực hiện:', 'Thời gian hoàn thành:'): '(n)' under point k is k.n,
    also when n differs from k."""
    tasks = _tasks("cv-nhiem-vu-danh-so-ngoac.txt")
    assert set(tasks) == {"1.1", "1.2", "2.1", "2.2", "2.3"}
    assert tasks["1.2"].lead == ["Văn phòng UBND tỉnh"]
    assert tasks["1.2"].coordinating == ["Các sở, ban, ngành", "UBND các xã, phường"]
    assert tasks["1.2"].timing is not None and tasks["1.2"].timing.text == "Trong tháng 6/2026"
    assert tasks["2.1"].lead == ["Sở Nội vụ"]
    assert tasks["2.2"].implementing == ["UBND các xã, phường"]
    assert tasks["2.3"].lead == ["Sở Khoa học và Công nghệ"]
    assert tasks["2.3"].coordinating == ["Sở Nội vụ"]


def test_conference_items_with_content_and_attendee_lines() -> None:
    """'1.1. Nội dung: …' with 'Thời gian:', 'Thành phần:' (attendees, not roles),
    'Đơn vị chủ trì:' and 'Kết quả:' lines is one task, its text without the label."""
    tasks = _tasks("kh-hoi-nghi-xa-tan-phu.txt")
    first = tasks["II.1.1"]
    assert first.text.startswith("Thống nhất dự thảo")
    assert first.lead == ["Ban Thường trực Ủy ban MTTQ Việt Nam xã"]
    assert first.coordinating == [] and first.implementing == []
    assert first.timing is not None and first.timing.text == "2026-03-20"
    assert not any(t.text.startswith("Thành phần") for t in tasks.values())


def test_content_paragraph_of_an_item_with_sub_items_is_its_task() -> None:
    """'2. Hội nghị lần thứ hai' / 'Nội dung: …' + lines / '2.3. Báo cáo …': the content is
    the task at the item's path; its lines do not reach the sub-items."""
    tasks = _tasks("kh-hoi-nghi-xa-tan-phu.txt")
    assert tasks["II.2"].text.startswith("Lấy ý kiến cử tri")
    assert tasks["II.2"].lead == ["Ban công tác Mặt trận các thôn"]
    assert tasks["II.2.3-1"].lead == [] and tasks["II.2.3-1"].timing is None
    assert tasks["II.1.2-1"].lead == []  # item 2's line does not cover item 1


def test_section_of_content_and_assignments_holds_duties_and_rules_hold_none() -> None:
    """'NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG TRÁCH NHIỆM': duties naming nobody are tasks too;
    '3. Quy định về số lượng cử tri' states rules, not duties."""
    tasks = _tasks("kh-hoi-nghi-xa-tan-phu.txt")
    assert {"II.1.2-1", "II.1.2-2"} <= set(tasks)
    assert not any(p.startswith("II.3") for p in tasks)


def test_office_holder_opening_a_bullet_names_its_own_body() -> None:
    """Under '1. Ban Thường trực …', '- Đồng chí Chủ tịch … chịu trách nhiệm …' is the
    Chủ tịch's duty (without 'Đồng chí'), not the heading's body's."""
    tasks = _tasks("kh-hoi-nghi-xa-tan-phu.txt")
    assert tasks["III.1-1"].implementing == ["Chủ tịch Ủy ban MTTQ xã"]
    assert tasks["III.1-2"].implementing == ["Phó Chủ tịch Ủy ban MTTQ xã"]


def test_partner_under_an_addressee_heading_coordinates() -> None:
    """'2. Các tổ chức thành viên …' / '- Phối hợp chặt chẽ với Y …': Y coordinates."""
    tasks = _tasks("kh-hoi-nghi-xa-tan-phu.txt")
    assert tasks["III.2-1"].implementing == ["Các tổ chức thành viên của MTTQ xã"]
    assert tasks["III.2-1"].coordinating == ["Ban Thường trực Ủy ban MTTQ Việt Nam xã"]
    assert tasks["III.2-2"].coordinating == []


def test_later_sentence_opening_with_a_partner_coordinates() -> None:
    """'a) Chỉ đạo tổ chức kiểm tra … . Phối hợp với Y để …' under '1. Sở Nội vụ': Y
    coordinates; 'nghiên cứu, phối hợp với Y …' inside a sentence is how, not who."""
    later = conventions.own_duty(
        ["Sở Nội vụ"],
        "Chỉ đạo kiểm tra theo Kế hoạch. Phối hợp với các cơ quan, địa phương có liên quan "
        "để thống nhất lịch kiểm tra.",
    )
    assert (later.implementing, later.coordinating) == (
        ["Sở Nội vụ"],
        ["các cơ quan, địa phương có liên quan"],
    )
    inside = conventions.own_duty(
        ["Sở Y tế"], "Chủ động nghiên cứu, phối hợp với các đơn vị liên quan cảnh báo sớm."
    )
    assert (inside.implementing, inside.coordinating) == (["Sở Y tế"], [])


def test_officers_in_charge_of_a_field_head_their_duties() -> None:
    tasks = _tasks("kh-hoi-nghi-xa-tan-phu.txt")
    assert tasks["III.3-1"].implementing == [
        "Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội"
    ]
    assert tasks["III.4-1"].implementing == ["Chuyên viên phụ trách lĩnh vực Hành chính, Văn phòng"]


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


def test_duty_section_naming_its_body_addresses_every_duty() -> None:
    """'II. NHIỆM VỤ CHỦ YẾU CỦA SỞ X': X leads the 'Chủ trì' duties, implements the rest;
    the name printed in capitals is written as the text writes it elsewhere."""
    tasks = _tasks("kh-nhiem-vu-cua-so.txt")
    so = ["Sở Khoa học và Công nghệ"]
    assert tasks["II.1"].lead == so
    assert tasks["II.1"].coordinating == ["Sở Tài chính", "các cơ quan liên quan"]
    assert tasks["II.2"].implementing == so and not tasks["II.2"].lead
    assert tasks["II.3"].implementing == so
    assert tasks["II.3"].coordinating == ["Ủy ban nhân dân các huyện, thị xã"]
    assert tasks["III.1"].lead == ["Phòng Quản lý đo lường"]


def test_targets_beside_the_duties_are_not_tasks() -> None:
    """'1. Cải cách …' / 'a) Mục tiêu' (targets) / 'b) Nhiệm vụ' (duties): only the
    duties are tasks."""
    tasks = _tasks("kh-muc-tieu-nhiem-vu.txt")
    assert not any(".a" in p for p in tasks)
    assert {"II.1.b-1", "II.1.b-2", "II.2.b-1"} <= set(tasks)
    assert tasks["II.1.b-2"].implementing == ["Sở Tư pháp"]
    assert conventions.states_targets("a) Mục tiêu")
    assert not conventions.states_targets("Chỉ tiêu, nhiệm vụ")


def test_inspection_plan_contents_and_facts_are_not_tasks() -> None:
    """An inspection plan: what is inspected ('NỘI DUNG TRỌNG TÂM KIỂM TRA') and
    'label: value' facts (how many units, when) are not duties; the assignment to
    Sở Nội vụ and the duties under the per-body headings are."""
    tasks = _tasks("kh-kiem-tra-hoa-lam.txt")
    assert set(tasks) == {"III.1", "IV.1.a", "IV.1.b", "IV.2.a"}
    assert tasks["III.1"].lead == ["Sở Nội vụ"]
    assert tasks["IV.2.a"].implementing == ["Các cơ quan, đơn vị được kiểm tra"]


def test_an_introduction_flattened_into_the_numbering_addresses_the_items_after_it() -> None:
    """'1. Giao phòng X … các công việc sau:' then '2.', '3.' (Word numbered them as one
    list): the introduction is no task, its body does the items up to the next one."""
    tasks = _tasks("kh-danh-so-phang.txt")
    assert set(tasks) == {"II.2", "II.3", "II.5", "II.6"}
    assert tasks["II.2"].implementing == ["phòng Quản lý nhà ở"]
    assert tasks["II.3"].implementing == ["phòng Quản lý nhà ở"]
    assert tasks["II.5"].implementing == ["Văn phòng Sở"]
    assert tasks["II.6"].lead == ["Thanh tra Sở"]  # names its own body


def test_a_body_heading_naming_the_force_it_directs_gives_the_directing_body() -> None:
    heading = "Sở Y tế chỉ đạo Trung tâm Kiểm soát bệnh tật tỉnh"
    assert conventions.directing_body(heading) == "Sở Y tế"
    assert conventions.directing_body("Chủ tịch Ủy ban nhân dân cấp xã chỉ đạo:") == (
        "Chủ tịch Ủy ban nhân dân cấp xã"
    )
    # a duty that merely says "chỉ đạo" keeps its words
    assert conventions.directing_body("Tăng cường chỉ đạo công tác kiểm tra") == (
        "Tăng cường chỉ đạo công tác kiểm tra"
    )
    found = conventions.body_prefix(f"{heading}: Phối hợp với Công an tỉnh kiểm tra")
    assert found == (["Sở Y tế"], "Phối hợp với Công an tỉnh kiểm tra")
    heading_roles = conventions.body_heading(heading)
    assert heading_roles is not None and heading_roles.implementing == ["Sở Y tế"]
    duty = conventions.own_duty(["Sở Y tế"], "Chủ trì, phối hợp chặt chẽ với Công an tỉnh …")
    assert duty.lead == ["Sở Y tế"] and duty.coordinating == ["Công an tỉnh …"]


def test_a_per_body_heading_that_states_work_gives_its_body_to_the_items_under_it() -> None:
    head = (
        "ỦY BAN NHÂN DÂN TỈNH HÒA LÂM\nSố: 12/KH-UBND\nKẾ HOẠCH\nTriển khai công tác năm 2026\n"
        "I. NHIỆM VỤ, GIẢI PHÁP\n1. Sở Thông tin số chủ trì nâng cấp cổng dịch vụ công.\n"
        "II. TỔ CHỨC THỰC HIỆN\n"
    )
    items = "a) Hướng dẫn các đơn vị triển khai.\nb) Kiểm tra việc thực hiện tại các xã.\n"
    tail = "2. Sở Tài chính bố trí kinh phí thực hiện.\n"

    def roles(heading: str) -> dict[str, tuple[list[str], list[str], list[str]]]:
        tasks = parse_text(head + heading + "\n" + items + tail).tasks
        return {t.path: (t.lead, t.coordinating, t.implementing) for t in tasks}

    found = roles("1. Sở Nội vụ: theo dõi, đôn đốc các đơn vị; tổng hợp, báo cáo UBND tỉnh.")
    assert found["II.1.a"] == found["II.1.b"] == ([], [], ["Sở Nội vụ"])
    assert "II.1" not in found  # an intro over its sub-items is not a task of its own
    found = roles("1. Sở Nội vụ: chủ trì, phối hợp với Sở Tư pháp thực hiện các nội dung sau.")
    assert found["II.1.a"] == (["Sở Nội vụ"], ["Sở Tư pháp"], [])
