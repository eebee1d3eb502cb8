"""strip_diacritics: every combining mark goes, đ/Đ become d/D, nothing else changes."""

from __future__ import annotations

import unicodedata

from theodoi.text.vietnamese import strip_diacritics


def _by_definition(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return bare.replace("đ", "d").replace("Đ", "D")


def test_vietnamese_marks_and_d_bar_go() -> None:
    assert strip_diacritics("Ủy ban nhân dân tỉnh Lâm Giang") == "Uy ban nhan dan tinh Lam Giang"
    assert strip_diacritics("Đảng ủy xã Hoà Lâm") == "Dang uy xa Hoa Lam"


def test_ascii_and_empty_text_are_returned_as_they_are() -> None:
    assert strip_diacritics("") == ""
    assert strip_diacritics("KH-UBND 12/2025") == "KH-UBND 12/2025"


def test_marks_of_other_scripts_go_and_spacing_marks_stay() -> None:
    sample = "naïve Ångström ǅ ﬁ \u0915\u093f\u0902 a\u20d7 đ\u0301"
    assert strip_diacritics(sample) == _by_definition(sample)
    assert strip_diacritics(sample + sample) == _by_definition(sample) * 2  # second sight: cached


def test_agrees_with_the_definition_over_the_latin_and_vietnamese_blocks() -> None:
    block = "".join(chr(code) for code in range(0x80, 0x2000)) + "".join(
        chr(code) for code in range(0x1E00, 0x1F00)
    )
    assert strip_diacritics(block) == _by_definition(block)


def test_marks_next_to_spaces_and_repeated_spaces_are_stripped_word_by_word() -> None:
    sample = " \u0301a  Hoà\u0323 \u0300 Lâm\u0301  "
    assert strip_diacritics(sample) == _by_definition(sample)


def test_the_word_cache_empties_when_full_and_still_answers(monkeypatch) -> None:
    from theodoi.text import vietnamese

    monkeypatch.setattr(vietnamese._WordCache, "limit", 2)
    words = vietnamese._WordCache()
    for word in ("Hòa", "Lâm", "Đông", "Hòa"):
        assert words[word] == _by_definition(word)
    assert len(words) <= 2
