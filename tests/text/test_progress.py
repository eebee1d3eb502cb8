"""Progress of a long read: the OCR loop reports pages done out of pages to
read, in the process and across the sandbox's child process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.text.readers.scans import scanned_plan_pdf
from theodoi.text.progress import report, reporting
from theodoi.text.readers.limits import Deadline
from theodoi.text.readers.ocr import ocr_pdf_pages
from theodoi.text.source import InputError


def test_report_reaches_only_the_listener_of_the_block() -> None:
    heard: list[tuple[int, int]] = []
    report(1, 9)  # nobody listens: nothing happens
    with reporting(lambda done, total: heard.append((done, total))):
        report(2, 5)
    report(3, 5)
    assert heard == [(2, 5)]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed")
def test_ocr_loop_reports_every_page(tmp_path: Path) -> None:
    pdf = scanned_plan_pdf(tmp_path)
    heard: list[tuple[int, int]] = []
    read: list[Path] = []

    def engine(image: Path, timeout: float) -> str:
        read.append(image)
        assert heard[-1] == (len(read) - 1, 3)  # reported before the next page is read
        return f"trang {len(read)}"

    with reporting(lambda done, total: heard.append((done, total))):
        found = ocr_pdf_pages(pdf.read_bytes(), [1, 2, 3], Deadline(60), engine)
    assert heard == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert [p.text for n in sorted(found) for p in found[n]] == ["trang 1", "trang 2", "trang 3"]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
def test_sandbox_child_passes_its_progress_to_the_parent(tmp_path: Path) -> None:
    from theodoi.text.sandbox import parse_isolated

    heard: list[tuple[int, int]] = []
    _result, text = parse_isolated(
        scanned_plan_pdf(tmp_path), on_progress=lambda d, t: heard.append((d, t))
    )
    assert heard == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert "Phòng Kinh tế" in text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed")
def test_each_page_of_a_scan_gets_its_own_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long scan on a busy machine must not fail because a text document's 300 s ran
    out: the deadline is pushed back to a budget per page to OCR."""
    monkeypatch.setenv("THEODOI_OCR_PAGE_SECONDS", "100")
    pdf = scanned_plan_pdf(tmp_path)
    offered: list[float] = []

    def engine(image: Path, timeout: float) -> str:
        offered.append(timeout)
        return "trang"

    ocr_pdf_pages(pdf.read_bytes(), [1, 2, 3], Deadline(5), engine)
    assert offered[0] > 250  # 3 pages × 100 s, not the 5 s the document had


def test_a_deadline_pushed_back_also_moves_the_alarm() -> None:
    import time

    from theodoi.text.readers.limits import alarm

    deadline = Deadline(0.2)
    with alarm(deadline):  # would interrupt at 0.2 s + 1 s
        deadline.allow_at_least(5)
        time.sleep(1.6)
    assert deadline.remaining() > 0
    with pytest.raises(InputError, match="time limit"), alarm(Deadline(0.0)):
        time.sleep(1.6)
