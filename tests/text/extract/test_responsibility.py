from __future__ import annotations

from theodoi.text.extract.responsibility import (
    from_assignment,
    from_heading,
    from_intro,
    from_lines,
    from_text,
    split_bodies_cell,
)
from theodoi.text.outline.assignment import is_assignment_line
from theodoi.text.outline.tree import parse_responsibility_line


def _roles(r) -> tuple[list[str], list[str], list[str]]:  # type: ignore[no-untyped-def]
    return r.lead, r.coordinating, r.implementing


def test_responsibility_lines() -> None:
    lines = [
        parse_responsibility_line("- Cơ quan chủ trì: Sở Nội vụ."),
        parse_responsibility_line(
            "- Cơ quan phối hợp: Các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố."
        ),
    ]
    assert _roles(from_lines([line for line in lines if line])) == (
        ["Sở Nội vụ"],
        ["Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố"],
        [],
    )


def test_unit_line_with_lead_and_trailing_phrase() -> None:
    line = parse_responsibility_line(
        "* Đơn vị thực hiện: Ban Dân tộc chủ trì, phối hợp với các địa phương, đơn vị có liên quan."
    )
    assert line is not None
    assert _roles(from_lines([line])) == (
        ["Ban Dân tộc"],
        ["các địa phương, đơn vị có liên quan"],
        [],
    )
    line = parse_responsibility_line(
        "* Đơn vị thực hiện: Các sở, ban, ngành; Ủy ban nhân dân các huyện, thành phố "
        "thực hiện thường xuyên."
    )
    assert line is not None
    resp = from_lines([line])
    assert resp.implementing == ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố"]
    assert resp.timing is not None and resp.timing.text == "thường xuyên"


def test_a_task_names_its_own_bodies() -> None:
    assert _roles(from_text("Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ rà soát văn bản.")) == (
        ["Sở Tư pháp"], ["Sở Nội vụ"], []
    )  # fmt: skip
    assert _roles(from_text("Giao Sở Nội vụ là cơ quan đầu mối, chủ trì đôn đốc, kiểm tra.")) == (
        ["Sở Nội vụ"], [], []
    )  # fmt: skip
    assert _roles(from_text("Giao Sở Nội vụ: Theo dõi, đôn đốc việc thực hiện.")) == (
        [],
        [],
        ["Sở Nội vụ"],
    )
    assert from_text(
        "Đề nghị Ủy ban MTTQ Việt Nam tỉnh và các đoàn thể tỉnh tăng cường giám sát."
    ).implementing == [
        "Ủy ban MTTQ Việt Nam tỉnh",
        "các đoàn thể tỉnh",
    ]
    assert from_text(
        "Các lực lượng vũ trang tiếp tục thực hiện tốt công tác dân vận."
    ).implementing == ["Các lực lượng vũ trang"]
    assert from_text(
        "Giám đốc các sở, Thủ trưởng các ban, ngành chỉ đạo thực hiện."
    ).implementing == [
        "Giám đốc các sở",
        "Thủ trưởng các ban, ngành",
    ]


def test_a_thematic_text_assigns_nobody() -> None:
    for text in (
        "Tổ chức hội nghị quán triệt cho cán bộ chủ chốt.",
        "Ban hành quy chế phối hợp giữa các cơ quan.",
        "Đoàn kết các tầng lớp Nhân dân.",
        "Đối với giai cấp công nhân: quan tâm chỉ đạo.",
    ):
        assert from_text(text).is_empty(), text


def test_addressee_heading_and_intro() -> None:
    heading = from_heading("Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các huyện, thành phố")
    assert heading is not None and heading.implementing == [
        "Thủ trưởng các sở, ban, ngành",
        "Chủ tịch UBND các huyện, thành phố",
    ]
    assert (
        from_heading("Nâng cao trách nhiệm của lực lượng vũ trang trong phát huy truyền thống")
        is None
    )
    assert from_heading("NHIỆM VỤ, GIẢI PHÁP") is None
    intro = from_intro(
        "Nhằm đạt được mục tiêu đề ra, bên cạnh các nhiệm vụ thường xuyên, các bộ, "
        "cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương "
        "cần triển khai các nhiệm vụ sau đây:"
    )
    assert intro is not None
    assert intro.implementing == [
        "các bộ, cơ quan ngang bộ",
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
    ]


def test_table_cells() -> None:
    assert split_bodies_cell("Bộ Tài chính, các bộ, ngành, cơ quan, tổ chức có liên quan") == [
        "Bộ Tài chính",
        "các bộ, ngành, cơ quan, tổ chức có liên quan",
    ]
    assert split_bodies_cell("") == []


def test_subject_that_works_with_partners_implements_and_they_coordinate() -> None:
    text = (
        "Sở Xây dựng chủ động phối hợp với các sở, ngành, địa phương rà soát quy hoạch "
        "khu dân cư ven sông Hòa Lâm."
    )
    assert _roles(from_text(text)) == ([], ["các sở, ngành, địa phương"], ["Sở Xây dựng"])
    plain = "Sở Tài chính phối hợp với Sở Nội vụ tổng hợp, trình bố trí kinh phí hằng năm."
    assert _roles(from_text(plain)) == ([], ["Sở Nội vụ"], ["Sở Tài chính"])


def test_partner_list_ends_at_the_verb_of_the_duty() -> None:
    text = "Giao Trường Chính trị tỉnh chủ trì, phối hợp với Sở Nội vụ mở lớp tập huấn."
    assert _roles(from_text(text)) == (["Trường Chính trị tỉnh"], ["Sở Nội vụ"], [])


def test_cell_assigning_by_another_document_names_no_body() -> None:
    assert split_bodies_cell("Theo phân công tại Quyết định số 25/QĐ-UBND ngày 10/3/2026") == []
    assert split_bodies_cell("Sở Nội vụ; Sở Tư pháp") == ["Sở Nội vụ", "Sở Tư pháp"]


def test_who_assigns_the_duty_is_not_its_lead() -> None:
    """'Chủ tịch UBND tỉnh giao Sở X chủ trì …': the Chairman assigns, Sở X leads."""
    found = from_text(
        "Chủ tịch UBND tỉnh giao Sở Nội vụ chủ trì phối hợp với các ngành có liên quan "
        "tổ chức kiểm tra tại các xã."
    )
    assert found.lead == ["Sở Nội vụ"]
    assert found.coordinating == ["các ngành có liên quan"]


def test_group_narrowed_by_a_participle_is_an_addressee_heading() -> None:
    found = from_heading("Các cơ quan, đơn vị được kiểm tra")
    assert found is not None and found.implementing == ["Các cơ quan, đơn vị được kiểm tra"]
    assert from_heading("Các đơn vị tổ chức kiểm tra") is None  # a duty, not a heading


def test_doi_voi_names_the_addressee_only_when_its_heads_carry_the_clause() -> None:
    own = from_text(
        "Đối với các cơ quan Trung ương đóng trên địa bàn tỉnh, thủ trưởng cơ quan, đơn vị "
        "bám sát chương trình cải cách hành chính của ngành."
    )
    assert own.implementing == ["các cơ quan Trung ương đóng trên địa bàn tỉnh"]
    # the groups a policy serves are not its implementers
    assert from_text("Đối với Hội Cựu chiến binh: Tăng cường vai trò của các cấp Hội.").is_empty()
    assert from_text("Đối với doanh nghiệp, Sở Tài chính hỗ trợ thủ tục.").implementing == [
        "Sở Tài chính"
    ]


def test_role_cell_states_its_roles_or_nothing() -> None:
    from theodoi.text.extract.responsibility import from_role_cell

    assert from_role_cell("UBND các xã, phường") is None
    labelled = from_role_cell("Chủ trì: Sở Nội vụ; phối hợp: các sở, ban, ngành tỉnh")
    assert labelled is not None
    assert _roles(labelled) == (["Sở Nội vụ"], ["các sở, ban, ngành tỉnh"], [])
    marked = from_role_cell("Sở Tư pháp (chủ trì); Sở Nội vụ, Sở Y tế (phối hợp)")
    assert marked is not None
    assert _roles(marked) == (["Sở Tư pháp"], ["Sở Nội vụ", "Sở Y tế"], [])


def test_assignment_line_with_partners_working_alongside() -> None:
    """'Giao X tổ chức thực hiện; Y và các đoàn thể phối hợp vận động Nhân dân'."""
    found = from_assignment(
        "Giao Ủy ban nhân dân xã tổ chức thực hiện; Ủy ban Mặt trận Tổ quốc Việt Nam xã và "
        "các đoàn thể phối hợp vận động Nhân dân; thời gian: 2026 - 2028."
    )
    assert _roles(found) == (
        [],
        ["Ủy ban Mặt trận Tổ quốc Việt Nam xã", "các đoàn thể"],
        ["Ủy ban nhân dân xã"],
    )
    assert is_assignment_line(
        "Giao Ủy ban nhân dân xã tổ chức thực hiện; Hội Nông dân xã phối hợp vận động Nhân dân."
    )


def test_lead_that_advises_then_partners() -> None:
    """'X chủ trì tham mưu, phối hợp với Y và Z': Y and Z coordinate."""
    text = (
        "Đảng ủy Ủy ban nhân dân xã chủ trì tham mưu, phối hợp với Hội Nông dân xã và "
        "Hợp tác xã nông nghiệp Tân Phú; thời gian: Quý II/2026."
    )
    assert is_assignment_line(text)
    assert _roles(from_assignment(text)) == (
        ["Đảng ủy Ủy ban nhân dân xã"],
        ["Hội Nông dân xã", "Hợp tác xã nông nghiệp Tân Phú"],
        [],
    )


def test_advisory_bodies_are_a_name_not_the_end_of_the_partners() -> None:
    found = from_text(
        "Văn phòng Đảng ủy chủ trì, phối hợp với các cơ quan tham mưu, giúp việc của Đảng ủy "
        "theo dõi, đôn đốc việc thực hiện Chương trình."
    )
    assert _roles(found) == (
        ["Văn phòng Đảng ủy"],
        ["các cơ quan tham mưu, giúp việc của Đảng ủy"],
        [],
    )


def test_assignment_line_with_one_clause_per_body_over_commas() -> None:
    """'X chủ trì thực hiện, Y phối hợp': a comma after a role word opens Y's clause."""
    text = (
        "Ủy ban Kiểm tra Đảng ủy chủ trì thực hiện, Văn phòng Đảng ủy phối hợp; "
        "thời gian: năm 2027."
    )
    assert is_assignment_line(text)
    found = from_assignment(text)
    assert _roles(found) == (["Ủy ban Kiểm tra Đảng ủy"], ["Văn phòng Đảng ủy"], [])
    assert found.timing is not None and found.timing.text == "năm 2027"
    assert is_assignment_line(
        "Ban Thường vụ Đảng ủy chỉ đạo, Ban Xây dựng Đảng tham mưu thực hiện."
    )


def test_partners_clause_keeps_the_timing_it_closes_with() -> None:
    found = from_assignment(
        "Giao Ủy ban nhân dân xã chủ trì; Hội Nông dân xã phối hợp thực hiện thường xuyên."
    )
    assert _roles(found) == (["Ủy ban nhân dân xã"], ["Hội Nông dân xã"], [])
    assert found.timing is not None and found.timing.text == "thường xuyên"
