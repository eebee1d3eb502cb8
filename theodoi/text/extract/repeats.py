"""An appendix table that repeats the body's duties (spec, "Task tables and appendices").

Plans often state their duties as bullets in the body and then repeat them,
one for one and in the same order, as the rows of an appendix table that adds
the lead body and the deadline. Each duty is then one task: the appendix row.
Duties of the body that the appendix does not repeat stay tasks of the body.

WHY an order-preserving alignment and not "the most similar row": a body duty
that merely resembles some row (two plans of the same province reuse their
phrases) must never be dropped. A body duty is dropped only when it is aligned,
in reading order, with a row whose words it contains almost entirely
(``REPEATED``); a bullet split over two consecutive rows is repeated by both.

WHY also "wholly": an appendix that lifts one clause out of each of several long
duties (a summary table of the plan's key outputs) does not repeat the body one
for one; its rows are tasks of their own and the duties stay. The appendix
repeats the body only when most aligned duties are covered, word run by word
run, by their rows (``WHOLLY``), and when they follow one another in the body
rather than being scattered among duties the table does not repeat.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import pairwise

from theodoi.text.model import Task
from theodoi.text.vietnamese import strip_diacritics

#: Share of a row's word pairs (its first ``ROW_WORDS`` words) found in a body duty
#: for the row to repeat it: repeated duties reach 0.9-1.0 (a row drops the duty's
#: subject or abbreviates "Ủy ban nhân dân"); duties of the same theme stay under 0.8.
REPEATED = 0.85
ROW_WORDS = 30
#: An appendix repeats the body when this many of its rows do (or half of them) …
MIN_REPEATS = 3
#: … and when ``SHARE`` of the aligned duties have this share of their words in
#: runs of ``RUN`` words found in their rows (a summary table reaches 0.25-0.65),
#: and the aligned duties make ``SHARE`` of the body's duties from the first of them
#: to the last (a repeating appendix goes through a stretch of the body in turn).
WHOLLY = 0.75
RUN = 3
SHARE = 2 / 3
MAX_CELLS = 1_000_000  # body duties × rows beyond which no alignment is tried


_PEOPLES_COMMITTEE = re.compile(r"(?i)\b(?:ủy|uỷ) ban nhân dân\b")
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=4096)  # a body duty is compared with every appendix, and covered again
def _words(text: str) -> tuple[str, ...]:
    text = _PEOPLES_COMMITTEE.sub("UBND", text)
    return tuple(_WORD.findall(strip_diacritics(text).lower()))


@lru_cache(maxsize=4096)  # a body duty's pairs serve every appendix
def _pairs(words: Sequence[str]) -> frozenset[tuple[str, str]]:
    return frozenset(pairwise(words))


def _repeating(
    duties: list[frozenset[tuple[str, str]]], rows: list[frozenset[tuple[str, str]]]
) -> dict[tuple[int, int], float]:
    """(duty, row) → the share of the row's word pairs found in the duty, where it
    reaches ``REPEATED``. Counted through an index of pairs, since most rows share
    no pair with most duties."""
    holders: dict[tuple[str, str], list[int]] = {}
    for i, duty in enumerate(duties):
        for pair in duty:
            holders.setdefault(pair, []).append(i)
    found: dict[tuple[int, int], float] = {}
    for j, row in enumerate(rows):
        shared = Counter(i for pair in row for i in holders.get(pair, ()))
        for i, count in shared.items():
            if count / len(row) >= REPEATED:
                found[(i, j)] = count / len(row)
    return found


def _appendix_of(task: Task) -> str:
    return task.path.split(".", 1)[0]


def drop_repeated_duties(tasks: list[Task]) -> list[Task]:
    """``tasks`` without the body duties that an appendix table repeats."""
    body = [t for t in tasks if t.source != "table"]
    appendices: dict[str, list[Task]] = {}
    for task in tasks:
        if task.source == "table":
            appendices.setdefault(_appendix_of(task), []).append(task)
    if not body or not appendices:
        return tasks
    dropped: set[int] = set()
    for rows in appendices.values():
        remaining = [t for t in body if id(t) not in dropped]
        dropped.update(id(t) for t in repeated_by(remaining, rows))
    return [t for t in tasks if id(t) not in dropped]


def repeated_by(duties: list[Task], rows: list[Task]) -> list[Task]:
    """The duties that ``rows`` repeat, aligned in reading order (none when the table
    does not repeat the body: fewer than ``MIN_REPEATS`` rows and half of them)."""
    if not duties or not rows or len(duties) * len(rows) > MAX_CELLS:
        return []
    duty_pairs = [_pairs(_words(t.text)) for t in duties]
    row_pairs = [_pairs(_words(t.text)[:ROW_WORDS]) for t in rows]
    aligned = _align(duty_pairs, row_pairs)
    if len(aligned) < min(MIN_REPEATS, (len(rows) + 1) // 2):
        return []
    rows_of: dict[int, list[int]] = {}
    for i, j in aligned:
        rows_of.setdefault(i, []).append(j)
    whole = sum(
        _covered(duties[i].text, [rows[j].text for j in js]) >= WHOLLY for i, js in rows_of.items()
    )
    span = max(rows_of) - min(rows_of) + 1
    if whole < SHARE * len(rows_of) or len(rows_of) < SHARE * span:
        return []  # clauses lifted out of some duties, or scattered look-alikes
    return [duties[i] for i in sorted(rows_of)]


def _covered(duty: str, rows: list[str]) -> float:
    """Share of the duty's words that its rows repeat in runs of ``RUN`` words."""
    words = _words(duty)
    if not words:
        return 0.0
    matcher = SequenceMatcher(None, words, [w for row in rows for w in _words(row)], False)
    return sum(b.size for b in matcher.get_matching_blocks() if b.size >= RUN) / len(words)


def _align(
    duties: list[frozenset[tuple[str, str]]], rows: list[frozenset[tuple[str, str]]]
) -> list[tuple[int, int]]:
    """(duty, row) pairs of the best order-preserving alignment; a duty may take
    several consecutive rows (a bullet split in two), a row at most one duty."""
    n, m = len(duties), len(rows)
    repeating = _repeating(duties, rows)
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    step = [[0] * (m + 1) for _ in range(n + 1)]  # 1 skip duty, 2 skip row, 3/4 match
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            best, how = score[i - 1][j], 1
            if score[i][j - 1] > best:
                best, how = score[i][j - 1], 2
            similarity = repeating.get((i - 1, j - 1), 0.0)
            if similarity:
                if score[i - 1][j - 1] + similarity > best:
                    best, how = score[i - 1][j - 1] + similarity, 3
                if score[i][j - 1] + similarity > best:
                    best, how = score[i][j - 1] + similarity, 4  # the duty's next row
            score[i][j], step[i][j] = best, how
    pairs: list[tuple[int, int]] = []
    i, j = n, m
    while i > 0 and j > 0:
        how = step[i][j]
        if how == 1:
            i -= 1
        elif how == 2:
            j -= 1
        else:
            pairs.append((i - 1, j - 1))
            if how == 3:
                i -= 1
            j -= 1
    return pairs[::-1]
