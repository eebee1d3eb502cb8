"""Plain-text documents (.txt, OCR output, copy-paste) of any encoding."""

from __future__ import annotations

import re

from theodoi.text.encodings import decode_bytes
from theodoi.text.readers.clean import clean_text
from theodoi.text.readers.html import decode_html, html_lines, looks_like_html
from theodoi.text.source import InputError, Paragraph, SourceText

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")


def read_text_bytes(data: bytes) -> SourceText:
    """One Paragraph per non-empty line: plain text has no better structure.

    Hard-wrapped text is left as lines; the outline parser, which knows what
    a list label looks like, is in a better place to re-join them.
    """
    _refuse_binary(data)
    if looks_like_html(data):
        lines = html_lines(decode_html(data))
        if not lines:
            raise InputError("the web page holds no text")
        return SourceText(blocks=[Paragraph(clean_text(line)) for line in lines], input_kind="text")
    text, encoding = decode_bytes(data)
    controls = len(_CONTROL.findall(text[:100_000]))
    if controls > max(8, len(text[:100_000]) // 50):
        raise InputError("the file is not a document: it holds binary data, not text")
    blocks: list[Paragraph] = []
    for line in text.splitlines():
        cleaned = clean_text(_CONTROL.sub(" ", line))
        if cleaned:
            blocks.append(Paragraph(cleaned))
    if not blocks:
        raise InputError("the file holds no text")
    warnings = (
        []
        if encoding.startswith(("utf-8", "utf-16", "utf-32")) and "+" not in encoding
        else [f"text decoded from the legacy encoding {encoding}"]
    )
    return SourceText(blocks=list(blocks), input_kind="text", warnings=warnings)


def _refuse_binary(data: bytes) -> None:
    """NUL bytes (outside UTF-16) or many C0 control bytes mean binary data.

    Bytes 0x80–0x9F are not counted: UTF-8 and the legacy encodings use them.
    """
    sample = data[:65536]
    if _utf16_like(sample):
        return
    controls = sum(sample.count(bytes([b])) for b in _C0_CONTROLS)
    if sample.count(0) or controls > 0.05 * len(sample):
        raise InputError("the file is not a document: it holds binary data, not text")


_C0_CONTROLS = [b for b in range(0x20) if b not in (0x09, 0x0A, 0x0C, 0x0D)] + [0x7F]


def _utf16_like(sample: bytes) -> bool:
    if sample[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return True
    even, odd = sample[0::2], sample[1::2]
    return even.count(0) > 0.4 * len(even) or odd.count(0) > 0.4 * len(odd)
