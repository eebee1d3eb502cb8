"""``theodoi status`` and ``theodoi report`` through the real CLI entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document as open_docx

from tests.web.dashboards.scenario import EXPECTED_2024, EXPECTED_2025, Scenario
from theodoi.cli import main


def test_status_json_by_number(scenario: Scenario, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "77/KH-UBND", "--period", "2025", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == EXPECTED_2025


def test_status_json_by_id(scenario: Scenario, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", str(scenario.document.pk), "--period", "2024", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == EXPECTED_2024


def test_status_text_is_vietnamese(scenario: Scenario, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "77/kh-ubnd", "--period", "2025"]) == 0
    out = capsys.readouterr().out
    assert "Đơn vị đã báo cáo đủ: 3/4" in out
    assert "Hoàn thành quá hạn" in out
    assert "20/11/2025" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["status", "999/KH-XYZ", "--period", "2025"], "Không tìm thấy văn bản"),
        (["status", "77/KH-UBND", "--period", "2019"], "không có kỳ báo cáo năm 2019"),
    ],
)
def test_unknown_document_or_period_exits_2(
    scenario: Scenario, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_report_writes_a_docx(
    scenario: Scenario, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "bao-cao.docx"
    assert main(["report", "77/KH-UBND", "--period", "2025", "-o", str(target)]) == 0
    text = "\n".join(p.text for p in open_docx(str(target)).paragraphs)
    assert "BÁO CÁO" in text
    assert "3/4 cơ quan, đơn vị đã gửi đủ báo cáo" in text


def test_report_refuses_other_suffix(
    scenario: Scenario, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "77/KH-UBND", "--period", "2025", "-o", str(tmp_path / "x.txt")]) == 2
    assert "“.txt” is not one of them" in capsys.readouterr().err
    assert not (tmp_path / "x.txt").exists()


def test_report_annex_as_xlsx_and_csv(scenario: Scenario, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    xlsx, csv_file = tmp_path / "phu-luc.xlsx", tmp_path / "phu-luc.csv"
    assert main(["report", "77/KH-UBND", "--period", "2025", "-o", str(xlsx)]) == 0
    assert main(["report", "77/KH-UBND", "--period", "2025", "-o", str(csv_file)]) == 0
    book = load_workbook(xlsx)
    assert book.sheetnames == ["Phụ lục", "Đơn vị"]
    lines = csv_file.read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0].startswith("TT,Nhiệm vụ số,Nội dung nhiệm vụ,Đơn vị")
    assert len(lines) == 1 + 7  # seven owed (task, unit) pairs; III.1 is not tracked


def test_report_checks_the_format_before_django(tmp_path: Path) -> None:
    """In a fresh process (as a person runs it), a wrong extension is refused
    before Django is set up: the check imports nothing of the web app."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, THEODOI_DATA_DIR=str(tmp_path))
    env.pop("DJANGO_SETTINGS_MODULE", None)
    code = "import sys; from theodoi.cli import main; sys.exit(main(sys.argv[1:]))"
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            "report",
            "1",
            "--period",
            "2025",
            "-o",
            str(tmp_path / "x.txt"),
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2, done.stderr
    assert "is not one of them" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.slow
def test_report_as_pdf_through_libreoffice(scenario: Scenario, tmp_path: Path) -> None:
    from theodoi.text.readers.convert import soffice_binary

    if soffice_binary() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    target = tmp_path / "bao-cao.pdf"
    assert main(["report", "77/KH-UBND", "--period", "2025", "-o", str(target)]) == 0
    assert target.read_bytes().startswith(b"%PDF")
    assert not (tmp_path / "bao-cao.pdf.part").exists()
