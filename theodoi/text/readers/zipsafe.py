"""Refuse zip bombs and broken archives before any part is read.

A .docx, .odt or .xlsx is a zip; a 1 MB upload can hold a part that inflates
to gigabytes. Two checks, both before anything else reads the archive:

1. the sizes each part *declares* (central directory): too many parts, one
   part or the whole too large, or a compression ratio only a bomb reaches;
2. the size each part *actually* inflates to, found by inflating it in
   chunks and throwing the output away, stopping one byte past what it
   declared (so a part that lies about its size costs at most its declared
   size, and the total work is bounded by the declared total).
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from theodoi.text.source import InputError

MAX_ENTRIES = 5000
MAX_TOTAL_UNCOMPRESSED = 512 * 1024 * 1024
MAX_ENTRY_UNCOMPRESSED = 256 * 1024 * 1024
MAX_RATIO = 200  # deflate rarely beats ~100:1 on real XML; bombs reach 1000:1
_CHUNK = 64 * 1024
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")


def check_zip(data: bytes, what: str = "Word document") -> None:
    """Raise InputError for a corrupt zip or one that would inflate too far."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise InputError(f"the {what} is damaged (not a readable zip archive): {exc}") from exc
    _check_declared(infos, what)
    for info in infos:
        _check_inflated(data, info, what)


def _check_declared(infos: list[zipfile.ZipInfo], what: str) -> None:
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


def _compressed_bytes(data: bytes, info: zipfile.ZipInfo, what: str) -> memoryview:
    start = info.header_offset
    header = data[start : start + _LOCAL_HEADER.size]
    if len(header) < _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
        raise InputError(f"the {what} is damaged: part {info.filename} has no local header")
    fields = _LOCAL_HEADER.unpack(header)
    name_length, extra_length = fields[-2], fields[-1]
    begin = start + _LOCAL_HEADER.size + name_length + extra_length
    end = begin + info.compress_size
    if end > len(data):
        raise InputError(f"the {what} is damaged: part {info.filename} is cut short")
    return memoryview(data)[begin:end]


def inflated_size(data: bytes, info: zipfile.ZipInfo, cap: int, what: str) -> int:
    """How many bytes the part inflates to, counting no further than ``cap``
    (a result above ``cap`` means "more than cap")."""
    raw = _compressed_bytes(data, info, what)
    if info.compress_type == zipfile.ZIP_STORED:
        return len(raw)
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise InputError(
            f"the {what} uses a compression method ({info.compress_type}) "
            "office documents do not use: refused"
        )
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    produced = 0
    try:
        for offset in range(0, len(raw), _CHUNK):
            pending = raw[offset : offset + _CHUNK].tobytes()
            while pending and produced <= cap:
                produced += len(inflater.decompress(pending, _CHUNK))
                pending = inflater.unconsumed_tail
            if produced > cap:
                return produced
        produced += len(inflater.flush())  # all input is consumed: only a few bytes remain
    except zlib.error as exc:
        raise InputError(f"the {what} is damaged: part {info.filename}: {exc}") from exc
    return produced


def _check_inflated(data: bytes, info: zipfile.ZipInfo, what: str) -> None:
    actual = inflated_size(data, info, info.file_size, what)
    if actual > info.file_size:
        raise InputError(
            f"the {what} looks like a zip bomb: part {info.filename} inflates to more "
            f"than the {info.file_size} bytes it declares"
        )
