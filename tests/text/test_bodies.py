"""Body names: splitting lists, recognising bodies, the canonical key; and the
integrity of the curated word lists in theodoi/text/data."""

from __future__ import annotations

import unicodedata
from importlib import resources

import pytest

from theodoi.text.bodies import (
    abbreviations,
    canonical_key,
    expand_abbreviations,
    find_subject_end,
    looks_like_body,
    split_bodies,
    take_bodies,
)

DATA_FILES = [
    "body_abbreviations.tsv",
    "body_heads.txt",
    "body_generic.txt",
    "body_not_heads.txt",
    "subject_verbs.txt",
    "doc_kinds.tsv",
    "head_titles.txt",
    "collective_phrases.tsv",
    "timing_words.tsv",
    "table_columns.tsv",
    "body_name_words.txt",
    "title_slips.tsv",
    "restore_phrases.txt",
    "compound_bodies.txt",
]


def test_lists_split_between_bodies_not_inside_groups() -> None:
    assert split_bodies("Các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố") == [
        "Các sở, ban, ngành tỉnh",
        "UBND các huyện, thị xã, thành phố",
    ]
    assert split_bodies("Giám đốc các sở, Thủ trưởng các ban, ngành cấp tỉnh") == [
        "Giám đốc các sở",
        "Thủ trưởng các ban, ngành cấp tỉnh",
    ]
    assert split_bodies("Sở Văn hóa, Thể thao và Du lịch") == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert split_bodies(
        "Báo Hòa Lâm, Đài Phát thanh và Truyền hình tỉnh và các đơn vị có liên quan"
    ) == [
        "Báo Hòa Lâm",
        "Đài Phát thanh và Truyền hình tỉnh",
        "các đơn vị có liên quan",
    ]
    assert split_bodies(
        "Các Bộ, ngành, Ủy ban nhân dân cấp tỉnh, cơ quan, tổ chức có liên quan"
    ) == [
        "Các Bộ, ngành",
        "Ủy ban nhân dân cấp tỉnh",
        "cơ quan, tổ chức có liên quan",
    ]


def test_capitalised_categories_stay_one_group() -> None:
    assert split_bodies("Các Sở, Ban, Ngành tỉnh; UBND các huyện") == [
        "Các Sở, Ban, Ngành tỉnh",
        "UBND các huyện",
    ]
    assert split_bodies("các Bộ, Ngành, Ủy ban nhân dân các địa phương") == [
        "các Bộ, Ngành",
        "Ủy ban nhân dân các địa phương",
    ]
    # a name of its own after the category is a body of its own
    assert split_bodies("các Sở, Ban Dân vận Tỉnh ủy") == ["các Sở", "Ban Dân vận Tỉnh ủy"]


def test_a_list_cut_before_a_verb_loses_its_dangling_conjunction() -> None:
    text = "các Bộ, ngành và liên kết các địa phương trong vùng"
    assert split_bodies(text[: find_subject_end(text)]) == ["các Bộ, ngành"]


def test_subjects() -> None:
    assert take_bodies("Sở Thông tin và Truyền thông chỉ đạo các cơ quan báo chí") == [
        "Sở Thông tin và Truyền thông"
    ]
    assert take_bodies("Tiếp tục đẩy mạnh cải cách hành chính") == []
    assert looks_like_body("UBND các huyện") and looks_like_body("VTV")
    assert not looks_like_body("NHIỆM VỤ") and not looks_like_body("Tổ chức hội nghị")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("UBND tỉnh", "Ủy ban nhân dân tỉnh"),
        ("Uỷ ban nhân dân Tỉnh", "ỦY BAN NHÂN DÂN TỈNH"),
        ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
        ("Sở TN&MT", "Sở Tài nguyên và Môi trường"),
        ("Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
        ("các sở, ban, ngành", "Các sở, ban, ngành"),
        ("HĐND tỉnh", "Hội đồng nhân dân tỉnh"),
    ],
)
def test_canonical_key_links_spellings(a: str, b: str) -> None:
    assert canonical_key(a) == canonical_key(b)


def test_canonical_key_keeps_bodies_apart() -> None:
    assert canonical_key("Sở Nội vụ") != canonical_key("Sở Ngoại vụ")
    assert canonical_key("UBND tỉnh") != canonical_key("UBND huyện")
    assert canonical_key("Sở Nội vụ") == "so-noi-vu"


# -- data integrity --------------------------------------------------------


def _raw(name: str) -> list[str]:
    text = resources.files("theodoi.text.data").joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("name", DATA_FILES)
def test_data_files_are_nfc_unique_and_trimmed(name: str) -> None:
    lines = _raw(name)
    assert lines, name
    for line in lines:
        assert unicodedata.normalize("NFC", line) == line, line
        assert line == line.strip(), line
    keys = [line.split("\t")[0] for line in lines]
    assert len(keys) == len(set(keys)), f"duplicates in {name}"


def test_abbreviation_expansions_are_final() -> None:
    """An expansion never contains another abbreviation (expanding twice is a no-op)."""
    for abbr, expansion in abbreviations().items():
        assert expand_abbreviations(expansion) == expansion, abbr
        assert expand_abbreviations(abbr) == expansion


def test_heads_are_lower_case_and_exclusions_are_needed() -> None:
    """Every exclusion shadows some head word, else it is dead data."""
    heads = _raw("body_heads.txt")
    for head in heads:
        assert head == head.lower(), head
    for phrase in _raw("body_not_heads.txt"):
        assert any(
            phrase == h or phrase.startswith(h + " ") or phrase.startswith(h + ",") for h in heads
        ), phrase


def test_subject_verbs_are_lower_case() -> None:
    for verb in _raw("subject_verbs.txt"):
        assert verb == verb.lower(), verb


def test_closing_related_group_after_va_is_its_own_item() -> None:
    assert split_bodies("Các sở, ban, ngành tỉnh và cơ quan, đơn vị liên quan") == [
        "Các sở, ban, ngành tỉnh",
        "cơ quan, đơn vị liên quan",
    ]


def test_title_of_office_governs_the_run_of_categories_after_it() -> None:
    assert split_bodies(
        "Giám đốc Sở Nội vụ, Thủ trưởng cơ quan chuyên môn, đơn vị sự nghiệp thuộc tỉnh"
    ) == ["Giám đốc Sở Nội vụ", "Thủ trưởng cơ quan chuyên môn, đơn vị sự nghiệp thuộc tỉnh"]


def test_title_of_office_never_continues_a_group() -> None:
    assert split_bodies(
        "các hội quần chúng từ tỉnh đến cơ sở, người đứng đầu các sở, ngành, địa phương"
    ) == ["các hội quần chúng", "người đứng đầu các sở, ngành, địa phương"]


def test_named_kind_of_body_with_inner_comma_stays_one_item() -> None:
    assert split_bodies(
        "Sở Y tế, cơ sở khám bệnh, chữa bệnh, doanh nghiệp, cơ quan, đơn vị liên quan"
    ) == ["Sở Y tế", "cơ sở khám bệnh, chữa bệnh", "doanh nghiệp", "cơ quan, đơn vị liên quan"]


def test_shared_head_before_a_colon_is_expanded() -> None:
    assert split_bodies("Các Sở: Tài chính, Giáo dục và Đào tạo, Công Thương") == [
        "Sở Tài chính",
        "Sở Giáo dục và Đào tạo",
        "Sở Công Thương",
    ]


def test_parenthesised_qualifiers_are_dropped_and_separate_bodies() -> None:
    assert split_bodies(
        "Sở Tư pháp (về thủ tục hành chính) Sở Tài chính (về dự toán, kinh phí)"
    ) == ["Sở Tư pháp", "Sở Tài chính"]


def test_council_name_glued_to_a_category_word_starts_a_new_item() -> None:
    assert split_bodies("Các sở, ngành UBND các huyện, thị xã") == [
        "Các sở, ngành",
        "UBND các huyện, thị xã",
    ]


def test_ocr_tight_dash_and_relative_clause_are_normalised() -> None:
    assert split_bodies(
        "Ủy ban Mặt trận Tổ quốc huyện, các đoàn thể chính trị-xã hội và các hội quần chúng "
        "được Đảng, Nhà nước giao nhiệm vụ"
    ) == [
        "Ủy ban Mặt trận Tổ quốc huyện",
        "các đoàn thể chính trị - xã hội",
        "các hội quần chúng",
    ]


def test_closing_related_group_glued_to_a_name_is_split_off() -> None:
    assert split_bodies("Sở Công Thương, Sở Xây dựng cơ quan, đơn vị liên quan") == [
        "Sở Công Thương",
        "Sở Xây dựng",
        "cơ quan, đơn vị liên quan",
    ]
    assert split_bodies("các cơ quan, đơn vị liên quan") == ["các cơ quan, đơn vị liên quan"]


def test_a_party_committees_advisory_organs_are_one_body() -> None:
    text = (
        "Các đảng bộ trực thuộc Huyện ủy, các cơ quan tham mưu, giúp việc Huyện ủy, "
        "tổ chức nghiên cứu và xây dựng kế hoạch thực hiện."
    )
    assert take_bodies(text) == [
        "Các đảng bộ trực thuộc Huyện ủy",
        "các cơ quan tham mưu, giúp việc Huyện ủy",
    ]
    # "tham mưu" after a body is still its verb
    assert take_bodies("Sở Tư pháp tham mưu Ủy ban nhân dân huyện ban hành quy chế.") == [
        "Sở Tư pháp"
    ]


def test_department_names_with_a_verb_or_a_dash_inside_stay_whole() -> None:
    for name in ["Sở Giáo dục và Đào tạo", "Sở Lao động - Thương binh và Xã hội"]:
        assert take_bodies(f"{name} hướng dẫn các đơn vị triển khai.") == [name]


def test_a_capitalised_collective_of_related_bodies_stays_whole() -> None:
    """A cell opening with 'Các' keeps 'Các cơ quan, đơn vị có liên quan' as one phrase."""
    assert split_bodies("Các cơ quan, đơn vị có liên quan") == ["Các cơ quan, đơn vị có liên quan"]
    assert split_bodies("Sở Xây dựng cơ quan, đơn vị có liên quan") == [
        "Sở Xây dựng",
        "cơ quan, đơn vị có liên quan",
    ]


def test_officer_in_charge_of_fields_is_one_body() -> None:
    """'Chuyên viên phụ trách lĩnh vực Hành chính, Văn phòng': the comma lists the fields,
    and 'giám sát' after 'lĩnh vực' names a field, not the verb ending the subject."""
    assert split_bodies("Chuyên viên phụ trách lĩnh vực Hành chính, Văn phòng") == [
        "Chuyên viên phụ trách lĩnh vực Hành chính, Văn phòng"
    ]
    assert take_bodies("Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội chuẩn bị") == [
        "Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội"
    ]
    assert split_bodies("Chuyên viên phụ trách lĩnh vực Văn hóa, Sở Nội vụ") == [
        "Chuyên viên phụ trách lĩnh vực Văn hóa",
        "Sở Nội vụ",
    ]


def test_capitalised_determiner_keeps_to_chuc_a_noun() -> None:
    assert take_bodies("Các tổ chức thành viên của MTTQ xã tổ chức tuyên truyền") == [
        "Các tổ chức thành viên của MTTQ xã"
    ]
    assert take_bodies("Phó Chủ tịch UBND xã trực tiếp chỉ đạo") == ["Phó Chủ tịch UBND xã"]


def test_duty_heading_names_the_body_of_its_duties() -> None:
    from theodoi.text.extract.responsibility import from_duty_heading

    found = from_duty_heading("Nhiệm vụ của Sở Y tế")
    assert found is not None and found.implementing == ["Sở Y tế"]
    found = from_duty_heading("Các nhiệm vụ trọng tâm của UBND huyện Lâm Thủy:")
    assert found is not None and found.implementing == ["UBND huyện Lâm Thủy"]
    found = from_duty_heading("NHIỆM VỤ CỦA SỞ Y TẾ")  # not written elsewhere: head cased
    assert found is not None and found.implementing == ["Sở Y tế"]
    assert from_duty_heading("Nhiệm vụ của ngành y tế năm 2026") is None
    assert from_duty_heading("Nhiệm vụ, giải pháp của Kế hoạch") is None
    assert from_duty_heading("Nhiệm vụ và giải pháp chủ yếu") is None


def test_coordinating_list_ends_before_the_verb_or_trailing_clause() -> None:
    from theodoi.text.extract.responsibility import from_text

    def coord(text: str) -> list[str]:
        return from_text(text).coordinating

    assert coord(
        "Sở Nội vụ chủ trì, phối hợp với Trung tâm Dữ liệu số tỉnh thiết lập hệ thống theo dõi."
    ) == ["Trung tâm Dữ liệu số tỉnh"]
    # "tổ chức" after a comma names a kind of body; the second one is the verb
    assert coord(
        "Sở Tư pháp chủ trì, phối hợp với các cơ quan, tổ chức có liên quan tổ chức tập huấn."
    ) == ["các cơ quan, tổ chức có liên quan"]
    assert coord(
        "Sở Tài chính chủ trì, phối hợp với Ủy ban nhân dân các huyện, thị xã trong quá "
        "trình rà soát nguồn vốn."
    ) == ["Ủy ban nhân dân các huyện, thị xã"]
    assert coord(
        "Chi cục Kiểm lâm chủ trì, phối hợp với các xã có rừng ứng dụng ảnh vệ tinh "
        "để theo dõi diện tích rừng."
    ) == ["các xã có rừng"]
    assert coord(
        "Sở Công Thương chủ trì, phối hợp với các xã vùng biên xác định nhu cầu hỗ trợ."
    ) == ["các xã vùng biên"]


def test_a_newspaper_and_a_journal_are_two_bodies() -> None:
    assert split_bodies("Báo Hòa Lâm, Tạp chí Khoa học Hòa Lâm") == [
        "Báo Hòa Lâm",
        "Tạp chí Khoa học Hòa Lâm",
    ]
    assert take_bodies("Đài Phát thanh tỉnh, Báo HL, Tạp chí HL có trách nhiệm đưa tin.") == [
        "Đài Phát thanh tỉnh",
        "Báo HL",
        "Tạp chí HL",
    ]


def test_related_group_keeps_whom_it_belongs_to() -> None:
    """'các đơn vị có liên quan thuộc Sở' is the name as written; a clause after
    'liên quan' is not."""
    assert split_bodies("Phòng Kế hoạch, các đơn vị có liên quan thuộc Sở KH&CN.") == [
        "Phòng Kế hoạch",
        "các đơn vị có liên quan thuộc Sở KH&CN",
    ]
    assert split_bodies("các cơ quan có liên quan thẩm định hồ sơ") == ["các cơ quan có liên quan"]


def test_capitalised_kind_closing_a_related_group_belongs_to_it() -> None:
    """'các Viện nghiên cứu, Trường Đại học có liên quan': 'các' governs both kinds."""
    assert split_bodies("Sở Nội vụ, các Viện nghiên cứu, Trường Đại học có liên quan") == [
        "Sở Nội vụ",
        "các Viện nghiên cứu, Trường Đại học có liên quan",
    ]
    assert split_bodies("Sở Nội vụ, Trường Chính trị tỉnh") == [
        "Sở Nội vụ",
        "Trường Chính trị tỉnh",
    ]


def test_words_inside_an_agency_name_are_not_its_verb() -> None:
    for name in (
        "Trung tâm Xúc tiến đầu tư, Thương mại và Du lịch tỉnh",
        "Ban Quản lý dự án đầu tư xây dựng tỉnh",
    ):
        assert find_subject_end(f"{name} chủ trì thực hiện") == len(name) + 1
    assert find_subject_end("Sở Tài chính đầu tư trang thiết bị") == len("Sở Tài chính ")


def test_a_parenthesis_of_the_name_is_kept_and_a_qualifier_dropped() -> None:
    assert split_bodies("Hiệp hội Doanh nghiệp tỉnh Hòa Lâm (HLBA), Sở Công Thương") == [
        "Hiệp hội Doanh nghiệp tỉnh Hòa Lâm (HLBA)",
        "Sở Công Thương",
    ]
    assert split_bodies("Văn phòng UBND tỉnh (Trung tâm Tin học, Phòng Kiểm soát TTHC)") == [
        "Văn phòng UBND tỉnh (Trung tâm Tin học, Phòng Kiểm soát TTHC)"
    ]
    assert split_bodies("Sở Nội vụ (Cơ quan thường trực); Sở Tài chính (đối với kinh phí)") == [
        "Sở Nội vụ",
        "Sở Tài chính",
    ]
    # the abbreviation does not change the body the name links to
    assert canonical_key("Hiệp hội Doanh nghiệp tỉnh Hòa Lâm (HLBA)") == canonical_key(
        "Hiệp hội Doanh nghiệp tỉnh Hòa Lâm"
    )


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        ("Văn phòng HĐND và UBND huyện", ["Văn phòng HĐND và UBND huyện"]),
        ("Văn phòng Đoàn ĐBQH và HĐND tỉnh", ["Văn phòng Đoàn ĐBQH và HĐND tỉnh"]),
        (
            "Văn phòng HĐND và UBND huyện; UBND các xã, thị trấn",
            ["Văn phòng HĐND và UBND huyện", "UBND các xã, thị trấn"],
        ),
        ("Phòng Nội vụ và UBND các xã", ["Phòng Nội vụ", "UBND các xã"]),
    ],
)
def test_an_office_serving_two_councils_is_one_body(text: str, bodies: list[str]) -> None:
    assert split_bodies(text) == bodies


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        ("Giao công chức Tư pháp - Hộ tịch thực hiện", []),  # "Giao" is not a body
        ("công chức Tư pháp - Hộ tịch chủ trì", ["công chức Tư pháp - Hộ tịch"]),
        ("Công chức Văn phòng - Thống kê là đầu mối", ["Công chức Văn phòng - Thống kê"]),
        (
            "Phòng Tài chính - Kế hoạch, Phòng Nội vụ thực hiện",
            ["Phòng Tài chính - Kế hoạch", "Phòng Nội vụ"],
        ),
        ("Sở Y tế - Cơ quan thường trực Ban Chỉ đạo, chủ trì", ["Sở Y tế"]),
        (
            "Chỉ huy trưởng Ban Chỉ huy Quân sự xã chủ trì",
            ["Chỉ huy trưởng Ban Chỉ huy Quân sự xã"],
        ),
        ("Cán bộ, công chức cấp xã tham gia", []),  # people in general, not a post
    ],
)
def test_posts_and_fields_joined_by_a_dash(text: str, bodies: list[str]) -> None:
    assert take_bodies(text) == bodies


def test_one_body_named_with_va_is_not_split() -> None:
    """'Đảng ủy Mặt trận Tổ quốc và các đoàn thể tỉnh' is one party committee
    (compound_bodies.txt); two names joined by "và" stay two."""
    assert split_bodies("Ban Tổ chức Tỉnh ủy, Đảng ủy Mặt trận Tổ quốc và các đoàn thể tỉnh") == [
        "Ban Tổ chức Tỉnh ủy",
        "Đảng ủy Mặt trận Tổ quốc và các đoàn thể tỉnh",
    ]
    assert split_bodies("Sở Y tế và UBND xã") == ["Sở Y tế", "UBND xã"]


def test_chi_dang_bo_is_a_group_of_party_units() -> None:
    """'các chi, đảng bộ trực thuộc' (chi bộ and đảng bộ) names the addressees of a letter."""
    assert looks_like_body("các chi, đảng bộ trực thuộc")
    assert split_bodies("Các chi, đảng bộ trực thuộc Huyện ủy") == [
        "Các chi, đảng bộ trực thuộc Huyện ủy"
    ]
