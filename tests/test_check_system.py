"""scripts/check_system.py names what is missing and the package that brings it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "check_system.py"


def run_check(tmp_path: Path, lines: list[str], *args: str) -> subprocess.CompletedProcess[str]:
    requirements = tmp_path / "requirements.tsv"
    requirements.write_text("# a comment\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--list", str(requirements), *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_missing_command_and_font_are_named_with_their_packages(tmp_path: Path) -> None:
    done = run_check(
        tmp_path,
        [
            "command\tsh\tdash\tthe shell",
            "command\ttheodoi-no-such-tool\ttheodoi-tool-package\ta tool nobody has",
            "font\tTheodoi No Such Family\ttheodoi-font-package\ta font nobody has",
        ],
    )
    assert done.returncode == 1
    assert "theodoi-no-such-tool" in done.stderr
    assert "apt-get install theodoi-tool-package" in done.stderr
    # fc-match falls back to another family: that must still count as missing.
    assert "Theodoi No Such Family" in done.stderr
    assert "theodoi-font-package" in done.stderr
    assert "dash" not in done.stderr


def test_all_present_passes(tmp_path: Path) -> None:
    done = run_check(tmp_path, ["command\tsh\tdash\tthe shell"])
    assert done.returncode == 0, done.stderr
    assert "all 1" in done.stdout


def test_packages_are_listed_once_for_the_makefile(tmp_path: Path) -> None:
    done = run_check(
        tmp_path,
        ["command\tpdftoppm\tpoppler-utils", "command\tpdftotext\tpoppler-utils"],
        "--packages",
    )
    assert done.stdout.split() == ["poppler-utils"]


def test_the_project_list_is_well_formed() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--packages"], capture_output=True, text=True, check=True
    )
    packages = done.stdout.split()
    assert "fonts-liberation2" in packages  # Times New Roman metrics with Vietnamese letters
    assert "tesseract-ocr-vie" in packages


def test_a_shared_library_is_found_by_name(tmp_path: Path) -> None:
    found = run_check(tmp_path, ["library\tc\tlibc6\tthe C library"])
    assert found.returncode == 0, found.stdout + found.stderr
    missing = run_check(tmp_path, ["library\tno-such-lib-xyz\tlibxyz0\tcharts"])
    assert missing.returncode != 0
    assert "library 'no-such-lib-xyz': apt-get install libxyz0" in missing.stdout + missing.stderr
