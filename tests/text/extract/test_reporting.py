from __future__ import annotations

from theodoi.text.extract.reporting import is_focal_statement, reporting_in
from theodoi.text.parse import parse_text


def _keys(text: str) -> list[tuple[str | None, str | None, str | None, str, str | None]]:
    return [(r.from_, r.to, r.via, r.recurrence, r.due) for r in reporting_in(text, ["Các sở"])]


def test_annual_report_via_focal_agency() -> None:
    assert _keys(
        "định kỳ trước ngày 10/12 hằng năm, báo cáo UBND tỉnh kết quả thực hiện (qua Sở Nội vụ)."
    ) == [("Các sở", "UBND tỉnh", "Sở Nội vụ", "annual", "12-10")]


def test_six_months_and_annual_are_two_entries() -> None:
    assert _keys(
        "báo cáo kết quả 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12) về Sở Nội vụ."
    ) == [
        ("Các sở", "Sở Nội vụ", None, "semiannual", "06-15"),
        ("Các sở", "Sở Nội vụ", None, "annual", "12-15"),
    ]


def test_relay_and_upward_addressees() -> None:
    keys = _keys(
        "định kỳ hằng năm báo cáo kết quả thực hiện về Bộ Y tế trước ngày 31 tháng 12 để tổng hợp, "
        "báo cáo Thủ tướng Chính phủ."
    )
    assert keys == [
        ("Các sở", "Bộ Y tế", None, "annual", "12-31"),
        ("Bộ Y tế", "Thủ tướng Chính phủ", None, "annual", None),
    ]


def test_escalation_is_not_reporting() -> None:
    assert (
        _keys("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, báo cáo về Sở Nội vụ.") == []
    )


def test_focal_statements() -> None:
    assert (
        is_focal_statement("Giao Sở Nội vụ là cơ quan đầu mối, chủ trì đôn đốc")
        > is_focal_statement("Giao Sở Nội vụ: Theo dõi, đôn đốc, kiểm tra việc thực hiện")
        > 0
    )
    assert is_focal_statement("Sở Tài chính bố trí kinh phí thực hiện.") == 0
    # an item under a per-body heading that opens with the role itself
    assert is_focal_statement("- Đầu mối tổng hợp, phối hợp với các đơn vị thuộc Sở") == 10
    assert is_focal_statement("Phối hợp với cơ quan đầu mối của Bộ") == 0


def test_reports_sent_through_an_office_make_it_the_focal_agency() -> None:
    result = parse_text(
        "BAN CHỈ ĐẠO TỈNH HÒA LÂM\nKẾ HOẠCH\nKiểm tra trật tự xã hội năm 2026\n"
        "I. NHIỆM VỤ\n1. Rà soát cơ sở kinh doanh có điều kiện.\n"
        "II. TỔ CHỨC THỰC HIỆN\n"
        "1. Các sở, ban, ngành, địa phương thực hiện nghiêm túc các nhiệm vụ được giao và gửi báo "
        "cáo về UBND tỉnh (qua Phòng Cảnh sát QLHC về TTXH - Địa chỉ: Số 12 đường Lê Lợi) "
        "hằng tuần để tổng hợp.\n"
    )
    assert result.focal_agency == "Phòng Cảnh sát QLHC về TTXH"
    assert [(r.to, r.via, r.recurrence) for r in result.reporting] == [
        ("UBND tỉnh", "Phòng Cảnh sát QLHC về TTXH", "weekly")
    ]


def test_two_dates_in_a_year_are_a_mid_year_and_a_year_end_report() -> None:
    assert _keys("Định kỳ báo cáo kết quả về Sở Nội vụ trước ngày 05/6 và 05/12 hằng năm.") == [
        ("Các sở", "Sở Nội vụ", None, "semiannual", "06-05"),
        ("Các sở", "Sở Nội vụ", None, "annual", "12-05"),
    ]


def test_monitoring_words_after_gui_belong_to_the_addressee() -> None:
    sender = (
        "Tăng cường kiểm tra, đôn đốc, giám sát việc thực hiện; định kỳ báo cáo UBND tỉnh, "
        "đồng thời gửi "
        "Sở Nội vụ để theo dõi, tổng hợp."
    )
    focal = "Sở Nội vụ chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch này."
    assert is_focal_statement(focal) > is_focal_statement(sender)


def test_weekly_report_sent_to_a_body_named_after_the_report() -> None:
    text = (
        "Yêu cầu các sở, ban, ngành thực hiện nghiêm túc và gửi báo cáo về UBND tỉnh "
        "(qua Văn phòng UBND tỉnh) trước 10h00 ngày thứ Năm hằng tuần để tổng hợp."
    )
    entries = reporting_in(text, ["Các sở, ban, ngành"])
    assert [(e.to, e.via, e.recurrence) for e in entries] == [
        ("UBND tỉnh", "Văn phòng UBND tỉnh", "weekly")
    ]


def test_half_yearly_and_one_year_reports() -> None:
    text = "Định kỳ 6 tháng, 1 năm báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh."
    entries = reporting_in(text, ["Các sở"])
    assert [(e.to, e.recurrence) for e in entries] == [
        ("Ủy ban nhân dân tỉnh", "semiannual"),
        ("Ủy ban nhân dân tỉnh", "annual"),
    ]


def test_aggregating_reports_for_a_body_is_a_reporting_duty() -> None:
    """'tổng hợp báo cáo gửi X theo quy định' states no period: periodic, to X."""
    assert _keys(
        "Chuẩn bị nội dung; tổng hợp báo cáo gửi Ban Thường trực Ủy ban MTTQ tỉnh theo quy định."
    ) == [("Các sở", "Ban Thường trực Ủy ban MTTQ tỉnh", None, "periodic", None)]


def test_six_and_twelve_month_periods_sent_to_a_department_of_a_ministry() -> None:
    """Each period with its own dated deadline; the police department keeps
    its "về …" and its ministry."""
    text = (
        "Công an các tỉnh báo cáo kết quả kỳ 6 tháng (gửi trước ngày 15/6/2026) và kỳ "
        "12 tháng (gửi trước ngày 15/12/2026) gửi về Cục Cảnh sát điều tra tội phạm về "
        "trật tự xã hội, Bộ Công an."
    )
    to = "Cục Cảnh sát điều tra tội phạm về trật tự xã hội, Bộ Công an"
    assert _keys(text) == [
        ("Các sở", to, None, "semiannual", "06-15"),
        ("Các sở", to, None, "annual", "12-15"),
    ]


def test_measuring_reporting_and_verification_is_a_procedure_not_a_report() -> None:
    """'đo đạc, báo cáo, thẩm định' (MRV) names a technical procedure; a later
    'kết quả' does not make it a reporting duty."""
    assert (
        _keys(
            "Xây dựng quy định đo đạc, báo cáo, thẩm định lượng phát thải của cơ sở chăn nuôi; "
            "hỗ trợ dựa vào kết quả cho các hợp tác xã."
        )
        == []
    )
    assert _keys("Tổng hợp, báo cáo UBND tỉnh kết quả thực hiện.") == [
        ("Các sở", "UBND tỉnh", None, "periodic", None)
    ]


def test_report_for_its_addressees_after_cho() -> None:
    """'báo cáo kết quả thực hiện cho Ủy ban nhân dân tỉnh, Bộ Nội vụ': both addressees."""
    found = reporting_in(
        "Định kỳ tổng hợp, báo cáo kết quả thực hiện cho Ủy ban nhân dân tỉnh, Bộ Nội vụ "
        "theo quy định.",
        ["Sở Nội vụ"],
    )
    assert {r.to for r in found} == {"Ủy ban nhân dân tỉnh", "Bộ Nội vụ"}


def test_focal_agency_in_a_later_paragraph_of_an_item() -> None:
    """'1. Công tác triển khai': the units' duty, then 'Sở Nội vụ có trách nhiệm giúp …
    theo dõi, kiểm tra, đôn đốc …; định kỳ tổng hợp, báo cáo …' in its own paragraph."""
    result = parse_text(
        "ỦY BAN NHÂN DÂN TỈNH HÒA LÂM\nKẾ HOẠCH\nCải cách hành chính năm 2026\n"
        "I. NHIỆM VỤ\n1. Rà soát thủ tục hành chính thuộc phạm vi quản lý.\n"
        "II. TỔ CHỨC THỰC HIỆN\n1. Công tác triển khai\n"
        "Các sở, ban, ngành xây dựng kế hoạch triển khai, báo cáo kết quả định kỳ cho "
        "Ủy ban nhân dân tỉnh (qua Sở Nội vụ).\n"
        "Sở Nội vụ có trách nhiệm giúp Ủy ban nhân dân tỉnh theo dõi, kiểm tra, đôn đốc việc "
        "thực hiện Kế hoạch; định kỳ tổng hợp, báo cáo Ủy ban nhân dân tỉnh.\n"
    )
    assert result.focal_agency == "Sở Nội vụ"
    senders = {(r.from_, r.to) for r in result.reporting}
    assert ("Sở Nội vụ", "Ủy ban nhân dân tỉnh") in senders
    assert ("Các sở, ban, ngành", "Ủy ban nhân dân tỉnh") in senders


# --- reporting wherever a plan states it (fictional province Hòa Lâm) -------------

_HEAD = (
    "ỦY BAN NHÂN DÂN TỈNH HÒA LÂM\nSố: 41/KH-UBND\nKẾ HOẠCH\n"
    "Nâng cao chất lượng dịch vụ công năm 2026\n"
)


def _plan(body: str) -> list[tuple[str | None, str | None, str, str | None]]:
    result = parse_text(_HEAD + body)
    return [(r.from_, r.to, r.recurrence, r.due) for r in result.reporting]


def test_a_reporting_section_of_its_own_gives_lines_and_no_tasks() -> None:
    result = parse_text(
        _HEAD + "I. NHIỆM VỤ, GIẢI PHÁP\n1. Sở Thông tin số chủ trì nâng cấp cổng dịch vụ công.\n"
        "II. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính bố trí kinh phí thực hiện.\n"
        "III. CHẾ ĐỘ BÁO CÁO\n"
        "1. Các sở, ban, ngành định kỳ 6 tháng (trước ngày 15/6) và hằng năm (trước ngày "
        "15/12) báo cáo kết quả về Sở Nội vụ để tổng hợp, báo cáo UBND tỉnh.\n"
        "2. Ủy ban nhân dân các xã báo cáo kết quả trước ngày 20 hằng tháng về Sở Nội vụ.\n"
    )
    assert [(r.from_, r.to, r.recurrence, r.due) for r in result.reporting] == [
        ("Các sở, ban, ngành", "Sở Nội vụ", "semiannual", "06-15"),
        ("Sở Nội vụ", "UBND tỉnh", "semiannual", None),
        ("Các sở, ban, ngành", "Sở Nội vụ", "annual", "12-15"),
        ("Sở Nội vụ", "UBND tỉnh", "annual", None),
        ("Ủy ban nhân dân các xã", "Sở Nội vụ", "monthly", None),
    ]
    assert result.focal_agency == "Sở Nội vụ"  # it gathers the reports and reports on
    assert [t.path for t in result.tasks] == ["I.1", "II.1"]


def test_an_information_and_reporting_item_of_the_organisation_section() -> None:
    result = parse_text(
        _HEAD + "I. NHIỆM VỤ, GIẢI PHÁP\n1. Sở Thông tin số chủ trì nâng cấp cổng dịch vụ công.\n"
        "II. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính bố trí kinh phí thực hiện.\n"
        "2. Chế độ thông tin, báo cáo\n"
        "Các sở, ban, ngành báo cáo kết quả trước ngày 15 của tháng cuối quý về Sở Nội vụ để "
        "tổng hợp.\n"
    )
    assert [(r.from_, r.to, r.recurrence) for r in result.reporting] == [
        ("Các sở, ban, ngành", "Sở Nội vụ", "quarterly")
    ]
    assert [t.path for t in result.tasks] == ["I.1", "II.1"]


def test_a_duty_gives_its_recurring_report_but_not_its_one_off_one() -> None:
    assert _plan(
        "I. NHIỆM VỤ, GIẢI PHÁP\n1. Sở Y tế\na) Rà soát quy trình tiếp nhận hồ sơ.\n"
        "b) Định kỳ hai tuần một lần, báo cáo Ban Chỉ đạo tỉnh tiến độ thực hiện.\n"
        "2. Sở Tư pháp\na) Hoàn thành kiểm tra và báo cáo kết quả về UBND tỉnh trước ngày "
        "25/12/2026.\n"
        "II. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính bố trí kinh phí thực hiện.\n"
    ) == [("Sở Y tế", "Ban Chỉ đạo tỉnh", "biweekly", None)]


def test_a_weekly_report_closing_a_bodys_duties() -> None:
    assert _plan(
        "I. NHIỆM VỤ, GIẢI PHÁP\n1. Văn phòng UBND tỉnh\n"
        "a) Theo dõi việc giải quyết hồ sơ trực tuyến.\n"
        "b) Định kỳ trước 15 giờ ngày thứ Sáu hằng tuần, báo cáo cho lãnh đạo Ủy ban nhân dân "
        "tỉnh tình hình giải quyết hồ sơ (báo cáo đồng gửi cho Sở Nội vụ để theo dõi).\n"
        "II. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính bố trí kinh phí thực hiện.\n"
    ) == [("Văn phòng UBND tỉnh", "lãnh đạo Ủy ban nhân dân tỉnh", "weekly", None)]


def test_a_per_body_heading_states_the_yearly_report_and_the_focal_agency() -> None:
    result = parse_text(
        _HEAD + "I. NHIỆM VỤ, GIẢI PHÁP\n1. Sở Thông tin số chủ trì nâng cấp cổng dịch vụ công.\n"
        "II. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Nội vụ: theo dõi, đôn đốc các đơn vị; tổng hợp, báo cáo UBND tỉnh trước ngày "
        "10/12 hằng năm.\n"
        "a) Hướng dẫn các đơn vị triển khai Kế hoạch.\nb) Kiểm tra việc thực hiện tại các xã.\n"
        "2. Sở Tài chính bố trí kinh phí thực hiện.\n"
    )
    assert [(r.from_, r.to, r.recurrence, r.due) for r in result.reporting] == [
        ("Sở Nội vụ", "UBND tỉnh", "annual", "12-10")
    ]
    assert result.focal_agency == "Sở Nội vụ"


def test_a_closing_paragraph_after_the_duties() -> None:
    result = parse_text(
        _HEAD + "I. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính bố trí kinh phí thực hiện.\n"
        "II. NHIỆM VỤ, GIẢI PHÁP\n1. Sở Thông tin số chủ trì nâng cấp cổng dịch vụ công.\n"
        "2. Sở Tư pháp rà soát thủ tục hành chính.\n"
        "Các sở, ngành báo cáo tiến độ về Văn phòng UBND tỉnh vào thứ Sáu hằng tuần để tổng "
        "hợp, báo cáo Chủ tịch UBND tỉnh.\n"
    )
    assert [(r.from_, r.to, r.recurrence) for r in result.reporting] == [
        ("Các sở, ngành", "Văn phòng UBND tỉnh", "weekly"),
        ("Văn phòng UBND tỉnh", "Chủ tịch UBND tỉnh", "weekly"),
    ]
    assert result.focal_agency == "Văn phòng UBND tỉnh"


def test_the_report_closing_an_inspection_is_the_plans_even_outside_the_organisation() -> None:
    result = parse_text(
        _HEAD + "I. MỤC ĐÍCH, YÊU CẦU\nBảo đảm kiểm tra đúng trọng tâm.\n"
        "II. ĐOÀN KIỂM TRA, THỜI GIAN KIỂM TRA\n"
        "1. Chủ tịch UBND tỉnh giao Sở Nội vụ chủ trì tổ chức kiểm tra tại các xã. Kết thúc "
        "kiểm tra lập báo cáo kết quả để Chủ tịch UBND tỉnh xem xét, chỉ đạo.\n"
        "III. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính bố trí kinh phí thực hiện.\n"
    )
    assert [(r.from_, r.to, r.recurrence) for r in result.reporting] == [
        ("Sở Nội vụ", "Chủ tịch UBND tỉnh", "once")
    ]


def test_recurrences_as_plans_write_them() -> None:
    cases = {
        "Các sở báo cáo kết quả vào thứ Sáu hằng tuần về Sở Nội vụ.": ("weekly", None),
        "Các sở báo cáo định kỳ 02 tuần một lần về Sở Nội vụ.": ("biweekly", None),
        "Các sở báo cáo kết quả trước ngày 20 hằng tháng về Sở Nội vụ.": ("monthly", None),
        "Các sở báo cáo kết quả trước ngày 15 của tháng cuối quý về Sở Nội vụ.": (
            "quarterly",
            None,
        ),
        "Các sở báo cáo kết quả 6 tháng trước ngày 10/6 về Sở Nội vụ.": ("semiannual", "06-10"),
        "Các sở báo cáo kết quả trước ngày 10/12 hằng năm về Sở Nội vụ.": ("annual", "12-10"),
    }
    for text, expected in cases.items():
        assert [(e.to, e.recurrence, e.due) for e in reporting_in(text, ["Các sở"])] == [
            ("Sở Nội vụ", *expected)
        ], text


def test_a_report_for_the_body_that_decides_after_an_inspection() -> None:
    assert _keys(
        "Theo dõi các đơn vị khắc phục hạn chế sau kiểm tra để tổng hợp báo cáo Chủ tịch UBND "
        "tỉnh để chỉ đạo."
    ) == [("Các sở", "Chủ tịch UBND tỉnh", None, "once", None)]


def test_a_duty_reporting_to_nobody_named_gives_no_line() -> None:
    """'định kỳ hằng năm báo cáo kết quả' inside a duty, with no addressee: the
    duty's routine, not a line of the plan's regime."""
    assert (
        _plan(
            "I. NHIỆM VỤ, GIẢI PHÁP\n1. Sở Y tế rà soát quy trình tiếp nhận hồ sơ; định kỳ "
            "hằng năm báo cáo kết quả thực hiện.\n"
            "II. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính bố trí kinh phí thực hiện.\n"
        )
        == []
    )


def test_six_months_and_year_with_their_dates_in_order() -> None:
    """ "báo cáo 6 tháng, năm" is the half-yearly and the yearly report; dates given
    after both periods go to them in order."""
    assert _keys("Định kỳ báo cáo 6 tháng và năm về Sở Y tế trước ngày 20/6 và 20/12.") == [
        ("Các sở", "Sở Y tế", None, "semiannual", "06-20"),
        ("Các sở", "Sở Y tế", None, "annual", "12-20"),
    ]
    assert _keys("Định kỳ 6 tháng, năm báo cáo kết quả về UBND tỉnh.") == [
        ("Các sở", "UBND tỉnh", None, "semiannual", None),
        ("Các sở", "UBND tỉnh", None, "annual", None),
    ]
    # one date for two periods stays with the period it follows
    assert _keys("Báo cáo định kỳ hằng quý, 6 tháng (trước ngày 15/6) về Sở Y tế.") == [
        ("Các sở", "Sở Y tế", None, "quarterly", None),
        ("Các sở", "Sở Y tế", None, "semiannual", "06-15"),
    ]
