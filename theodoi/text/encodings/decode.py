"""Turn bytes or legacy-font strings into Unicode Vietnamese text."""

from __future__ import annotations

import codecs
import re

from theodoi.text.encodings.syllables import vietnamese_score
from theodoi.text.encodings.tables import (
    LEGACY_ENCODINGS,
    load_table,
    sequence_pattern,
    translation,
)
from theodoi.text.vietnamese import nfc

# Characters that betray legacy text stored as Windows-1252/Latin-1 letters:
# the Latin-1 range minus the letters Vietnamese itself uses (à á â ã è é ê ì
# í ò ó ô õ ù ú ý and capitals), plus the Windows-1252 extras. Typographic
# quotes and dashes are left out: genuine Unicode text is full of them.
_VIETNAMESE_LATIN1 = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ"
_LEGACY_HINT = re.compile(
    "["
    + "".join(re.escape(chr(c)) for c in range(0xA1, 0x100) if chr(c) not in _VIETNAMESE_LATIN1)
    + "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u20ac\u2122]"
)
_HINT_DENSITY = 0.01  # legacy Vietnamese has a marked letter in most words
_SAMPLE = 200_000  # characters of a file scored per candidate decoding
_LEGACY_SAMPLE = 30_000  # characters scored when checking Unicode for hidden legacy text


def convert_legacy(text: str, encoding: str) -> str:
    """Convert a string whose characters stand for legacy bytes to Unicode.

    ``text`` is what Word, a PDF or a Latin-1 reader shows for legacy-font
    text ("Céng hoµ" for TCVN3 "Cộng hoà"). Characters that are not part of the
    encoding pass through unchanged, so ASCII and already-Unicode text is safe.
    """
    if encoding not in LEGACY_ENCODINGS:
        raise ValueError(f"unknown legacy encoding: {encoding!r}")
    # PDF text layers may hand "ñ" over as "n" + combining tilde: recompose
    # the Latin-1 surface letters before mapping them.
    text = nfc(text)
    if encoding == "vni":
        pattern, lookup = sequence_pattern("vni")
        return nfc(pattern.sub(lambda m: lookup[m.group(0)], text))
    return nfc(text.translate(translation(encoding)))


def encode_legacy(text: str, encoding: str) -> bytes:
    """Unicode → legacy bytes (the inverse of :func:`legacy_from_bytes`).

    Used to build test documents and to check the tables round-trip. TCVN3
    has no capital toned letters: like a ``.VnTimeH`` run, they are written
    with the lowercase byte. Raises ValueError for a character the encoding
    cannot hold.
    """
    inverse: dict[str, bytes] = {}
    for seq, letter in sorted(load_table(encoding).items(), key=lambda kv: -len(kv[0])):
        inverse[letter] = seq
    out = bytearray()
    for char in nfc(text):
        if char in inverse:
            out += inverse[char]
        elif encoding == "tcvn3" and char.lower() in inverse:
            out += inverse[char.lower()]
        elif ord(char) < 0x80:
            out.append(ord(char))
        else:
            raise ValueError(f"{char!r} cannot be written in {encoding}")
    return bytes(out)


def legacy_from_bytes(data: bytes, encoding: str) -> str:
    """Decode raw legacy bytes (a TCVN3/VNI/VISCII text file) to Unicode."""
    if encoding in ("tcvn3", "viscii"):
        table = load_table(encoding)
        lookup = {seq[0]: letter for seq, letter in table.items()}
        return nfc("".join(lookup.get(b) or chr(b) for b in data))
    return convert_legacy(data.decode("latin-1"), encoding)


def font_encoding(font_name: str | None) -> tuple[str, bool] | None:
    """(encoding, upper-case font) for a legacy Vietnamese font name, else None.

    ``.VnTime``/``.VnArial``… are TCVN3; their ``H`` variants (``.VnTimeH``)
    draw every letter as a capital, so the decoded text must be upper-cased.
    ``VNI-Times``/``VNI-Helve``… are VNI; ``VI …``/``VISCII`` fonts are VISCII.
    """
    if not font_name:
        return None
    name = font_name.strip()
    lower = name.lower()
    if lower.startswith(".vn") or lower.startswith("vn3-"):
        return "tcvn3", name.endswith("H") or lower.endswith(" h")
    if lower.startswith("vni-") or lower.startswith("vni "):
        return "vni", False
    if lower.startswith("viscii") or lower.startswith("vi "):
        return "viscii", False
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a text file of unknown encoding: (NFC text, encoding name).

    Order: byte-order marks; UTF-16 without a BOM (NUL bytes in every other
    position); UTF-8, then a check that the UTF-8 text is not legacy text
    already stored as Windows-1252 letters; finally, for bytes that are not
    UTF-8, every legacy single-byte reading, scored by Vietnamese syllables.
    Encoding names: ``utf-8``, ``utf-8-sig``, ``utf-16-le``, ``utf-16-be``,
    ``utf-32-le``, ``utf-32-be``, ``tcvn3``, ``vni``, ``viscii``, ``cp1258``,
    ``cp1252``; text read as UTF-8 but converted gets ``utf-8+tcvn3`` etc.
    """
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            text = data[len(bom) :].decode(name.replace("-sig", ""), errors="replace")
            if name == "utf-8-sig":
                return _maybe_legacy_in_unicode(text, name)
            return nfc(text), name
    utf16 = _guess_utf16(data)
    if utf16:
        return nfc(data.decode(utf16, errors="replace")), utf16
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _best_single_byte(data)
    return _maybe_legacy_in_unicode(text, "utf-8")


def _guess_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    zeros_even = even.count(0) / len(even)
    zeros_odd = odd.count(0) / max(len(odd), 1)
    # Vietnamese UTF-16 has many U+1Exx letters, so the "high" byte is not
    # always NUL: ask for a clear majority on one side and almost none on the other.
    if zeros_odd > 0.4 and zeros_even < 0.05:
        name = "utf-16-le"
    elif zeros_even > 0.4 and zeros_odd < 0.05:
        name = "utf-16-be"
    else:
        return None
    try:
        data[: len(data) - len(data) % 2].decode(name)
    except UnicodeDecodeError:
        return None
    return name


def detect_legacy_in_unicode(text: str) -> str | None:
    """The legacy encoding a Unicode string is secretly in, or None.

    Word files whose font name was lost, and PDFs printed from ``.VnTime``
    documents, carry TCVN3/VNI bytes as Windows-1252 letters ("Céng hoµ").
    A conversion is chosen only when it clearly raises the share of valid
    Vietnamese syllables, so genuine Unicode text (or French) is left alone.
    """
    sample = text[:_LEGACY_SAMPLE]
    hints = len(_LEGACY_HINT.findall(sample))
    if hints < 3 or hints < _HINT_DENSITY * len(sample):
        return None
    original = vietnamese_score(sample)
    best_score, best = original, None
    for encoding in LEGACY_ENCODINGS:
        score = vietnamese_score(convert_legacy(sample, encoding))
        if score > best_score:
            best_score, best = score, encoding
    # Convert only on clear evidence: Vietnamese afterwards, and much more so.
    if best is None or best_score < 0.5 or best_score < original + 0.15:
        return None
    return best


def _maybe_legacy_in_unicode(text: str, name: str) -> tuple[str, str]:
    text = nfc(text)
    encoding = detect_legacy_in_unicode(text)
    if encoding is None:
        return text, name
    return convert_legacy(text, encoding), f"{name}+{encoding}"


def _best_single_byte(data: bytes) -> tuple[str, str]:
    sample = data[:_SAMPLE]
    candidates: list[tuple[float, str]] = []
    for name in ("tcvn3", "vni", "viscii", "cp1258", "cp1252"):
        text = _decode_as(sample, name)
        candidates.append((vietnamese_score(text), name))
    # max() keeps the first of equal scores: legacy Vietnamese before Western.
    _score, best = max(candidates, key=lambda c: c[0])
    return _decode_as(data, best), best


def _decode_as(data: bytes, name: str) -> str:
    if name in LEGACY_ENCODINGS:
        return legacy_from_bytes(data, name)
    return nfc(data.decode(name, errors="replace"))
