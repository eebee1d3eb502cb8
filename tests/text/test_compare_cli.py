"""`theodoi compare A B --json` on files, through the real entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "coverage"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "import sys; from theodoi.cli import main; sys.exit(main())", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_json_pairs_themes_and_nests_tasks() -> None:
    done = _run(
        "compare", str(FIXTURES / "ctr-tinh-uy.txt"), str(FIXTURES / "kh-ubnd.txt"), "--json"
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert {p["a"]: p["b"] for p in data["pairs"]} == {
        "II.1": "II.2",
        "II.2": "II.3",
        "II.3": None,
        "II.4": "II.1",
        "II.5": None,
    }
    assert data["uncovered_in_a"] == ["II.3", "II.5"]
    assert data["uncovered_in_b"] == ["II.4"]
    first = data["pairs"][0]
    assert [t["a"] for t in first["tasks"]] == ["II.1.a", "II.1.b"]
    assert [t["b"] for t in first["tasks"]] == ["II.2.a", "II.2.b"]
    assert all(isinstance(p["score"], float) for p in data["pairs"])


def test_text_output_and_bad_input(tmp_path: Path) -> None:
    done = _run("compare", str(FIXTURES / "ctr-tinh-uy.txt"), str(FIXTURES / "kh-ubnd.txt"))
    assert done.returncode == 0, done.stderr
    assert "II.4" in done.stdout and "→ II.1" in done.stdout
    empty = tmp_path / "empty.txt"
    empty.write_text("Không có nội dung gì\n", encoding="utf-8")
    bad = _run("compare", str(empty), str(FIXTURES / "kh-ubnd.txt"), "--json")
    assert bad.returncode == 2
    assert "empty.txt" in bad.stderr and bad.stdout == ""


def test_the_json_of_theodoi_parse_is_accepted(tmp_path: Path) -> None:
    parsed = _run("parse", str(FIXTURES / "kh-ubnd.txt"), "--json")
    assert parsed.returncode == 0, parsed.stderr
    saved = tmp_path / "kh-ubnd.json"
    saved.write_text(parsed.stdout, encoding="utf-8")
    done = _run("compare", str(FIXTURES / "ctr-tinh-uy.txt"), str(saved), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["uncovered_in_b"] == ["II.4"]
    other = tmp_path / "other.json"
    other.write_text('{"results": []}', encoding="utf-8")
    bad = _run("compare", str(other), str(saved))
    assert bad.returncode == 2 and "theodoi parse --json" in bad.stderr
    damaged = json.loads(parsed.stdout)
    damaged["tasks"][1]["lead"] = "Sở Nội vụ"
    broken = tmp_path / "damaged.json"
    broken.write_text(json.dumps(damaged, ensure_ascii=False), encoding="utf-8")
    refused = _run("compare", str(broken), str(saved))
    assert refused.returncode == 2
    assert '"lead" in task 2 of the parse result is not a list of strings' in refused.stderr
