"""Text-layer PDFs made by LibreOffice from the test plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.text.readers import builders
from theodoi.text.readers import read_document
from theodoi.text.source import SourceText, Table

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def source(plan_pdf: Path) -> SourceText:
    return read_document(plan_pdf)


def test_wrapped_lines_are_joined_into_paragraphs(source: SourceText) -> None:
    texts = [p.text for p in source.paragraphs]
    assert texts.count(builders.LONG_TASK) == 3  # three body paragraphs, each wrapped
    assert builders.INTRO in texts
    assert f"a) {builders.LONG_TASK}" in texts


def test_list_labels_stay_with_their_items(source: SourceText) -> None:
    texts = [p.text for p in source.paragraphs]
    for expected in [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NHIỆM VỤ, GIẢI PHÁP",
        "1. Công tác tuyên truyền",
        "a) Đổi mới nội dung tuyên truyền",
        "- Tổ chức hội nghị quán triệt ở cơ sở",
        "b) Nâng cao chất lượng giám sát",
        "5.1. Hỗ trợ hợp tác xã",
    ]:
        assert expected in texts
    heading = next(p for p in source.paragraphs if p.text == "II. NHIỆM VỤ, GIẢI PHÁP")
    assert heading.bold


def test_page_furniture_is_removed(source: SourceText) -> None:
    texts = [p.text for p in source.paragraphs]
    assert not any("BẢN TIN" in t for t in texts)  # running header on every page
    assert not any(t.isdigit() for t in texts)  # page numbers
    assert {p.page for p in source.paragraphs} == {1, 2}


def test_footnote_is_separated(source: SourceText) -> None:
    assert source.footnotes == [builders.FOOTNOTE]
    assert not any("27/2023/QĐ-UBND" in p.text for p in source.paragraphs)
    assert builders.INTRO in [p.text for p in source.paragraphs]  # reference mark dropped


def test_table_rows(source: SourceText) -> None:
    tables = [b for b in source.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    rows = tables[0].rows
    assert rows[0] == builders.TABLE_HEADER
    assert set(rows[1]) == {"I. Nhóm nhiệm vụ về tuyên truyền"}
    assert rows[2] == (
        "1",
        "Tổ chức tuyên truyền sâu rộng",
        "Sở Nội vụ",
        "Các sở, ngành",
        "Quý III/2025",
    )
    assert rows[3] == ("2", "Kiểm tra, giám sát định kỳ", "Sở Nội vụ", "UBND các huyện", "Hằng năm")
    assert source.input_kind == "pdf" and not source.ocr


def test_pdf_printed_from_a_legacy_font_document(docs_dir: Path) -> None:
    """A .VnTime document printed to PDF keeps TCVN3 bytes as Latin-1 letters."""
    import docx

    from theodoi.text.encodings import encode_legacy

    document = docx.Document()
    for text in (builders.INTRO, builders.LONG_TASK):
        run = document.add_paragraph().add_run(encode_legacy(text, "tcvn3").decode("cp1252"))
        run.font.name = ".VnTime"
    source_docx = docs_dir / "legacy-print.docx"
    document.save(source_docx)
    source = read_document(builders.libreoffice_convert(source_docx, "pdf", docs_dir))
    assert any("tcvn3" in w for w in source.warnings)
    texts = [p.text for p in source.paragraphs]
    # TCVN3 "ư" is byte 0xAD, a soft hyphen that renderers hide: it is lost in
    # print, and only in print. Everything else must come back.
    assert texts == [t.replace("ư", "") for t in (builders.INTRO, builders.LONG_TASK)]
