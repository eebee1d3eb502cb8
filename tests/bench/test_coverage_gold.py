"""The coverage gold is well formed and bench/coverage.py scores it right
(no shared documents needed)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bench.coverage import GOLD_DIR, Score, score_pair
from theodoi.text.match.compare import Comparison, TaskMatch, ThemePair
from theodoi.text.match.plan import TaskText, Theme

GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))
PATH = re.compile(r"^(?:PL\d*\.)?[IVXLC\d]+(?:[.\-~](?:\d+|[a-zđ]))*$")


def test_there_is_gold_for_related_and_unrelated_pairs() -> None:
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in GOLD_FILES]
    assert sum(g["relation"] != "unrelated" for g in golds) >= 3
    assert any(g["relation"] == "unrelated" for g in golds)
    assert sum(g["a"].startswith("seeds/") and g["b"].startswith("seeds/") for g in golds) >= 2


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_file_is_well_formed(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert {"a", "b", "relation", "themes_a", "themes_b"} <= set(gold)
    a_themes, b_themes = gold["themes_a"], gold["themes_b"]
    for mapping, other in ((a_themes, b_themes), (b_themes, a_themes)):
        for key, value in mapping.items():
            assert PATH.match(key), key
            assert value is None or value in other, (key, value)
    # one-to-one: the two directions agree
    for key, value in a_themes.items():
        if value is not None:
            assert b_themes[value] == key
    for key, accepted in gold.get("tasks", {}).items():
        assert PATH.match(key) and isinstance(accepted, list)
        assert all(PATH.match(p) for p in accepted)
    for note in gold.get("keys", {}).values():
        assert len(note.split()) <= 6, note  # a few words, never the document's sentences


def test_scoring_arithmetic() -> None:
    a1, a2 = Theme("II.1", "x", [TaskText("II.1.a", "x")]), Theme("II.2", "y")
    b1, b2 = Theme("1", "x", [TaskText("1.a", "x")]), Theme("2", "z")
    result = Comparison(
        "lexical",
        [
            ThemePair(a1, b1, 0.9, [TaskMatch(a1.tasks[0], b1.tasks[0], 0.8)]),
            ThemePair(a2, b2, 0.3, []),
        ],
        [],
    )
    gold = {
        "relation": "test",
        "themes_a": {"II.1": "1", "II.2": None},
        "themes_b": {"1": "II.1", "2": None},
        "tasks": {"II.1.a": ["1.a"]},
    }
    score = Score()
    score_pair(gold, result, score, "t")
    assert (score.themes_right, score.themes) == (2, 4)  # II.2 and 2 were paired wrongly
    assert (score.tasks_found, score.tasks_gold, score.tasks_predicted_right) == (1, 1, 1)
