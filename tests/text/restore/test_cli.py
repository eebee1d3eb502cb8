"""`theodoi restore` on real files and standard input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from theodoi.cli import main


def test_restores_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "ke-hoach.txt"
    source.write_text("KE HOACH\nThuc hien cong tac dan van\n", encoding="utf-8")
    assert main(["restore", str(source)]) == 0
    assert capsys.readouterr().out == "KẾ HOẠCH\nThực hiện công tác dân vận\n"


def test_missing_file_exits_2_with_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["restore", "/nonexistent/ke-hoach.txt"]) == 2
    assert "file not found: /nonexistent/ke-hoach.txt" in capsys.readouterr().err


def test_directory_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["restore", str(tmp_path)]) == 2
    assert "directory" in capsys.readouterr().err


def test_binary_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "scan.pdf"
    source.write_bytes(b"%PDF-1.7\n\xff\xfe\x00\x81binary")
    assert main(["restore", str(source)]) == 2
    assert "not UTF-8" in capsys.readouterr().err


def test_stdin_dash_and_style() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from theodoi.cli import main; sys.exit(main())",
            "restore",
            "--style",
            "new",
            "-",
        ],
        input=b"hoa giai mau thuan\n",
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8") == "hoà giải mâu thuẫn\n"


def test_wide_context_flag_turns_the_second_pass_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from theodoi.text.restore import context

    monkeypatch.setattr(context, "ENABLED", False)  # put back after the test
    source = tmp_path / "ke-hoach.txt"
    source.write_text("Thuc hien cong tac dan van\n", encoding="utf-8")
    assert main(["restore", "--wide-context", str(source)]) == 0
    assert context.ENABLED
    assert capsys.readouterr().out == "Thực hiện công tác dân vận\n"
