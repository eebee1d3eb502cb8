"""Abbreviations and names in capitals are never restored into other words."""

from __future__ import annotations

import pytest

from theodoi.text.restore import restore_text
from theodoi.text.restore.protect import is_protected, known_abbreviations


@pytest.mark.parametrize(
    ("word", "mixed_case", "composite", "expected"),
    [
        ("TU", True, False, True),  # Tỉnh ủy in ordinary text, not "tư"/"tự"
        ("HU", True, False, True),
        ("BCD", True, False, True),  # compared without marks
        ("TU", False, True, True),  # "TT.TU" in a heading
        ("TU", False, False, False),  # "SO TU PHAP": a heading word
        ("NOI", True, False, False),  # not an abbreviation: restore it
        ("Tu", True, False, False),  # not in capitals: an ordinary word
        ("A", True, False, False),  # one letter says nothing
    ],
)
def test_is_protected(word: str, mixed_case: bool, composite: bool, expected: bool) -> None:
    assert is_protected(word, mixed_case=mixed_case, in_composite=composite) is expected


def test_known_abbreviations_are_compared_without_marks() -> None:
    abbreviations = known_abbreviations()
    assert {"TU", "HU", "BCD", "HDND", "MTTQ"} <= abbreviations
    assert all(word == word.upper() for word in abbreviations)


def test_distribution_list_keeps_its_abbreviations() -> None:
    damaged = "- TT.TU, TT.HDND tinh;\n- Cac dong chi UVBTV TU;\n- BCD tinh, MTTQ;\n"
    restored = restore_text(damaged)
    assert "TT.TU," in restored and "UVBTV TU;" in restored and "BCD tỉnh" in restored
    assert "tỉnh" in restored  # the rest is still repaired


def test_clean_line_with_abbreviations_is_untouched() -> None:
    clean = "- TT.TU, TT.HĐND tỉnh;\n- Các đồng chí UVBTV TU;\n- Lưu VT, BDVTU.\n"
    assert restore_text(clean) == clean


def test_headings_in_capitals_are_still_restored() -> None:
    restored = restore_text(
        "KE HOACH THUC HIEN NGHI QUYET\nSO TU PHAP\nDOC LAP - TU DO - HANH PHUC\n"
    )
    lines = restored.splitlines()
    assert lines[0] == "KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT"
    assert lines[1].endswith(" TƯ PHÁP")  # a lone "TU" in a heading is a word
    assert lines[2] == "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"
