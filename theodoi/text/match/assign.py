"""One-to-one assignment maximising total similarity (Hungarian method).

Pure Python, O(n³): plans have tens of themes and at most a few hundred
tasks, so no numeric library is needed.
"""

from __future__ import annotations

from collections.abc import Sequence


def assign(scores: Sequence[Sequence[float]]) -> list[int | None]:
    """For each row, the column assigned to it (None when there are more
    rows than columns and the row got none)."""
    n_rows = len(scores)
    n_cols = len(scores[0]) if n_rows else 0
    if not n_rows or not n_cols:
        return [None] * n_rows
    size = max(n_rows, n_cols)
    top = max(max(row) for row in scores)
    cost = [
        [(top - scores[i][j]) if i < n_rows and j < n_cols else top for j in range(size)]
        for i in range(size)
    ]
    # Jonker-style shortest augmenting path (the classic e-maxx formulation), 1-based.
    inf = float("inf")
    u = [0.0] * (size + 1)
    v = [0.0] * (size + 1)
    p = [0] * (size + 1)
    way = [0] * (size + 1)
    for i in range(1, size + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (size + 1)
        used = [False] * (size + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = inf
            j1 = 0
            for j in range(1, size + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(size + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    result: list[int | None] = [None] * n_rows
    for j in range(1, size + 1):
        i = p[j] - 1
        if i < n_rows and j - 1 < n_cols:
            result[i] = j - 1
    return result
