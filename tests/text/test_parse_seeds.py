"""The five real seed plans (read from ../shared/seeds, never copied here).

Structural checks only — accuracy is measured by bench/extraction.py against
the gold annotations. Skipped when the shared folder is absent.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from theodoi.text.parse import parse_file

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

pytestmark = pytest.mark.seeds


def _seed(prefix: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed documents not found at {SEEDS}")
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    return found[0]


@cache
def _parse(prefix: str) -> dict[str, Any]:
    return parse_file(_seed(prefix)).to_json_dict()


def test_seed_002_clean_plan() -> None:
    data = _parse("002")
    assert not data["restored"]
    doc = data["document"]
    assert doc["number"].endswith("/KH-UBND") and doc["kind"] == "ke_hoach"
    assert doc["date"] and doc["place"]
    paths = [t["path"] for t in data["tasks"]]
    assert "III.2.2.a" in paths and "III.2.2.k" in paths and "III.2.2" not in paths
    by_path = {t["path"]: t for t in data["tasks"]}
    assert by_path["III.2.2.a"]["lead"] and by_path["III.2.2.a"]["coordinating"]
    # one responsibility line after 5.3 covers 5.1–5.3
    assert by_path["III.5.1"]["lead"] == by_path["III.5.3"]["lead"] != []
    assert data["focal_agency"]
    assert any(r["due"] for r in data["reporting"])


def test_seed_003_program_numbered_twice() -> None:
    data = _parse("003")
    assert data["document"]["kind"] == "chuong_trinh"
    assert any("numbered twice" in w for w in data["warnings"])
    sections = {t["path"].split(".")[0].split("-")[0] for t in data["tasks"]}
    assert sections == {"III", "IV"}
    assert len(data["document"]["references"]) >= 10


def test_seed_004_pdf_text_with_footnotes() -> None:
    data = _parse("004")
    refs = data["document"]["references"]
    assert "21-KH/TW" in refs and "42-CTr/TU" in refs  # numbers broken across lines
    assert data["document"]["implements"][:1] == ["80-CTr/TU"]
    tasks = data["tasks"]
    assert all("Theo đề nghị" not in t["text"] for t in tasks)  # footnote text kept out
    bullets = [t for t in tasks if t["path"].startswith("III.2-")]
    assert len(bullets) >= 8
    assert bullets[0]["implementing"] == bullets[5]["implementing"] != []


@pytest.mark.slow
@pytest.mark.parametrize("prefix", ["000", "001"])
def test_damaged_seeds_are_restored(prefix: str) -> None:
    pytest.importorskip("theodoi.text.restore")
    data = _parse(prefix)
    assert data["restored"]
    assert len(data["tasks"]) >= 30
    assert any(t["path"].startswith("III") for t in data["tasks"])
