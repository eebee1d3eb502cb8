"""Table cells of a PDF: text placed by text-object runs must match the per-glyph rule.

The reader places a whole run of characters at once when PDFium's box
around it lies in one cell; the rule it must keep is pdfplumber's: each
glyph goes to the cell holding its centre.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pypdfium2
import pytest

from theodoi.text.readers import pdf

Box = tuple[float, float, float, float]

# Two columns (x 0–100, 100–300), two rows (y 0–20, 20–40), in top-down points.
GRID: list[Box] = [(0, 0, 100, 20), (100, 0, 300, 20), (0, 20, 100, 40), (100, 20, 300, 40)]


def test_a_box_inside_one_cell_gets_that_cell() -> None:
    found = pdf._Found(GRID)
    assert found.cell_of((110, 22, 290, 35)) == (100, 20, 300, 40)


def test_a_box_across_a_column_border_is_mixed() -> None:
    found = pdf._Found(GRID)
    assert found.cell_of((50, 22, 150, 35)) is pdf._MIXED


def test_a_tone_mark_over_a_row_border_makes_the_box_mixed() -> None:
    found = pdf._Found(GRID)
    assert found.cell_of((110, 19.5, 290, 35)) is pdf._MIXED


def test_a_box_outside_the_table_gets_no_cell() -> None:
    found = pdf._Found(GRID)
    assert found.cell_of((310, 5, 400, 15)) is None
    assert found.cell_of((10, 45, 90, 60)) is None


def _per_glyph(found: pdf._Found, text: str, chars: pdf._Chars) -> list[list[str | None]]:
    """Each glyph to the cell holding its centre, one box per character."""
    owner: dict[Box, list[str]] = {c: [] for c in found.cells}
    last: list[str] | None = None
    previous = -2
    area = found.bbox
    for match in re.finditer(r"[^\r\n]+", text):
        start, end = match.span()
        _a, top, _b, bottom = chars.box(start)
        if bottom < area[1] - 2 or top > area[3] + 2:
            continue
        for index in range(start, end):
            left, top, right, bottom = chars.box(index)
            if right > left:
                cell = found.cell_at((left + right) / 2, (top + bottom) / 2)
            elif text[index] == " ":
                cell = found.cell_at(left, (top + bottom) / 2)
            else:
                continue
            if cell is None:
                continue
            bucket = owner[cell]
            if bucket and (bucket is not last or index != previous + 1):
                bucket.append("\n")
            bucket.append(text[index])
            last, previous = bucket, index
    return [
        [
            None
            if box is None
            else "\n".join(t.strip() for t in "".join(owner[box]).split("\n") if t.strip())
            for box in row.cells
        ]
        for row in found.rows
    ]


@pytest.mark.slow
def test_runs_place_text_as_glyph_centres_do(
    plan_pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compared: list[tuple[Any, Any]] = []
    extract = pdf._Found.extract_with

    def checked(self: pdf._Found, text: str, chars: pdf._Chars) -> list[list[str | None]]:
        got = extract(self, text, chars)
        compared.append((got, _per_glyph(self, text, chars)))
        return got

    monkeypatch.setattr(pdf._Found, "extract_with", checked)
    document = pypdfium2.PdfDocument(str(plan_pdf))
    try:
        for index in range(len(document)):
            pdf._read_page(document, index)
    finally:
        document.close()
    assert compared  # the plan's task table was found
    for got, expected in compared:
        assert got == expected
    cells = [cell.replace("\n", " ") for got, _ in compared for row in got for cell in row if cell]
    assert "Tổ chức tuyên truyền sâu rộng" in cells
    assert "Sở Nội vụ" in cells
