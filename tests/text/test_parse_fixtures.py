"""Fictional plans in tests/fixtures/plans parse to their hand-written expectations.

Each ``NAME.txt`` (or markdown transcription ``NAME.md``) has a
``NAME.expected.json`` written by reading the plan against docs/extraction-spec.md
(not by running the parser). Only the fields listed in the expectation are compared.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from theodoi.text.parse import parse_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "plans"
CASES = sorted(
    p
    for p in [*FIXTURES.glob("*.txt"), *FIXTURES.glob("*.md")]
    if p.with_suffix(".expected.json").exists()
)


def _load(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    return parse_file(path).to_json_dict(), expected


def _paths(nodes: list[dict[str, Any]]) -> list[str]:
    out: list[str] = []
    for node in nodes:
        out.append(node["path"])
        out.extend(_paths(node["children"]))
    return out


def test_there_are_fixtures() -> None:
    assert len(CASES) >= 4


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_document_metadata(path: Path) -> None:
    got, expected = _load(path)
    for field, value in expected["document"].items():
        assert got["document"][field] == value, field


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_tasks_and_responsibility(path: Path) -> None:
    got, expected = _load(path)
    assert [t["path"] for t in got["tasks"]] == [t["path"] for t in expected["tasks"]]
    for task, want in zip(got["tasks"], expected["tasks"], strict=True):
        assert task["text"].startswith(want["text_start"]), task["path"]
        for role in ("lead", "coordinating", "implementing", "timing"):
            assert task[role] == want[role], (task["path"], role)
        assert want["text_start"].split()[0] in task["text"].split("\n")[0]


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_focal_agency_and_reporting(path: Path) -> None:
    got, expected = _load(path)
    assert got["focal_agency"] == expected["focal_agency"]
    key = lambda r: (r["from"], r["to"], r["via"], r["recurrence"], r["due"])  # noqa: E731
    assert sorted(map(key, got["reporting"]), key=str) == sorted(
        map(key, expected["reporting"]), key=str
    )


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_warnings_and_extras(path: Path) -> None:
    got, expected = _load(path)
    for needle in expected.get("warnings_contain", []):
        assert any(needle in w for w in got["warnings"]), needle
    for needle in expected.get("warnings_absent", []):
        assert not any(needle in w for w in got["warnings"]), needle
    if "outline_paths" in expected:
        assert _paths(got["outline"]) == expected["outline_paths"]
    tasks = {t["path"]: t for t in got["tasks"]}
    for task_path, keys in expected.get("lead_keys", {}).items():
        assert tasks[task_path]["lead_keys"] == keys
    for task_path, keys in expected.get("coordinating_keys", {}).items():
        assert tasks[task_path]["coordinating_keys"] == keys
    for task_path, value in expected.get("timing_normalized", {}).items():
        assert tasks[task_path]["timing_normalized"] == value
    for task_path, needles in expected.get("text_not_contains", {}).items():
        for needle in needles:
            assert needle not in tasks[task_path]["text"]


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_output_is_json_and_nfc(path: Path) -> None:
    import unicodedata

    got, _ = _load(path)
    text = json.dumps(got, ensure_ascii=False)
    assert unicodedata.normalize("NFC", text) == text
    assert set(got) >= {
        "source",
        "restored",
        "document",
        "focal_agency",
        "reporting",
        "outline",
        "tasks",
    }
