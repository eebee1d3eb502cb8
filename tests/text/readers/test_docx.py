"""The .docx reader on a real document written by python-docx."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.text.readers import builders
from theodoi.text.readers import read_document
from theodoi.text.source import Paragraph, SourceText, Table


@pytest.fixture(scope="module")
def source(plan_docx: Path) -> SourceText:
    return read_document(plan_docx)


def _by_text(source: SourceText, text: str) -> Paragraph:
    return next(p for p in source.paragraphs if p.text == text)


def test_word_numbering_is_rendered_as_labels(source: SourceText) -> None:
    labels = [(p.label, p.text[:30]) for p in source.paragraphs if p.label]
    assert (
        labels
        == [
            ("I.", "MỤC ĐÍCH, YÊU CẦU"),
            ("1.", "Mục đích"),
            ("II.", "NHIỆM VỤ, GIẢI PHÁP"),
            ("1.", "Công tác tuyên truyền"),  # restarted under a new Roman section
            ("a)", "Đổi mới nội dung tuyên truyền"),
            ("-", "Tổ chức hội nghị quán triệt ở "),
            ("-", "Biên soạn tài liệu hỏi đáp"),
            ("b)", "Nâng cao chất lượng giám sát"),
            ("2.", "Xây dựng khối đại đoàn kết"),
            ("a)", builders.LONG_TASK[:30]),
            ("5.", "Phát triển kinh tế tập thể"),  # w:start 5
            ("5.1.", "Hỗ trợ hợp tác xã"),  # lvlText "%1.%2."
            ("1.", "Danh sách mới bắt đầu lại"),  # w:startOverride
            ("III.", "TỔ CHỨC THỰC HIỆN"),
        ]
    )


def test_label_is_kept_out_of_the_text(source: SourceText) -> None:
    heading = _by_text(source, "NHIỆM VỤ, GIẢI PHÁP")
    assert heading.label == "II."
    assert "II." not in heading.text
    assert "II. NHIỆM VỤ, GIẢI PHÁP" in source.plain_text()


def test_blocks_keep_document_order(source: SourceText) -> None:
    kinds = ["T" if isinstance(b, Table) else "P" for b in source.blocks]
    table_at = kinds.index("T")
    before = source.blocks[table_at - 1]
    after = source.blocks[table_at + 1]
    assert isinstance(before, Paragraph) and before.text == "Danh sách mới bắt đầu lại"
    assert isinstance(after, Paragraph) and after.text == "TỔ CHỨC THỰC HIỆN"


def test_table_rows_with_merged_cells_repeated(source: SourceText) -> None:
    table = next(b for b in source.blocks if isinstance(b, Table))
    assert table.rows[0] == builders.TABLE_HEADER
    assert set(table.rows[1]) == {"I. Nhóm nhiệm vụ về tuyên truyền"}  # gridSpan
    assert table.rows[2] == (
        "1",
        "Tổ chức tuyên truyền sâu rộng",
        "Sở Nội vụ",
        "Các sở, ngành",
        "Quý III/2025",
    )
    assert table.rows[3] == (
        "2",
        "Kiểm tra, giám sát định kỳ",
        "Sở Nội vụ",
        "UBND các huyện",
        "Hằng năm",
    )  # vMerge


def test_legacy_font_runs_are_decoded(source: SourceText) -> None:
    texts = [p.text for p in source.paragraphs]
    assert builders.LEGACY_TCVN3 in texts  # .VnTime
    assert builders.LEGACY_TCVN3_CAPS in texts  # .VnTimeH draws capitals
    assert builders.LEGACY_VNI in texts  # VNI-Times


def test_footnotes_are_separate(source: SourceText) -> None:
    assert source.footnotes == [builders.FOOTNOTE]
    assert not any(builders.FOOTNOTE[:20] in p.text for p in source.paragraphs)


def test_bold_and_caps_flags(source: SourceText) -> None:
    assert _by_text(source, "KẾ HOẠCH").bold
    assert _by_text(source, "MỤC ĐÍCH, YÊU CẦU").bold
    assert not _by_text(source, "Mục đích").bold
    caps = _by_text(source, "Triển khai thực hiện Chương trình hành động")
    assert caps.all_caps_style and not caps.bold
    assert source.input_kind == "docx" and not source.ocr


def test_text_box_read_once_before_its_anchor(source: SourceText) -> None:
    texts = [p.text for p in source.paragraphs]
    assert texts.count(builders.TEXT_BOX_ISSUER) == 1
    assert texts.index(builders.TEXT_BOX_ISSUER) + 1 == texts.index(
        "Hòa Lâm, ngày 05 tháng 9 năm 2024"
    )


def test_legacy_text_without_its_font_name(tmp_path: Path) -> None:
    """TCVN3 text whose .VnTime font was replaced: detected from the text itself."""
    import docx

    from theodoi.text.encodings import encode_legacy

    document = docx.Document()
    for text in (builders.INTRO, builders.LONG_TASK):
        run = document.add_paragraph().add_run(encode_legacy(text, "tcvn3").decode("cp1252"))
        run.font.name = "Times New Roman"
    path = tmp_path / "legacy.docx"
    document.save(path)
    source = read_document(path)
    assert [p.text for p in source.paragraphs] == [builders.INTRO, builders.LONG_TASK]
    assert any("tcvn3" in w for w in source.warnings)


def test_endnotes_follow_footnotes(tmp_path: Path) -> None:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    document = docx.Document()
    paragraph = document.add_paragraph("Căn cứ Nghị quyết số 12/NQ-HĐND của tỉnh Hòa Lâm")
    paragraph._p.append(parse_xml(f'<w:r {builders.NSDECL}><w:endnoteReference w:id="2"/></w:r>'))
    endnotes = (
        f'<w:endnotes {builders.NSDECL}><w:endnote w:id="2"><w:p><w:r>'
        "<w:t>Nghị quyết số 12/NQ-HĐND ngày 10/7/2024.</w:t></w:r></w:p></w:endnote></w:endnotes>"
    )
    part = Part(
        PackURI("/word/endnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
        endnotes.encode("utf-8"),
        document.part.package,
    )
    document.part.relate_to(part, RT.ENDNOTES)
    path = tmp_path / "endnote.docx"
    document.save(path)
    source = read_document(path)
    assert source.footnotes == ["Nghị quyết số 12/NQ-HĐND ngày 10/7/2024."]
    assert source.paragraphs[0].text == "Căn cứ Nghị quyết số 12/NQ-HĐND của tỉnh Hòa Lâm"


def test_empty_auto_numbered_cells_show_their_number(tmp_path: Path) -> None:
    """Word prints the number of an empty numbered paragraph: in an STT column whose
    cells hold only automatic numbers, that number is the row's."""
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "TT", "Nhiệm vụ"
    for row in (1, 2):
        table.cell(row, 0).paragraphs[0].style = document.styles["List Number"]
        table.cell(row, 1).text = f"Việc thứ {row}"
    path = tmp_path / "stt.docx"
    document.save(str(path))
    read = read_document(path)
    rows = next(b for b in read.blocks if isinstance(b, Table)).rows
    assert [r[0] for r in rows] == ["TT", "1.", "2."]
