"""Integrity of the curated legacy tables in theodoi/text/encodings/data/."""

from __future__ import annotations

import shutil
import unicodedata

import pytest

from theodoi.text.encodings import build
from theodoi.text.encodings.tables import DATA_DIR, LEGACY_ENCODINGS, load_table

ALL_LETTERS = build.vietnamese_letters()
LOWER = [c for c in ALL_LETTERS if c.islower()]
TCVN3_CAPITALS = list("ĂÂÊÔƠƯĐ")


def test_every_vietnamese_letter_is_counted() -> None:
    assert len(ALL_LETTERS) == 2 * 67  # 12 vowels × 6 tones − 6 plain + ă/â… + đ, both cases
    assert all(unicodedata.is_normalized("NFC", c) for c in ALL_LETTERS)


@pytest.mark.parametrize("name", LEGACY_ENCODINGS)
def test_table_maps_distinct_sequences_to_vietnamese_letters(name: str) -> None:
    table = load_table(name)
    letters = list(table.values())
    assert set(letters) <= set(ALL_LETTERS)
    assert len(letters) == len(set(letters)), "two byte sequences decode to one letter"
    for seq in table:
        assert 1 <= len(seq) <= 2
        assert any(b >= 0x80 or b < 0x20 for b in seq), f"{seq!r} would hijack plain ASCII"


@pytest.mark.parametrize(
    ("name", "required"),
    [("vni", ALL_LETTERS), ("viscii", ALL_LETTERS), ("tcvn3", LOWER + TCVN3_CAPITALS)],
)
def test_table_covers_the_alphabet(name: str, required: list[str]) -> None:
    missing = set(required) - set(load_table(name).values())
    assert not missing, f"{name} lacks {sorted(missing)}"


def test_vni_single_byte_letters_are_not_prefixes_of_pairs() -> None:
    table = load_table("vni")
    singles = {seq for seq in table if len(seq) == 1}
    # ô (0xF4) is both ơ alone and the base of ớ/ờ…: longest match must win.
    assert bytes([0xF4]) in singles
    assert bytes([0xF4, 0xF9]) in table


@pytest.mark.skipif(shutil.which("iconv") is None, reason="iconv is needed to rebuild the tables")
def test_committed_tables_match_the_build_step() -> None:
    for name, builder in build.BUILDERS.items():
        committed = (DATA_DIR / f"{name}.tsv").read_text(encoding="utf-8")
        assert committed == build.render(builder()), f"{name}.tsv is stale: rerun the build"
