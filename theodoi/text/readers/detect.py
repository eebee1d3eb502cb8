"""Tell what a file is from its first bytes, never from its name.

Uploads arrive renamed (".pdf" that is a Word file, "scan.doc" that is a
JPEG), so the kind is decided by magic bytes: ``%PDF``, a zip holding
``word/document.xml``, an OLE2 compound file, image signatures; anything else
is treated as text if it decodes as text.
"""

from __future__ import annotations

import io
import zipfile
from typing import Literal

from theodoi.text.readers.zipsafe import check_zip
from theodoi.text.source import InputError

Kind = Literal["text", "docx", "doc", "odt", "rtf", "pdf", "image"]

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGE_MAGICS = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"II*\x00",
    b"MM\x00*",
    b"GIF87a",
    b"GIF89a",
    b"BM",
)


def detect_kind(data: bytes) -> Kind:
    """The kind of document ``data`` holds; InputError when it is none we read."""
    if not data or not data.strip():
        raise InputError("the file is empty")
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    if data.startswith(OLE2_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data[:1_000_000]:
            raise InputError(
                "the Word document is password-protected (encrypted); "
                "remove the password and upload it again"
            )
        return "doc"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "image"
    if any(data.startswith(magic) for magic in _IMAGE_MAGICS):
        if data.startswith(b"BM") and len(data) > 26 and not _looks_like_bmp(data):
            return "text"
        return "image"
    return "text"


def _looks_like_bmp(data: bytes) -> bool:
    declared = int.from_bytes(data[2:6], "little")
    return abs(declared - len(data)) < 16 and data[6:10] == b"\x00\x00\x00\x00"


def _zip_kind(data: bytes) -> Kind:
    # Sizes first (declared and actually inflated): nothing below may read a
    # part that inflates to gigabytes. Then only 100 bytes of ``mimetype``.
    check_zip(data, "zip archive (.docx/.odt)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names:
                with archive.open("mimetype") as part:
                    if b"opendocument.text" in part.read(100):
                        return "odt"
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise InputError(f"the file is a damaged zip archive (a broken .docx?): {exc}") from exc
    raise InputError(
        "the file is a zip archive but not a Word .docx document (no word/document.xml)"
    )
