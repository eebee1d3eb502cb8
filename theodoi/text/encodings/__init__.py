"""Legacy Vietnamese encodings: TCVN3 (ABC), VNI, VISCII, and how to tell them apart.

Plans written before Unicode (and many still typed today on old machines)
use fonts such as ``.VnTime`` (TCVN3) or ``VNI-Times`` (VNI). Their text is
only readable after conversion; which conversion is needed is decided by
decoding every way and keeping the candidate with the most valid Vietnamese
syllables (:mod:`.syllables`), since file names and declared charsets lie.
"""

from __future__ import annotations

from theodoi.text.encodings.decode import (
    convert_legacy,
    decode_bytes,
    detect_legacy_in_unicode,
    encode_legacy,
    font_encoding,
    legacy_from_bytes,
)
from theodoi.text.encodings.syllables import is_syllable, vietnamese_score
from theodoi.text.encodings.tables import LEGACY_ENCODINGS

__all__ = [
    "LEGACY_ENCODINGS",
    "convert_legacy",
    "decode_bytes",
    "detect_legacy_in_unicode",
    "encode_legacy",
    "font_encoding",
    "is_syllable",
    "legacy_from_bytes",
    "vietnamese_score",
]
