"""Bad input ends in InputError with a message naming the problem, never a traceback."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from theodoi.text.readers import read_bytes, read_document
from theodoi.text.source import InputError


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        read_document(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "absent.pdf")


def test_random_bytes() -> None:
    data = bytes((i * 7919 + 13) % 256 for i in range(20000))
    with pytest.raises(InputError, match="binary data"):
        read_bytes(data, name="noise.bin")


def test_huge_file_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"Ke hoach\n" * 130_000)  # ~1.2 MB
    with pytest.raises(InputError, match="too large"):
        read_document(path, max_bytes=1_000_000)
    monkeypatch.setenv("THEODOI_MAX_UPLOAD_MB", "1")
    with pytest.raises(InputError, match=r"limit is 1\.0 MB"):
        read_document(path)
    monkeypatch.setenv("THEODOI_MAX_UPLOAD_MB", "5")
    assert read_document(path).paragraphs[0].text == "Ke hoach"


def test_truncated_pdf(plan_docx_pdf_bytes: bytes) -> None:
    with pytest.raises(InputError, match="PDF"):
        read_bytes(plan_docx_pdf_bytes[: len(plan_docx_pdf_bytes) // 3], name="cut.pdf")


def test_password_protected_pdf(plan_docx_pdf_bytes: bytes) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(plan_docx_pdf_bytes)).pages:
        writer.add_page(page)
    writer.encrypt(user_password="mat-khau", owner_password="chu-so-huu")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(InputError, match="password-protected"):
        read_bytes(out.getvalue(), name="locked.pdf")


def test_pdf_with_only_an_owner_password_is_read(plan_docx_pdf_bytes: bytes) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(plan_docx_pdf_bytes)).pages:
        writer.add_page(page)
    writer.encrypt(user_password="", owner_password="chu-so-huu")  # no-copy flags only
    out = io.BytesIO()
    writer.write(out)
    source = read_bytes(out.getvalue(), name="restricted.pdf")
    assert "II. NHIỆM VỤ, GIẢI PHÁP" in [p.text for p in source.paragraphs]


def test_corrupt_docx(plan_docx: Path) -> None:
    data = bytearray(plan_docx.read_bytes())
    data[200:4000] = os.urandom(3800)
    with pytest.raises(InputError, match=r"damaged|zip"):
        read_bytes(bytes(data), name="broken.docx")


def test_truncated_docx(plan_docx: Path) -> None:
    data = plan_docx.read_bytes()
    with pytest.raises(InputError):
        read_bytes(data[: len(data) // 2], name="half.docx")


def test_zip_bomb_docx() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<" + b" " * (40 * 1024 * 1024) + b">")
    data = buffer.getvalue()
    assert len(data) < 1_000_000
    with pytest.raises(InputError, match="zip bomb"):
        read_bytes(data, name="bomb.docx")


def test_time_limit(plan_docx_pdf_bytes: bytes) -> None:
    with pytest.raises(InputError, match="time limit"):
        read_bytes(plan_docx_pdf_bytes, time_limit=0.0)


@pytest.fixture(scope="module")
def plan_docx_pdf_bytes(plan_pdf: Path) -> bytes:
    return plan_pdf.read_bytes()
