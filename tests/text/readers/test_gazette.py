"""Real signed gazette PDFs (text layer) with task tables, from ../shared/corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from theodoi.text.readers import read_document
from theodoi.text.source import Table

pytestmark = pytest.mark.slow

GAZETTE = Path(__file__).resolve().parents[3].parent / "shared" / "corpus" / "gazette" / "docs"
PDFS = sorted(GAZETTE.glob("*/*.pdf")) if GAZETTE.is_dir() else []


def _norm(cell: str) -> str:
    return " ".join(cell.lower().split())


@pytest.mark.skipif(not PDFS, reason=f"gazette corpus not found at {GAZETTE}")
@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem[:30])
def test_task_tables_and_clean_body(pdf: Path) -> None:
    source = read_document(pdf)
    assert source.input_kind == "pdf" and not source.ocr
    tables = [b for b in source.blocks if isinstance(b, Table)]
    task_tables = [
        t
        for t in tables
        if _norm(t.rows[0][0]) in {"tt", "stt"}
        and any("chủ trì" in _norm(c) for c in t.rows[0])
        and any("phối hợp" in _norm(c) for c in t.rows[0])
    ]
    assert task_tables, f"no task table; headers: {[t.rows[0] for t in tables]}"
    numbered = [r for t in task_tables for r in t.rows if r[0].rstrip(".").isdigit()]
    assert len(numbered) >= 3
    assert all(len({len(r) for r in t.rows}) == 1 for t in task_tables)  # rectangular
    texts = [p.text for p in source.paragraphs]
    assert not any(t.upper().startswith("CÔNG BÁO") for t in texts)  # running head
    assert not any(t.isdigit() for t in texts)  # page numbers
    assert not any(t.startswith("Ký bởi") for t in texts)  # e-signature stamp
