"""A scanned decision's appendix task table, end to end (bench/scanned_decision.py).

The short fictional scan: the appendix alone over two landscape pages, no
header repeated, group rows I and II merged across, row 7 holding only the
theme of its sub-rows 7.1 and 7.2 and broken by the page, coordinating bodies
printed one per line, a "giáp lai" seal on the right margin, skew, grey paper
and noise. OCR'd with Tesseract (slow). The same table scanned with faint rules
(150 dpi, rules at about grey 195 on paper about 230) must still be read as a
table."""

from __future__ import annotations

import shutil

import pytest

from bench.scanned_decision import FAINT_RULES, NNMT, SHORT_ROWS, build_scan, rows_of
from theodoi.text.parse import parse_file
from theodoi.text.readers.convert import soffice_binary

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed"),
    pytest.mark.skipif(soffice_binary() is None, reason="LibreOffice is not installed"),
]


@pytest.fixture(scope="module")
def tasks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    folder = tmp_path_factory.mktemp("scanned-appendix")
    scan = build_scan(folder / "phu-luc.pdf", rows_of(SHORT_ROWS), repeat_header=False, body=False)
    return {t["path"]: t for t in (task.to_json_dict() for task in parse_file(scan).tasks)}


def test_every_row_is_one_task_under_its_group(tasks: dict[str, dict]) -> None:
    """Group rows are path levels, row 7 gives way to its sub-rows (their dots lost
    by OCR are put back), the row cut by the page break is one task."""
    assert sorted(tasks) == sorted(
        ["PL.I.1", "PL.I.2", "PL.I.3", "PL.II.6", "PL.II.7.1", "PL.II.7.2", "PL.II.9"]
    )


def test_bodies_printed_one_per_line_stay_apart(tasks: dict[str, dict]) -> None:
    assert tasks["PL.I.1"]["lead"] == ["Bộ Nông nghiệp và Môi trường"]
    assert tasks["PL.I.1"]["coordinating"] == [
        "Bộ Tư pháp",
        "Bộ Tài chính",
        "Ủy ban nhân dân các tỉnh vùng đồi núi Hòa Lâm",
    ]
    assert tasks["PL.II.9"]["coordinating"][:2] == ["Bộ Quốc phòng", "Bộ Công an"]
    assert len(tasks["PL.II.9"]["coordinating"]) == 3


def test_deadline_column_gives_timing(tasks: dict[str, dict]) -> None:
    assert tasks["PL.I.2"]["timing"] == "Quý IV/2027"
    assert tasks["PL.II.9"]["timing"] == "2027-06-30"
    assert tasks["PL.II.7.1"]["timing"] == "2026 - 2028"


@pytest.fixture(scope="module")
def faint_tasks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    folder = tmp_path_factory.mktemp("scanned-appendix-faint")
    scan = build_scan(
        folder / "phu-luc-faint.pdf",
        rows_of(SHORT_ROWS),
        repeat_header=False,
        body=False,
        damage=FAINT_RULES,
    )
    tasks = (task.to_json_dict() for task in parse_file(scan).tasks)
    return {t["path"]: t for t in tasks if t["source"] == "table"}


def _by_number(tasks: dict[str, dict], number: str) -> dict:
    """The task whose path ends with the row's number (its group may be misread:
    a bold "II." at 150 dpi comes out as "H.")."""
    found = [
        t
        for path, t in tasks.items()
        if path.split(".")[-1] == number and not path.split(".")[-2].isdigit()
    ]
    assert len(found) == 1, sorted(tasks)
    return found[0]


def test_faint_rules_still_give_one_task_per_row(faint_tasks: dict[str, dict]) -> None:
    """Read as plain text (no grid found), every line of a cell became a task."""
    assert len(faint_tasks) <= 9, sorted(faint_tasks)
    for number in ("2", "3", "6", "9"):
        assert _by_number(faint_tasks, number)


def test_faint_rules_keep_bodies_and_deadlines_in_their_cells(
    faint_tasks: dict[str, dict],
) -> None:
    second = _by_number(faint_tasks, "2")
    assert second["lead"] == [NNMT]
    assert second["coordinating"] == ["Bộ Tài chính", "Bộ Công Thương"]
    assert second["timing"] == "Quý IV/2027"
    ninth = _by_number(faint_tasks, "9")
    assert ninth["coordinating"][:2] == ["Bộ Quốc phòng", "Bộ Công an"]
    assert ninth["timing"] == "2027-06-30"
