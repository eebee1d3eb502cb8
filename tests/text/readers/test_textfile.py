"""Plain text of any encoding and normalisation becomes one consistent form."""

from __future__ import annotations

import unicodedata

from theodoi.text.encodings import encode_legacy
from theodoi.text.readers import read_bytes

LINES = ["KẾ HOẠCH", "Thực hiện Nghị quyết số 43-NQ/TW", "1. Tuyên truyền sâu rộng trong toàn tỉnh"]


def test_nfd_and_new_tone_placement_are_normalised() -> None:
    text = unicodedata.normalize("NFD", "Hoà Bình tổ chức hội nghị, quản lý thuỷ lợi")
    source = read_bytes(text.encode("utf-8"))
    assert source.paragraphs[0].text == "Hòa Bình tổ chức hội nghị, quản lý thủy lợi"
    assert unicodedata.is_normalized("NFC", source.paragraphs[0].text)


def test_one_paragraph_per_line_utf16_without_bom() -> None:
    data = "\r\n".join(LINES).encode("utf-16-le")
    source = read_bytes(data)
    assert [p.text for p in source.paragraphs] == LINES
    assert source.input_kind == "text"
    assert not source.ocr


def test_tcvn3_text_file() -> None:
    data = encode_legacy("\n".join(LINES[1:]), "tcvn3")
    source = read_bytes(data)
    assert [p.text for p in source.paragraphs] == LINES[1:]
    assert any("tcvn3" in w for w in source.warnings)


def test_vni_text_file_with_blank_lines() -> None:
    data = encode_legacy("\n\n".join(LINES), "vni")
    source = read_bytes(data)
    assert [p.text for p in source.paragraphs] == LINES
