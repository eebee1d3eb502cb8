"""Zip bombs, PDF bombs, lying archives and renamed web pages are refused
before any reader inflates them, without the memory they would take."""

from __future__ import annotations

import resource
import time

import pytest

from tests.text.readers import bombs
from theodoi.text.readers import read_bytes
from theodoi.text.readers.detect import detect_kind
from theodoi.text.readers.guard import check_file
from theodoi.text.sandbox import parse_isolated
from theodoi.text.source import InputError


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@pytest.fixture(scope="module")
def docx_bomb() -> bytes:
    return bombs.zip_bomb_docx()


@pytest.fixture(scope="module")
def pdf_bomb() -> bytes:
    return bombs.pdf_bomb()


def test_the_bombs_are_what_they_claim(docx_bomb: bytes, pdf_bomb: bytes) -> None:
    assert len(docx_bomb) < 2 * 1024 * 1024 and len(pdf_bomb) < 4 * 1024 * 1024
    import io
    import zipfile

    info = zipfile.ZipFile(io.BytesIO(docx_bomb)).getinfo("mimetype")
    assert info.file_size == bombs.GIB


def test_a_zip_bomb_docx_is_refused_without_inflating_it(docx_bomb: bytes) -> None:
    before = _peak_mb()
    with pytest.raises(InputError, match="zip bomb"):
        detect_kind(docx_bomb)
    with pytest.raises(InputError, match="zip bomb"):
        read_bytes(docx_bomb, name="ke-hoach.docx")
    assert _peak_mb() - before < 200


def test_a_part_inflating_past_its_declared_size_is_refused() -> None:
    lying = bombs.lying_zip()
    with pytest.raises(InputError, match="more than the 100 bytes it declares"):
        read_bytes(lying, name="ke-hoach.docx")


def test_a_pdf_bomb_is_refused_before_any_reader_inflates_it(pdf_bomb: bytes) -> None:
    before, started = _peak_mb(), time.monotonic()
    with pytest.raises(InputError, match="decompression bomb"):
        check_file(pdf_bomb, "ke-hoach.pdf")
    with pytest.raises(InputError, match="decompression bomb"):
        read_bytes(pdf_bomb, name="ke-hoach.pdf")
    assert _peak_mb() - before < 300
    assert time.monotonic() - started < 60


def test_an_ordinary_pdf_and_docx_pass(plan_pdf, plan_docx) -> None:
    assert check_file(plan_pdf.read_bytes(), plan_pdf.name) == "pdf"
    assert check_file(plan_docx.read_bytes(), plan_docx.name) == "docx"


def test_a_web_page_named_pdf_is_refused_by_content() -> None:
    with pytest.raises(InputError, match="web page"):
        read_bytes(bombs.html_page(), name="ke-hoach.pdf")
    with pytest.raises(InputError, match="web page"):
        read_bytes(bombs.html_page(), name="ke-hoach.txt")


def test_plain_text_named_docx_is_refused_but_named_txt_is_read() -> None:
    text = "KẾ HOẠCH\nThực hiện Nghị quyết số 12-NQ/TU của Tỉnh ủy Hòa Lâm\n".encode()
    with pytest.raises(InputError, match=r"named \.docx but holds plain text"):
        read_bytes(text, name="ke-hoach.docx")
    assert read_bytes(text, name="ke-hoach.txt").input_kind == "text"


def test_the_parser_child_stops_at_its_memory_limit(tmp_path) -> None:
    """12 MB of text needs more than 64 MB to read: the child stops with a
    message, the test process is untouched; the same file under the default
    limit is read."""
    path = tmp_path / "ke-hoach.txt"
    line = "1. Sở Tư pháp chủ trì rà soát văn bản quy phạm pháp luật của tỉnh Hòa Lâm.\n"
    path.write_text("KẾ HOẠCH\n" + line * 120_000, encoding="utf-8")
    with pytest.raises(InputError, match="memory"):
        parse_isolated(path, memory_mb=64, cpu_seconds=60)
    small = tmp_path / "nho.txt"
    small.write_text("KẾ HOẠCH\n1. Tuyên truyền nghị quyết.\n", encoding="utf-8")
    result, text = parse_isolated(small)
    assert "Tuyên truyền" in text and isinstance(result, dict)


def test_a_page_named_htm_is_read_as_a_word_web_page() -> None:
    """Word's "Save as Web Page" is a real plan format: the name says what it is."""
    source = read_bytes(
        b"<html><body><p>K\xe1\xba\xbe HO\xe1\xba\xa0CH</p><p>1. Nhi\xe1\xbb\x87m v\xe1\xbb\xa5"
        b"</p></body></html>",
        name="ke-hoach.htm",
    )
    assert "KẾ HOẠCH" in source.plain_text()
