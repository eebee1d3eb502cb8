"""Visual-class back-off of the OCR channel, and the decoder's OCR/stripped switch."""

from __future__ import annotations

from theodoi.text.restore import RestoreModel, restore_text
from theodoi.text.restore.decode import _looks_ocr
from theodoi.text.restore.model import VISUAL_COST, visual_variants
from theodoi.text.restore.tokens import pieces


def test_visual_variants_count_substitutions() -> None:
    variants = visual_variants("dupe")
    assert variants["duoe"] == 1  # ợ read as "p"
    assert variants["duoc"] == 2  # ... and "c" read as "e"
    assert visual_variants("pang")["dang"] == 1  # Đ read as "P"
    assert "dhong" not in visual_variants("phong")  # "ph" is a real onset
    assert "dupe" not in visual_variants("dupe")


def test_unseen_confusions_become_candidates(model: RestoreModel) -> None:
    ids, costs = model.candidates("tpc")
    words = dict(zip((model.vocab[i] for i in ids), costs, strict=True))
    assert words["tộc"] >= VISUAL_COST
    ids, _ = model.candidates("dupe")
    assert "được" in {model.vocab[i] for i in ids}


def test_syllables_get_visual_variants_only_in_ocr_text(model: RestoreModel) -> None:
    plain = {model.vocab[i] for i in model.candidates("ca")[0]}
    ocr = {model.vocab[i] for i in model.candidates("ca", ocr=True)[0]}
    assert "cơ" not in plain  # stripped text: "ca" never stands for "cơ"
    assert "cơ" in ocr


def test_ocr_block_detection(model: RestoreModel) -> None:
    stripped = "Uy ban nhan dan huyen Son Ha ban hanh ke hoach thuc hien nhiem vu"
    ocr = "Uy ban nhan dan huyen t6 chirc thuc hien dupe cac nhiem vu tpc nguoi"
    assert not _looks_ocr([pieces(stripped)], model)
    assert _looks_ocr([pieces(ocr)], model)


def test_ocr_line_with_unseen_confusions_is_repaired() -> None:
    restored = restore_text("Cac t6 chirc dupe giao nhiem vu phat trien kinh te tai ca sa")
    assert "được giao" in restored
    assert "cơ sở" in restored


def test_blocks_of_bare_syllables_and_codes_are_bare(model: RestoreModel) -> None:
    from theodoi.text.restore.decode import _block_kind

    stripped = "Thuc hien Ke hoach so 118-KH/UBND cua Ban Chap hanh Dang bo xa"
    assert _block_kind([pieces(stripped)], model) == (False, True)
    foreign = "Cac don vi trien khai ung dung Zalo trong cong tac tuyen truyen tai dia phuong"
    assert _block_kind([pieces(foreign)], model) == (False, False)
    ocr = "Uy ban nhan dan huyen t6 chirc thuc hien dupe cac nhiem vu tpc nguoi"
    assert _block_kind([pieces(ocr)], model)[0]


def test_in_bare_blocks_a_syllable_keeps_its_letters(model: RestoreModel) -> None:
    mixed = {model.vocab[i] for i in model.candidates("dang")[0]}
    bare = {model.vocab[i] for i in model.candidates("dang", bare=True)[0]}
    assert "đúng" in mixed  # the learned OCR channel: "dang" may be a misread "đúng"
    assert "đúng" not in bare
    assert {"đảng", "đang", "đăng"} <= bare
