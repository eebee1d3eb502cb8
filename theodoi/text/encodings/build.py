"""Build step for the legacy-encoding tables in ``data/``.

The tables are curated data files committed to the repository; this module
is how they were made and how they are re-checked, so nobody has to trust a
hand-typed chart:

- TCVN3 (ABC, the ``.VnTime`` fonts) and VISCII come from the C library's
  ``iconv`` converters (``TCVN5712-1`` is the VN1 superset of TCVN3: the same
  lowercase and ``ĂÂÊÔƠƯĐ`` bytes, plus capitals in slots VN3 leaves empty).
- VNI (``VNI-Times`` fonts) has no converter anywhere standard. It is
  compositional — a Latin base letter followed by one mark byte — so it is
  generated from its few rules below rather than listed letter by letter.

Run ``python -m theodoi.text.encodings.build`` to rewrite the files, or with
``--check`` to verify the committed files match (the integrity test does the
same when ``iconv`` is present).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")

# Bytes whose TCVN5712-1 meaning is a control character or a lone combining
# mark (VN2 composition) are left out: a plain-text or font-run decoder must
# not turn a stray control byte into a capital letter.
_TCVN3_SKIP = set(range(0x00, 0x20)) | set(range(0xB0, 0xB5))


def vietnamese_letters() -> list[str]:
    """Every precomposed Vietnamese letter (134 toned/shaped vowels + Đ đ)."""
    bases = "aăâeêioôơuưy"
    tones = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
    letters = []
    for base in bases:
        for tone in tones:
            letter = unicodedata.normalize("NFC", base + tone)
            if letter not in "aeiouy":
                letters.append(letter)
    letters += ["đ"]
    return letters + [c.upper() for c in letters]


def _iconv_table(encoding: str, skip: set[int]) -> dict[bytes, str]:
    table: dict[bytes, str] = {}
    for value in range(0x80, 0x100):
        if value in skip:
            continue
        table[bytes([value])] = _iconv_one(encoding, bytes([value]))
    for value in range(0x00, 0x20):
        if value in skip:
            continue
        char = _iconv_one(encoding, bytes([value]))
        if char and ord(char) >= 0x80:
            table[bytes([value])] = char
    return {k: v for k, v in table.items() if v and v.strip() and ord(v[0]) >= 0x80}


def _iconv_one(encoding: str, data: bytes) -> str:
    result = subprocess.run(
        ["iconv", "-f", encoding, "-t", "UTF-8"], input=data, capture_output=True, check=False
    )
    return result.stdout.decode("utf-8") if result.returncode == 0 else ""


def build_tcvn3() -> dict[bytes, str]:
    # Only Vietnamese letters: VN1 also keeps Latin-1 letters such as "ý"
    # at their own byte; those are Vietnamese too and stay.
    letters = set(vietnamese_letters())
    table = _iconv_table("TCVN5712-1", _TCVN3_SKIP)
    return {k: v for k, v in table.items() if v in letters}


def build_viscii() -> dict[bytes, str]:
    letters = set(vietnamese_letters())
    table: dict[bytes, str] = {}
    for value in list(range(0x00, 0x20)) + list(range(0x80, 0x100)):
        char = _iconv_one("VISCII", bytes([value]))
        if char in letters:
            table[bytes([value])] = char
    return table


# VNI-Windows: mark bytes that follow a base letter. Capital letters take the
# same mark 0x20 lower (the capital form of the Latin-1 letter).
_VNI_PLAIN_TONES = {"\u0301": 0xF9, "\u0300": 0xF8, "\u0309": 0xFB, "\u0303": 0xF5, "\u0323": 0xEF}
_VNI_CIRCUMFLEX_TONES = {
    "": 0xE2,
    "\u0301": 0xE1,
    "\u0300": 0xE0,
    "\u0309": 0xE5,
    "\u0303": 0xE3,
    "\u0323": 0xE4,
}
_VNI_BREVE_TONES = {
    "": 0xEA,
    "\u0301": 0xE9,
    "\u0300": 0xE8,
    "\u0309": 0xFA,
    "\u0303": 0xFC,
    "\u0323": 0xEB,
}
# Letters VNI writes as one byte: i with its tones, ơ, ư, đ, and ỵ.
_VNI_SINGLE = {
    "í": 0xED,
    "ì": 0xEC,
    "ỉ": 0xE6,
    "ĩ": 0xF3,
    "ị": 0xF2,
    "ơ": 0xF4,
    "ư": 0xF6,
    "đ": 0xF1,
    "ỵ": 0xEE,
}


def build_vni() -> dict[bytes, str]:
    lower: dict[bytes, str] = {}

    def add(seq: list[int], letter: str) -> None:
        lower[bytes(seq)] = unicodedata.normalize("NFC", letter)

    for letter, byte in _VNI_SINGLE.items():
        add([byte], letter)
    for base in "aeouy":
        for tone, mark in _VNI_PLAIN_TONES.items():
            if base + tone == "y\u0323":
                continue  # ỵ is the single byte 0xEE
            add([ord(base), mark], base + tone)
    for base in "aeo":
        for tone, mark in _VNI_CIRCUMFLEX_TONES.items():
            add([ord(base), mark], base + "\u0302" + tone)
    for tone, mark in _VNI_BREVE_TONES.items():
        add([ord("a"), mark], "a\u0306" + tone)
    for shaped, byte in (("ơ", 0xF4), ("ư", 0xF6)):
        for tone, mark in _VNI_PLAIN_TONES.items():
            add([byte, mark], shaped + tone)
    table = dict(lower)
    for seq, letter in lower.items():
        table[bytes(_vni_upper_byte(b) for b in seq)] = letter.upper()
    return table


def _vni_upper_byte(value: int) -> int:
    if 0x61 <= value <= 0x7A or 0xE0 <= value <= 0xFE:
        return value - 0x20
    return value


BUILDERS = {"tcvn3": build_tcvn3, "vni": build_vni, "viscii": build_viscii}


def render(table: dict[bytes, str]) -> str:
    lines = ["# legacy bytes (hex)\tUnicode letter\tcode point"]
    for seq, letter in sorted(table.items(), key=lambda kv: (len(kv[0]), kv[0])):
        hexes = " ".join(f"{b:02X}" for b in seq)
        lines.append(f"{hexes}\t{letter}\tU+{ord(letter):04X}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    names = list(BUILDERS)
    if shutil.which("iconv") is None:
        print("iconv not found: only the VNI table can be built", file=sys.stderr)
        names = ["vni"]
    status = 0
    for name in names:
        text = render(BUILDERS[name]())
        path = DATA_DIR / f"{name}.tsv"
        if args.check:
            if path.read_text(encoding="utf-8") != text:
                print(f"{path} differs from the built table", file=sys.stderr)
                status = 1
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path} ({len(text.splitlines()) - 1} entries)")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
