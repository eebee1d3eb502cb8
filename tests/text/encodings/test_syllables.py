"""vietnamese_score_reaches: the early-stopping form of ``vietnamese_score(text) >= share``."""

from __future__ import annotations

import pytest

from theodoi.text.encodings.syllables import vietnamese_score, vietnamese_score_reaches

_TEXTS = [
    "",
    "12/2025 - 34",
    "Ủy ban nhân dân tỉnh Lâm Giang ban hành kế hoạch",
    "Ñy ban nh©n d©n tØnh L©m Giang",  # TCVN3 bytes read as Latin-1: partly words
    "Ã¡Ã  bá»Ÿi ngÆ°á»i Ä‘á»ƒ cá»§a",  # UTF-8 read as cp1252: no word survives
    "xqzt brrk Lâm Giang pfft hòa",
    "hoà lâm hoà lâm qwrt",
]


@pytest.mark.parametrize("text", _TEXTS)
@pytest.mark.parametrize("share", [0.0, 0.35, 0.4, 0.5, 0.8, 1.0])
def test_agrees_with_the_score(text: str, share: float) -> None:
    assert vietnamese_score_reaches(text, share) is (vietnamese_score(text) >= share)


def test_a_clean_page_reaches_and_mojibake_does_not() -> None:
    assert vietnamese_score_reaches(_TEXTS[2], 0.35)
    assert not vietnamese_score_reaches(_TEXTS[4], 0.35)
