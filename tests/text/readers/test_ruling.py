"""Our merge of ruling lines gives exactly pdfplumber's ``merge_edges`` (same
edges, same floats, same order), only without copying the edges that stay;
our intersections and tables are exactly pdfplumber's ``edges_to_intersections``
and ``cells_to_tables``."""

from __future__ import annotations

import random
from typing import Any

import pytest
from pdfplumber import table as geometry

from theodoi.text.readers.pdf import _cells, _edge
from theodoi.text.readers.ruling import cells_to_tables, edges_to_intersections, merge_edges


def _grid(seed: int) -> list[dict[str, Any]]:
    """A table drawn the way Word draws one: cell borders one by one, a little
    off the common line, some doubled, some cells merged, in a shuffled order."""
    rng = random.Random(seed)
    xs = [56.7 + 90.25 * k for k in range(5)]
    ys = [100.0 + 31.5 * k for k in range(8)]
    edges = []
    for row in range(len(ys) - 1):
        for col in range(len(xs) - 1):
            jitter = rng.choice([0.0, 0.0, 0.24, -0.37, 1.9, 2.8])
            x0, x1, top, bottom = xs[col], xs[col + 1], ys[row] + jitter, ys[row + 1]
            edges.append(_edge("h", x0 - 0.5, x1 + 0.5, top, top))
            if rng.random() > 0.2:  # a merged cell has no inner border
                edges.append(_edge("v", x0 + jitter, x0 + jitter, top, bottom))
            if rng.random() > 0.7:
                edges.append(_edge("h", x0, x1 - 4.0, bottom + 0.3, bottom + 0.3))
    edges.append(_edge("v", xs[-1], xs[-1], ys[0], ys[-1]))
    edges.append(_edge("h", 400.0, 420.0, 700.0, 700.0))  # a short rule, far from the table
    rng.shuffle(edges)
    return edges


@pytest.mark.parametrize("seed", range(12))
def test_same_as_pdfplumber(seed: int) -> None:
    edges = _grid(seed)
    assert merge_edges(edges, 3) == geometry.merge_edges(edges, 3, 3, 3, 3)


def test_a_lone_edge_is_kept_as_it_is_and_nothing_is_changed_in_place() -> None:
    edges = [_edge("v", 10.0, 10.0, 5.0, 50.0), _edge("v", 11.5, 11.5, 40.0, 90.0)]
    before = [dict(e) for e in edges]
    merged = merge_edges(edges, 3)
    assert merged == [_edge("v", 10.75, 10.75, 5.0, 90.0)] and edges == before
    assert merge_edges(edges[:1], 3)[0] is edges[0]


def _same_points(edges: list[dict[str, Any]]) -> bool:
    ours = edges_to_intersections(edges, 3, 3)
    theirs = geometry.edges_to_intersections(edges, 3, 3)
    return list(ours) == list(theirs) and all(
        [id(e) for e in ours[p]["v"]] == [id(e) for e in theirs[p]["v"]]
        and [id(e) for e in ours[p]["h"]] == [id(e) for e in theirs[p]["h"]]
        for p in theirs
    )


@pytest.mark.parametrize("seed", range(12))
def test_intersections_same_as_pdfplumber(seed: int) -> None:
    edges = _grid(seed)
    assert _same_points(edges) and _same_points(merge_edges(edges, 3))


def test_intersections_at_the_tolerance_and_with_a_broken_coordinate() -> None:
    edges = [
        _edge("v", 50.0, 50.0, 100.0, 200.0),
        _edge("h", 10.0, 47.0, 97.0, 97.0),  # 3 points off both ends: still meets
        _edge("h", 53.0, 90.0, 203.0, 203.0),
        _edge("h", 10.0, 90.0, 96.9, 96.9),  # just beyond
        _edge("v", 20.0, 20.0, 90.0, 100.0),
    ]
    assert _same_points(edges)
    assert _same_points([*edges, _edge("h", 0.0, 100.0, float("nan"), float("nan"))])


@pytest.mark.parametrize("seed", range(12))
def test_tables_same_as_pdfplumber(seed: int) -> None:
    edges = _grid(seed)
    far = [_edge("h", 400.0, 480.0, 600.0 + k, 600.0 + k) for k in (0.0, 20.0)]
    far += [_edge("v", x, x, 600.0, 620.0) for x in (400.0, 440.0, 480.0)]
    cells = _cells(edges_to_intersections(merge_edges(edges + far, 3), 3, 3))
    random.Random(seed).shuffle(cells)
    assert len(geometry.cells_to_tables(cells)) == 2
    assert cells_to_tables(cells) == geometry.cells_to_tables(cells)
    assert cells_to_tables([]) == [] and cells_to_tables(cells[:1]) == []


def _cells_by_search(points: dict[Any, dict[str, list[Any]]]) -> list[tuple[float, ...]]:
    """The smallest closed cells by trying, for each point, every point below and
    to its right (the plain search ``_cells`` must agree with)."""

    def joined(a: tuple[float, float], b: tuple[float, float], kind: str) -> bool:
        return bool({id(e) for e in points[a][kind]} & {id(e) for e in points[b][kind]})

    cells = []
    for x, y in sorted(points, key=lambda p: (p[1], p[0])):
        below = sorted(b for a, b in points if a == x and b > y)
        right = sorted(a for a, b in points if b == y and a > x)
        found = None
        for by in below:
            if not joined((x, y), (x, by), "v"):
                break
            for rx in right:
                if not joined((x, y), (rx, y), "h"):
                    break
                corner = (rx, by)
                if (
                    corner in points
                    and joined(corner, (x, by), "h")
                    and joined(corner, (rx, y), "v")
                ):
                    found = (x, y, rx, by)
                    break
            if found:
                break
        if found:
            cells.append(found)
    return cells


@pytest.mark.parametrize("seed", range(12))
def test_cells_are_those_of_the_plain_search(seed: int) -> None:
    points = edges_to_intersections(merge_edges(_grid(seed), 3), 3, 3)
    assert _cells(points) == _cells_by_search(points)
    assert len(_cells(points)) > 10
