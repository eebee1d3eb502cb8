"""Hostile files, built at test time (never stored in the repository).

- ``zip_bomb_docx``: ~1 MB .docx-looking zip whose ``mimetype`` part
  inflates to 1 GiB (written with zipfile in streaming mode);
- ``lying_zip``: a zip whose part inflates to more than it declares;
- ``pdf_bomb``: a PDF whose content stream inflates to 1 GiB;
- ``html_page``: a web page, for naming ``.pdf``.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable

GIB = 1024 * 1024 * 1024
_MIB_ZEROS = bytes(1024 * 1024)


def _deflated_zeros(megabytes: int) -> bytes:
    """A raw deflate stream of ``megabytes`` MiB of zeros, made fast: one MiB
    compressed after a full flush is the same bytes every time (the window is
    reset), so it is compressed once and repeated."""
    squeezer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    squeezer.compress(b"")
    segment = squeezer.compress(_MIB_ZEROS) + squeezer.flush(zlib.Z_FULL_FLUSH)
    return segment * megabytes + squeezer.flush(zlib.Z_FINISH)


def _zeros_checksum(megabytes: int, checksum: Callable[[bytes, int], int], start: int) -> int:
    value = start
    for _ in range(megabytes):
        value = checksum(_MIB_ZEROS, value)
    return value


def zip_bomb_docx(inflated: int = GIB) -> bytes:
    """A zip with ``[Content_Types].xml`` and a ``mimetype`` part of ``inflated`` zeros."""
    megabytes = inflated // len(_MIB_ZEROS)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    small = buffer.getvalue()
    central_at = small.rfind(b"PK\x01\x02")
    local, central = small[:central_at], small[central_at : small.rfind(b"PK\x05\x06")]
    data = _deflated_zeros(megabytes)
    crc = _zeros_checksum(megabytes, zlib.crc32, 0)
    name = b"mimetype"
    header = struct.pack(
        "<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(data), inflated, len(name), 0
    )
    offset = len(local)
    entry = struct.pack(
        "<4s6H3L5H2L",
        b"PK\x01\x02",
        20,
        20,
        0,
        8,
        0,
        0,
        crc,
        len(data),
        inflated,
        len(name),
        0,
        0,
        0,
        0,
        0,
        offset,
    )
    body = local + header + name + data
    directory = central + entry + name
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 2, 2, len(directory), len(body), 0)
    return body + directory + end


def lying_zip(inflated: int = 8 * 1024 * 1024, declared: int = 100) -> bytes:
    """One part (``word/document.xml``) that declares ``declared`` bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", bytes(inflated))
    data = bytearray(buffer.getvalue())
    # Local header: uncompressed size at offset 22; central directory entry: at 24.
    struct.pack_into("<L", data, 22, declared)
    central = data.rfind(b"PK\x01\x02")
    struct.pack_into("<L", data, central + 24, declared)
    return bytes(data)


def pdf_bomb(inflated: int = GIB, *, length: str = "direct", trailer: bytes = b"") -> bytes:
    """``length``: "direct" (``/Length 123``), "indirect" (``/Length 5 0 R``, object 5
    holding it) or "missing" (``/Length 6 0 R``, an object that does not exist)."""
    megabytes = inflated // len(_MIB_ZEROS)
    adler = _zeros_checksum(megabytes, zlib.adler32, 1)
    stream = b"\x78\xda" + _deflated_zeros(megabytes) + struct.pack(">L", adler)
    written = {"direct": b"%d" % len(stream), "indirect": b"5 0 R", "missing": b"6 0 R"}[length]
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length " + written + b" /Filter /FlateDecode >>\nstream\n" + stream + b"\nendstream",
        b"%d" % len(stream),
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R %s>>\n" % (len(objects) + 1, trailer))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def html_page() -> bytes:
    return (
        "<!DOCTYPE html>\n<html><head><title>Kế hoạch</title></head>"
        "<body><p>Kế hoạch số 9/KH-UBND của UBND tỉnh Hòa Lâm</p>"
        "<script>alert(1)</script></body></html>\n"
    ).encode()
