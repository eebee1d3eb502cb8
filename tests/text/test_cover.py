"""A cover letter (Tờ trình) in front of the plan it submits is skipped."""

from __future__ import annotations

from theodoi.text.outline.cover import plan_start
from theodoi.text.parse import parse_text

LETTER = """SỞ TƯ PHÁP CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HÒA LÂM Độc lập - Tự do - Hạnh phúc
Số: 12/TTr-STP Hòa Lâm, ngày 05 tháng 3 năm 2026
TỜ TRÌNH
Về việc ban hành kế hoạch phổ biến pháp luật năm 2026
Kính gửi: Ủy ban nhân dân tỉnh Hòa Lâm
Sở Tư pháp đã dự thảo kế hoạch, kính trình Ủy ban nhân dân tỉnh xem xét, ban hành.
KT. GIÁM ĐỐC
"""
PLAN = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HÒA LÂM Độc lập - Tự do - Hạnh phúc
Số: /KH-UBND Hòa Lâm, ngày tháng năm 2026
KẾ HOẠCH
Phổ biến pháp luật năm 2026
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao hiểu biết pháp luật.
II. NHIỆM VỤ, GIẢI PHÁP
1. Sở Tư pháp
- Tổ chức hội nghị phổ biến pháp luật cho cán bộ xã Tân Phú.
"""


def test_plan_starts_at_its_own_header() -> None:
    lines = (LETTER + PLAN).splitlines()
    assert lines[plan_start(lines)].startswith("ỦY BAN NHÂN DÂN")


def test_no_cover_letter_keeps_everything() -> None:
    assert plan_start(PLAN.splitlines()) == 0


def test_metadata_is_the_plans_not_the_letters() -> None:
    result = parse_text(LETTER + PLAN)
    assert result.document.issuer == "Ủy ban nhân dân tỉnh Hòa Lâm"
    assert result.document.title is not None and result.document.title.startswith("Phổ biến")
