"""Old Word .doc (and .odt, .rtf) via LibreOffice, then the .docx reader.

No maintained pure-Python reader handles .doc with its numbering and legacy
fonts; LibreOffice does, and converting to .docx keeps both. Each run gets a
private LibreOffice profile directory, since parallel conversions sharing the
default profile block each other or fail.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from theodoi.text.readers.docx import read_docx_bytes
from theodoi.text.readers.limits import Deadline
from theodoi.text.source import InputError, SourceText

_SUFFIX = {"doc": ".doc", "odt": ".odt", "rtf": ".rtf"}


def soffice_binary() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_with_libreoffice(
    source: Path, target_format: str, out_dir: Path, timeout: float
) -> Path:
    """Convert ``source`` to ``target_format`` in ``out_dir``.

    ``target_format`` is LibreOffice's: an extension, optionally with a filter
    ("docx", "pdf", "doc:MS Word 97")."""
    binary = soffice_binary()
    if binary is None:
        raise InputError("cannot read this Word .doc file: LibreOffice (soffice) is not installed")
    profile = out_dir / "lo-profile"
    command = [
        binary,
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        target_format,
        "--outdir",
        str(out_dir),
        str(source),
    ]
    try:
        subprocess.run(command, capture_output=True, timeout=max(timeout, 1.0), check=False)
    except subprocess.TimeoutExpired as exc:
        raise InputError(
            f"LibreOffice took longer than {timeout:.0f} s to convert the file"
        ) from exc
    result = out_dir / f"{source.stem}.{target_format.split(':')[0]}"
    if not result.is_file():
        raise InputError(
            "LibreOffice could not convert the file: it is damaged or not a Word document"
        )
    return result


def read_via_libreoffice(data: bytes, kind: str, deadline: Deadline) -> SourceText:
    with tempfile.TemporaryDirectory(prefix="theodoi-lo-") as tmp:
        source = Path(tmp) / f"input{_SUFFIX.get(kind, '.doc')}"
        source.write_bytes(data)
        converted = convert_with_libreoffice(source, "docx", Path(tmp), deadline.remaining())
        docx_bytes = converted.read_bytes()
    result = read_docx_bytes(docx_bytes, deadline)
    result.input_kind = "doc"
    return result
