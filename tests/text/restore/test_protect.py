"""Abbreviations and names in capitals are never restored into other words."""

from __future__ import annotations

import pytest

from theodoi.text.restore import restore_text
from theodoi.text.restore.protect import is_protected, known_abbreviations


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("TU", True),  # Tỉnh ủy, not "tư"/"tự"
        ("HU", True),
        ("BCĐ", True),
        ("BCD", True),  # compared without marks
        ("HOACH", False),  # a heading word: restore it
        ("NOI", False),
        ("Tu", False),  # not in capitals: an ordinary word
        ("A", False),  # one letter says nothing
    ],
)
def test_is_protected(word: str, expected: bool) -> None:
    assert is_protected(word) is expected


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
    restored = restore_text("KE HOACH THUC HIEN NGHI QUYET\nTM. BAN THUONG VU TU\n")
    assert restored == "KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT\nTM. BAN THƯỜNG VỤ TU\n"
