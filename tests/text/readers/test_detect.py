"""The kind of a file comes from its bytes, whatever its name says."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from theodoi.text.readers import detect_kind, read_document
from theodoi.text.source import InputError


def test_kinds_by_magic_bytes(plan_docx: Path) -> None:
    assert detect_kind(plan_docx.read_bytes()) == "docx"
    assert detect_kind(b"%PDF-1.7\n...") == "pdf"
    assert detect_kind(b"\x89PNG\r\n\x1a\n" + b"\0" * 20) == "image"
    assert detect_kind(b"\xff\xd8\xff\xe0" + b"\0" * 20) == "image"
    assert detect_kind(b"II*\x00" + b"\0" * 20) == "image"
    assert detect_kind(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 40) == "doc"
    assert detect_kind("Kế hoạch số 12/KH-UBND".encode()) == "text"


def test_a_docx_named_pdf_is_read_as_docx(plan_docx: Path, tmp_path: Path) -> None:
    disguised = tmp_path / "ke-hoach.pdf"
    disguised.write_bytes(plan_docx.read_bytes())
    source = read_document(disguised)
    assert source.input_kind == "docx"
    assert any(p.label == "II." for p in source.paragraphs)


def test_zip_that_is_not_a_word_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    with pytest.raises(InputError, match=r"not a Word \.docx"):
        detect_kind(buffer.getvalue())


def test_encrypted_office_document_is_refused() -> None:
    data = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100 + "EncryptedPackage".encode("utf-16-le")
    )
    with pytest.raises(InputError, match="password-protected"):
        detect_kind(data)
