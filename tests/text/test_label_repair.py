"""Garbled OCR item labels read back from their sibling sequence (outline/repair.py).

Every line is fictional (province Lâm Giang), in the layout of a scanned plan.
"""

from __future__ import annotations

from theodoi.text.outline.lines import Line, clean
from theodoi.text.outline.repair import repair_labels
from theodoi.text.outline.segment import join_lines
from theodoi.text.outline.tree import build_outline
from theodoi.text.source import Paragraph, SourceText


def _repaired(texts: list[str]) -> list[str]:
    lines = [Line(text=t) for t in texts]
    repair_labels(lines)
    return [line.text for line in lines]


def _paths(text: str, *, ocr: bool = True) -> list[str]:
    source = SourceText(blocks=[Paragraph(p) for p in text.split("\n")], ocr=ocr)
    outline = build_outline(join_lines(clean(source).lines))
    out: list[str] = []
    stack = list(reversed(outline.roots))
    while stack:
        node = stack.pop()
        out.append(node.path)
        stack.extend(reversed(node.children))
    return out


class TestLetters:
    def test_first_label_before_b(self) -> None:
        out = _repaired(
            [
                "2. Nâng cao hiệu quả quản lý",
                "đã) Các sở, ban, ngành",
                "- Rà soát quy trình.",
                "b) Sở Nội vụ",
                "Tổng hợp kết quả.",
            ]
        )
        assert out[1] == "a) Các sở, ban, ngành"

    def test_a_run_that_fills_the_gap_exactly(self) -> None:
        out = _repaired(
            [
                "3. Tuyên truyền",
                "a) Sở Tư pháp",
                "b) Công an tỉnh",
                "Œ) Sở Y tế",
                "(Ù) Sở Công Thương",
                "e) Sở Xây dựng",
            ]
        )
        assert out[3:5] == ["c) Sở Y tế", "d) Sở Công Thương"]

    def test_glyphs_choose_the_latin_alphabet(self) -> None:
        """b … h with five garbled labels fits c d e f g and c d đ e g: 'ƒ' says f."""
        texts = ["3. Tuyên truyền", "a) Sở Tư pháp", "b) Công an tỉnh"]
        texts += ["Œ) Sở Y tế", "(Ù) Sở Công Thương", "A) Sở Xây dựng", "ƒ) Sở Tài chính"]
        texts += ["Ø) Sở Nội vụ", "h) Đề nghị Tỉnh đoàn"]
        out = _repaired(texts)
        assert [t[:2] for t in out[3:8]] == ["c)", "d)", "e)", "f)", "g)"]
        # and the other lists of the document follow the same alphabet
        out = _repaired([*texts, "4. Cai nghiện", "a) Sở Y tế", "b) Sở Nội vụ", "Ẵ©) Sở Tài chính"])
        assert out[-1] == "c) Sở Tài chính"
        out = _repaired([*texts, "4. Cai nghiện", "c) Sở Y tế", "d) Sở Nội vụ", "Ẵ©) Sở Tài chính"])
        assert out[-1] == "e) Sở Tài chính"

    def test_without_evidence_the_vietnamese_alphabet(self) -> None:
        out = _repaired(["1. Quản lý", "a) Sở Y tế", "d) Sở Nội vụ", "Ẵ©) Sở Tài chính"])
        assert out[-1] == "đ) Sở Tài chính"

    def test_crossed_d_after_c(self) -> None:
        out = _repaired(
            ["5. Đấu tranh", "a) Công an tỉnh", "b) Sở Y tế", "c) Tòa án", "đ) Hải quan"]
        )
        assert out[-1] == "d) Hải quan"
        kept = _repaired(["5. Đấu tranh", "c) Tòa án", "d) Viện kiểm sát", "đ) Hải quan"])
        assert kept[-1] == "đ) Hải quan"

    def test_doubt_leaves_the_line_alone(self) -> None:
        # two garbled labels where one slot is free: no reading
        texts = ["1. Quản lý", "a) Sở Y tế", "Œ) Sở Nội vụ", "Ø) Sở Tài chính", "c) Sở Xây dựng"]
        assert _repaired(texts) == texts
        # a list of its own under a lettered item
        texts = ["1. Quản lý", "a) Sở Y tế", "1) Rà soát hồ sơ", "2) Kiểm tra thực địa"]
        assert _repaired(texts) == texts
        # no lettered list at all
        texts = ["1. Quản lý", "Œ) Sở Y tế", "2. Kiểm tra"]
        assert _repaired(texts) == texts
        # a long run after the last known label is not guessed
        texts = ["1. Quản lý", "a) Sở Y tế", "Œ) Sở Nội vụ", "Ø) Sở Tài chính", "Ù) Sở Xây dựng"]
        assert _repaired(texts) == texts

    def test_paths_of_a_scanned_plan(self) -> None:
        text = "\n".join(
            [
                "I. NHIỆM VỤ, GIẢI PHÁP",
                "1. Tuyên truyền",
                "đã) Các sở, ban, ngành",
                "- Tổ chức tuyên truyền tại cơ sở.",
                "b) Công an tỉnh",
                "- Phát động phong trào toàn dân.",
                "Œ) Sở Y tế",
                "- Hướng dẫn cai nghiện tại gia đình.",
            ]
        )
        assert _paths(text) == [
            "I",
            "I.1",
            "I.1.a",
            "I.1.a-1",
            "I.1.b",
            "I.1.b-1",
            "I.1.c",
            "I.1.c-1",
        ]


class TestRomans:
    def test_lost_section_and_a_dropped_stroke(self) -> None:
        """'II.' read as '—— 1L', then 'III.' as 'II.': every later path would shift."""
        text = [
            "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Nắm chắc tình hình.",
            "—— 1L CHỈ TIÊU XÂY DỰNG XÃ KHÔNG MA TÚY",
            "- Duy trì 12 xã.",
            "II. NHIỆM VỤ, GIẢI PHÁP",
            "1. Tuyên truyền.",
            "IV. KINH PHÍ THỰC HIỆN",
            "V. TỔ CHỨC THỰC HIỆN",
        ]
        out = _repaired(text)
        assert out[2] == "II. CHỈ TIÊU XÂY DỰNG XÃ KHÔNG MA TÚY"
        assert out[4] == "III. NHIỆM VỤ, GIẢI PHÁP"
        assert out[6:] == text[6:]

    def test_a_sequence_that_does_not_fit_is_left_alone(self) -> None:
        # an annexed plan starting again at I., nothing garbled
        text = ["I. MỤC ĐÍCH", "II. NHIỆM VỤ", "I. MỤC ĐÍCH CHUNG", "II. NỘI DUNG"]
        assert _repaired(text) == text
        # too many guesses for the evidence
        text = ["I. MỤC ĐÍCH", "1L NHIỆM VỤ GIẢI PHÁP", "|| TỔ CHỨC THỰC HIỆN", "IV. KINH PHÍ"]
        assert _repaired(text) == text
        # a capitals line in the body without a numeral-like start
        text = ["I. MỤC ĐÍCH", "KẾ HOẠCH TUYÊN TRUYỀN", "II. NHIỆM VỤ", "III. KINH PHÍ"]
        assert _repaired(text) == text


class TestNumbersAndBullets:
    def test_one_read_as_a_roman_or_a_comma(self) -> None:
        for first in ("I. Các sở, ban, ngành:", "l. Các sở, ban, ngành:", "1, Các sở, ban, ngành:"):
            out = _repaired(
                ["V. TỔ CHỨC THỰC HIỆN", first, "Xây dựng kế hoạch.", "2. Công an tỉnh:"]
            )
            assert out[1] == "1. Các sở, ban, ngành:"

    def test_one_is_not_guessed_without_its_successor(self) -> None:
        text = ["V. TỔ CHỨC THỰC HIỆN", "I. Các sở, ban, ngành:", "3. Công an tỉnh:"]
        assert _repaired(text) == text
        text = [
            "V. TỔ CHỨC THỰC HIỆN",
            "1. Sở Nội vụ:",
            "I. Các sở, ban, ngành:",
            "2. Công an tỉnh:",
        ]
        assert _repaired(text) == text
        # sections headed in sentence case: 'I. Mục đích' is a section, 'II.' opens the next
        text = ["I. Mục đích, yêu cầu", "Bảo đảm tiến độ.", "II. Nhiệm vụ", "2. Kiểm tra"]
        assert _repaired(text) == text

    def test_bullet_glyphs_beside_bullets(self) -> None:
        out = _repaired(
            [
                "a) Công an tỉnh",
                "_ Tiếp tục rà soát.",
                "- Thường xuyên kiểm tra.",
                "¬ Đề xuất kinh phí.",
            ]
        )
        assert out[1] == "- Tiếp tục rà soát." and out[3] == "- Đề xuất kinh phí."
        alone = ["1. Kinh phí", "_ Theo dự toán được giao."]
        assert _repaired(alone) == alone

    def test_only_ocr_text_is_repaired(self) -> None:
        text = "I. NHIỆM VỤ\n1. Tuyên truyền\nđã) Các sở, ban, ngành\nb) Công an tỉnh"
        assert "I.1.a" in _paths(text)
        assert "I.1.a" not in _paths(text, ocr=False)
