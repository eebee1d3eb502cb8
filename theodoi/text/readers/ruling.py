"""Ruling lines of a PDF page merged into table borders, as pdfplumber merges them.

pdfplumber's ``merge_edges`` copies every edge dictionary once to snap it and
again to join it, whether it moves or not; a gazette page of framed tables
has hundreds of edges, and that copying cost more than reading the page's
text. This is the same computation (same clusters, same averages, same
order, so the same floats) that copies only the edges that change.

Likewise ``edges_to_intersections`` gives pdfplumber's points without
sorting the horizontal edges again for every vertical one, and tries each
vertical edge only against the horizontal edges near its height; and
``cells_to_tables`` groups cells as pdfplumber does without removing each
cell from the middle of a list.
"""

from __future__ import annotations

import bisect
import itertools
import math
from operator import itemgetter
from typing import Any

Edge = dict[str, Any]
Box = tuple[float, float, float, float]  # x0, top, x1, bottom


def merge_edges(edges: list[Edge], tolerance: float) -> list[Edge]:
    """``pdfplumber.table.merge_edges(edges, t, t, t, t)`` for edges oriented "h" or "v"."""
    vertical = [e for e in edges if e["orientation"] == "v"]
    horizontal = [e for e in edges if e["orientation"] == "h"]
    snapped = _snap(vertical, "x0", "x1", tolerance) + _snap(horizontal, "top", "bottom", tolerance)
    snapped.sort(key=_line_of)
    merged: list[Edge] = []
    for (orientation, _position), group in itertools.groupby(snapped, key=_line_of):
        if orientation == "h":
            merged += _join(list(group), "x0", "x1", tolerance)
        else:
            merged += _join(list(group), "top", "bottom", tolerance)
    return merged


def _line_of(edge: Edge) -> tuple[str, float]:
    if edge["orientation"] == "h":
        return ("h", edge["top"])
    return ("v", edge["x0"])


def _snap(edges: list[Edge], key: str, other: str, tolerance: float) -> list[Edge]:
    """Move each cluster of edges (positions within ``tolerance`` of the next) to
    its mean position; clusters in order of position, edges in input order."""
    cluster_of: dict[float, int] = {}
    index, last = -1, float("-inf")
    for value in sorted({e[key] for e in edges}):
        if value > last + tolerance:
            index += 1
        cluster_of[value] = index
        last = value
    clusters: dict[int, list[Edge]] = {}
    for edge in edges:  # a stable sort by cluster: each cluster's edges in input order
        clusters.setdefault(cluster_of[edge[key]], []).append(edge)
    out: list[Edge] = []
    for number in sorted(clusters):
        cluster = clusters[number]
        mean = sum(map(itemgetter(key), cluster)) / len(cluster)
        for edge in cluster:
            shift = mean - edge[key]
            if shift:
                edge = {**edge, key: edge[key] + shift, other: edge[other] + shift}
            out.append(edge)
    return out


def _join(edges: list[Edge], low: str, high: str, tolerance: float) -> list[Edge]:
    """Edges on one line that touch or overlap (within ``tolerance``) become one."""
    edges = sorted(edges, key=itemgetter(low))
    joined = [edges[0]]
    for edge in edges[1:]:
        last = joined[-1]
        if edge[low] <= last[high] + tolerance:
            if edge[high] > last[high]:
                joined[-1] = _extended(last, high, edge[high])
        else:
            joined.append(edge)
    return joined


def _extended(edge: Edge, high: str, value: float) -> Edge:
    if high == "x1":
        return {**edge, "x1": value, "width": value - edge["x0"]}
    return {**edge, "bottom": value, "height": edge["height"] + (value - edge["bottom"])}


#: Extra height around a vertical edge's span when picking the horizontal edges
#: to try: the exact test still decides, the margin only absorbs float rounding.
_WINDOW_MARGIN = 1.0


def edges_to_intersections(
    edges: list[Edge], x_tolerance: float, y_tolerance: float
) -> dict[tuple[float, float], dict[str, list[Edge]]]:
    """``pdfplumber.table.edges_to_intersections``: the same points, edges and order."""
    vertical = sorted((e for e in edges if e["orientation"] == "v"), key=itemgetter("x0", "top"))
    horizontal = sorted((e for e in edges if e["orientation"] == "h"), key=itemgetter("top", "x0"))
    tops = [h["top"] for h in horizontal]
    if any(map(math.isnan, tops)):  # no order to search in: try every pair
        windows = [(0, len(horizontal))] * len(vertical)
    else:
        windows = [
            (
                bisect.bisect_left(tops, v["top"] - y_tolerance - _WINDOW_MARGIN),
                bisect.bisect_right(tops, v["bottom"] + y_tolerance + _WINDOW_MARGIN),
            )
            for v in vertical
        ]
    intersections: dict[tuple[float, float], dict[str, list[Edge]]] = {}
    for v, (low, high) in zip(vertical, windows, strict=True):
        for h in horizontal[low:high]:
            if (
                v["top"] <= h["top"] + y_tolerance
                and v["bottom"] >= h["top"] - y_tolerance
                and v["x0"] >= h["x0"] - x_tolerance
                and v["x0"] <= h["x1"] + x_tolerance
            ):
                point = intersections.setdefault((v["x0"], h["top"]), {"v": [], "h": []})
                point["v"].append(v)
                point["h"].append(h)
    return intersections


def cells_to_tables(cells: list[Box]) -> list[list[Box]]:
    """``pdfplumber.table.cells_to_tables``: the same groups, cells in the same order.

    A group grows by passes over the cells left, taking each cell that shares
    a corner with it; a pass that takes none closes the group.
    """
    remaining = list(cells)
    tables: list[list[Box]] = []
    while remaining:
        corners: set[tuple[float, float]] = set()
        group: list[Box] = []
        grew = True
        while grew and remaining:
            grew, left = False, []
            for cell in remaining:
                x0, top, x1, bottom = cell
                points = ((x0, top), (x0, bottom), (x1, top), (x1, bottom))
                if not group or any(point in corners for point in points):
                    corners.update(points)
                    group.append(cell)
                    grew = True
                else:
                    left.append(cell)
            remaining = left
        tables.append(group)
    tables.sort(key=lambda table: min((c[1], c[0]) for c in table))
    return [table for table in tables if len(table) > 1]
