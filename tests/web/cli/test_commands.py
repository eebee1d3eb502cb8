"""The ``theodoi`` command offers the web commands and runs them."""

import subprocess
import sys
from pathlib import Path

from theodoi.cli import build_parser

ROOT = Path(__file__).resolve().parents[3]
THEODOI = str(Path(sys.executable).parent / "theodoi")  # the installed console script


def test_help_lists_the_web_commands() -> None:
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert {"serve", "migrate", "demo", "manage"} <= set(commands)


def test_manage_passes_through_to_django(tmp_path: Path) -> None:
    result = subprocess.run(
        [THEODOI, "manage", "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "THEODOI_DATA_DIR": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_serve_rejects_a_bad_port() -> None:
    result = subprocess.run(
        [THEODOI, "serve", "--port", "70000"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    assert "70000" in result.stderr
