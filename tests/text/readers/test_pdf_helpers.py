"""Small helpers of the PDF reader, checked against their plain definitions."""

from __future__ import annotations

import pytest

from theodoi.text.readers.pdf import _stripped


def _by_definition(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@pytest.mark.parametrize(
    "text",
    ["Kế hoạch", "  Kế hoạch \t", "\u00a0\u2003Điều 1.\u3000", "   ", "", "x", " \x1c a \x85"],
)
def test_stripped_span_drops_white_space_at_both_ends(text: str) -> None:
    padded = f"ab\n{text}\ncd"
    start, end = 3, 3 + len(text)
    assert _stripped(padded, start, end) == _by_definition(padded, start, end)


def test_stripped_span_of_white_space_only_is_empty_at_its_end() -> None:
    assert _stripped("a   b", 1, 4) == (4, 4)
