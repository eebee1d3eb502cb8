"""`theodoi parse FILE [--json]` through the real console entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "plans" / "kh-ubnd-hoa-lam.txt"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from theodoi.cli import main; sys.exit(main())",
            "parse",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_json_output() -> None:
    done = _run(str(FIXTURE), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["document"]["number"] == "1507/KH-UBND"
    assert data["source"] == FIXTURE.name
    assert [t["path"] for t in data["tasks"]][:2] == ["II.1.1", "II.1.2"]


def test_readable_outline() -> None:
    done = _run(str(FIXTURE))
    assert done.returncode == 0, done.stderr
    assert "1507/KH-UBND" in done.stdout
    assert "II.2.b" in done.stdout and "lead: Sở Tư pháp" in done.stdout


def test_bad_input_exits_2_with_one_message(tmp_path: Path) -> None:
    done = _run(str(tmp_path / "nothing.docx"))
    assert done.returncode == 2
    assert done.stdout == ""
    assert "nothing.docx" in done.stderr and "Traceback" not in done.stderr
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\x00" * 100)
    done = _run(str(junk))
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_readable_outline_lists_the_doubtful_tasks() -> None:
    plan = FIXTURE.parent / "confidence-doubts.txt"
    done = _run(str(plan))
    assert done.returncode == 0, done.stderr
    assert "to check first (2): II.4, II.2" in done.stdout
    assert "! check: body_vague (các đơn vị có liên quan); timing_unparsed" in done.stdout
