"""decode_bytes / convert_legacy on real encodings of fictional plan text."""

from __future__ import annotations

import unicodedata

import pytest

from theodoi.text.encodings import (
    convert_legacy,
    decode_bytes,
    encode_legacy,
    font_encoding,
    is_syllable,
    legacy_from_bytes,
    vietnamese_score,
)

SAMPLE = (
    "Ủy ban nhân dân tỉnh Hòa Lâm ban hành Kế hoạch thực hiện Nghị quyết số 43-NQ/TW "
    "về tiếp tục phát huy truyền thống, sức mạnh đại đoàn kết toàn dân tộc; các sở, ban, "
    "ngành báo cáo kết quả về Sở Nội vụ trước ngày 10/12 hằng năm để tổng hợp."
)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "viscii"])
def test_legacy_bytes_are_detected_and_decoded(encoding: str) -> None:
    data = encode_legacy(SAMPLE, encoding)
    assert data != SAMPLE.encode("utf-8")
    text, found = decode_bytes(data)
    assert found == encoding
    assert text == SAMPLE


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "viscii"])
def test_legacy_text_saved_as_utf8_is_repaired(encoding: str) -> None:
    # What a converter that assumed Windows-1252 leaves behind.
    garbled = encode_legacy(SAMPLE, encoding).decode("cp1252", errors="replace")
    if "\ufffd" in garbled:
        garbled = encode_legacy(SAMPLE, encoding).decode("latin-1")
    text, found = decode_bytes(garbled.encode("utf-8"))
    assert found == f"utf-8+{encoding}"
    assert text == SAMPLE


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("utf-16"), "utf-16-le"),
        (b"\xfe\xff" + SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (SAMPLE.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_unicode_encodings_with_and_without_bom(data: bytes, name: str) -> None:
    text, found = decode_bytes(data)
    assert (text, found) == (SAMPLE, name)


def test_windows_1258_with_combining_tones() -> None:
    encoded = _cp1258(SAMPLE)
    assert encoded != SAMPLE.encode("utf-8")
    text, found = decode_bytes(encoded)
    assert found == "cp1258"
    assert text == SAMPLE


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: shaped letter + combining tone."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        tone = "".join(m for m in decomposed if m in tones)
        base = unicodedata.normalize("NFC", "".join(m for m in decomposed if m not in tones))
        out += base.encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


def test_plain_ascii_and_unicode_are_left_alone() -> None:
    assert decode_bytes(b"Plan 2025: UBND tinh") == ("Plan 2025: UBND tinh", "utf-8")
    french = "Le comité a étudié la «réforme» – très bien."
    assert decode_bytes(french.encode("utf-8")) == (french, "utf-8")


def test_convert_legacy_leaves_non_legacy_characters() -> None:
    assert convert_legacy("Ban 43-NQ/TW", "tcvn3") == "Ban 43-NQ/TW"
    assert convert_legacy("Céng hoµ", "tcvn3") == "Cộng hoà"
    assert convert_legacy("Coäng hoøa", "vni") == "Cộng hòa"
    with pytest.raises(ValueError):
        convert_legacy("x", "koi8")


def test_legacy_from_bytes_round_trips_every_letter() -> None:
    from theodoi.text.encodings.build import vietnamese_letters

    letters = "".join(vietnamese_letters())
    for encoding in ("vni", "viscii"):
        assert legacy_from_bytes(encode_legacy(letters, encoding), encoding) == letters
    lower = "".join(c for c in letters if c.islower())
    assert legacy_from_bytes(encode_legacy(lower, "tcvn3"), "tcvn3") == lower


@pytest.mark.parametrize(
    ("font", "expected"),
    [
        (".VnTime", ("tcvn3", False)),
        (".VnTimeH", ("tcvn3", True)),
        (".VnArial NarrowH", ("tcvn3", True)),
        ("VNI-Times", ("vni", False)),
        ("VNI-Helve-Condense", ("vni", False)),
        ("Times New Roman", None),
        (None, None),
    ],
)
def test_font_encoding(font: str | None, expected: tuple[str, bool] | None) -> None:
    assert font_encoding(font) == expected


def test_syllable_grammar() -> None:
    for word in ["nghiêng", "quyết", "gì", "giếng", "Đảng", "khuya", "ưu", "oán", "TỈNH"]:
        assert is_syllable(word), word
    for word in ["hoµ", "plan", "ngx", "tàc", "bloc", "Céng"]:
        assert not is_syllable(word), word
    assert vietnamese_score(SAMPLE) > 0.8
    assert vietnamese_score(encode_legacy(SAMPLE, "tcvn3").decode("latin-1")) < 0.6
