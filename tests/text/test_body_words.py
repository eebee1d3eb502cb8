"""Marks OCR misread inside well-known body names (outline/bodywords.py). Fictional lines."""

from __future__ import annotations

from theodoi.text.outline.bodywords import repair_body_words
from theodoi.text.outline.lines import Line, clean
from theodoi.text.source import Paragraph, SourceText


def _repaired(*texts: str) -> list[str]:
    lines = [Line(text=t) for t in texts]
    repair_body_words(lines)
    return [line.text for line in lines]


def test_a_body_heading_is_a_body_again() -> None:
    assert _repaired("e) Sở Giáo dục và Đảo tạo", "d) Đề nghị Chỉ cục Thuế khu vực Lâm Giang") == [
        "e) Sở Giáo dục và Đào tạo",
        "d) Đề nghị Chi cục Thuế khu vực Lâm Giang",
    ]
    assert _repaired("c) Sở V tế") == ["c) Sở Y tế"]
    assert _repaired("Sở V tế và Sở Y tế") == ["Sở Y tế và Sở Y tế"]


def test_running_text_capitals_and_tone_styles_stay() -> None:
    kept = (
        "chỉ cục bộ một số xã",  # not a name: no capital
        "ỦY BAN NHÂN DÂN TỈNH LÂM GIANG",  # a header in capitals
        "Uỷ ban nhân dân tỉnh",  # old tone style, not a misreading
        "Toà án nhân dân tỉnh",
    )
    assert _repaired(*kept) == list(kept)


def test_only_ocr_text() -> None:
    lines = ["a) Sở Giáo dục và Đảo tạo", "- Rà soát trường học."]
    plain = clean(SourceText(blocks=[Paragraph(p) for p in lines], ocr=False))
    scanned = clean(SourceText(blocks=[Paragraph(p) for p in lines], ocr=True))
    assert plain.lines[0].text == lines[0]
    assert scanned.lines[0].text == "a) Sở Giáo dục và Đào tạo"
