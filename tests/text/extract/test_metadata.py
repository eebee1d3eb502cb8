from __future__ import annotations

from pathlib import Path

import pytest

from theodoi.text.extract.metadata import (
    compose_issuer,
    extract_metadata,
    header_lines,
    issuer_type,
    kind_of_number,
    level_of,
)
from theodoi.text.model import Horizon
from theodoi.text.outline.lines import Line
from theodoi.text.parse import parse_file, parse_text
from theodoi.text.source import Table


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


def test_a_title_misread_beside_the_signing_organ_is_not_its_place() -> None:
    """OCR reads "T/M THÀNH ỦY" and "BÍ THƯ" into one line ("THÀNH ỦY BITHLT"): the
    word that is no syllable is dropped, and the plan's main place completes it."""
    preamble = ["Ban Thường vụ đề ra kế hoạch thực hiện như sau:"]
    for signature in ["T/M THÀNH ỦY BITHLT", "T/M THÀNH ỦY BITHU", "T/M THÀNH ỦY"]:
        info = extract_metadata(
            [], preamble, "thành phố Lâm Giang … thành phố Lâm Giang", [], [signature]
        )
        assert info.issuer == "Thành ủy Lâm Giang", signature


def test_codes_and_levels() -> None:
    assert kind_of_number("80-CTr/TU") == "chuong_trinh"
    assert kind_of_number("844/QĐ-TTg") == "quyet_dinh"
    assert issuer_type("Tỉnh ủy Hòa Lâm", None) == "party"
    assert issuer_type("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", None) == "front"
    assert issuer_type("Thủ tướng Chính phủ", "844/QĐ-TTg") == "government"
    assert level_of("Thành ủy Rạch Giá", None) == "city"
    assert level_of("Huyện ủy Đông Sơn", None) == "district"
    assert level_of("Chính phủ", "100/NQ-CP") == "central"


# -- header blocks of every layout (fictional headers) -------------------------
def _header_table(*rows: tuple[str, ...]) -> Line:
    return Line(text="", table=Table(rows=tuple(rows)))


def test_word_header_table_issuer_under_its_parent_and_a_draft_number() -> None:
    lines = [
        _header_table(
            (
                "UBND TỈNH HÒA LÂM\nSỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nSố:     /KH-SNNMT",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                "Hòa Lâm, ngày      tháng 4 năm 2026",
            ),
        ),
        Line(text="KẾ HOẠCH"),
    ]
    header = header_lines(lines)
    assert header[:3] == ["UBND TỈNH HÒA LÂM", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Số:     /KH-SNNMT"]
    preamble = ["KẾ HOẠCH", "Kiểm tra an toàn đê điều mùa mưa lũ giai đoạn 2026 – 2030"]
    info = extract_metadata(header, preamble, "", [], [])
    assert info.issuer == "Sở Nông nghiệp và Môi trường tỉnh Hòa Lâm"
    assert info.issuer_parent == "UBND tỉnh Hòa Lâm"
    assert (info.number, info.draft, info.kind) == (None, True, "ke_hoach")
    assert (info.place, info.date) == ("Hòa Lâm", None)
    assert (info.issuer_type, info.level) == ("government", "province")
    assert info.horizon == Horizon("giai đoạn 2026 – 2030", 2026, 2030)
    assert info.to_json_dict()["draft"] is True


def test_merged_header_cells_are_read_once() -> None:
    lines = [
        _header_table(
            ("ỦY BAN NHÂN DÂN\nTỈNH HÒA LÂM", "ỦY BAN NHÂN DÂN\nTỈNH HÒA LÂM", "CỘNG HÒA XÃ HỘI"),
            ("Số: 41/KH-UBND", "Số: 41/KH-UBND", "Hòa Lâm, ngày 02 tháng 3 năm 2026"),
        )
    ]
    header = header_lines(lines)
    assert header.count("TỈNH HÒA LÂM") == 1
    info = extract_metadata(header, ["KẾ HOẠCH", "Phòng, chống thiên tai năm 2026"], "", [], [])
    assert (info.issuer, info.issuer_parent) == ("Ủy ban nhân dân tỉnh Hòa Lâm", None)
    assert (info.number, info.draft, info.date) == ("41/KH-UBND", False, "2026-03-02")
    assert info.horizon == Horizon("năm 2026", 2026, 2026)


def test_unit_of_a_body_is_named_with_it() -> None:
    header = [
        "ỦY BAN MTTQ VIỆT NAM",
        "XÃ BÌNH SƠN",
        "BAN THƯỜNG TRỰC",
        "Số: 07/KH-MTTQ-BTT",
        "Bình Sơn, ngày 10 tháng 1 năm 2026",
    ]
    info = extract_metadata(header, ["KẾ HOẠCH", "Tổ chức ngày hội đại đoàn kết"], "", [], [])
    assert info.issuer == "Ban Thường trực Ủy ban MTTQ Việt Nam xã Bình Sơn"
    assert info.issuer_parent == "Ủy ban MTTQ Việt Nam xã Bình Sơn"
    assert (info.issuer_type, info.level) == ("front", "commune")


def test_letter_subject_is_its_title_and_a_legal_basis_is_not_implemented() -> None:
    lines = [
        _header_table(
            (
                "UBND TỈNH HÒA LÂM\nBAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ\nSố: /BCĐ\n"
                "V/v triển khai các nhiệm vụ\ntrọng tâm quý II",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHòa Lâm, ngày   tháng 4 năm 2026",
            )
        )
    ]
    preamble = [
        "Kính gửi: Các sở, ban, ngành tỉnh",
        "Căn cứ Công văn số 88/TCT ngày 2/3/2026, như sau:",
    ]
    info = extract_metadata(header_lines(lines), preamble, "", [], [])
    assert info.title == "triển khai các nhiệm vụ trọng tâm quý II"
    assert info.issuer == "Ban Chỉ đạo chuyển đổi số tỉnh Hòa Lâm"
    assert (info.kind, info.number, info.draft) == ("other", None, True)
    assert info.implements == []


def test_markdown_header_and_number_on_two_lines() -> None:
    lines = [
        Line(text="| BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |"),
        Line(text="| --- | --- |"),
        Line(text="Số:"),
        Line(text="/QĐ-BNNMT"),
        Line(text="Hà Nội, ngày"),
    ]
    header = header_lines(lines)
    assert "Số: /QĐ-BNNMT" in header
    preamble = ["QUYẾT ĐỊNH BAN HÀNH KẾ HOẠCH PHÒNG CHÁY RỪNG MÙA KHÔ", "*Căn cứ Luật Lâm nghiệp;*"]
    info = extract_metadata(header, preamble, "", [], [])
    assert (info.issuer, info.kind, info.draft, info.place) == (
        "Bộ Nông nghiệp và Môi trường",
        "quyet_dinh",
        True,
        "Hà Nội",
    )
    assert info.title == "BAN HÀNH KẾ HOẠCH PHÒNG CHÁY RỪNG MÙA KHÔ"


def test_implemented_document_named_in_the_preamble() -> None:
    preamble = [
        "KẾ HOẠCH",
        "Tổ chức hội nghị hiệp thương",
        "Căn cứ Luật Bầu cử; Thực hiện Kế hoạch số 16/KH-MTTQ-BTT ngày 18/11/2025 của BTT;",
    ]
    info = extract_metadata(["ỦY BAN MTTQ VIỆT NAM XÃ BÌNH SƠN"], preamble, "", [], [])
    assert info.implements == ["16/KH-MTTQ-BTT"]


def test_policy_documents_of_the_legal_basis_are_implemented_when_nothing_else_is() -> None:
    preamble = [
        "KẾ HOẠCH",
        "Cải cách hành chính giai đoạn 2026 - 2030 của tỉnh Hòa Lâm",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        "Căn cứ Nghị định số 12/2025/NĐ-CP ngày 3/1/2025 của Chính phủ quy định chức năng;",
        "Căn cứ Nghị quyết số 31/NQ-CP ngày 5/2/2026 của Chính phủ ban hành Chương trình tổng thể;",
        "Căn cứ Quyết định số 140/QĐ-UBND ngày 9/1/2026 quy định chức năng của Sở Nội vụ; "
        "Căn cứ Quyết định số 77/QĐ-TTg ngày 2/2/2026 của Thủ tướng Chính phủ ban hành Kế hoạch "
        "cải cách hành chính trọng tâm;",
        "Căn cứ Nghị quyết số 08/2025/NQ-HĐND ngày 4/4/2025 quy định mức chi;",
        "Căn cứ Công văn số 512/BNV-CCHC ngày 1/3/2026 của Bộ Nội vụ;",
    ]
    info = extract_metadata(["ỦY BAN NHÂN DÂN TỈNH HÒA LÂM"], preamble, "", [], [])
    assert info.implements == ["31/NQ-CP", "77/QĐ-TTg"]
    carried = [*preamble[:3], "Thực hiện Chỉ thị số 05-CT/TU ngày 1/2/2026 của Tỉnh ủy;"]
    info = extract_metadata(["ỦY BAN NHÂN DÂN TỈNH HÒA LÂM"], carried, "", [], [])
    assert info.implements == ["05-CT/TU"]


def test_text_layer_header_with_columns_side_by_side() -> None:
    header = [
        "UBND TỈNH HÒA LÂM                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "VĂN PHÒNG                           Độc lập - Tự do - Hạnh phúc",
        "Số: 215/TB-VP                    Hòa Lâm, ngày 14 tháng 5 năm 2026",
    ]
    info = extract_metadata(header, ["THÔNG BÁO", "Kết luận của Chủ tịch UBND tỉnh"], "", [], [])
    assert (info.number, info.place, info.date) == ("215/TB-VP", "Hòa Lâm", "2026-05-14")
    assert info.issuer == "Văn phòng UBND tỉnh Hòa Lâm"
    assert info.issuer_parent == "UBND tỉnh Hòa Lâm"
    assert (info.issuer_type, info.level) == ("government", "province")


def test_party_committee_of_a_provincial_body() -> None:
    header = [
        "ĐẢNG BỘ TỈNH HÒA LÂM              ĐẢNG CỘNG SẢN VIỆT NAM",
        "ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH",
        "*",
        "Số 318-CV/ĐU                      Hòa Lâm, ngày 3/2/2026",
    ]
    info = extract_metadata(header, ["V/v quán triệt nghị quyết"], "", [], [])
    assert (info.number, info.date) == ("318-CV/ĐU", "2026-02-03")
    assert info.issuer == "Đảng ủy ủy ban nhân dân tỉnh Hòa Lâm"
    assert info.issuer_parent == "Đảng bộ tỉnh Hòa Lâm"
    assert (info.issuer_type, info.level) == ("party", "province")


def test_ocr_line_joining_both_header_columns() -> None:
    header = [
        "SỞ XÂY DỰNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "ĐOÀN KIỂM TRA Độc lập - Tự do - Hạnh Phúc THEO QUYẾT ĐỊNH SỐ 77/QĐ-SXD Hòa Lâm, "
        "ngày 10 tháng 3 năm 2026",
        "Số: 81⁄KH-ĐKT",
    ]
    preamble = ["KẾ HOẠCH Kiểm tra an toàn công trình trên địa bàn tỉnh"]
    info = extract_metadata(header, preamble, "", [], [])
    assert (info.number, info.place, info.date) == ("81/KH-ĐKT", "Hòa Lâm", "2026-03-10")
    assert info.issuer == "Đoàn kiểm tra Sở Xây dựng tỉnh Hòa Lâm"
    assert info.issuer_parent == "Sở Xây dựng"
    assert (info.kind, info.title) == ("ke_hoach", "Kiểm tra an toàn công trình trên địa bàn tỉnh")
    assert (info.issuer_type, info.level) == ("government", "province")


def test_draft_decision_number_with_a_year() -> None:
    header = ["ỦY BAN NHÂN DÂN", "TỈNH HÒA LÂM", "Số:      /2026/QĐ-UBND"]
    info = extract_metadata(header, ["QUYẾT ĐỊNH", "Ban hành quy chế phối hợp"], "", [], [])
    assert (info.number, info.draft, info.kind) == (None, True, "quyet_dinh")


def test_misread_number_line_is_not_the_title() -> None:
    header = ["BỘ CÔNG AN", "Số:ØÓ6” /KH-BCA Hà Nội,"]
    preamble = [*header, "KẾ HOẠCH", "Số:ØÓ6” /KH-BCA Hà Nội,", "Phối hợp kiểm soát tiền chất"]
    info = extract_metadata(header, preamble, "", [], [])
    assert info.title == "Phối hợp kiểm soát tiền chất"


@pytest.mark.parametrize(
    ("orgs", "issuer", "parent", "kind", "level"),
    [
        (["ĐẢNG BỘ TỈNH LÂM GIANG", "TỈNH ỦY"], "Tỉnh ủy Lâm Giang", "Đảng bộ tỉnh Lâm Giang",
         "party", "province"),
        (["ĐẢNG BỘ TỈNH LÂM GIANG", "BAN THƯỜNG VỤ TỈNH ỦY"], "Ban Thường vụ Tỉnh ủy Lâm Giang",
         "Đảng bộ tỉnh Lâm Giang", "party", "province"),
        (["ĐẢNG BỘ THÀNH PHỐ HÒA LÂM", "THÀNH ỦY"], "Thành ủy Hòa Lâm",
         "Đảng bộ thành phố Hòa Lâm", "party", "city"),
        (["ĐẢNG BỘ TỈNH LÂM GIANG", "THÀNH ỦY HÒA LÂM"], "Thành ủy Hòa Lâm",
         "Đảng bộ tỉnh Lâm Giang", "party", "city"),
        (["ĐẢNG BỘ PHƯỜNG AN BÌNH", "ĐẢNG ỦY PHƯỜNG"], "Đảng ủy phường An Bình",
         "Đảng bộ phường An Bình", "party", "commune"),
        (["TỈNH ỦY LÂM GIANG", "BAN CHỈ ĐẠO 35"], "Ban Chỉ đạo 35 tỉnh Lâm Giang",
         "Tỉnh ủy Lâm Giang", "party", "province"),
        (["HUYỆN ỦY ĐÔNG SƠN", "BAN CHỈ ĐẠO PHÒNG, CHỐNG THAM NHŨNG"],
         "Ban Chỉ đạo phòng, chống tham nhũng huyện Đông Sơn", "Huyện ủy Đông Sơn", "party",
         "district"),
        (["UBND TỈNH LÂM GIANG", "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ"],
         "Ban Chỉ đạo chuyển đổi số tỉnh Lâm Giang", "UBND tỉnh Lâm Giang", "government",
         "province"),
        (["TỈNH ỦY LÂM GIANG", "BAN TUYÊN GIÁO VÀ DÂN VẬN"],
         "Ban Tuyên giáo và dân vận Tỉnh ủy Lâm Giang", "Tỉnh ủy Lâm Giang", "party", "province"),
        (["TỈNH ỦY LÂM GIANG", "ỦY BAN KIỂM TRA"], "Ủy ban kiểm tra Tỉnh ủy Lâm Giang",
         "Tỉnh ủy Lâm Giang", "party", "province"),
        (["ĐẢNG ỦY XÃ HOÀ LÂM", "BAN XÂY DỰNG ĐẢNG"], "Ban Xây dựng đảng Đảng ủy xã Hoà Lâm",
         "Đảng ủy xã Hoà Lâm", "party", "commune"),
        (["ĐẢNG BỘ TỈNH LÂM GIANG", "ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH"],
         "Đảng ủy ủy ban nhân dân tỉnh Lâm Giang", "Đảng bộ tỉnh Lâm Giang", "party", "province"),
    ],
)  # fmt: skip
def test_party_and_steering_committee_issuers(
    orgs: list[str], issuer: str, parent: str, kind: str, level: str
) -> None:
    """A party committee is named with its place once ("Tỉnh ủy Lâm Giang", never "Tỉnh ủy
    tỉnh …"); its boards with the committee; a steering committee with the place of the
    body above it, whose kind it takes."""
    got, got_parent = compose_issuer(orgs)
    assert (got, got_parent) == (issuer, parent)
    own = issuer_type(got, None)
    assert (own if own != "other" else issuer_type(got_parent, None)) == kind
    assert (level_of(got, None) or level_of(got_parent, None)) == level


def test_party_header_flattened_with_blank_lines(tmp_path: Path) -> None:
    """A transcription that put a blank line after every header line, the kind split
    ('CHƯƠNG TRÌNH' / 'hành động thực hiện …'): the place-and-date line ends its line,
    'hành động' belongs to the kind, not to the title. Every reader writes one tone
    placement, so "HOÀ"/"Hoà" come out as "Hòa"."""
    path = tmp_path / "ctr-dang-uy.txt"
    path.write_text(
        "ĐẢNG BỘ TỈNH LÂM GIANG\nĐẢNG ỦY XÃ HOÀ LÂM\n\nSố 22-CTr/ĐU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\n"
        "Hoà Lâm, ngày 05 tháng 3 năm 2026\n\nCHƯƠNG TRÌNH\n"
        "hành động thực hiện Nghị quyết Đại hội Đảng bộ xã lần thứ I\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\nBảo đảm thống nhất.\nII. NHIỆM VỤ, GIẢI PHÁP\n"
        "1. Ban Xây dựng Đảng chủ trì rà soát quy chế.\n",
        encoding="utf-8",
    )
    info = parse_file(path).to_json_dict()["document"]
    assert (info["kind"], info["number"]) == ("chuong_trinh", "22-CTr/ĐU")
    assert (info["issuer"], info["issuer_type"], info["level"]) == (
        "Đảng ủy xã Hòa Lâm",
        "party",
        "commune",
    )
    assert (info["place"], info["date"]) == ("Hòa Lâm", "2026-03-05")
    assert info["title"] == "Thực hiện Nghị quyết Đại hội Đảng bộ xã lần thứ I"


def test_place_date_screens_only_lines_that_cannot_match() -> None:
    from theodoi.text.extract import metadata

    assert metadata._DAY_WORD in metadata._PLACE_DATE.pattern
    assert metadata._DAY_WORD in metadata._PLACE_BLANK_DATE.pattern
    lines = [
        "Hòa Lâm, ngày 05 tháng 3 năm 2026",
        "Lâm Giang, ngày   tháng 3 năm 2026",
        "Căn cứ Nghị quyết số 43-NQ/TW, ngày 24/11/2023 của Ban Chấp hành",
        "Hòa Lâm, NGÀY 05 THÁNG 3 NĂM 2026",
        "Số: 12/KH-UBND",
        "",
    ]
    for line in lines:
        found, expected = metadata._place_date(line), metadata._PLACE_DATE.search(line)
        assert (found and found.span()) == (expected and expected.span())
        found, expected = metadata._place_blank_date(line), metadata._PLACE_BLANK_DATE.search(line)
        assert (found and found.span()) == (expected and expected.span())


_BCD_BODY = (
    "KẾ HOẠCH\n"
    "Triển khai các nhiệm vụ trọng tâm 100 ngày về chuyển đổi số năm 2026\n\n"
    "Thực hiện Chương trình hành động số 15-CTr/TU ngày 20/3/2025 của Tỉnh ủy, Ban Chỉ đạo "
    "tỉnh ban hành Kế hoạch như sau:\n\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Tạo chuyển biến rõ nét.\n"
    "II. NHIỆM VỤ TRỌNG TÂM\n1. Sở Khoa học và Công nghệ số hóa hồ sơ thủ tục hành chính.\n"
)
_BCD_NAME = "BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ VÀ CHUYỂN ĐỔI SỐ"


@pytest.mark.parametrize(
    "header",
    [
        # as printed: the party committee over its steering committee, star, number
        f"TỈNH ỦY LÂM GIANG\n{_BCD_NAME}\n*\nSố 11-KH/BCĐ\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Lâm Giang, ngày 14 tháng 4 năm 2026\n\n",
        # a markdown header table, its cells broken with <br>
        f"| TỈNH ỦY LÂM GIANG<br>**{_BCD_NAME}**<br>\\*<br>Số 11-KH/BCĐ | "
        "**ĐẢNG CỘNG SẢN VIỆT NAM**<br>*Lâm Giang, ngày 14 tháng 4 năm 2026* |\n|---|---|\n\n",
        # read row by row: the motto between the committee and its steering committee
        f"TỈNH ỦY LÂM GIANG\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\n{_BCD_NAME}\n\n"
        "*Lâm Giang, ngày 14 tháng 4 năm 2026*\n\n\\*\n\n**Số 11-KH/BCĐ**\n\n",
        # motto and date first, then the issuer, the star joined to the number
        "**ĐẢNG CỘNG SẢN VIỆT NAM**\n\n_Lâm Giang, ngày 14 tháng 4 năm 2026_\n\n"
        f"**TỈNH ỦY LÂM GIANG**\n\n**{_BCD_NAME}**\n\n\\* Số 11-KH/BCĐ\n\n",
        # the date before the number, the motto last
        f"TỈNH ỦY LÂM GIANG\n\n{_BCD_NAME} TỈNH\n\nLâm Giang, ngày 14 tháng 4 năm 2026\n\n"
        "Số 11-KH/BCĐ\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\n",
        # each row read right column first: motto, committee, date, steering committee
        f"ĐẢNG CỘNG SẢN VIỆT NAM\n\nTỈNH ỦY LÂM GIANG\n\n_Lâm Giang, ngày 14 tháng 4 năm 2026_\n\n"
        f"**{_BCD_NAME}**\n\n\\*\n\nSố 11-KH/BCĐ\n\n",
        # the steering committee above its party committee
        f"{_BCD_NAME}\nTỈNH ỦY LÂM GIANG\n*\nSố 11-KH/BCĐ\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Lâm Giang, ngày 14 tháng 4 năm 2026\n\n",
        # the number between the party committee and its steering committee
        f"TỈNH ỦY LÂM GIANG\nSố 11-KH/BCĐ\n{_BCD_NAME}\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Lâm Giang, ngày 14 tháng 4 năm 2026\n\n",
    ],
    ids=[
        "printed",
        "md-table",
        "motto-between",
        "star-joined",
        "date-first",
        "right-first",
        "board-first",
        "number-between",
    ],
)
def test_steering_committee_plan_headers(tmp_path: Path, header: str) -> None:
    """A provincial steering committee under its party committee, however a transcriber
    laid the header out: the committee's place completes its name, the party committee
    above it gives its type."""
    path = tmp_path / "kh-bcd.md"
    path.write_text(header + _BCD_BODY, encoding="utf-8")
    info = parse_file(path).to_json_dict()["document"]
    assert (info["kind"], info["number"]) == ("ke_hoach", "11-KH/BCĐ")
    assert info["issuer"] == (
        "Ban Chỉ đạo phát triển khoa học, công nghệ và chuyển đổi số tỉnh Lâm Giang"
    )
    assert (info["issuer_type"], info["level"]) == ("party", "province")
    assert (info["place"], info["date"]) == ("Lâm Giang", "2026-04-14")
    assert info["title"] == "Triển khai các nhiệm vụ trọng tâm 100 ngày về chuyển đổi số năm 2026"
    assert info["implements"] == ["15-CTr/TU"]


@pytest.mark.parametrize(
    ("title", "preamble"),
    [
        (
            "công tác toàn khóa của Ban Chấp hành Đảng bộ xã An Thạnh, nhiệm kỳ 2025 - 2030",
            "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;\n"
            "- Thực hiện Nghị quyết Đại hội đại biểu Đảng bộ xã An Thạnh lần thứ I,\n"
            "Ban Thường vụ Đảng ủy xây dựng Chương trình như sau:\n",
        ),
        (
            "CÔNG TÁC TOÀN KHÓA CỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ AN THẠNH\n"
            "KHÓA I, NHIỆM KỲ 2025 - 2030",
            "Căn cứ Nghị quyết Đại hội đại biểu Đảng bộ xã An Thạnh lần thứ I;\n"
            "Ban Thường vụ Đảng ủy xây dựng Chương trình như sau:\n",
        ),
        (
            "của Ban Chấp hành Đảng bộ xã An Thạnh khóa I, nhiệm kỳ 2025 - 2030",
            "Căn cứ Nghị quyết Đại hội đại biểu Đảng bộ xã An Thạnh lần thứ I;\n"
            "Ban Thường vụ Đảng ủy xây dựng Chương trình như sau:\n",
        ),
    ],
    ids=["running-text", "caps", "kind-line-joined"],
)
def test_commune_programme_named_by_its_title(tmp_path: Path, title: str, preamble: str) -> None:
    """'CHƯƠNG TRÌNH công tác toàn khóa của Ban Chấp hành Đảng bộ xã X': the title says
    whose programme it is, which names the issuer over the header's 'ĐẢNG ỦY XÃ X' and the
    standing board that drafted it; the basis listed with dashes is not the title."""
    path = tmp_path / "ctr-toan-khoa.txt"
    # "CHƯƠNG TRÌNH CÔNG TÁC TOÀN KHÓA" on the kind's line, "của …" under it
    kind_rest = "CÔNG TÁC TOÀN KHÓA" if title.startswith("của") else ""
    path.write_text(
        "ĐẢNG BỘ TỈNH PHÚ LÂM\nĐẢNG ỦY XÃ AN THẠNH\n*\nSố 22-CTr/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        f"An Thạnh, ngày 20 tháng 10 năm 2025\n\nCHƯƠNG TRÌNH {kind_rest}\n{title}\n\n"
        f"{preamble}\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Cụ thể hóa Nghị quyết Đại hội.\nII. NỘI DUNG CÔNG TÁC\n"
        "1. Ban hành Quy chế làm việc. Giao Văn phòng Đảng ủy chủ trì tham mưu.\n",
        encoding="utf-8",
    )
    info = parse_file(path).to_json_dict()["document"]
    assert (info["kind"], info["number"]) == ("chuong_trinh", "22-CTr/ĐU")
    assert info["issuer"] == "Ban Chấp hành Đảng bộ xã An Thạnh"
    assert (info["issuer_type"], info["level"]) == ("party", "commune")
    assert (info["place"], info["date"]) == ("An Thạnh", "2025-10-20")
    assert info["title"].lower().startswith("công tác toàn khóa của ban chấp hành")
    assert "Căn cứ" not in info["title"] and "2025 - 2030" in info["title"]


def test_party_words_of_a_restored_caps_header() -> None:
    """A restorer without context spells 'TINH UY' as 'TÍNH ỦY' and 'DANG BO TINH' as
    'ĐẢNG BỘ TÍNH': the header's party words are re-spelled, the place left as read."""
    header = ["ĐẢNG BỘ TÌNH BÌNH SƠN", "DẠNG CỘNG SẢN VIỆT NAM", "TÍNH ỦY", "*", "Số 45-CTr/TU"]
    info = extract_metadata(header, ["CHƯƠNG TRÌNH HÀNH ĐỘNG"], "", [], [])
    assert info.issuer == "Tỉnh ủy Bình Sơn"
    assert info.issuer_parent == "Đảng bộ tỉnh Bình Sơn"
    info = extract_metadata([], ["Ban Thường vụ đề ra kế hoạch như sau:"], "", [], ["T/M TÍNH ỦY"])
    assert info.issuer == "Tỉnh ủy"


def test_party_programme_ocr_without_marks(tmp_path: Path) -> None:
    """A provincial party programme OCR'd without diacritics: after restoration the header
    gives the parent and committee, the line 'của Ban Chấp hành Đảng bộ tỉnh thực hiện …'
    names the issuer and is not part of the title."""
    path = tmp_path / "ctr-tu-ocr.txt"
    path.write_text(
        "DANG BO TINH BINH SON                    DANG CONG SAN VIET NAM\nTINH UY\n*\n"
        "So 45-CTr/TU                    Binh Son, ngay 12 thang 5 nam 2025\n\n"
        "CHUONG TRINH HANH DONG\n"
        "cua Ban Chap hanh Dang bo tinh thuc hien Nghi quyet so 57-NQ/TW ngay 22/12/2024\n"
        "cua Bo Chinh tri ve dot pha phat trien khoa hoc, cong nghe va chuyen doi so quoc gia\n\n"
        "Thuc hien Nghi quyet so 57-NQ/TW cua Bo Chinh tri, Ban Chap hanh Dang bo tinh xay dung "
        "Chuong trinh hanh dong nhu sau:\n"
        "I. MUC DICH, YEU CAU\n1. Quan triet sau sac cac quan diem cua Nghi quyet.\n"
        "II. NHIEM VU, GIAI PHAP\n1. Hoan thien the che ve khoa hoc, cong nghe. Giao Ban Can su "
        "dang UBND tinh chu tri thuc hien.\n",
        encoding="utf-8",
    )
    result = parse_file(path).to_json_dict()
    info = result["document"]
    assert result["restored"]
    assert (info["kind"], info["number"]) == ("chuong_trinh", "45-CTr/TU")
    assert info["issuer"] == "Ban Chấp hành Đảng bộ tỉnh Bình Sơn"
    assert (info["issuer_type"], info["level"]) == ("party", "province")
    assert (info["place"], info["date"]) == ("Bình Sơn", "2025-05-12")
    assert info["title"].startswith("Thực hiện Nghị quyết số 57-NQ/TW")
    assert info["implements"] == ["57-NQ/TW"]


def test_city_party_plan_without_its_first_page(tmp_path: Path) -> None:
    """OCR without marks of a city party plan whose first page is lost: no number, date or
    title; the opening sentence names the executive committee although restoration
    misspelt its words ('Đảng bộ' as 'Đang bỏ'), and says the document is a plan."""
    info = extract_metadata(
        [],
        [
            "Thực hiện Chương trình số 51-CTr/TU ngày 10/4/2024 của Tỉnh ủy Bình Sơn, Ban Chấp "
            "hành Đang bỏ thành phố Vĩnh Sơn xây dựng Kế hoạch thực hiện như sau:"
        ],
        "thành phố Vĩnh Sơn … thành phố Vĩnh Sơn",
        [],
        ["T/M THÀNH ỦY", "PHÓ BÍ THƯ"],
    )
    assert (info.kind, info.number, info.date, info.place, info.title) == (
        "ke_hoach", None, None, None, None,
    )  # fmt: skip
    assert info.issuer == "Ban Chấp hành Đảng bộ thành phố Vĩnh Sơn"
    assert (info.issuer_type, info.level) == ("party", "city")
    assert info.implements == ["51-CTr/TU"]


def test_a_basis_listed_with_dashes_is_not_carried_out_unless_it_is_a_policy() -> None:
    """'- Căn cứ Nghị quyết số 01-NQ/ĐH …; - Căn cứ Quy chế làm việc số 02-QC/ĐU …, Ban
    Thường vụ … như sau:': the congress resolution is carried out, the working rules only
    cited, though the basis is a dashed list that runs into the opening sentence."""
    preamble = [
        "CHƯƠNG TRÌNH",
        "công tác toàn khóa của Ban Chấp hành Đảng bộ xã An Thạnh",
        "- Căn cứ Nghị quyết số 01-NQ/ĐH ngày 15/8/2025 của Đại hội đại biểu Đảng bộ xã;",
        "- Căn cứ Quy chế làm việc số 02-QC/ĐU ngày 25/8/2025 của Ban Chấp hành Đảng bộ xã, "
        "Ban Thường vụ Đảng ủy xây dựng Chương trình công tác toàn khóa như sau:",
    ]
    info = extract_metadata([], preamble, "\n".join(preamble), [], [])
    assert info.implements == ["01-NQ/ĐH"]
    assert info.references == ["01-NQ/ĐH", "02-QC/ĐU"]
    assert info.title == "Công tác toàn khóa của Ban Chấp hành Đảng bộ xã An Thạnh"


def test_an_executive_named_as_author_of_a_cited_document_does_not_issue() -> None:
    """'KẾ HOẠCH thực hiện Nghị quyết số 05-NQ/TU … của Ban Chấp hành Đảng bộ tỉnh': the
    title names the executive that issued its parent; the header's body issues."""
    header = ["ỦY BAN NHÂN DÂN", "TỈNH LÂM GIANG", "Số: 12/KH-UBND"]
    preamble = [
        *header,
        "KẾ HOẠCH",
        "Thực hiện Nghị quyết số 05-NQ/TU ngày 10/01/2026 của Ban Chấp hành Đảng bộ tỉnh",
    ]
    info = extract_metadata(header, preamble, "", [], [])
    assert info.issuer == "Ủy ban nhân dân tỉnh Lâm Giang"
    assert info.implements == ["05-NQ/TU"]


def test_the_decision_that_set_up_an_inspection_team_is_not_the_plans_number() -> None:
    """An OCR'd letterhead: "ĐOÀN KIỂM TRA" / "THEO QUYẾT ĐỊNH" / "SỐ 210/QĐ-SCT" names the
    decision that set up the team; the plan's own number follows on its "Số:" line."""
    text = (
        "SỞ CÔNG THƯƠNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "ĐOÀN KIỂM TRA Độc lập - Tự do - Hạnh phúc\nTHEO QUYẾT ĐỊNH\n"
        "SỐ 210/QĐ-SCT Hòa Lâm, ngày 12 tháng 4 năm 2026\nSố: 215/KH-ĐKT\nKẾ HOẠCH\n"
        "Kiểm tra việc chấp hành quy định về an toàn hóa chất\n"
        "I. NỘI DUNG KIỂM TRA\n1. Kiểm tra hồ sơ pháp lý của các đơn vị.\n"
    )
    info = parse_text(text).to_json_dict()["document"]
    assert (info["kind"], info["number"]) == ("ke_hoach", "215/KH-ĐKT")
    assert info["issuer"].startswith("Đoàn kiểm tra Sở Công")
    assert "quyết định" not in info["issuer"].lower()
