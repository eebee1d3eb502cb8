"""Seed plans rendered to .docx and PDF and read back: no word may be lost."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import docx
import pytest

from tests.text.readers import builders
from theodoi.text.readers import read_document
from theodoi.text.vietnamese import normalize_text

pytestmark = [pytest.mark.slow, pytest.mark.seeds]

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"


def _seed(prefix: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seeds not found at {SEEDS}")
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    return found[0]


def _words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", normalize_text(text).lower()))


def _recall(expected: Counter[str], got: Counter[str]) -> float:
    return sum((expected & got).values()) / sum(expected.values())


@pytest.mark.parametrize("prefix", ["002", "004"])
def test_seed_round_trip(prefix: str, tmp_path: Path) -> None:
    lines = [ln.strip() for ln in _seed(prefix).read_text(encoding="utf-8").splitlines()]
    lines = [ln for ln in lines if ln]
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    path = tmp_path / f"seed-{prefix}.docx"
    document.save(path)
    expected = _words("\n".join(lines))

    from_docx = read_document(path)
    assert [p.text for p in from_docx.paragraphs] == [normalize_text(ln) for ln in lines]

    if builders.soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    pdf = builders.libreoffice_convert(path, "pdf", tmp_path)
    from_pdf = read_document(pdf)
    assert _recall(expected, _words(from_pdf.plain_text())) > 0.995
    # Wrapped lines came back as whole paragraphs, not as page-width lines.
    assert len(from_pdf.paragraphs) < 1.2 * len(lines)
