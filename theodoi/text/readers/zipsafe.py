"""Refuse zip bombs and broken archives before any XML is parsed.

A .docx is a zip; a 50 KB upload can declare gigabytes of XML. The declared
sizes in the central directory bound what :mod:`zipfile` will inflate (it
stops at ``file_size``), so checking them up front is enough.
"""

from __future__ import annotations

import io
import zipfile

from theodoi.text.source import InputError

MAX_ENTRIES = 5000
MAX_TOTAL_UNCOMPRESSED = 512 * 1024 * 1024
MAX_ENTRY_UNCOMPRESSED = 256 * 1024 * 1024
MAX_RATIO = 200  # deflate rarely beats ~100:1 on real XML; bombs reach 1000:1


def check_zip(data: bytes, what: str = "Word document") -> None:
    """Raise InputError for a corrupt zip or one that would inflate too far."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise InputError(f"the {what} is damaged (not a readable zip archive): {exc}") from exc
    if len(infos) > MAX_ENTRIES:
        raise InputError(f"the {what} has {len(infos)} parts, more than {MAX_ENTRIES}: refused")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise InputError(f"the {what} is encrypted (password-protected)")
        total += info.file_size
        if info.file_size > MAX_ENTRY_UNCOMPRESSED:
            raise InputError(
                f"the {what} looks like a zip bomb: part {info.filename} would inflate "
                f"to {info.file_size / 1048576:.0f} MB"
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 10 * 1024 * 1024 and ratio > MAX_RATIO:
            raise InputError(
                f"the {what} looks like a zip bomb: part {info.filename} inflates {ratio:.0f}:1"
            )
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise InputError(
            f"the {what} looks like a zip bomb: it would inflate to {total / 1048576:.0f} MB"
        )
