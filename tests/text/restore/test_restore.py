"""Restoration on fictional administrative text (written for these tests)."""

from __future__ import annotations

import itertools

from theodoi.text.restore import RestoreModel, needs_restoration, restore_lines, restore_text
from theodoi.text.restore.tokens import is_letters, pieces
from theodoi.text.vietnamese import strip_diacritics

CLEAN = """ỦY BAN NHÂN DÂN TỈNH BÌNH SƠN
Số: 118/KH-UBND
Bình Sơn, ngày 14 tháng 3 năm 2025

KẾ HOẠCH
Triển khai thực hiện công tác dân vận năm 2025

I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức, trách nhiệm của các cấp ủy, chính quyền và cán bộ, công chức.
a) Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành theo dõi, đôn đốc thực hiện.
- Báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 10/12 hằng năm.
"""

PARAGRAPH = [
    "Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện như sau:",
    "1. Nâng cao nhận thức, trách nhiệm của các cấp, các ngành về công tác dân vận.",
    "2. Sở Nội vụ chủ trì, phối hợp với các sở, ngành liên quan tổ chức thực hiện.",
    "3. Các cơ quan, đơn vị báo cáo kết quả thực hiện về Sở Nội vụ để tổng hợp.",
]


def _syllables(text: str) -> list[str]:
    return [t for k, t in pieces(text) if k == "word" and is_letters(t.lower())]


def test_clean_text_passes_through_unchanged(model: RestoreModel) -> None:
    assert restore_text(CLEAN, model=model) == CLEAN
    assert not needs_restoration(CLEAN, model=model)


def test_stripped_text_is_restored(model: RestoreModel) -> None:
    damaged = "\n".join(strip_diacritics(line) for line in PARAGRAPH)
    assert needs_restoration(damaged, model=model)
    restored = restore_text(damaged, model=model)
    truth = _syllables("\n".join(PARAGRAPH))
    got = _syllables(restored)
    assert len(got) == len(truth)
    right = sum(1 for a, b in zip(truth, got, strict=True) if a == b)
    assert right / len(truth) >= 0.95, restored


def test_common_phrase_restored_exactly(model: RestoreModel) -> None:
    damaged = "Uy ban nhan dan tinh chu tri to chuc thuc hien ke hoach nay."
    assert restore_text(damaged, model=model) == (
        "Ủy ban nhân dân tỉnh chủ trì tổ chức thực hiện kế hoạch này."
    )


def test_ocr_letter_confusions_are_corrected(model: RestoreModel) -> None:
    damaged = "Cac co quan t6 chirc thyc hién ké hoach cta Uy ban nhan dan tinh."
    restored = restore_text(damaged, model=model)
    assert "tổ chức" in restored
    assert "thực hiện" in restored
    assert "kế hoạch của Ủy ban nhân dân tỉnh" in restored


def test_line_structure_and_untouched_pieces(model: RestoreModel) -> None:
    damaged = "I. MUC TIEU\n\n1. Bao cao so 12/BC-UBND truoc ngay 10/12\n   - Thuc hien\n"
    restored = restore_text(damaged, model=model)
    assert restored.count("\n") == damaged.count("\n")
    lines = restored.split("\n")
    assert lines[0] == "I. MỤC TIÊU"
    assert lines[1] == ""
    assert lines[2].startswith("1. Báo cáo số 12/BC-UBND")
    assert lines[2].endswith("10/12")
    assert lines[3] == "   - Thực hiện"


def test_mixed_document_repairs_only_damaged_lines(model: RestoreModel) -> None:
    clean = "Ủy ban nhân dân tỉnh giao Sở Nội vụ theo dõi, đôn đốc các đơn vị."
    lines = [clean, "Cac so, ban, nganh bao cao ket qua thuc hien.", clean]
    out = list(restore_lines(lines, model=model))
    assert out[0] == clean and out[2] == clean
    assert out[1] == "Các sở, ban, ngành báo cáo kết quả thực hiện."


def test_margin_junk_is_removed_but_list_markers_stay(model: RestoreModel) -> None:
    lines = [
        "rrrr",
        "7r7frphat huy vai tro cua Nhan dan",
        "\\ffnhanh chong trien khai",
        "a) Phoi hop thuc hien",
        "- Bao cao ket qua",
    ]
    out = list(restore_lines(lines, model=model))
    assert out[0] == ""
    assert out[1].startswith("phát huy vai trò")
    assert out[2].startswith("nhanh chóng triển khai")
    assert out[3].startswith("a) Phối hợp")
    assert out[4].startswith("- Báo cáo")


def test_restore_lines_streams(model: RestoreModel) -> None:
    """An endless input yields output without being read to the end."""
    endless = itertools.cycle(["Cac co quan, don vi bao cao ket qua\n"])
    first = list(itertools.islice(restore_lines(endless, model=model), 60))
    assert len(first) == 60
    assert first[0] == "Các cơ quan, đơn vị báo cáo kết quả\n"


def test_line_endings_are_kept(model: RestoreModel) -> None:
    out = list(restore_lines(["Ke hoach\r\n", "Bao cao\n", "Thuc hien"], model=model))
    assert [line[-2:] for line in out[:1]] == ["\r\n"]
    assert out[1].endswith("\n") and not out[2].endswith("\n")


def test_tone_style(model: RestoreModel) -> None:
    damaged = "Tang cuong hoa giai va cu the hoa chinh sach ve thuy loi"
    old = restore_text(damaged, style="old", model=model)
    new = restore_text(damaged, style="hoà", model=model)
    assert "hòa" in old and "hoà" not in old
    assert "hoà" in new and "hòa" not in new
    assert strip_diacritics(old) == strip_diacritics(new) == damaged


def test_huge_single_line_is_repaired_in_pieces(model: RestoreModel) -> None:
    from theodoi.text import restore

    sentence = "Cac so, ban, nganh bao cao ket qua thuc hien. "
    line = sentence * (restore.MAX_LINE // len(sentence) * 2)
    out = list(restore_lines([line + "\n"], model=model))
    assert len(out) == 1 and out[0].endswith("\n")
    assert len(out[0]) == len(line) + 1
    assert out[0].count("Các sở, ban, ngành báo cáo kết quả thực hiện.") >= line.count(sentence) - 2


def test_clean_lines_with_bare_words_numbers_and_list_letters(model: RestoreModel) -> None:
    lines = [
        "m) Chủ hộ kinh doanh tham gia theo quy định của tỉnh",
        "95% x 1.200.000 = 1.140.000 đồng;",
        "l) Tích lũy sinh học;",
        "Điều 4. Giải thích từ ngữ3",
    ]
    assert list(restore_lines(lines, model=model)) == lines


def test_list_number_glued_to_word(model: RestoreModel) -> None:
    out = restore_text("2.Muc tieu\n1.Quan diem chi dao\n", model=model)
    assert out == "2.Mục tiêu\n1.Quan điểm chỉ đạo\n"


def test_pathological_inputs_keep_their_lines(model: RestoreModel) -> None:
    """Huge tokens, junk runs, binary-looking text: handled, one line out per line in."""
    cases = [
        "a" * 50_000,
        "\\^~" * 10_000,
        "".join(chr(0x20 + (i * 7919) % 0x2FE0) for i in range(5_000)),
        "(" * 5_000 + "cua" + ")" * 5_000,
        "1234567890" * 5_000,
    ]
    for text in cases:
        out = restore_text(text + "\nKe hoach\n", model=model)
        assert out.count("\n") == 2
        assert out.endswith("\n")
