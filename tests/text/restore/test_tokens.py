"""Cutting lines into pieces (restore/tokens.py)."""

from __future__ import annotations

import pytest

from theodoi.text.restore.tokens import pieces


@pytest.mark.parametrize(
    "line",
    [
        "Thuc hien 233-CTr/TU, ngay 31/01/2024 cua Ban",
        "  a\tb..c ¢€ x-y/z. ",
        "",
        "Đảng bộ (1) “x” — 50%",
        "\r",
    ],
)
def test_pieces_cover_the_line(line: str) -> None:
    assert "".join(text for _, text in pieces(line)) == line


def test_pieces_kinds() -> None:
    assert pieces("Số: 118/KH-UBND, t6") == [
        ("word", "Số"),
        ("punct", ":"),
        ("space", " "),
        ("word", "118/KH-UBND"),
        ("punct", ","),
        ("space", " "),
        ("word", "t6"),
    ]
