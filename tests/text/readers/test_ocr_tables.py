"""Ruled task tables on scanned pages (readers/ocr_tables.py), on real scans:
a python-docx plan with a Table Grid task table, PDF by LibreOffice, page
rasterised by pdftoppm and wrapped as an image-only PDF."""

from __future__ import annotations

import shutil
from difflib import SequenceMatcher
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.text.readers import builders
from theodoi.text.parse import parse_file
from theodoi.text.readers import read_document
from theodoi.text.readers.ocr import DPI
from theodoi.text.readers.ocr_tables import deskewed, find_tables, join_tables, skew_degrees
from theodoi.text.source import Paragraph, Table

PX_PER_MM = DPI / 25.4


@pytest.fixture(scope="module")
def task_pdf(docs_dir: Path) -> Path:
    if builders.soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    source = builders.build_task_table_docx(docs_dir / "task-table.docx")
    return builders.libreoffice_convert(source, "pdf", docs_dir)


@pytest.fixture(scope="module")
def task_png(task_pdf: Path, docs_dir: Path) -> Path:
    return builders.rasterise_page(task_pdf, docs_dir / "task-table.png")


@pytest.fixture(scope="module")
def task_scan(task_png: Path, docs_dir: Path) -> Path:
    return builders.image_to_pdf(task_png, docs_dir / "task-table-scan.pdf")


def _gray(png: Path, angle: float = 0.0) -> np.ndarray:
    with Image.open(png) as image:
        gray = image.convert("L")
        if angle:
            gray = gray.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255)
        return np.asarray(gray)


@pytest.mark.slow
@pytest.mark.parametrize("angle", [0.0, 0.4, -0.7, 1.5, -3.0])
def test_ruled_grid_with_merges_is_found(task_png: Path, angle: float) -> None:
    gray = _gray(task_png, angle)
    assert skew_degrees(gray, PX_PER_MM) == pytest.approx(-angle, abs=0.1)
    grids = find_tables(deskewed(gray, PX_PER_MM), PX_PER_MM)
    assert len(grids) == 1
    grid = grids[0]
    assert grid.shape == (2 + len(builders.TASK_ROWS), 5)
    spans = {(r.rows, r.cols) for r in grid.regions}
    assert ((1, 1), (0, 4)) in spans  # the group row, merged across the table
    assert ((2, 3), (2, 2)) in spans  # one lead body for tasks 1 and 2
    assert len(grid.regions) == 5 + 1 + 4 * 5 - 1


@pytest.mark.slow
def test_page_without_rules_has_no_table(scan_png: Path) -> None:
    """The Hòa Lâm plan page: text, numbered items, no ruled task table on page 1."""
    gray = _gray(scan_png)
    cut = gray[: gray.shape[0] // 2]  # the title block and numbered items only
    assert find_tables(cut, PX_PER_MM) == []


@pytest.mark.slow
def test_broken_rules_and_specks_still_give_the_grid(task_png: Path) -> None:
    """A worn scan: 1 % black specks, every rule broken every ~90 pixels."""
    gray = _gray(task_png).copy()
    gray[np.random.default_rng(1).random(gray.shape) < 0.01] = 0
    gray[:, ::97] = 255
    gray[::89, :] = 255
    grids = find_tables(gray, PX_PER_MM)
    assert [(g.shape, len(g.regions)) for g in grids] == [((6, 5), 25)]


def test_text_with_one_ruled_box_is_not_a_table() -> None:
    """A framed note (one box, two columns of text) is not a task table."""
    gray = np.full((1200, 1600), 255, dtype=np.uint8)
    for y in (200, 500, 800):
        gray[y : y + 3, 100:1500] = 0
    for x in (100, 800, 1497):
        gray[200:803, x : x + 3] = 0
    assert find_tables(gray, PX_PER_MM) == []  # 2 columns: below the 3 a task table has


def _ruled(row_height: int) -> np.ndarray:
    gray = np.full((1200, 1600), 255, dtype=np.uint8)
    rows = [200 + k * row_height for k in range(4)]
    for y in rows:
        gray[y : y + 3, 100:1500] = 0
    for x in (100, 500, 900, 1497):
        gray[rows[0] : rows[-1] + 3, x : x + 3] = 0
    return gray


def test_rows_lower_than_a_line_of_text_are_no_table() -> None:
    """The hatching of a stamp or rules across text lines (rows of 1.7 mm on a real
    scan) is not a table: cutting the page there read its lines twice."""
    assert find_tables(_ruled(20), PX_PER_MM) == []
    assert [g.shape for g in find_tables(_ruled(90), PX_PER_MM)] == [(3, 3)]


def _grey_scan(rng: np.random.Generator) -> np.ndarray:
    """Uneven grey paper (about 222-238) with grain and dark specks, at 300 dpi."""
    height, width = 1400, 2000
    ys = np.linspace(0, 1, height)[:, None]
    xs = np.linspace(0, 1, width)[None, :]
    paper = 230 + 8 * np.sin(2.5 * xs + 1.3 * ys)
    gray = paper + rng.normal(0, 4, (height, width))
    specks = rng.random((height, width)) < 0.001
    gray[specks] = rng.uniform(40, 120, int(specks.sum()))
    return gray


def _faint_grid(gray: np.ndarray, rule: float | None) -> np.ndarray:
    """A 4-column, 3-row task table ruled at grey ``rule`` (None: not ruled), with
    dark "text" in its cells (stems and bars, as letters have)."""
    rows = (200, 330, 700, 1100)
    columns = (100, 260, 1100, 1500, 1900)
    if rule is not None:
        for y in rows:
            gray[y : y + 3, columns[0] : columns[-1] + 3] = rule
        for x in columns:
            gray[rows[0] : rows[-1] + 3, x : x + 3] = rule
    for top, bottom in pairwise(rows):
        for left, right in pairwise(columns):
            for line in range(top + 30, bottom - 40, 60):
                for x in range(left + 25, right - 40, 34):
                    gray[line : line + 30, x : x + 4] = 30  # a stem
                    gray[line + 12 : line + 16, x : x + 22] = 40  # a bar
    return np.clip(gray, 0, 255).astype(np.uint8)


def test_faint_rules_on_grey_paper_give_the_grid() -> None:
    """A low-quality scan: rules at grey 197 on paper about 230 (far above the ink
    threshold), grain and specks; the grid is found from the faint rules."""
    gray = _faint_grid(_grey_scan(np.random.default_rng(3)), rule=197)
    assert int((gray[200:203, 300:1000] < 160).sum()) == 0  # no rule pixel is "ink"
    grids = find_tables(gray, PX_PER_MM)
    assert [(g.shape, len(g.regions)) for g in grids] == [((3, 4), 12)]


def test_grain_specks_and_shading_are_no_faint_rules() -> None:
    """Grey paper with grain and specks, a shaded band (a header row printed on
    grey) and text without rules: no table."""
    gray = _grey_scan(np.random.default_rng(4))
    gray[200:330, 100:1900] -= 35  # shaded, no ridge: darker on both sides too
    assert find_tables(_faint_grid(gray, rule=None), PX_PER_MM) == []


def _flat(cell: str) -> str:
    """A cell's printed lines read as one line."""
    return " ".join(cell.split())


def _tasks(path: Path) -> list[dict]:
    return [t.to_json_dict() for t in parse_file(path).tasks if t.source == "table"]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
def test_scanned_task_table_parses_like_the_text_pdf(task_pdf: Path, task_scan: Path) -> None:
    source = read_document(task_scan)
    assert source.input_kind == "pdf-scan"
    tables = [b for b in source.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert _flat(tables[0].rows[0][2]).lower() == "cơ quan chủ trì"
    texts = [b.text for b in source.blocks if isinstance(b, Paragraph)]
    before = next(i for i, b in enumerate(source.blocks) if isinstance(b, Table))
    assert any("NHIỆM VỤ" in t for t in texts[:before])  # reading order kept
    assert any("trước ngày 15" in t for t in texts[before:])

    expected, scanned = _tasks(task_pdf), _tasks(task_scan)
    assert len(expected) == len(builders.TASK_ROWS)
    assert len(scanned) == len(expected)
    for want, got in zip(expected, scanned, strict=True):
        # the table's own part of the path; the section label above the table is
        # body OCR ("II" read without its dot is label repair's business, not ours)
        assert got["path"].split(".")[1:] == want["path"].split(".")[1:]
        assert got["lead_keys"] == want["lead_keys"]
        assert got["coordinating_keys"] == want["coordinating_keys"]
        assert got["timing_normalized"] == want["timing_normalized"]
        assert SequenceMatcher(None, got["text"], want["text"]).ratio() > 0.9


def test_table_continued_on_next_scanned_page_is_joined() -> None:
    header = ("STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian")
    first = Table((header, ("1", "Rà soát quy chế", "Sở Nội vụ", "Các sở", "2025")), page=3)
    second = Table((header, ("2", "Tập huấn", "Sở Tư pháp", "UBND huyện", "2026")), page=4)
    blocks = join_tables([Paragraph("II. NHIỆM VỤ", page=3), first, Paragraph("4", page=4), second])
    assert len(blocks) == 2
    joined = blocks[1]
    assert isinstance(joined, Table)
    assert [row[0] for row in joined.rows] == ["STT", "1", "2"]  # header not repeated
    apart = join_tables([first, Paragraph("III. TỔ CHỨC", page=4), second])
    assert sum(isinstance(b, Table) for b in apart) == 2


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
def test_task_table_over_two_scanned_pages_is_one_table(docs_dir: Path) -> None:
    """The table runs on to page 2 with its header row repeated: one Table, every
    task numbered in order (lone STT digits read right, not as letters)."""
    if builders.soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    source = builders.build_task_table_docx(docs_dir / "long-table.docx", repeat=3)
    pdf = builders.libreoffice_convert(source, "pdf", docs_dir)
    scan = builders.scan_all_pages(pdf, docs_dir / "long-table-scan.pdf", 2)
    tables = [b for b in read_document(scan).blocks if isinstance(b, Table)]
    assert len(tables) == 1
    numbers = [row[0] for row in tables[0].rows[2:]]
    assert numbers == [row[0] for row in builders.task_rows(3)]
    assert sum(row[0] == "STT" for row in tables[0].rows) == 1
    leads = [_flat(row[2]) for row in tables[0].rows[2:]]
    assert leads == [row[2] for row in builders.task_rows(3)]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
def test_skewed_scan_is_levelled_before_its_cells_are_read(task_png: Path, tmp_path: Path) -> None:
    """A page fed 1.2° askew: the rules of a one-line row drift past the cell
    padding, so the page is levelled first; the cells then read as typed."""
    with Image.open(task_png) as image:
        skewed = image.convert("L").rotate(1.2, resample=Image.Resampling.BILINEAR, fillcolor=255)
        skewed.save(tmp_path / "skewed.pdf", "PDF", resolution=300.0)
    tables = [b for b in read_document(tmp_path / "skewed.pdf").blocks if isinstance(b, Table)]
    assert len(tables) == 1
    for got, want in zip(tables[0].rows[2:], builders.TASK_ROWS, strict=True):
        got = tuple(map(_flat, got))  # cells keep their printed lines
        assert (got[0], got[2], got[3], got[4]) == (want[0], want[2], want[3], want[4])
        assert SequenceMatcher(None, got[1], want[1]).ratio() > 0.9
