"""Old Word .doc files go through LibreOffice and keep numbering and tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.text.readers import builders
from theodoi.text.readers import read_document
from theodoi.text.source import Table

pytestmark = pytest.mark.slow


def test_doc_is_converted_and_read(docs_dir: Path) -> None:
    if builders.soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    source_docx = builders.build_plan_docx(docs_dir / "plan-for-doc.docx", legacy=False)
    doc = builders.libreoffice_convert(source_docx, "doc:MS Word 97", docs_dir)
    source = read_document(doc)
    assert source.input_kind == "doc"
    labels = {(p.label, p.text) for p in source.paragraphs if p.label}
    assert ("II.", "NHIỆM VỤ, GIẢI PHÁP") in labels
    assert ("a)", "Đổi mới nội dung tuyên truyền") in labels
    table = next(b for b in source.blocks if isinstance(b, Table))
    assert table.rows[0] == builders.TABLE_HEADER
    assert source.footnotes == [builders.FOOTNOTE]


@pytest.mark.parametrize("fmt", ["odt", "rtf"])
def test_other_word_processor_formats(fmt: str, docs_dir: Path) -> None:
    if builders.soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    source_docx = builders.build_plan_docx(docs_dir / f"plan-for-{fmt}.docx", legacy=False)
    converted = builders.libreoffice_convert(source_docx, fmt, docs_dir)
    source = read_document(converted)
    assert source.input_kind == "doc"
    texts = [p.text for p in source.paragraphs]
    assert "NHIỆM VỤ, GIẢI PHÁP" in texts
    assert builders.LONG_TASK in texts
