"""Duties a plan gives to nobody by name belong to the bodies "TỔ CHỨC THỰC
HIỆN" charges with the whole plan (fictional plans, our own text)."""

from __future__ import annotations

import pytest

from theodoi.text.extract.implementers import charges_whole_plan
from theodoi.text.parse import parse_text

PARTY_PLAN = """\
TỈNH ỦY VÂN SƠN
Số 14-KH/TU
Vân Sơn, ngày 10 tháng 4 năm 2025
KẾ HOẠCH
thực hiện Nghị quyết của Tỉnh ủy về phát triển văn hóa đọc
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao nhận thức của cán bộ, đảng viên về văn hóa đọc.
II. NHIỆM VỤ, GIẢI PHÁP
1. Đổi mới công tác tuyên truyền về văn hóa đọc
- Đa dạng hóa hình thức giới thiệu sách tại khu dân cư.
- Phát huy vai trò của thư viện cơ sở trong các dịp lễ, tết.
2. Xây dựng môi trường đọc trong cơ quan, đơn vị
Bố trí không gian đọc tại trụ sở; khuyến khích cán bộ chia sẻ sách hay.
3. Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Tài chính rà soát mạng lưới thư viện.
III. TỔ CHỨC THỰC HIỆN
1. Các huyện ủy, thị ủy, thành ủy trực thuộc Tỉnh ủy, các ban đảng tổ chức quán triệt \
và xây dựng kế hoạch thực hiện phù hợp với địa phương, đơn vị.
2. Ủy ban nhân dân tỉnh trên cơ sở Kế hoạch này chỉ đạo các sở, ngành cụ thể hóa bằng các đề án.
3. Ban Tuyên giáo Tỉnh ủy xây dựng kế hoạch tuyên truyền về văn hóa đọc trên báo chí.
4. Ban Dân vận Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan theo dõi, đôn đốc \
việc thực hiện Kế hoạch; báo cáo Ban Thường vụ Tỉnh ủy khi có yêu cầu.
T/M TỈNH ỦY
"""

COMMITTEES = "Các huyện ủy, thị ủy, thành ủy trực thuộc Tỉnh ủy"


@pytest.fixture(scope="module")
def parsed() -> dict:  # type: ignore[type-arg]
    return parse_text(PARTY_PLAN, source_name="van-hoa-doc.txt").to_json_dict()


def by_path(parsed: dict) -> dict:  # type: ignore[type-arg]
    return {t["path"]: t for t in parsed["tasks"]}


def test_whole_plan_implementers_read_off_the_organisation(parsed: dict) -> None:  # type: ignore[type-arg]
    implementers = parsed["implementers"]
    assert implementers[0] == COMMITTEES
    assert "các ban đảng" in implementers
    assert "Ủy ban nhân dân tỉnh" in implementers  # "trên cơ sở Kế hoạch này"
    # one job (a propaganda plan) or watching over the plan is not carrying it out
    assert "Ban Tuyên giáo Tỉnh ủy" not in implementers
    assert "Ban Dân vận Tỉnh ủy" not in implementers


def test_duties_naming_nobody_get_them_apart_from_the_roles(parsed: dict) -> None:  # type: ignore[type-arg]
    tasks = by_path(parsed)
    for path in ("II.1-1", "II.1-2", "II.2"):
        task = tasks[path]
        assert task["lead"] == task["coordinating"] == task["implementing"] == [], path
        assert task["implied_implementing"] == parsed["implementers"], path
    # a duty with its own bodies keeps them and gets nothing implied
    own = tasks["II.3"]
    assert own["lead"] == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert "implied_implementing" not in own
    # the organisation's own items are not duties of the plan's implementers
    assert all("implied_implementing" not in t for p, t in tasks.items() if p.startswith("III"))


def test_a_plan_whose_organisation_charges_nobody_implies_nothing() -> None:
    text = PARTY_PLAN.split("III. TỔ CHỨC THỰC HIỆN")[0] + (
        "III. TỔ CHỨC THỰC HIỆN\n"
        "1. Ban Dân vận Tỉnh ủy chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.\n"
    )
    parsed = parse_text(text).to_json_dict()
    assert parsed["implementers"] == []
    assert all("implied_implementing" not in t for t in parsed["tasks"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Các sở, ban, ngành căn cứ Kế hoạch này xây dựng kế hoạch cụ thể.", True),
        ("UBND các huyện xây dựng kế hoạch triển khai thực hiện tại địa phương.", True),
        ("Đảng đoàn Hội Nông dân tỉnh xây dựng chương trình hành động thực hiện.", True),
        ("Các đảng ủy trực thuộc ban hành kế hoạch cụ thể hóa Chương trình.", True),
        ("Ban Tuyên giáo xây dựng kế hoạch kiểm tra việc học tập nghị quyết.", False),
        ("Sở Nội vụ chủ trì xây dựng kế hoạch thực hiện, theo dõi, tổng hợp.", False),
        ("Đảng đoàn HĐND tỉnh lãnh đạo ban hành các văn bản quy phạm pháp luật.", False),
        ("Trung tâm Chính trị tỉnh cập nhật nội dung giảng dạy.", False),
        ("Các cấp ủy tổ chức quán triệt, triển khai thực hiện nghiêm túc Kế hoạch này.", True),
        ("Văn phòng Tỉnh ủy theo dõi, đôn đốc việc triển khai thực hiện Kế hoạch này.", False),
        ("Ban Tổ chức Tỉnh ủy hướng dẫn, kiểm tra việc thực hiện Chương trình này.", False),
    ],
)
def test_what_charges_the_whole_plan(text: str, expected: bool) -> None:
    assert charges_whole_plan(text) is expected


THEME_PLAN = """\
ỦY BAN NHÂN DÂN TỈNH VÂN SƠN
Số 77/KH-UBND
Vân Sơn, ngày 02 tháng 6 năm 2025
KẾ HOẠCH
Phòng, chống thiên tai năm 2025
I. MỤC ĐÍCH, YÊU CẦU
Chủ động ứng phó, giảm thiệt hại do thiên tai.
II. NHIỆM VỤ, GIẢI PHÁP
1. Phát huy vai trò của lực lượng vũ trang tỉnh trong phòng, chống thiên tai
- Các lực lượng vũ trang tỉnh chủ động xây dựng phương án cứu hộ, cứu nạn.
- Tổ chức diễn tập ứng phó bão lũ tại các xã ven biển.
2. Tăng cường truyền thông về phòng, chống thiên tai
- Đổi mới nội dung bản tin cảnh báo sớm trên sóng phát thanh.
- Biên soạn tài liệu hướng dẫn kỹ năng cho học sinh.
III. TỔ CHỨC THỰC HIỆN
1. Các sở, ban, ngành tỉnh; UBND các huyện căn cứ Kế hoạch này xây dựng kế hoạch thực hiện.
2. Sở Nông nghiệp và Phát triển nông thôn chủ trì theo dõi, tổng hợp kết quả.
"""


def test_a_theme_that_names_its_body_carries_it_to_its_other_items() -> None:
    parsed = parse_text(THEME_PLAN).to_json_dict()
    tasks = by_path(parsed)
    assert tasks["II.1-1"]["implementing"] == ["Các lực lượng vũ trang tỉnh"]
    assert "implied_implementing" not in tasks["II.1-1"]
    # the second item continues the theme's subject, not the whole plan's implementers
    assert tasks["II.1-2"]["implementing"] == []
    assert tasks["II.1-2"]["implied_implementing"] == ["Các lực lượng vũ trang tỉnh"]
    # a theme whose heading names no body: the plan's implementers
    assert parsed["implementers"]
    assert "Sở Nông nghiệp và Phát triển nông thôn" not in parsed["implementers"]
    for path in ("II.2-1", "II.2-2"):
        assert tasks[path]["implied_implementing"] == parsed["implementers"], path


CITED_PLAN = """\
ỦY BAN NHÂN DÂN TỈNH VÂN SƠN
Số 90/KH-UBND
Vân Sơn, ngày 15 tháng 7 năm 2025
KẾ HOẠCH
Chăm sóc sức khỏe học đường năm học 2025 - 2026
I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm sức khỏe cho học sinh.
II. NHIỆM VỤ, GIẢI PHÁP
1. Khám sức khỏe định kỳ cho học sinh các cấp.
2. Cải tạo nhà vệ sinh, công trình nước sạch tại trường học.
3. Phòng, chống dịch bệnh trong trường học
a) Giám sát ca bệnh truyền nhiễm tại trường.
b) Tiêm chủng bổ sung cho học sinh.
c) Tập huấn nhân viên y tế trường học.
III. TỔ CHỨC THỰC HIỆN
1. Sở Giáo dục và Đào tạo chủ trì thực hiện các nội dung tại mục 1, 2 phần II.
2. Sở Y tế thực hiện nhiệm vụ tại điểm a, b khoản 3 mục II của Kế hoạch này.
3. Sở Tài chính hướng dẫn sử dụng kinh phí theo Mục 3 Thông tư số 12/2024/TT-BTC.
4. Các sở, ban, ngành; UBND các huyện căn cứ Kế hoạch này xây dựng kế hoạch thực hiện.
"""


def test_an_assignment_citing_duties_by_number_sends_its_bodies_there() -> None:
    parsed = parse_text(CITED_PLAN).to_json_dict()
    tasks = by_path(parsed)
    for path in ("II.1", "II.2"):
        assert tasks[path]["lead"] == []  # the roles stay as the duty states them
        assert tasks[path]["implied_implementing"] == ["Sở Giáo dục và Đào tạo"], path
    for path in ("II.3.a", "II.3.b"):
        assert tasks[path]["implied_implementing"] == ["Sở Y tế"], path
    # a duty nobody cites: the plan's implementers; a cited section of a
    # circular is not this plan's
    assert tasks["II.3.c"]["implied_implementing"] == parsed["implementers"]
    assert "Sở Tài chính" not in tasks["II.3.c"]["implied_implementing"]
