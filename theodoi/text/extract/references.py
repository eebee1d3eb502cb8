"""Document numbers ("số và ký hiệu") cited in a text.

Real documents write them as "2705/KH-UBND", "80-CTr/TU", "05-NQ-TU",
"34/2007/PL-UBTVQH11", "88/NQLT/CP-ĐCTUBTWMTTQVN", with stray spaces
("49-CT /TW", "100 /NQ-CP", "CP- ĐCTU…") and OCR's "QD" for "QĐ". One bounded
pattern finds them all; ``normalize_number`` gives the one spelling used for
comparison and output.
"""

from __future__ import annotations

import re

_CODE = r"[A-ZĐ][A-Za-zĐđ]{0,24}\d{0,2}"
_NUMBER = re.compile(
    rf"(?<![\w/.-])(?P<num>\d{{1,5}}[a-z]?)(?:/(?P<year>(?:19|20)\d\d))?"
    rf"(?P<sep>\s?[-/]\s?)(?P<code>{_CODE}(?:(?:\s?[-/]\s?|&){_CODE}){{0,4}})"
)
_OCR_CODES = {
    "QD": "QĐ",
    "ND": "NĐ",
    "DA": "ĐA",
    "DU": "ĐU",
    "DCT": "ĐCT",
    "HD": "HĐ",
    "HDND": "HĐND",
    "DCTUBTWMTTQVN": "ĐCTUBTWMTTQVN",
    "QDi": "QĐi",
}


def _fix_code(part: str) -> str:
    return _OCR_CODES.get(part, part)


def normalize_number(text: str) -> str:
    """'49-CT /TW' → '49-CT/TW'; 'QD' → 'QĐ' in codes."""
    text = re.sub(r"\s*([-/])\s*", r"\1", text.strip())
    parts = re.split(r"([-/&])", text)
    return "".join(_fix_code(p) if p not in "-/&" else p for p in parts)


_KIND_WORDS = {
    "chỉ thị": "CT",
    "nghị quyết": "NQ",
    "kết luận": "KL",
    "kế hoạch": "KH",
    "quyết định": "QĐ",
    "chương trình": "CTr",
}
_KIND_BEFORE = re.compile(
    r"(chỉ thị|nghị quyết|kết luận|kế hoạch|quyết định|chương trình)(?: hành động)?\s+(?:số\s+)?$",
    re.I,
)


# "Mẫu số 01 và 02/HNMT", "(Mẫu số 03/BB)": the number of a blank form, not a document
_FORM_BEFORE = re.compile(r"\b(?:[Mm]ẫu|MẪU)\s+(?:số\s+|SỐ\s+)?(?:\d{1,3}\s*(?:,|và|-|–)\s*)*$")
_MARKED_CODE = re.compile(r"^(.*[-/])([A-ZĐ][A-Za-zĐđ]*?)(\d{1,2})$")
_NAMES_A_DOCUMENT = re.compile(r"^[A-ZĐ]{2,}(?:NQ|CT|KL|QĐ)$")


def _drop_footnote_marker(number: str) -> str:
    """'66-NQ/TW1' → '66-NQ/TW': a footnote mark printed after the number.

    Only session numbers of the legislature ("QH15", "UBTVQH11") end in digits,
    codes of ad-hoc bodies named after the resolution they deal with
    ("BCĐTKNQ18": steering committee reviewing resolution 18), where a kind
    code (NQ, CT, KL, QĐ) is glued after other letters; unit codes written
    with a leading zero ("PC06", a police department): a footnote is never "06";
    and a unit's code of one letter and its number ("7404/QĐ-BCA-C04",
    "12/KH-V01"): a mark is glued to a word, never to a lone letter.
    """
    m = _MARKED_CODE.match(number)
    if m and (
        _NAMES_A_DOCUMENT.match(m.group(2)) or m.group(3).startswith("0") or len(m.group(2)) == 1
    ):
        return number
    if m and not m.group(2).endswith("QH") and not m.group(1)[:-1].isdigit():
        return m.group(1) + m.group(2)
    return number


def find_numbers(text: str) -> list[str]:
    """Every document number in ``text``, normalised, in order (with repeats).

    A number whose code contradicts the word before it ("Chỉ thị số 49-NQ/TW")
    is an evident misprint and is dropped when the right spelling (49-CT/TW)
    is cited elsewhere in the same text.
    """
    out: list[str] = []
    suspects: list[tuple[int, str]] = []
    for m in _NUMBER.finditer(text):
        code = m.group("code")
        first = re.split(r"[-/&\s]", code, maxsplit=1)[0]
        if not _plausible(m.group("num"), first, m.group("sep"), code):
            continue
        if _FORM_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
            continue
        number = _drop_footnote_marker(normalize_number(m.group(0)))
        before = _KIND_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
        expected = _KIND_WORDS.get(before.group(1).lower()) if before else None
        if expected and first.upper() != expected.upper() and first in _KIND_WORDS.values():
            suspects.append((len(out), number.replace(first, expected, 1)))
        out.append(number)
    for index, corrected in reversed(suspects):
        if corrected in out:
            del out[index]
    return out


def _plausible(num: str, first_code: str, sep: str, code: str) -> bool:
    if " " in sep and not re.search(r"[-/]", code):
        return False  # "2 - Hà Nội": a spaced dash needs a code with its own separator
    if len(first_code) == 1 and not re.search(r"[-/]", code):
        return False
    lowers = sum(1 for ch in first_code if ch.islower())
    return lowers <= 2


def unique_in_order(items: list[str], exclude: set[str] | None = None) -> list[str]:
    seen = {s.upper() for s in exclude or ()}
    out: list[str] = []
    for item in items:
        key = item.upper()
        if key in seen:
            continue
        seen.add(key)
        out.append(item)
    return out
