"""Syllables glued by a PDF text layer get their space back; nothing else moves."""

from __future__ import annotations

import pytest

from theodoi.text.encodings.glued import split_glued
from theodoi.text.encodings.syllables import could_be_syllable
from theodoi.text.readers.clean import clean_text, clean_words


@pytest.mark.parametrize(
    ("glued", "split"),
    [
        ("chủtrì,", "chủ trì,"),
        ("(phốihợpvới", "(phối hợp với"),
        ("thựchiện.", "thực hiện."),
        ("ýkiến", "ý kiến"),  # a lone vowel with a mark is a syllable
        ("TỔCHỨC", "TỔ CHỨC"),  # a heading in capitals
        ("uỷUBND", "uỷ UBND"),  # a case change before an abbreviation
        ("ĐảngủyUBND", "Đảng ủy UBND"),
        ("NguyễnVăn", "Nguyễn Văn"),
    ],
)
def test_a_glued_run_is_cut_into_its_syllables(glued: str, split: str) -> None:
    assert split_glued(glued) == split


def test_the_common_syllables_win_when_a_run_cuts_two_ways() -> None:
    # "vền âng" and "tran hảnh" are grammatical but almost never written.
    assert split_glued("vềnâng") == "về nâng"
    assert split_glued("tranhảnh") == "tranh ảnh"


@pytest.mark.parametrize(
    "word",
    [
        "người",  # a syllable
        "ngưòi",  # a misplaced mark: restoration's job, not a glued pair
        "Đắk",  # a place name outside the syllable grammar with nothing to cut
        "Krông",
        "HĐND",  # abbreviations
        "ĐBQH",
        "CTr/ĐU",
        "online",  # no Vietnamese mark: never touched
        "McKinsey",
        "iPhone",
        "12/KH-UBND",
    ],
)
def test_words_that_are_not_glued_stay_whole(word: str) -> None:
    assert split_glued(word) == word


def test_could_be_syllable_ignores_the_marks() -> None:
    assert could_be_syllable("ngưòi") and could_be_syllable("nguoi")
    assert not could_be_syllable("chủtrì")


def test_readers_put_the_space_back_and_keep_the_layout() -> None:
    assert clean_text("Văn phòng Đảng uỷchủtrì, phối hợp") == "Văn phòng Đảng ủy chủ trì, phối hợp"
    # a plain-text line keeps its indentation and column gaps
    assert clean_words("    1.1   Sở Tài chínhchủtrì") == "    1.1   Sở Tài chính chủ trì"


def test_ocr_words_with_wrong_marks_are_left_to_restoration() -> None:
    # "đề án" and "nước" OCR'd with their marks wrong: no split into rare syllables
    assert split_glued("déan") == "déan"
    assert split_glued("nuéc") == "nuéc"
    # and a plain-text word that is no syllable keeps its mark where OCR put it
    assert clean_words("công tác tuyén truyén") == "công tác tuyén truyén"
    assert clean_words("xã Hoà Lâm") == "xã Hòa Lâm"
