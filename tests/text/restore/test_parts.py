"""Pieces of the restoration core tested alone: split, tokens, junk, truth codes."""

from __future__ import annotations

import sys
from pathlib import Path

from theodoi.text.restore import RestoreModel, adapt_model, restore_text
from theodoi.text.restore.detect import LineState, line_state
from theodoi.text.restore.junk import remove_junk
from theodoi.text.restore.split import HOLD_OUT_EVERY, split_corpus
from theodoi.text.restore.tokens import apply_case, is_syllable_shape, pieces

REPO = Path(__file__).resolve().parents[3]


def test_split_holds_out_every_tenth_file(tmp_path: Path) -> None:
    for i in range(25):
        (tmp_path / "laws").mkdir(exist_ok=True)
        (tmp_path / "laws" / f"luat-{i:02d}.txt").write_text("x", encoding="utf-8")
    train, held_out = split_corpus(tmp_path)
    assert [p.name for p in held_out] == ["luat-09.txt", "luat-19.txt"]
    assert len(train) == 25 - 25 // HOLD_OUT_EVERY


def test_pieces_keep_codes_whole() -> None:
    words = [t for k, t in pieces("số 43-NQ/TW ngày 19/3/2024, hi¢u qua") if k == "word"]
    assert words == ["số", "43-NQ/TW", "ngày", "19/3/2024", "hi¢u", "qua"]


def test_syllable_shape() -> None:
    assert all(map(is_syllable_shape, ["nghiêng", "khuya", "được", "quốc", "gì", "xoong"]))
    assert not any(map(is_syllable_shape, ["strc", "ciia", "hiềnn", "ááa"]))


def test_apply_case_follows_noisy_ocr_case() -> None:
    assert apply_case("PiCH", "đích") == "ĐÍCH"
    assert apply_case("Pang", "đảng") == "Đảng"
    assert apply_case("cua", "của") == "của"


def test_line_states(model: RestoreModel) -> None:
    assert line_state("Sở Nội vụ chủ trì thực hiện", model) is LineState.CLEAN
    assert line_state("So Noi vu chu tri thuc hien", model) is LineState.DAMAGED
    assert line_state("Thyc hién ké hoach", model) is LineState.DAMAGED
    assert line_state("12/2025", model) is LineState.UNSURE


def test_junk_keeps_codes_and_markers(model: RestoreModel) -> None:
    for line in ["43-NQ/TW ngay", "II-QUAN DIEM", "1.Quan diem", "a) Phoi hop", "-Tiep tuc"]:
        assert remove_junk(line, model) == line
    assert remove_junk("X^quyen. Cac phong trao", model) == "quyen. Cac phong trao"


def test_adaptation_learns_a_users_phrases(model: RestoreModel) -> None:
    """A fictional place name the corpus never saw is learned from clean texts."""
    damaged = "Uy ban nhan dan xa Khuoi Lam Thuong bao cao"
    before = restore_text(damaged, model=model)
    clean = ["Ủy ban nhân dân xã Khuổi Lằm Thượng báo cáo kết quả."] * 3
    adapted = adapt_model(clean, base=model)
    after = restore_text(damaged, model=adapted)
    assert after == "Ủy ban nhân dân xã Khuổi Lằm Thượng báo cáo"
    assert before != after
    assert restore_text(damaged, model=model) == before  # the base is untouched


def test_truth_codes_round_trip() -> None:
    sys.path.insert(0, str(REPO / "bench"))
    from restore_truth import decode, encode

    damaged = "Thyc hién k¢ hoach cta Tinh 1y"
    corrected = "Thực hiện kế hoạch của Tỉnh ủy"
    edits = encode(damaged, corrected)
    assert decode(damaged, edits) == corrected
    assert all(len(str(piece)) <= 3 for _, _, piece in edits)
