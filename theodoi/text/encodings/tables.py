"""Load the curated legacy-encoding tables shipped in ``data/``.

Legacy Vietnamese text reaches us in two shapes: raw bytes (a ``.txt`` saved
by an old editor) and Unicode strings whose characters stand for those bytes
(Word keeps a ``.VnTime`` run as the Windows-1252 letters the bytes would be,
e.g. "µ" for "à"). Both shapes are reduced to byte values here, so one table
per encoding serves both.
"""

from __future__ import annotations

import contextlib
import re
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")
LEGACY_ENCODINGS = ("tcvn3", "vni", "viscii")


@cache
def load_table(name: str) -> dict[bytes, str]:
    """Byte sequence → Unicode letter for one legacy encoding."""
    if name not in LEGACY_ENCODINGS:
        raise ValueError(f"unknown legacy encoding: {name!r}")
    table: dict[bytes, str] = {}
    for line in (DATA_DIR / f"{name}.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        hexes, letter, _code = line.split("\t")
        table[bytes(int(h, 16) for h in hexes.split())] = letter
    return table


def surface_char(value: int) -> list[str]:
    """The characters a legacy byte can appear as inside a Unicode string."""
    chars = [chr(value)]
    if 0x80 <= value <= 0x9F:
        with contextlib.suppress(UnicodeDecodeError):
            chars.append(bytes([value]).decode("cp1252"))
    return chars


@cache
def translation(name: str) -> dict[int, str]:
    """``str.translate`` map for a single-byte encoding (TCVN3, VISCII)."""
    mapping: dict[int, str] = {}
    for seq, letter in load_table(name).items():
        if len(seq) == 1:
            for char in surface_char(seq[0]):
                mapping[ord(char)] = letter
    return mapping


@cache
def sequence_pattern(name: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """Regex and lookup for a multi-byte encoding (VNI), longest match first."""
    lookup: dict[str, str] = {}
    for seq, letter in load_table(name).items():
        variants = [""]
        for value in seq:
            variants = [v + c for v in variants for c in surface_char(value)]
        for variant in variants:
            lookup[variant] = letter
    keys = sorted(lookup, key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys)), lookup
