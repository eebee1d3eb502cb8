"""Does the text layer hold the page? A signed scan and a mojibake layer go to OCR."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.text.readers.test_ocr import _recall
from theodoi.text.readers import read_document
from theodoi.text.readers.pdf import Line, _mojibake, _only_stamp


def _add_stamp(pdf_path: Path, out: Path, lines: list[str]) -> Path:
    """Write a digital-signature stamp as real text over the page image (what
    a ký số tool does to a scan)."""
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    pdf = pypdfium2.PdfDocument(str(pdf_path))
    page = pdf[0]
    for k, text in enumerate(lines):
        obj = pdfium_c.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", 9.0)
        buffer = (text + "\0").encode("utf-16-le")
        pdfium_c.FPDFText_SetText(obj, pypdfium2.raw.cast(buffer, pdfium_c.FPDF_WIDESTRING))
        pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 40, 60 - 12 * k)
        pdfium_c.FPDFPage_InsertObject(page.raw, obj)
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    pdf.save(str(out))
    pdf.close()
    return out


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
def test_signed_scan_is_ocred_not_read_as_its_stamp(scan_pdf: Path, docs_dir: Path) -> None:
    stamped = _add_stamp(
        scan_pdf,
        docs_dir / "signed-scan.pdf",
        ["Nguoi ky: Nguyen Van A", "Co quan: UBND tinh Hoa Lam", "Ngay ky: 05.09.2024"],
    )
    import pypdfium2

    layer = pypdfium2.PdfDocument(str(stamped))[0].get_textpage().get_text_range()
    assert "Hoa Lam" in layer  # the stamp really is a text layer
    source = read_document(stamped)
    assert source.ocr
    assert _recall(source.plain_text()) > 0.9  # the page's content, from OCR


def _line(text: str) -> Line:
    return Line(text, 0, 100, 0, 10, 11.0, False, 1)


def test_stamp_only_text() -> None:
    assert _only_stamp([_line("Người ký: Trần Văn B"), _line("Cơ quan: Sở Nội vụ tỉnh Hòa Lâm")])
    assert not _only_stamp(
        [_line("Người ký: Trần Văn B"), _line("1. Tổ chức hội nghị"), _line("2. Kiểm tra")]
    )


def test_mojibake_layer_is_not_text_but_a_legacy_encoding_is() -> None:
    garbage = "6Ӣ C‘NG 7+ѬѪ1* &Ӝ1* H“A XÃ +Ӝ, &+Ӫ 1*+Ƭ$ 9,ӊ7 NAM .ӂ +2Ҥ&+ " * 6
    assert _mojibake(garbage)
    clean = "Ủy ban nhân dân tỉnh Hòa Lâm ban hành kế hoạch triển khai thực hiện chương trình. " * 3
    assert not _mojibake(clean)
    from theodoi.text.encodings import encode_legacy

    tcvn3 = encode_legacy(clean, "tcvn3").decode("cp1252")
    assert not _mojibake(tcvn3)  # decodes: text in an old encoding, not garbage
