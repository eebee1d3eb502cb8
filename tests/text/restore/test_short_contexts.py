"""Short administrative contexts: headings, cells, letterheads, timings, assignments.

The lines are fictional (provinces and bodies made up for these tests)."""

from __future__ import annotations

import pytest

from theodoi.text.restore import RestoreModel, restore_text
from theodoi.text.restore.admin import Word, evidence, phrases, single_heads
from theodoi.text.restore.decode import restore_block, starts_unit
from theodoi.text.restore.junk import remove_junk


def _restore(text: str, model: RestoreModel) -> list[str]:
    return restore_text(text, model=model).split("\n")


def _words(line: str, capitals: bool = False) -> list[Word | None]:
    """One unit's words as the decoder hands them to admin.evidence."""
    out: list[Word | None] = []
    for i, text in enumerate(line.split()):
        out.append(
            Word(text, 0, i == 0, capitals, text.isupper() and len(text) > 1 and text.isalpha())
        )
    return out


def test_a_quarter_is_quy_with_its_roman_numeral(model: RestoreModel) -> None:
    lines = _restore(
        "Thoi gian hoan thanh: Quy IV/2026.\nThoi gian thuc hien: Quy II va Quy III/2026.",
        model,
    )
    assert lines == [
        "Thời gian hoàn thành: Quý IV/2026.",
        "Thời gian thực hiện: Quý II và Quý III/2026.",
    ]


def test_quy_without_a_numeral_is_left_to_the_model(model: RestoreModel) -> None:
    """'Quỹ' (a fund) is a body head: capitalised inside a line it stays a fund."""
    assert (
        "Quỹ Phát triển đất"
        in _restore("So Tai chinh trinh UBND tinh bo sung von cho Quy Phat trien dat tinh.", model)[
            0
        ]
    )


def test_giao_opening_an_assignment_is_the_verb(model: RestoreModel) -> None:
    lines = _restore(
        "2. Giao Cong an tinh huong dan viec lam sach du lieu.\n"
        "Giao Ban Tuyen giao va Dan van Tinh uy chu tri bien soan tai lieu.",
        model,
    )
    assert lines[0].startswith("2. Giao Công an tỉnh hướng dẫn")
    assert lines[1].startswith("Giao Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì")


def test_giao_not_before_a_body_keeps_the_models_choice() -> None:
    """Only 'Giao' + a capitalised word or an abbreviation is the assignment."""
    assert evidence(_words("Giao duc va dao tao")).get(0) is None
    assert evidence(_words("Giao So Noi vu chu tri")).get(0) == "giao"
    assert evidence(_words("Giao UBND cac huyen")).get(0) == "giao"


def test_tinh_after_an_abbreviation_or_a_body_name(model: RestoreModel) -> None:
    lines = _restore(
        "Giao Van phong UBND tinh theo doi, don doc, tong hop ket qua.\n"
        "5. Ban Can su dang UBND tinh\n"
        "Lien doan Lao dong tinh\n"
        "Phoi hop voi Truong Chinh tri tinh thuc hien.",
        model,
    )
    assert "UBND tỉnh theo dõi" in lines[0]
    assert lines[1] == "5. Ban Cán sự đảng UBND tỉnh"
    assert lines[2] == "Liên đoàn Lao động tỉnh"
    assert "Trường Chính trị tỉnh thực hiện" in lines[3]


def test_giao_opening_a_later_sentence_before_a_post_or_a_group() -> None:
    """'… thanh vien. Giao cong chuc Van phong …': the item's assigning sentence."""
    words = _words("phan cong thanh vien. Giao cong chuc Van phong thuc hien")
    assert evidence(words).get(4) == "giao"
    assert evidence(_words("ra soat. Giao cac xa thuc hien")).get(2) == "giao"
    assert evidence(_words("nganh Giao duc cua huyen")).get(1) is None  # "Giáo dục"


def test_headings_in_capitals(model: RestoreModel) -> None:
    lines = _restore("DANG BO TINH NGOC SON\nTINH UY\nT/M TINH UY\nBI THU", model)
    assert lines[0].startswith("ĐẢNG BỘ TỈNH")
    assert lines[1:] == ["TỈNH ỦY", "T/M TỈNH ỦY", "BÍ THƯ"]


def test_body_heads_keep_their_capital_and_mark(model: RestoreModel) -> None:
    lines = _restore(
        "Giao Uy ban Kiem tra Tinh uy thuc hien.\nTrong quy I, So da hoan thanh 12 nhiem vu.",
        model,
    )
    assert lines[0] == "Giao Ủy ban Kiểm tra Tỉnh ủy thực hiện."
    assert lines[1].startswith("Trong quý I,")


def test_the_model_still_overrules_weak_evidence(model: RestoreModel) -> None:
    """A bonus, not a rule: 'tinh thần' after a name, 'nhiệt tình' closing a line."""
    lines = _restore(
        "Phat huy tinh than trach nhiem cua Tinh uy vien.\nCac dong chi lam viec nhiet tinh",
        model,
    )
    assert "tinh thần trách nhiệm" in lines[0]
    assert lines[1].endswith("nhiệt tình")


def test_capitalised_phrases_need_their_capital() -> None:
    """'Tỉnh đoàn' is a body only with its capital ('tình đoàn kết' is not)."""
    assert phrases()[("tinh", "doan")] == (("tỉnh", "đoàn"), True)
    assert evidence(_words("Tinh doan to chuc")) == {0: "tỉnh", 1: "đoàn"}
    assert 0 not in evidence(_words("giu tinh doan ket"))


def test_one_word_heads_count_only_inside_a_line() -> None:
    """A capital on the first word proves nothing ('Số: 214', 'Bảo đảm kinh phí')."""
    assert single_heads()["so"] == ("sở", True)
    assert evidence(_words("So 214")).get(0) is None
    assert evidence(_words("phoi hop voi So Tai chinh")).get(3) == "sở"
    assert evidence(_words("PHOI HOP VOI SO TAI CHINH", capitals=True)).get(3) is None


def test_heads_open_a_name_and_are_followed_by_one() -> None:
    """Inside a place's name the capital is the name's ('xã Hùng Vụ'); a head
    word that names no body ('tại Bảo tàng') is not one; 'Đảng' stands alone."""
    assert 3 not in evidence(_words("sap nhap xa Hung Vu"))
    assert 2 not in evidence(_words("luu giu tai Bao tang dia chat"))
    assert evidence(_words("cac co quan Dang tinh")).get(3) == "đảng"


def test_titles_need_their_capital() -> None:
    """'trưởng ban' has the letters of 'trường bán' ('thị trường bán buôn')."""
    assert evidence(_words("thi truong ban buon dien")) == {}
    assert evidence(_words("Truong ban Tuyen giao")).get(0) == "trưởng"


@pytest.mark.parametrize(
    ("previous", "line", "expected"),
    [
        ("Sở Tài chính", "Sở Nội vụ", True),  # table cells
        ("TỈNH ỦY BÌNH SƠN", "Số 45-CTr/TU", True),  # capitals, then mixed case
        ("thời gian thực hiện trong năm", "1. Giao Sở Nội vụ", True),  # list item
        ("", "Quý IV/2026", True),
        ("Giao Sở Nội vụ chủ trì, phối hợp với các sở, ngành và địa phương", "Giáo dục", False),
        ("Giao Sở Nội vụ chủ trì, phối hợp với", "Sở Tài chính thực hiện", False),
        ("Sở Tài chính,", "Sở Nội vụ", False),  # a list wrapped after its comma
        ("Công an tỉnh", "thực hiện", False),  # lower case continues the sentence
    ],
)
def test_units_of_their_own(previous: str, line: str, expected: bool) -> None:
    assert starts_unit(previous, line) is expected


def test_cells_are_decoded_apart(model: RestoreModel) -> None:
    """Read on from the cell above, 'Tinh doan' became 'Tình đoàn'."""
    assert restore_block(["Hoi Nong dan tinh", "Tinh doan"], model) == [
        "Hội Nông dân tỉnh",
        "Tỉnh đoàn",
    ]


def test_layout_columns_are_units(model: RestoreModel) -> None:
    assert restore_block(["DANG BO TINH BINH SON          DANG CONG SAN VIET NAM"], model)[
        0
    ].startswith("ĐẢNG BỘ TỈNH")


def test_a_table_number_column_is_not_junk(model: RestoreModel) -> None:
    assert remove_junk("TT\tNoi dung nhiem vu\tThoi gian", model) == (
        "TT\tNoi dung nhiem vu\tThoi gian"
    )
    assert remove_junk("\\ffn Noi dung", model) == "Noi dung"
