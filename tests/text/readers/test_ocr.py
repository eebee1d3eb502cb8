"""Scans: a rasterised page wrapped as an image-only PDF, and the bare image (real OCR)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.text.readers import builders
from theodoi.text.readers import read_document
from theodoi.text.readers.ocr import Tesseract

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed"),
]

_EXPECTED_TEXT = (
    "thực hiện chương trình hành động số tỉnh ủy hòa lâm ủy ban nhân dân tỉnh ban hành kế "
    "hoạch triển khai trên địa bàn với các nội dung chủ yếu như sau bảo đảm đồng bộ thống "
    "nhất hiệu quả mục đích yêu cầu nhiệm vụ giải pháp công tác tuyên truyền đổi mới"
)
EXPECTED_WORDS = _EXPECTED_TEXT.split()


def _recall(text: str) -> float:
    words = set(text.lower().replace(",", " ").replace(".", " ").split())
    return sum(1 for w in EXPECTED_WORDS if w in words) / len(EXPECTED_WORDS)


def test_scanned_pdf_is_ocred_in_vietnamese(scan_pdf: Path) -> None:
    source = read_document(scan_pdf)
    assert source.ocr
    assert source.input_kind == "pdf-scan"
    assert _recall(source.plain_text()) > 0.9  # diacritics survive: the vie model


TITLE_WORDS = ["kế", "hoạch", "triển", "khai", "thực", "hiện", "chương", "trình", "hành", "động"]


def _title_found(text: str) -> bool:
    words = set(text.lower().split())
    return sum(w in words for w in TITLE_WORDS) >= len(TITLE_WORDS) - 1


@pytest.fixture(scope="module")
def title_png(scan_png: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The title block of the scanned page only: OCR is slow."""
    from PIL import Image

    path = tmp_path_factory.mktemp("ocr") / "title.png"
    with Image.open(scan_png) as page:
        page.crop((0, 0, page.width, int(page.height * 0.3))).save(path, "PNG")
    return path


def test_page_image_is_ocred(title_png: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "not-an-image.txt"  # the name must not matter
    renamed.write_bytes(title_png.read_bytes())
    calls: list[Path] = []
    engine = Tesseract()

    def counting(image: Path, timeout: float) -> str:
        calls.append(image)
        return engine(image, timeout)

    source = read_document(renamed, ocr=counting)
    assert calls and source.ocr and source.input_kind == "image"
    assert _title_found(source.plain_text())


def test_scanned_page_inside_a_text_pdf(plan_pdf: Path, title_png: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    scanned = builders.image_to_pdf(title_png, tmp_path / "scanned-title.pdf")
    writer = PdfWriter()
    writer.add_page(PdfReader(plan_pdf).pages[1])  # text layer
    writer.add_page(PdfReader(scanned).pages[0])  # page image only
    mixed = tmp_path / "mixed.pdf"
    with mixed.open("wb") as out:
        writer.write(out)
    source = read_document(mixed)
    assert source.input_kind == "pdf" and source.ocr
    texts = [p.text for p in source.paragraphs]
    assert "III. TỔ CHỨC THỰC HIỆN" in texts  # from the text layer, not OCR
    first_ocr = next(i for i, p in enumerate(source.paragraphs) if p.page == 2)
    assert texts.index("III. TỔ CHỨC THỰC HIỆN") < first_ocr
    assert _title_found(" ".join(p.text for p in source.paragraphs if p.page == 2))
