from __future__ import annotations

from theodoi.text.extract.metadata import extract_metadata, issuer_type, kind_of_number, level_of


def test_header_block() -> None:
    header = [
        "ỦY BAN NHÂN DÂN TỈNH HÒA LÂM",
        "Số: 12/KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Hòa Lâm, ngày 05 tháng 9 năm 2024",
    ]
    preamble = [
        *header,
        "KẾ HOẠCH",
        "Thực hiện Chương trình số 7-CTr/TU của Tỉnh ủy",
        "Thực hiện Chương trình số 7-CTr/TU, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
    ]
    info = extract_metadata(
        header, preamble, "Chương trình số 7-CTr/TU; Kế hoạch số 12/KH-UBND.", [], []
    )
    assert (info.kind, info.number, info.place, info.date) == (
        "ke_hoach",
        "12/KH-UBND",
        "Hòa Lâm",
        "2024-09-05",
    )
    assert info.issuer == "Ủy ban nhân dân tỉnh Hòa Lâm"
    assert (info.issuer_type, info.level) == ("government", "province")
    assert info.title == "Thực hiện Chương trình số 7-CTr/TU của Tỉnh ủy"
    assert info.implements == ["7-CTr/TU"]
    assert info.references == ["7-CTr/TU"]  # own number excluded


def test_lost_header_falls_back_on_the_opening_sentence_and_signature() -> None:
    preamble = [
        "Thực hiện Chương trình số 9-CTr/TU ngày 01/02/2024 của Tỉnh ủy, "
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:"
    ]
    info = extract_metadata(
        [], preamble, "tỉnh Hòa Lâm … tỉnh Hòa Lâm", [], ["TM. ỦY BAN NHÂN DÂN"]
    )
    assert info.kind == "ke_hoach"
    assert info.issuer == "Ủy ban nhân dân tỉnh Hòa Lâm"
    assert info.title is None  # the first page is missing: no title, not the opening sentence


def test_codes_and_levels() -> None:
    assert kind_of_number("80-CTr/TU") == "chuong_trinh"
    assert kind_of_number("844/QĐ-TTg") == "quyet_dinh"
    assert issuer_type("Tỉnh ủy Hòa Lâm", None) == "party"
    assert issuer_type("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", None) == "front"
    assert issuer_type("Thủ tướng Chính phủ", "844/QĐ-TTg") == "government"
    assert level_of("Thành ủy Rạch Giá", None) == "city"
    assert level_of("Huyện ủy Đông Sơn", None) == "district"
    assert level_of("Chính phủ", "100/NQ-CP") == "central"
