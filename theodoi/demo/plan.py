"""The demo plan: a fictional Kế hoạch of UBND tỉnh Hòa Lâm, about 30 tasks.

Written for theodoi in the usual administrative style; it carries out a
fictional provincial program, which in turn carries out Nghị quyết
43-NQ/TW (cited by number only). Dates are relative to ``base_year``, the
year the plan was issued, so the demo always looks current.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class TaskSpec:
    path: str
    text: str
    lead: tuple[str, ...] = ()
    coordinating: tuple[str, ...] = ()
    implementing: tuple[str, ...] = ()
    timing: str = "thường xuyên"  # "thường xuyên" | "hằng năm" | ISO date | "Quý N/YYYY"


SECTION_DUTIES = "NHIỆM VỤ, GIẢI PHÁP"
SECTION_ORGANISATION = "TỔ CHỨC THỰC HIỆN"

ALL_DEPARTMENTS = "Các sở, ban, ngành tỉnh"
ALL_DISTRICTS = "UBND các huyện, thị xã, thành phố"
FRONT = "Ủy ban MTTQ và các tổ chức chính trị - xã hội tỉnh"

THEMES = {
    "II.1": "Đổi mới công tác tuyên truyền, nâng cao nhận thức",
    "II.2": "Hoàn thiện cơ chế, chính sách",
    "II.3": "Phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể",
    "II.4": "Thực hiện dân chủ ở cơ sở, đối thoại với Nhân dân",
    "II.5": "Chuyển đổi số, cải cách hành chính phục vụ Nhân dân",
    "III.1": "Sở Nội vụ",
    "III.2": "Các cơ quan, đơn vị, địa phương",
}


def document_fields(base_year: int) -> dict[str, object]:
    return {
        "kind": "ke_hoach",
        "number": "215/KH-UBND",
        "issuer": "Ủy ban nhân dân tỉnh Hòa Lâm",
        "issuer_type": "government",
        "level": "province",
        "place": "Hòa Lâm",
        "date": f"{base_year}-09-12",
        "title": "Thực hiện Chương trình hành động số 45-CTr/TU của Tỉnh ủy về tiếp tục "
        "phát huy sức mạnh đại đoàn kết toàn dân tộc",
        "implements": ["45-CTr/TU", "43-NQ/TW"],
        "references": ["45-CTr/TU", "43-NQ/TW", "09/2019/NĐ-CP"],
    }


PARENTS = [
    # number, kind, issuer, issuer_type, level, title
    (
        "45-CTr/TU",
        "chuong_trinh",
        "Tỉnh ủy Hòa Lâm",
        "party",
        "province",
        "Chương trình hành động thực hiện Nghị quyết số 43-NQ/TW",
    ),
    (
        "43-NQ/TW",
        "nghi_quyet",
        "Ban Chấp hành Trung ương Đảng",
        "party",
        "central",
        "Về tiếp tục phát huy truyền thống, sức mạnh đại đoàn kết toàn dân tộc",
    ),
    (
        "09/2019/NĐ-CP",
        "other",
        "Chính phủ",
        "government",
        "central",
        "Quy định về chế độ báo cáo của cơ quan hành chính nhà nước",
    ),
]


def tasks(base_year: int) -> list[TaskSpec]:
    y1, y2 = base_year + 1, base_year + 2
    return [
        TaskSpec(
            "II.1.a",
            "Tổ chức quán triệt kế hoạch đến cán bộ, công chức, viên chức và "
            "người lao động trong cơ quan, đơn vị.",
            implementing=(ALL_DEPARTMENTS, ALL_DISTRICTS),
            timing=f"{base_year}-12-31",
        ),
        TaskSpec(
            "II.1.b",
            "Đa dạng hóa hình thức tuyên truyền trên báo chí, cổng thông tin "
            "điện tử và mạng xã hội về khối đại đoàn kết toàn dân tộc.",
            lead=("Sở TT&TT",),
            coordinating=("Ban Tuyên giáo Tỉnh ủy",),
        ),
        TaskSpec(
            "II.1.c",
            "Biên soạn tài liệu hỏi - đáp ngắn gọn, dễ hiểu phục vụ tuyên truyền "
            "ở thôn, tổ dân phố.",
            lead=("Sở Tư pháp",),
            coordinating=("Sở TT&TT", "Ủy ban MTTQ tỉnh"),
            timing=f"Quý II/{y1}",
        ),
        TaskSpec(
            "II.1.d",
            "Đưa nội dung giáo dục truyền thống đoàn kết vào hoạt động ngoại "
            "khóa của các trường học.",
            lead=("Sở GD&ĐT",),
            timing="hằng năm",
        ),
        TaskSpec(
            "II.1.e",
            "Tổ chức các hoạt động văn hóa, thể thao nhân Ngày hội Đại đoàn kết "
            "toàn dân tộc ở khu dân cư.",
            lead=("Sở VHTTDL",),
            implementing=(ALL_DISTRICTS,),
            timing="hằng năm",
        ),
        TaskSpec(
            "II.1.f",
            "Biểu dương, nhân rộng các mô hình hay, điển hình tiên tiến trong "
            "xây dựng khối đại đoàn kết.",
            lead=("Sở Nội vụ",),
            coordinating=("Ủy ban MTTQ tỉnh",),
            timing="hằng năm",
        ),
        TaskSpec(
            "II.2.a",
            "Rà soát văn bản quy phạm pháp luật của tỉnh liên quan đến chính sách "
            "dân tộc, tôn giáo; đề xuất sửa đổi, bổ sung.",
            lead=("Sở Tư pháp",),
            coordinating=("Ban Dân tộc tỉnh", "Sở Nội vụ"),
            timing=f"{y1}-06-30",
        ),
        TaskSpec(
            "II.2.b",
            "Tham mưu chính sách hỗ trợ người có uy tín trong đồng bào dân tộc thiểu số.",
            lead=("Ban Dân tộc tỉnh",),
            coordinating=("Sở Tài chính",),
            timing=f"Quý III/{y1}",
        ),
        TaskSpec(
            "II.2.c",
            "Bố trí kinh phí thực hiện kế hoạch trong dự toán ngân sách hằng năm.",
            lead=("Sở Tài chính",),
            timing="hằng năm",
        ),
        TaskSpec(
            "II.2.d",
            "Hoàn thiện quy chế phối hợp giữa UBND tỉnh và Ủy ban MTTQ tỉnh.",
            lead=("Văn phòng UBND tỉnh",),
            coordinating=("Ủy ban MTTQ tỉnh",),
            timing=f"{y1}-03-31",
        ),
        TaskSpec(
            "II.2.e",
            "Thực hiện chính sách hỗ trợ nhà ở cho hộ nghèo, hộ có hoàn cảnh khó khăn.",
            lead=("Sở Xây dựng",),
            implementing=(ALL_DISTRICTS,),
        ),
        TaskSpec(
            "II.2.f",
            "Rà soát, hoàn thiện chính sách thu hút doanh nghiệp đầu tư vào vùng "
            "đồng bào dân tộc thiểu số.",
            lead=("Sở Công Thương",),
            coordinating=("Sở Tài chính", "Ban Dân tộc tỉnh"),
            timing=f"{y2}-06-30",
        ),
        TaskSpec(
            "II.3.a",
            "Phối hợp tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở 100% khu dân cư.",
            lead=("Ủy ban MTTQ tỉnh",),
            implementing=(ALL_DISTRICTS,),
            timing="hằng năm",
        ),
        TaskSpec(
            "II.3.b",
            "Vận động đoàn viên, hội viên tham gia phong trào xây dựng nông thôn "
            "mới, đô thị văn minh.",
            implementing=("Hội Nông dân tỉnh", "Hội Liên hiệp Phụ nữ tỉnh", "Tỉnh đoàn"),
        ),
        TaskSpec(
            "II.3.c",
            "Tổ chức giám sát, phản biện xã hội đối với dự thảo chính sách của tỉnh.",
            lead=("Ủy ban MTTQ tỉnh",),
            timing="hằng năm",
        ),
        TaskSpec(
            "II.3.d",
            "Phát huy vai trò của cựu chiến binh trong hòa giải ở cơ sở.",
            lead=("Hội Cựu chiến binh tỉnh",),
            coordinating=("Sở Tư pháp",),
        ),
        TaskSpec(
            "II.3.e",
            "Chăm lo đời sống, bảo vệ quyền lợi hợp pháp của người lao động.",
            lead=("Liên đoàn Lao động tỉnh",),
            timing="hằng năm",
        ),
        TaskSpec(
            "II.3.f",
            "Đào tạo, bồi dưỡng cán bộ Mặt trận và đoàn thể cấp xã.",
            lead=("Sở Nội vụ",),
            coordinating=(FRONT,),
            timing=f"Quý IV/{y1}",
        ),
        TaskSpec(
            "II.4.a",
            "Người đứng đầu cấp ủy, chính quyền đối thoại trực tiếp với Nhân dân "
            "ít nhất một lần mỗi năm.",
            implementing=(ALL_DISTRICTS,),
            timing="hằng năm",
        ),
        TaskSpec(
            "II.4.b",
            "Công khai thủ tục, kết quả giải quyết phản ánh, kiến nghị của người dân.",
            implementing=(ALL_DEPARTMENTS,),
        ),
        TaskSpec(
            "II.4.c",
            "Giải quyết kịp thời khiếu nại, tố cáo, không để phát sinh điểm nóng.",
            lead=("Thanh tra tỉnh",),
            implementing=(ALL_DISTRICTS,),
        ),
        TaskSpec(
            "II.4.d",
            "Bảo đảm an ninh, trật tự trong vùng đồng bào có đạo.",
            lead=("Công an tỉnh",),
            coordinating=("Ban Dân tộc tỉnh",),
        ),
        TaskSpec(
            "II.4.e",
            "Nâng cao chất lượng hoạt động của ban thanh tra nhân dân và ban giám "
            "sát đầu tư của cộng đồng.",
            lead=("Ủy ban MTTQ tỉnh",),
            coordinating=("Thanh tra tỉnh",),
            timing="hằng năm",
        ),
        TaskSpec(
            "II.4.f",
            "Tổ chức diễn tập khu vực phòng thủ gắn với vận động quần chúng.",
            lead=("Bộ CHQS tỉnh",),
            timing=f"Quý III/{y2}",
        ),
        TaskSpec(
            "II.5.a",
            "Triển khai cổng tiếp nhận phản ánh, kiến nghị trực tuyến của người "
            "dân và doanh nghiệp.",
            lead=("Sở TT&TT",),
            coordinating=("Văn phòng UBND tỉnh",),
            timing=f"{y1}-09-30",
        ),
        TaskSpec(
            "II.5.b",
            "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.",
            implementing=(ALL_DEPARTMENTS, ALL_DISTRICTS),
            timing=f"{y2}-12-31",
        ),
        TaskSpec(
            "II.5.c",
            "Hướng dẫn người dân sử dụng dịch vụ công trực tuyến qua tổ công nghệ số cộng đồng.",
            lead=("Sở TT&TT",),
            implementing=(ALL_DISTRICTS,),
        ),
        TaskSpec(
            "II.5.d",
            "Đánh giá mức độ hài lòng của người dân đối với sự phục vụ của cơ quan hành chính.",
            lead=("Sở Nội vụ",),
            timing="hằng năm",
        ),
        TaskSpec(
            "II.5.e",
            "Ứng dụng dữ liệu dân cư trong giải quyết chính sách an sinh xã hội.",
            lead=("Công an tỉnh",),
            coordinating=("Sở Y tế", "Sở Tài chính"),
        ),
        TaskSpec(
            "III.1.a",
            "Theo dõi, đôn đốc, kiểm tra việc thực hiện kế hoạch; tổng hợp, báo "
            "cáo UBND tỉnh trước ngày 10/12 hằng năm.",
            lead=("Sở Nội vụ",),
            timing="hằng năm",
        ),
        TaskSpec(
            "III.1.b",
            "Tham mưu sơ kết việc thực hiện kế hoạch.",
            lead=("Sở Nội vụ",),
            coordinating=(ALL_DEPARTMENTS,),
            timing=f"Quý IV/{y2}",
        ),
        TaskSpec(
            "III.2.a",
            "Xây dựng kế hoạch của cơ quan, đơn vị, địa phương để triển khai thực hiện.",
            implementing=(ALL_DISTRICTS,),
            timing=f"{base_year}-11-30",
        ),
    ]


def timing_fields(timing: str) -> dict[str, object]:
    """The ``Task`` timing columns for the four forms the demo plan uses."""
    if timing == "thường xuyên":
        return {"timing_kind": "continuous"}
    if timing == "hằng năm":
        return {"timing_kind": "annual"}
    if timing.startswith("Quý "):
        roman, year = timing.removeprefix("Quý ").split("/")
        quarter = {"I": 1, "II": 2, "III": 3, "IV": 4}[roman]
        return {"timing_kind": "quarter", "due_year": int(year), "due_quarter": quarter}
    return {"timing_kind": "due_date", "due_date": datetime.date.fromisoformat(timing)}
