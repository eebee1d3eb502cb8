"""Evidence files are typed by their content, not their name.

An HTML page renamed ``bien-ban.pdf`` would otherwise be stored and handed to
whoever opens the report; a .docx that is a zip bomb would hurt whoever
previews it. Each allowed name ending has the signature its content must
have; office files (zip-based) also pass the zip-bomb check.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from django.utils.translation import gettext as _

from theodoi.text.readers.detect import OLE2_MAGIC
from theodoi.text.readers.guard import looks_like_markup
from theodoi.text.readers.zipsafe import check_zip
from theodoi.text.source import InputError

_ZIP_PARTS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "odt": "mimetype",
    "ods": "mimetype",
}


def _kind_matches(ending: str, data: bytes) -> bool:
    head = data[:1024]
    if ending == "pdf":
        return b"%PDF-" in head
    if ending in ("doc", "xls"):
        return data.startswith(OLE2_MAGIC)
    if ending in ("jpg", "jpeg"):
        return data.startswith(b"\xff\xd8\xff")
    if ending == "png":
        return data.startswith(b"\x89PNG\r\n\x1a\n")
    if ending == "zip":
        return data.startswith((b"PK\x03\x04", b"PK\x05\x06"))
    if ending in _ZIP_PARTS:
        return data.startswith(b"PK\x03\x04") and _office_zip(ending, data)
    if ending in ("txt", "csv"):
        utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
        return (utf16 or b"\x00" not in data[:8192]) and not looks_like_markup(data)
    return False


def _office_zip(ending: str, data: bytes) -> bool:
    check_zip(data, f".{ending} file")  # InputError for a bomb, before any part is read
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if _ZIP_PARTS[ending] not in names:
                return False
            if ending in ("odt", "ods"):
                with archive.open("mimetype") as part:
                    wanted = (
                        b"opendocument.text" if ending == "odt" else b"opendocument.spreadsheet"
                    )
                    return wanted in part.read(100)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return False
    return True


def check_evidence_content(name: str, upload: Any) -> None:
    """Raise ValueError (the caller's error type wraps it) naming the file when its
    content is not what its name says."""
    ending = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    try:
        matches = _kind_matches(ending, data)
    except InputError as exc:
        raise ValueError(
            _("Tệp “%(name)s” bị từ chối: %(reason)s") % {"name": name, "reason": exc}
        ) from exc
    if not matches:
        what = _("một trang web (HTML)") if looks_like_markup(data) else _("không đúng định dạng")
        raise ValueError(
            _("Tệp “%(name)s” có đuôi .%(ending)s nhưng nội dung là %(what)s: không nhận.")
            % {"name": name, "ending": ending, "what": what}
        )
