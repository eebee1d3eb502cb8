"""The PDF guard reads a file's streams off its bytes (no object parsing): the
same streams pypdf finds, a bomb refused however its length is written, and
the full parser used whenever the bytes alone cannot say."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.text.readers import bombs
from theodoi.text.readers.guard import _decoded_size, check_pdf_streams, raw_streams
from theodoi.text.source import InputError

MIB = 1024 * 1024


def _pypdf_streams(data: bytes) -> dict[int, bytes]:
    from pypdf import PdfReader
    from pypdf.generic import IndirectObject

    reader = PdfReader(io.BytesIO(data), strict=False)
    found = {}
    for gen, objects in reader.xref.items():
        for number in objects:
            obj = reader.get_object(IndirectObject(number, gen, reader))
            raw = getattr(obj, "_data", None)
            if isinstance(raw, bytes) and hasattr(obj, "get"):
                found[number] = raw
    return found


def test_the_scan_finds_the_streams_pypdf_finds(plan_pdf: Path) -> None:
    data = plan_pdf.read_bytes()
    scanned = raw_streams(data)
    assert scanned is not None
    assert {number: raw for number, _filters, raw in scanned} == _pypdf_streams(data)


@pytest.mark.parametrize("length", ["direct", "indirect"])
def test_a_bomb_is_refused_by_the_scan_however_its_length_is_written(length: str) -> None:
    bomb = bombs.pdf_bomb(256 * MIB, length=length)
    scanned = raw_streams(bomb)
    assert scanned is not None and [number for number, _f, _raw in scanned] == [4]
    with pytest.raises(InputError, match="object 4 decodes to more than 128 MB"):
        check_pdf_streams(bomb)


def test_what_the_bytes_cannot_say_goes_through_the_full_parser() -> None:
    unresolved = bombs.pdf_bomb(256 * MIB, length="missing")
    assert raw_streams(unresolved) is None
    with pytest.raises(InputError, match="decompression bomb"):
        check_pdf_streams(unresolved)
    encrypted = bombs.pdf_bomb(MIB, trailer=b"/Encrypt 9 0 R ")
    assert raw_streams(encrypted) is None


def test_a_small_file_passes_and_its_total_counts(plan_pdf: Path) -> None:
    check_pdf_streams(plan_pdf.read_bytes())
    with pytest.raises(InputError, match="its streams decode to more than 0 MB"):
        check_pdf_streams(plan_pdf.read_bytes(), total_cap=1000)


def test_caps_hold_to_the_byte_when_bounds_alone_cannot_settle(plan_pdf: Path) -> None:
    """A Flate stream is counted for what it could inflate to (a thousandfold)
    until that breaks a cap; then its real size decides, exactly."""
    data = plan_pdf.read_bytes()
    streams = raw_streams(data)
    assert streams is not None
    sizes = [_decoded_size(filters, raw, 1 << 40) for _number, filters, raw in streams]
    check_pdf_streams(data, total_cap=sum(sizes), stream_cap=max(sizes))
    with pytest.raises(InputError, match="its streams decode to more than"):
        check_pdf_streams(data, total_cap=sum(sizes) - 1)
    with pytest.raises(InputError, match="decodes to more than 0 MB"):
        check_pdf_streams(data, stream_cap=max(sizes) - 1)


def test_indirect_lengths_are_read_from_the_first_integer_object_of_that_number() -> None:
    from theodoi.text.readers.guard import _IntegerObjects

    data = b"112 0 obj 7 endobj 12 0 obj\n345\nendobj 12 0 obj 999 endobj 13 1 obj <<>> endobj"
    integers = _IntegerObjects(data)
    assert integers.get(b"12", b"0") == 345
    assert integers.get(b"112", b"0") == 7
    assert integers.get(b"13", b"1") is None and integers.get(b"12", b"1") is None
