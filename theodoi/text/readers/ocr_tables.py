"""Ruled tables on scanned pages, rebuilt as ``Table`` blocks.

Tesseract reads a page line by line, so a task table (STT | Nội dung nhiệm
vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian) comes out as lines that
mix the cells of a row, and the table reader never sees a table. Plans print
their task tables with ruled borders, so the rules themselves give the grid:
long horizontal and vertical runs of ink, found with numpy on the page image
(no OpenCV). Each cell is cropped inside its rules and read on its own; the
page's text above, between and below the tables is read as before, band by
band, so reading order is kept.

Cell OCR would be one Tesseract call per cell; instead the cells of a table
are stacked into one composite image, read with ``--psm 6`` in one call, and
the words are handed back to their cells by the height of their boxes.
A cell spanning several grid columns or rows has its text repeated in each,
as the .docx reader does for merged cells.

``THEODOI_OCR_TABLES=0`` turns the detection off (pages are read whole).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from PIL import Image

from theodoi.text.readers.clean import clean_text
from theodoi.text.readers.limits import Deadline
from theodoi.text.readers.lines import join_wrapped
from theodoi.text.source import Block, InputError, Paragraph, Table

Mask = NDArray[np.bool_]

#: Darker than this (0-255 grey) is ink.
INK = 160
#: A horizontal rule is a run of ink at least this long (mm): shorter than the
#: narrowest STT column, longer than any stroke of 13-14 pt text.
MIN_RULE_MM = 7.0
#: Rows of a task table hold at least a line of text: a "grid" of rows lower than
#: this is the hatching of a stamp or signature, or rules crossing text lines, and
#: cutting the page there would read those lines twice (a real scan, 2026-12-07).
MIN_ROW_MM = 4.0
#: A horizontal rule inks at least this share of the page's widest rule's length
#: (a row rule under a cell merged over two rows still covers most of the table).
LINE_SHARE = 0.3
#: A vertical rule covers at least this share of the row it borders, ends included;
#: a letter never reaches both rules of its cell (cell padding).
RULE_COVER = 0.85
#: A faint rule is darker than the paper on both sides of it by this much (0-255
#: grey): low-quality scans print thin rules at about 197 on paper about 231, far
#: above ``INK``, while the paper's grain and unevenness stay well within it.
FAINT_MARGIN = 14
#: How far (mm) on either side of a rule its paper is looked at: past the rule's
#: width at 150-300 dpi with blur, inside the padding of a one-line cell.
PAPER_GAP_MM = 0.5
#: A faint rule fills this share of every window along it: text strokes, specks
#: and the grain fill a few pixels of a window, a printed rule all but its breaks.
RULE_FILL = 0.8
#: ... and at least this share of it faint, not ink: a window over a letter's stem
#: is a ridge of ink with grey at its ends and edges (bold capitals, blurred).
FAINT_SHARE = 0.6
#: Windows along a rule (mm): horizontal ones longer than a word's gap spans twice,
#: vertical ones shorter than the lowest row.
FILL_WINDOW_MM = (4.0, 2.0)
#: White space between cells stacked in the composite image (px).
STACK_GAP = 60
#: Tallest composite image handed to Tesseract in one call (px).
STACK_MAX = 9000


def enabled() -> bool:
    """Table detection on scans is on unless ``THEODOI_OCR_TABLES`` is 0/off/no."""
    return os.environ.get("THEODOI_OCR_TABLES", "1").strip().lower() not in {"0", "off", "no"}


# --- masks ---------------------------------------------------------------------


def _shift_or(mask: Mask, radius: int, axis: int) -> Mask:
    """Dilate along one axis by ``radius`` pixels (no wrap-around)."""
    out = mask.copy()
    size = mask.shape[axis]
    for step in range(1, min(radius, size - 1) + 1):
        if axis == 0:
            out[step:] |= mask[:-step]
            out[:-step] |= mask[step:]
        else:
            out[:, step:] |= mask[:, :-step]
            out[:, :-step] |= mask[:, step:]
    return out


def _long_runs(mask: Mask, min_len: int) -> Mask:
    """Keep only the runs of True along each row that are at least ``min_len`` long."""
    rows, width = mask.shape
    padded = np.zeros((rows, width + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    step = np.diff(padded, axis=1)
    starts = np.argwhere(step == 1)
    ends = np.argwhere(step == -1)  # row-major order pairs each start with its end
    keep = (ends[:, 1] - starts[:, 1]) >= min_len
    delta = np.zeros((rows, width + 1), dtype=np.int8)
    delta[starts[keep, 0], starts[keep, 1]] = 1  # runs in a row never touch: no overlaps
    delta[ends[keep, 0], ends[keep, 1]] = -1
    return np.cumsum(delta, axis=1, dtype=np.int8)[:, :width] > 0


def _shifted(gray: NDArray[np.int16], step: int, axis: int) -> NDArray[np.int16]:
    """``gray`` moved ``step`` pixels along ``axis`` (edges repeat the border)."""
    index = np.clip(np.arange(gray.shape[axis]) + step, 0, gray.shape[axis] - 1)
    return np.take(gray, index, axis=axis)


def _window_sums(mask: Mask, window: int, axis: int) -> NDArray[np.int32]:
    """True pixels in each window ``[i, i + window)`` along ``axis``."""
    counts = np.cumsum(mask, axis=axis, dtype=np.int32)
    zero = np.zeros_like(np.take(counts, [0], axis=axis))
    counts = np.concatenate([zero, counts], axis=axis)
    size = counts.shape[axis]
    upper = np.take(counts, np.arange(window, size), axis=axis)
    return upper - np.take(counts, np.arange(size - window), axis=axis)


def _filled(mask: Mask, faint: Mask, window: int, axis: int) -> Mask:
    """Pixels of the windows along ``axis`` that are at least ``RULE_FILL`` True
    and ``FAINT_SHARE`` faint (not ink): a faint rule with the odd pixel lost to
    grain comes out whole, specks do not, and a letter's stem (ink, a ridge too)
    is not stretched into a rule; ink is found as before."""
    if window < 3 or mask.shape[axis] < window:
        return np.zeros_like(mask)
    starts = (_window_sums(mask, window, axis) >= RULE_FILL * window) & (
        _window_sums(faint, window, axis) >= FAINT_SHARE * window
    )
    pad = [(0, 0), (0, 0)]
    pad[axis] = (window - 1, window - 1)  # a pixel is in a filled window starting
    padded = np.pad(starts, pad)  # up to window - 1 before it
    return _window_sums(padded, window, axis) > 0


def _faint_rules(gray: NDArray[np.uint8], px_per_mm: float, axis: int) -> Mask:
    """Faint rules along ``axis`` (1: horizontal, 0: vertical): pixels darker by
    ``FAINT_MARGIN`` than the paper on both sides of them across the rule (the
    local paper level, so grey or uneven paper does not matter, and a shaded cell
    or the edge of a dark area is no ridge), kept where they fill long windows
    along the rule. A rule at grey 197 on paper 231 is found; the text's own
    strokes are found by ``INK`` as before."""
    across = 0 if axis == 1 else 1
    level = gray.astype(np.int16)
    gap = max(2, round(PAPER_GAP_MM * px_per_mm))
    paper = np.minimum(_shifted(level, gap, across), _shifted(level, -gap, across))
    ridge = level < paper - FAINT_MARGIN
    faint = _shift_or(ridge & (level >= INK), 1, across)  # a pixel of skew
    window = round(FILL_WINDOW_MM[1 - axis] * px_per_mm)
    return _filled(_shift_or(ridge, 1, across), faint, window, axis)


def _rule_ink(gray: NDArray[np.uint8], px_per_mm: float, factor: int, axis: int) -> Mask:
    """Ink for rules along ``axis`` at 1/factor resolution: dark ink, and faint
    rules found along that direction only."""
    pooled = _pooled_min(gray, factor)
    return (pooled < INK) | _faint_rules(pooled, px_per_mm / factor, axis)


def _rules(dark: Mask, min_len: int, axis: int) -> Mask:
    """Rules along ``axis`` (1: horizontal, 0: vertical): ink thickened a pixel
    across the rule (slight skew), then long runs only. Breaks are not closed:
    that joins letters into runs; a worn rule still has long pieces."""
    across = 0 if axis == 1 else 1
    thick = _shift_or(dark, 1, across)
    if axis == 1:
        return _long_runs(thick, min_len)
    return _long_runs(np.ascontiguousarray(thick.T), min_len).T


def _groups(flags: NDArray[np.bool_], gap: int = 3) -> list[tuple[int, int]]:
    """Index spans (first, last) of True values, joining spans ``gap`` apart or less."""
    spans: list[tuple[int, int]] = []
    for index in np.flatnonzero(flags).tolist():
        if spans and index - spans[-1][1] <= gap:
            spans[-1] = (spans[-1][0], index)
        else:
            spans.append((index, index))
    return spans


# --- grid ----------------------------------------------------------------------


@dataclass(frozen=True)
class Region:
    """One cell of the table, maybe spanning grid rows ``rows`` and columns ``cols``
    (inclusive), with its pixel box inside the rules (left, top, right, bottom)."""

    rows: tuple[int, int]
    cols: tuple[int, int]
    box: tuple[int, int, int, int]


@dataclass(frozen=True)
class Grid:
    """A ruled table found on the page: its rule spans and its cells."""

    lines: tuple[tuple[int, int], ...]  # horizontal rules, top to bottom (first, last row)
    columns: tuple[tuple[int, int], ...]  # vertical rules, left to right (first, last col)
    regions: tuple[Region, ...]

    @property
    def top(self) -> int:
        return self.lines[0][0]

    @property
    def bottom(self) -> int:
        return self.lines[-1][1]

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.lines) - 1, len(self.columns) - 1


def _band_columns(vert: Mask, top: int, bottom: int) -> list[tuple[int, int]]:
    """Vertical rules crossing the band between two horizontal rules, end to end."""
    height = bottom - top + 1
    cover = vert[top : bottom + 1].sum(axis=0)
    return _groups(cover >= RULE_COVER * height, gap=2)


def _cluster(spans: list[list[tuple[int, int]]], tol: int) -> list[tuple[int, int, int]]:
    """Vertical rule positions across bands: (first col, last col, bands seen in)."""
    found: list[list[int]] = []  # [first, last, count, centre]
    for band in spans:
        for first, last in band:
            centre = (first + last) // 2
            for item in found:
                if abs(item[3] - centre) <= tol:
                    item[0], item[1], item[2] = min(item[0], first), max(item[1], last), item[2] + 1
                    break
            else:
                found.append([first, last, 1, centre])
    return sorted((a, b, n) for a, b, n, _ in found)


def _pooled_min(gray: NDArray[np.uint8], factor: int) -> NDArray[np.uint8]:
    """The page at 1/factor resolution, each pixel the darkest of its block: rules
    two or three pixels thick survive, and the masks cost a quarter."""
    if factor == 1:
        return gray
    h, w = gray.shape[0] // factor, gray.shape[1] // factor
    pooled = gray[: h * factor : factor, : w * factor : factor].copy()
    for dy in range(factor):
        for dx in range(factor):
            np.minimum(pooled, gray[dy : h * factor : factor, dx : w * factor : factor], out=pooled)
    return pooled


def skew_degrees(gray: NDArray[np.uint8], px_per_mm: float) -> float:
    """The page's skew from its longest horizontal rule (0 when it has none):
    a line fitted through the rule's ink, column by column."""
    factor = 2 if px_per_mm >= 8 else 1
    dark = _rule_ink(gray, px_per_mm, factor, axis=1)
    min_len = max(20, round(MIN_RULE_MM * px_per_mm / factor))
    horiz = _rules(dark, min_len, axis=1)
    groups = _groups(horiz.sum(axis=1) >= min_len, gap=2)
    if not groups:
        return 0.0
    first, last = max(groups, key=lambda g: int(horiz[g[0] : g[1] + 1].sum()))
    band = horiz[first : last + 1]
    xs = np.flatnonzero(band.any(axis=0))
    if len(xs) < 4 * min_len:
        return 0.0
    weights = band[:, xs].astype(np.float64)
    ys = (weights * np.arange(band.shape[0])[:, None]).sum(axis=0) / weights.sum(axis=0)
    slope = float(np.polyfit(xs.astype(np.float64), ys, 1)[0])
    return float(np.degrees(np.arctan(slope)))


def deskewed(gray: NDArray[np.uint8], px_per_mm: float) -> NDArray[np.uint8]:
    """The page turned level when its rules are skewed by more than 0.2°: past
    ~0.7° the rules of a one-line row drift further than a cell's padding."""
    angle = skew_degrees(gray, px_per_mm)
    if abs(angle) <= 0.2 or abs(angle) > 5:
        return gray
    turned = Image.fromarray(gray).rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255)
    return np.asarray(turned)


def find_tables(gray: NDArray[np.uint8], px_per_mm: float) -> list[Grid]:
    """Ruled tables on a page image, top to bottom; only grids of at least
    3 columns and 2 rows of cells (two ruled boxes are a frame, not a table)."""
    factor = 2 if px_per_mm >= 8 else 1
    dark_h = _rule_ink(gray, px_per_mm, factor, axis=1)
    dark_v = _rule_ink(gray, px_per_mm, factor, axis=0)
    px_per_mm /= factor
    min_len = max(20, round(MIN_RULE_MM * px_per_mm))
    horiz = _rules(dark_h, min_len, axis=1)
    vert = _rules(dark_v, max(8, round(2 * px_per_mm)), axis=0)
    wide_vert = _shift_or(vert, 1, 1)
    lines = _ruled_lines(horiz, _groups(horiz.sum(axis=1) >= min_len, gap=2))
    tol = max(3, round(1.2 * px_per_mm))
    bands = [_band_columns(wide_vert, upper[0], lower[1]) for upper, lower in pairwise(lines)]
    grids: list[Grid] = []
    start = 0
    while start < len(bands):
        if len(bands[start]) < 2:
            start += 1
            continue
        end = start
        while end + 1 < len(bands) and len(bands[end + 1]) >= 2:
            end += 1
        grid = _grid(horiz, lines[start : end + 2], bands[start : end + 1], tol)
        if grid is not None and _rows_hold_text(grid, px_per_mm):
            grids.append(_scaled(grid, factor))
        start = end + 1
    return grids


def _inside_rules(
    horiz: Mask, lines: list[tuple[int, int]], clustered: list[tuple[int, int, int]], tol: int
) -> list[tuple[int, int, int]]:
    """Vertical rules within the horizontal rules' reach: a seal stamped across the
    margin ("giáp lai") or a binding shadow beside the table is no column of it."""
    reach = np.flatnonzero(np.any([horiz[a : b + 1].any(axis=0) for a, b in lines], axis=0))
    if not len(reach):
        return clustered
    left, right = int(reach[0]) - tol, int(reach[-1]) + tol
    return [c for c in clustered if c[1] >= left and c[0] <= right]


def _ruled_lines(horiz: Mask, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Horizontal rules that run across a good part of the widest one: a row's rule
    spans the table but for the cells merged down over it, while a word of bold or
    blurred text that inked a run past ``MIN_RULE_MM`` spans one cell at most (it
    cut a row in two and split its cells' text between two rows)."""
    if not lines:
        return lines
    widths = [int(horiz[first : last + 1].any(axis=0).sum()) for first, last in lines]
    longest = max(widths)
    return [
        line for line, width in zip(lines, widths, strict=True) if width >= LINE_SHARE * longest
    ]


def _rows_hold_text(grid: Grid, px_per_mm: float) -> bool:
    rows = grid.shape[0]
    return rows > 0 and (grid.bottom - grid.top) / rows >= MIN_ROW_MM * px_per_mm


def _scaled(grid: Grid, f: int) -> Grid:
    def span(pair: tuple[int, int]) -> tuple[int, int]:
        return pair[0] * f, pair[1] * f + f - 1

    regions = tuple(
        Region(
            r.rows, r.cols, (r.box[0] * f + 1, r.box[1] * f + 1, r.box[2] * f - 1, r.box[3] * f - 1)
        )
        for r in grid.regions
    )
    return Grid(tuple(map(span, grid.lines)), tuple(map(span, grid.columns)), regions)


def _grid(
    horiz: Mask,
    lines: list[tuple[int, int]],
    bands: list[list[tuple[int, int]]],
    tol: int,
) -> Grid | None:
    clustered = _inside_rules(horiz, lines, _cluster(bands, tol), tol)
    if len(bands) >= 2:  # a rule seen in one row only is more likely a letter
        edges = (clustered[0], clustered[-1]) if clustered else ()
        clustered = [c for c in clustered if c[2] >= 2 or c in edges]
    columns = [(a, b) for a, b, _n in clustered]
    rows, cols = len(lines) - 1, len(columns) - 1
    if rows < 2 or cols < 3:
        return None

    def has_vertical(row: int, col: int) -> bool:  # rule on the left of grid column col
        first, last = columns[col]
        return any(a <= last + tol and b >= first - tol for a, b in bands[row])

    def has_horizontal(line: int, col: int) -> bool:  # rule above grid row line
        left, right = columns[col][1] + 1, columns[col + 1][0]
        top, bottom = lines[line]
        if right - left < 4:
            return True
        cover = horiz[max(0, top - tol) : bottom + tol + 1, left:right].any(axis=0)
        return bool(cover.mean() >= 0.8)

    parent = list(range(rows * cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(rows):
        for c in range(cols):
            if c + 1 < cols and not has_vertical(r, c + 1):
                parent[find(r * cols + c + 1)] = find(r * cols + c)
            if r + 1 < rows and not has_horizontal(r + 1, c):
                parent[find((r + 1) * cols + c)] = find(r * cols + c)
    members: dict[int, list[tuple[int, int]]] = {}
    for r in range(rows):
        for c in range(cols):
            members.setdefault(find(r * cols + c), []).append((r, c))
    regions = []
    for cells in members.values():
        r0, r1 = min(r for r, _ in cells), max(r for r, _ in cells)
        c0, c1 = min(c for _, c in cells), max(c for _, c in cells)
        box = (columns[c0][1] + 1, lines[r0][1] + 1, columns[c1 + 1][0], lines[r1 + 1][0])
        regions.append(Region((r0, r1), (c0, c1), box))
    regions.sort(key=lambda reg: (reg.rows[0], reg.cols[0]))
    return Grid(tuple(lines), tuple(columns), tuple(regions))


# --- reading -----------------------------------------------------------------

#: Runs Tesseract on an image (timeout, page segmentation mode) and returns its TSV.
TsvReader = Callable[[Path, float, int], str]


def tesseract_tsv(binary: str) -> TsvReader:
    """The Tesseract CLI as ``Tesseract`` runs it, but ``--psm 6`` (a block of
    text: one cell) and always TSV, so words can be given back to their cells."""
    from theodoi.text.readers.ocr import OCR_LANGUAGE

    def run(image: Path, timeout: float, psm: int = 6) -> str:
        if shutil.which(binary) is None:
            raise InputError("cannot OCR this scan: Tesseract is not installed (tesseract-ocr)")
        command = [binary, str(image), "stdout", "-l", OCR_LANGUAGE, "--psm", str(psm), "tsv"]
        try:
            result = subprocess.run(
                command, capture_output=True, timeout=max(timeout, 1.0), check=False
            )
        except subprocess.TimeoutExpired as exc:
            raise InputError(
                f"OCR gave up: a table took longer than the {timeout:.0f} s left for the document"
            ) from exc
        if result.returncode != 0:
            raise InputError("OCR failed on the cells of a scanned table")
        return result.stdout.decode("utf-8", "replace")

    return run


def _cell_image(
    dark: Mask, gray: NDArray[np.uint8], box: tuple[int, int, int, int]
) -> NDArray[np.uint8] | None:
    """The grey pixels of one cell's ink, trimmed; None if blank. The box lies
    inside the rules' spans; a rule's edge still inside it (skew, a thick rule)
    is shaved off. Grey rather than the ink mask: Tesseract reads small glyphs
    (a lone "5" in the STT column) better with their anti-aliased edges."""
    left, top, right, bottom = box
    while right - left >= 4 and bottom - top >= 4:  # edges mostly ink are a rule
        if dark[top, left:right].mean() > 0.5:
            top += 1
        elif dark[bottom - 1, left:right].mean() > 0.5:
            bottom -= 1
        elif dark[top:bottom, left].mean() > 0.5:
            left += 1
        elif dark[top:bottom, right - 1].mean() > 0.5:
            right -= 1
        else:
            break
    if right - left < 4 or bottom - top < 4:
        return None
    ink = dark[top:bottom, left:right]
    if ink.sum() < 12:  # a speck or two of dust
        return None
    ys = np.flatnonzero(ink.any(axis=1))
    xs = np.flatnonzero(ink.any(axis=0))
    return gray[top + ys[0] : top + ys[-1] + 1, left + xs[0] : left + xs[-1] + 1]


def _stack(cells: list[NDArray[np.uint8]]) -> tuple[NDArray[np.uint8], list[tuple[int, int]]]:
    """Cells one under another on white, each with its (top, bottom) in the stack."""
    pad = 20
    width = max(c.shape[1] for c in cells) + 2 * pad
    height = sum(c.shape[0] + STACK_GAP for c in cells) + STACK_GAP
    canvas = np.full((height, width), 255, dtype=np.uint8)
    spans = []
    y = STACK_GAP
    for cell in cells:
        h, w = cell.shape
        canvas[y : y + h, pad : pad + w] = cell
        spans.append((y, y + h))
        y += h + STACK_GAP
    return canvas, spans


def _strip(cells: list[NDArray[np.uint8]]) -> tuple[NDArray[np.uint8], list[tuple[int, int]]]:
    """Cells side by side on one line, bottom-aligned, each with its (left, right)."""
    height = max(c.shape[0] for c in cells) + 2 * STACK_GAP
    width = sum(c.shape[1] + STACK_GAP for c in cells) + STACK_GAP
    canvas = np.full((height, width), 255, dtype=np.uint8)
    spans = []
    x = STACK_GAP
    for cell in cells:
        h, w = cell.shape
        canvas[height - STACK_GAP - h : height - STACK_GAP, x : x + w] = cell
        spans.append((x, x + w))
        x += w + STACK_GAP
    return canvas, spans


def _split_tsv(tsv: str, spans: list[tuple[int, int]], across: bool = False) -> list[str]:
    """TSV of each stacked cell: words go to the cell holding their box's middle
    (by height in a stack, by width in a strip: ``across``)."""
    rows = tsv.splitlines()
    header, body = (rows[0], rows[1:]) if rows else ("", [])
    parts: list[list[str]] = [[] for _ in spans]
    half = STACK_GAP // 2
    for row in body:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5":
            continue
        start, size = (cells[6], cells[8]) if across else (cells[7], cells[9])
        middle = int(start) + int(size) // 2
        for index, (top, bottom) in enumerate(spans):
            if top - half <= middle < bottom + half:
                parts[index].append(row)
                break
    return ["\n".join([header, *part]) for part in parts]


#: A rule's edge read as a character at either end of a cell's line ("Chính phủ |").
_RULE_EDGE = re.compile(r"^[|¦]\s*|\s*[|¦]$")


def _cell_text(tsv: str) -> str:
    """A cell's words, one printed line per line, as the text-layer and .docx
    readers give cells: the table reader needs the lines of a body cell to tell
    bodies printed one per line ("Bộ Tài chính" / "Bộ Công Thương") from a name
    wrapped over two. Lines cut after a hyphen or slash ("52-" / "CT/TW") are
    glued back. A cell of numbers only (STT, "2025") is kept as read: the
    restorer is for syllables, and has been seen to turn a lone "2" read at
    97 % confidence into letters."""
    from theodoi.text.readers.ocr import _from_tsv, _words_as_read

    words = [row.split("\t")[11] for row in tsv.splitlines()[1:] if row.count("\t") >= 11]
    lettered = any(ch.isalpha() for word in words for ch in word)
    text = _from_tsv(tsv) if lettered else _words_as_read(tsv)
    lines: list[str] = []
    for raw in text.splitlines():
        line = clean_text(_RULE_EDGE.sub("", raw.strip()))
        if not line:
            continue
        glued = join_wrapped(lines[-1], line) if lines else ""
        if lines and " " not in glued[len(lines[-1]) : len(lines[-1]) + 1]:
            lines[-1] = glued  # "52-" + "CT/TW": one word cut by the wrap
        else:
            lines.append(line)
    return "\n".join(lines)


def _short(crop: NDArray[np.uint8]) -> bool:
    """One line of a few characters (STT "2", "IV"): Tesseract misreads a lone
    glyph on a line of its own ("2" as "P)"), but reads it in a line of its
    neighbours, so short cells are read side by side on one line."""
    height, width = crop.shape
    return height < 80 and width < 2.5 * height


Layout = Callable[[list[NDArray[np.uint8]]], tuple[NDArray[np.uint8], list[tuple[int, int]]]]


def _read_batches(
    cells: list[tuple[Region, NDArray[np.uint8]]],
    layout: Layout,
    across: bool,
    limit: int,
    texts: dict[Region, str],
    tsv: TsvReader,
    deadline: Deadline,
    tmp: Path,
) -> None:
    """Read cells laid out together (stacked, or side by side for short ones),
    one Tesseract call per composite up to ``limit`` pixels long."""
    batches: list[list[tuple[Region, NDArray[np.uint8]]]] = [[]]
    length = 0
    for region, crop in cells:
        size = crop.shape[1 if across else 0] + STACK_GAP
        if batches[-1] and length + size > limit:
            batches.append([])
            length = 0
        batches[-1].append((region, crop))
        length += size
    for batch in filter(None, batches):
        deadline.check("OCR of a scanned table")
        canvas, spans = layout([crop for _, crop in batch])
        image = tmp / "cells.png"
        Image.fromarray(canvas).save(image)
        parts = _split_tsv(tsv(image, deadline.remaining(), 7 if across else 6), spans, across)
        for (region, _), part in zip(batch, parts, strict=True):
            texts[region] = _cell_text(part)


def read_grid(
    gray: NDArray[np.uint8], grid: Grid, tsv: TsvReader, deadline: Deadline, tmp: Path, page: int
) -> Table:
    """Read a grid's cells (composites of stacked cells, one Tesseract call each)."""
    dark = gray < INK
    crops = [(region, _cell_image(dark, gray, region.box)) for region in grid.regions]
    inked = [(region, crop) for region, crop in crops if crop is not None]
    texts: dict[Region, str] = {}
    short = [(region, crop) for region, crop in inked if _short(crop)]
    tall = [(region, crop) for region, crop in inked if not _short(crop)]
    _read_batches(tall, _stack, False, STACK_MAX, texts, tsv, deadline, tmp)
    _read_batches(short, _strip, True, 3 * STACK_MAX, texts, tsv, deadline, tmp)
    rows_n, cols_n = grid.shape
    cells = [["" for _ in range(cols_n)] for _ in range(rows_n)]
    for region in grid.regions:
        text = texts.get(region, "")
        for r in range(region.rows[0], region.rows[1] + 1):
            for c in range(region.cols[0], region.cols[1] + 1):
                cells[r][c] = text
    rows = tuple(tuple(row) for row in cells if any(row))
    return Table(rows=rows, page=page)


PageReader = Callable[[Path, float], str]


def ocr_page_blocks(
    image: Path,
    page: int,
    read_text: PageReader,
    text_blocks: Callable[[str, int], Sequence[Block]],
    deadline: Deadline,
    tsv: TsvReader,
    px_per_mm: float,
) -> list[Block] | None:
    """The page as blocks with its ruled tables as ``Table``; None when the page
    has no table (the caller reads it whole, as before).

    Text outside the tables is read band by band (above, between, below) with
    the page reader, so paragraphs and tables stay in reading order.
    """
    with Image.open(image) as opened:
        gray = deskewed(np.asarray(opened.convert("L")), px_per_mm)
    grids = find_tables(gray, px_per_mm)
    if not grids:
        return None
    blocks: list[Block] = []
    with tempfile.TemporaryDirectory(prefix="theodoi-ocr-table-") as tmp_name:
        tmp = Path(tmp_name)
        above = 0
        for grid in grids:
            blocks.extend(_band(gray, above, grid.top, read_text, text_blocks, deadline, tmp, page))
            blocks.append(read_grid(gray, grid, tsv, deadline, tmp, page))
            above = grid.bottom + 1
        blocks.extend(
            _band(gray, above, gray.shape[0], read_text, text_blocks, deadline, tmp, page)
        )
    return [b for b in blocks if not isinstance(b, Table) or b.rows]


def _band(
    gray: NDArray[np.uint8],
    top: int,
    bottom: int,
    read_text: PageReader,
    text_blocks: Callable[[str, int], Sequence[Block]],
    deadline: Deadline,
    tmp: Path,
    page: int,
) -> list[Block]:
    """OCR a full-width strip of the page outside any table; blank strips are skipped."""
    strip = gray[top:bottom]
    if strip.shape[0] < 10 or int((strip < INK).sum()) < 50:
        return []
    deadline.check("OCR of the scanned PDF")
    image = tmp / f"band-{top}.png"
    Image.fromarray(np.ascontiguousarray(strip)).save(image)
    return list(text_blocks(read_text(image, deadline.remaining()), page))


def join_tables(blocks: list[Block]) -> list[Block]:
    """Join a table continued on the next scanned page into one ``Table``, as the
    text-layer reader does (same columns; repeated header dropped). A bare page
    number read between the two parts is page furniture and is dropped."""
    from theodoi.text.readers.pdf import _append_table

    out: list[Block] = []
    end_page = -1
    for block in blocks:
        if isinstance(block, Table):
            numbers = []
            while out and isinstance(out[-1], Paragraph) and out[-1].text.strip().isdigit():
                numbers.append(out.pop())
            if not (out and isinstance(out[-1], Table)) or block.page != end_page + 1:
                out.extend(reversed(numbers))
            _append_table(out, block, end_page)
            end_page = block.page if block.page is not None else -1
        else:
            out.append(block)  # any other text in between: the table ended
    return out
