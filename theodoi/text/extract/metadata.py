"""What the document is: kind, number, issuer, place and date, title, parents.

Read from the header lines (issuer in capitals, "Số: 2705/KH-UBND",
"Tây Ninh, ngày 05 tháng 9 năm 2024", the kind word "KẾ HOẠCH" and the title
under it). Copies that lost their header (a body pasted into a text file, an
OCR of pages 2–n) fall back on the opening sentence ("…, Ủy ban nhân dân tỉnh
ban hành Kế hoạch …"), the signature block ("TM. ỦY BAN NHÂN DÂN") and the
province most named in the text.

Finding the header and reading it are processors in priority registries
(``theodoi.text.registry``): ``HEADER_LAYOUTS`` find the header's lines among
the document's lines (a Word header table column by column, a markdown
"| … |" row, a printed line; the first that gives lines decides), and
``HEADER_READERS`` read number, place, date and issuer from them (text-layer
columns, whole lines, the caps issuer block, a caps issuer line, the opening
sentence, the signature). Every reader runs; each fills only the fields still
empty, so a new header layout is one reader registered at the priority where
its fields must win.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol

from theodoi.text.extract.references import find_numbers, normalize_number, unique_in_order
from theodoi.text.extract.scanheader import (
    drop_junk_start,
    fix_party_words,
    issuer_pieces,
    kind_code,
    place_before_day,
)
from theodoi.text.lexicon import data_rows
from theodoi.text.model import DocumentInfo, Horizon
from theodoi.text.outline.segment import is_caps
from theodoi.text.registry import Registry
from theodoi.text.restore.tokens import is_syllable_shape
from theodoi.text.vietnamese import strip_diacritics

_NUMBER_LINE = re.compile(
    r"^\s*(?:(?:Luật|Pháp lệnh|Lệnh)\s+)?(?:Số|So|S6|Sô|số)\s*[:.]?\s*"
    r"(?P<n>\d[^\s,;]*(?:\s?/\s?[^\s,;]+)*)",
    re.I,
)
_PLACE_DATE = re.compile(
    r"(?P<place>[A-ZĐÀ-Ỹ][\wÀ-ỹ.' -]{1,40}?)\s*,\s*ngày\s+(?P<d>\d{1,2})"
    r"(?:\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+|\s*/\s*(?P<m2>\d{1,2})\s*/\s*)(?P<y>(?:19|20)\d\d)"
)
_ISSUER_HEADER = re.compile(
    r"^(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|"
    r"HUYỆN ỦY|HUYỆN UỶ|THỊ ỦY|ĐẢNG ỦY|ĐẢNG UỶ|BAN CHẤP HÀNH|BAN THƯỜNG VỤ|CHÍNH PHỦ|THỦ TƯỚNG|"
    r"BỘ |SỞ |BAN |ỦY BAN MẶT TRẬN|QUỐC HỘI|ỦY BAN THƯỜNG VỤ QUỐC HỘI|ỦY BAN MTTQ|"
    r"MẶT TRẬN|ĐẢNG BỘ|VĂN PHÒNG|HỘI )"
)
_NATIONAL = re.compile(r"CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐẢNG CỘNG SẢN VIỆT NAM")
_ISSUER_IN_INTRO = re.compile(
    r"(?P<issuer>(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Ban Chấp hành Đảng bộ|"
    r"Ban chấp hành Đảng bộ|Ban Thường vụ|Tỉnh ủy|Thành ủy|Huyện ủy|Đảng ủy|Chính phủ|"
    r"Thủ tướng Chính phủ|Bộ [A-ZĐ][\w ]{2,40}?|"
    r"Sở [A-ZĐ][\w ]{2,40}?)(?:\s+(?:tỉnh|thành phố|huyện|thị xã|xã|phường|Tỉnh|Thành phố|Huyện)"
    r"(?:\s+[A-ZĐ][\wÀ-ỹ]*){0,3})?)\s*(?:\([^)]{0,20}\)\s*)?"
    r"(?:xây dựng|ban hành|đề ra|triển khai|thống nhất ban hành)\s+"
    r"(?P<kind>Kế hoạch|kế hoạch|Chương trình|"
    r"chương trình)",
)
_DRAFT_NUMBER = re.compile(
    r"^(?:Số|So)\s*[:.]?\s*[.…_\s]*/\s*(?:(?:19|20)\d\d\s*/\s*)?(?P<code>[A-Za-zĐđ][\w.\-Đđ]*)",
    re.I,
)
_PLACE_BLANK_DATE = re.compile(
    r"^(?:[*_]\s*)?(?P<place>[A-ZĐÀ-Ỹ][\wÀ-ỹ' -]{1,40}?)\s*,\s*ngày\b(?!\s*\d)"
)
_DAY_WORD = "ngày"  # in both patterns above, as written: a line without it matches neither


def _place_date(text: str) -> re.Match[str] | None:
    """``_PLACE_DATE.search(text)``, skipped on the many lines without "ngày"."""
    return _PLACE_DATE.search(text) if _DAY_WORD in text else None


def _place_blank_date(text: str) -> re.Match[str] | None:
    """``_PLACE_BLANK_DATE.search(text)``, skipped on the lines without "ngày"."""
    return _PLACE_BLANK_DATE.search(text) if _DAY_WORD in text else None


_CARRIED_OUT = re.compile(r"(?:^|(?<=[;.])\s+)(?:Thực hiện|Triển khai)\s+[^;]+")
_CENTRAL_CITIES = {"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"}
_SUBJECT = re.compile(r"^V/v\.?\s*:?\s*(?P<s>.+)$")
_HORIZON = re.compile(
    r"(?:giai đoạn|thời kỳ)\s+(?P<a>(?:19|20)\d\d)\s*[-–—]\s*(?P<b>(?:19|20)\d\d)"
    r"|(?:đến|tới)\s+năm\s+(?P<c>(?:19|20)\d\d)"
    r"|(?:nhiệm kỳ)\s+(?P<d>(?:19|20)\d\d)\s*[-–—]\s*(?P<e>(?:19|20)\d\d)"
    r"|\bnăm\s+(?P<y>(?:19|20)\d\d)\s*$",
    re.I,
)
_PROVINCE = re.compile(r"\b(tỉnh|thành phố)\s+((?:[A-ZĐ][\wÀ-ỹ]+)(?:\s+[A-ZĐ][\wÀ-ỹ]+){0,2})")


@lru_cache(maxsize=1)
def _kinds() -> tuple[dict[str, str], list[tuple[str, str]]]:
    by_code: dict[str, str] = {}
    by_word: list[tuple[str, str]] = []
    for code, kind, words in data_rows("doc_kinds.tsv"):
        by_code[code] = kind
        by_word.extend((w, kind) for w in words.split("|"))
    by_word.sort(key=lambda p: len(p[0]), reverse=True)
    return by_code, by_word


def kind_of_number(number: str) -> str | None:
    by_code, _ = _kinds()
    m = re.match(r"\d+[a-z]?(?:/\d{4})?[-/](?P<code>[A-Za-zĐđ]+)", number)
    return by_code.get(m.group("code")) if m else None


def kind_of_word(text: str) -> str | None:
    _, by_word = _kinds()
    upper = text.strip().upper()
    for word, kind in by_word:
        if upper.startswith(word):
            return kind
    return None


def issuer_type(issuer: str | None, number: str | None) -> str:
    text = (issuer or "").lower()
    folded = strip_diacritics(text)
    code = (number or "").upper()
    if re.search(
        r"đảng|ủy\b|uỷ\b|ban chấp hành|ban thường vụ|bộ chính trị|ban bí thư", text
    ) and not (re.search(r"ủy ban|uỷ ban", text)):
        return "party"
    if re.search(r"\b(?:tỉnh|thành|huyện|quận|thị|đảng) (?:ủy|uỷ)\b", text):
        return "party"  # "Đảng ủy Ủy ban nhân dân tỉnh", "Ủy ban Kiểm tra Tỉnh ủy"
    if re.search(r"/(?:TW|TU|HU|TH|ĐU|QU|TT)$", code) or (
        "-" in code and re.search(r"\d-[A-ZĐ]+/(?:TW|TU|HU|ĐU|QU)", code)
    ):
        return "party"
    if "quốc hội" in text:
        return "other"
    if (
        "mat tran" in folded
        or "mttq" in folded
        or re.search(
            r"^hội |\bhội (?:liên hiệp|nông dân|cựu chiến binh|phụ nữ)|đoàn thanh niên|"
            r"công đoàn|liên đoàn",
            text,
        )
    ):
        return "front"
    if re.search(
        r"ủy ban nhân dân|uỷ ban nhân dân|ubnd|chính phủ|thủ tướng|^bộ |^sở |hội đồng nhân dân|"
        r"^tổ công tác liên ngành",  # an inter-agency team of the state sectors
        text,
    ):
        return "government"
    if re.search(r"-(?:UBND|CP|TTg|HĐND|B[A-Z]+|S[A-Z]+)$", code):
        return "government"
    return "other"


def level_of(issuer: str | None, number: str | None) -> str | None:
    text = (issuer or "").lower()
    code = (number or "").upper()
    if re.search(r"trung ương|chính phủ|thủ tướng|bộ chính trị|ban bí thư|quốc hội|^bộ ", text) or (
        re.search(r"/TW$|-CP$|-TTG$|/QH\d*", code)
    ):
        return "central"
    if re.search(r"\bxã\b|phường|thị trấn", text) or (
        re.search(r"đảng (?:ủy|uỷ)", text)
        and not re.search(r"tỉnh|huyện|quận|thành phố|thị xã", text)
    ):
        return "commune"
    if re.search(r"huyện|quận|thị xã|thị ủy|thị uỷ", text):
        return "district"
    if re.search(r"thành phố|thành ủy|thành uỷ", text) and "trực thuộc trung ương" not in text:
        return "city"
    if re.search(r"tỉnh|^sở ", text) or re.search(r"/TU$|-UBND$", code):
        return "province"
    return None


_PROPER = [
    ("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ"),
    ("CHÍNH PHỦ", "Chính phủ"),
    ("BỘ CHÍNH TRỊ", "Bộ Chính trị"),
    ("BAN BÍ THƯ", "Ban Bí thư"),
    ("BAN CHẤP HÀNH TRUNG ƯƠNG", "Ban Chấp hành Trung ương"),
    ("QUỐC HỘI", "Quốc hội"),
]


def _title_case_issuer(caps: str) -> str:
    for upper, proper in _PROPER:
        if caps.strip() == upper:
            return proper
    if re.match(r"^(?:BỘ|SỞ|CỤC) \S", caps) and not _PLACE_IN.search(caps):
        # "Bộ Văn hóa, Thể thao và Du lịch": each joined field starts with a capital
        head, rest = caps.split(" ", 1)
        parts = re.split(r"(,\s*|\s+VÀ\s+)", rest)
        return (
            head.capitalize()
            + " "
            + "".join(p.lower() if i % 2 else p[:1] + p[1:].lower() for i, p in enumerate(parts))
        )
    words = caps.split()
    out: list[str] = []
    keep_upper = {"UBND", "HĐND", "MTTQ", "BCĐ", "BCH", "BTV", "CAND", "QĐND"}
    lower_words = {
        "NHÂN", "DÂN", "ỦY", "UỶ", "BAN", "CHẤP", "HÀNH", "THƯỜNG", "VỤ", "ĐẢNG", "BỘ", "TỈNH",
        "THÀNH", "PHỐ", "HUYỆN", "XÃ", "PHỦ", "TƯỚNG", "ĐỒNG", "HỘI", "CHÍNH", "THỊ", "PHƯỜNG",
    }  # fmt: skip
    for i, word in enumerate(words):
        if word in keep_upper:
            out.append(word)
        elif i == 0:
            out.append(word.capitalize())
        elif words[i - 1] in ("BAN", "TỔ") and (i < 2 or words[i - 2] not in ("ỦY", "UỶ")):
            out.append(word.capitalize())  # "Ban Thường trực", "Tổ Công tác"
        elif word in lower_words and not _is_place_word(words, i):
            out.append(word.lower())
        elif _is_place_word(words, i) or word in ("VIỆT", "NAM"):
            out.append(word.capitalize())
        else:
            out.append(word.lower())
    text = " ".join(out)
    text = re.sub(r"\bTỉnh ủy\b|\btỉnh ủy\b", "Tỉnh ủy", text)
    text = re.sub(r"^(Ủy ban|Uỷ ban) nhân dân", r"\1 nhân dân", text)
    text = re.sub(r"\bban chấp hành\b", "Ban Chấp hành", text)
    for wrong, right in (("Thường Trực", "Thường trực"), ("Chỉ Đạo", "Chỉ đạo"),
                         ("Kiểm Tra", "kiểm tra"), ("Công Tác", "Công tác")):  # fmt: skip
        text = text.replace(wrong, right)
    text = re.sub(r"\bban thường vụ\b", "Ban Thường vụ", text)
    # "ĐẢNG ĐOÀN QUỐC HỘI", "BAN CÁN SỰ ĐẢNG CHÍNH PHỦ": the national bodies are proper names
    text = re.sub(r"(?<=\S )quốc hội\b", "Quốc hội", text)
    text = re.sub(r"(?<=\S )chính phủ\b", "Chính phủ", text)
    text = re.sub(r"\bđảng bộ\b", "Đảng bộ", text)
    text = re.sub(r"\b(Tỉnh|Thành|Huyện) (ủy|uỷ)\b", lambda m: f"{m.group(1)} {m.group(2)}", text)
    text = re.sub(
        r"\b(Tỉnh|Thành|Huyện|Thị|Đảng|Quận) (Ủy|Uỷ)\b",
        lambda m: f"{m.group(1)} {m.group(2).lower()}",
        text,
    )
    # "BAN THƯỜNG VỤ TỈNH ỦY" → "Ban Thường vụ Tỉnh ủy": the committee keeps its capital
    text = re.sub(
        r"(?<=\S )(tỉnh|thành|huyện|thị|đảng|quận) (ủy|uỷ)\b",
        lambda m: f"{m.group(1).capitalize()} {m.group(2).lower()}",
        text,
        flags=re.I,
    )
    return text


def _is_place_word(words: list[str], index: int) -> bool:
    """In 'ỦY BAN NHÂN DÂN TỈNH TÂY NINH' the words after 'TỈNH' are the place."""
    for j in range(index - 1, -1, -1):
        if words[j] in {"TỈNH", "HUYỆN", "XÃ", "PHƯỜNG", "QUẬN"} or (
            words[j] == "PHỐ" and j > 0 and words[j - 1] == "THÀNH"
        ):
            return j < index
        if words[j] in ("ỦY", "UỶ") and j > 0 and words[j - 1] in {"THÀNH", "THỊ"}:
            return True  # "THÀNH ỦY HÒA LÂM": the city's name follows its committee
    return False


# --- the header block -------------------------------------------------------

_HEADER_CELL = re.compile(r"^\s*(?:Số|So)\s*[:.]|CỘNG HÒA|CỘNG HOÀ|Độc lập|,\s*ngày\b|^V/v\b", re.M)


class HeaderLayout(Protocol):
    """How one line of the document gives lines of the header block."""

    def test(self, line: Any) -> bool: ...

    def run(self, line: Any) -> list[str] | None: ...


class WordHeaderTable:
    """Word plans print the header as a two-column table (issuer and number on the
    left, the national motto and "place, date" on the right): its cells are read
    column by column, merged cells once. Any other table gives nothing."""

    def test(self, line: Any) -> bool:
        return getattr(line, "table", None) is not None

    def run(self, line: Any) -> list[str] | None:
        out: list[str] = []
        table = line.table
        cells = [c for row in table.rows for c in row]
        if not any(_HEADER_CELL.search(c) for c in cells) or len(table.rows) > 6:
            return out
        width = max(len(row) for row in table.rows)
        for column in range(width):
            for row in table.rows:
                if column >= len(row) or (column and row[column] == row[column - 1]):
                    continue
                out.extend(x.strip() for x in row[column].split("\n") if x.strip())
        return out


class MarkdownHeaderRow:
    """A markdown transcription gives the header table as "| … | … |" lines: their
    cells in order (the "|---|" rule gives nothing)."""

    def test(self, line: Any) -> bool:
        text = line.text
        return bool(text.lstrip().startswith("|") and text.rstrip().endswith("|"))

    def run(self, line: Any) -> list[str] | None:
        cells = [c.strip() for c in line.text.strip().strip("|").split("|")]
        if all(re.fullmatch(r":?-{3,}:?", c) for c in cells if c):
            return []
        return [c for c in cells if c]


class PrintedLine:
    """Any other line comes as printed (a text layer may hold both columns on it)."""

    def test(self, line: Any) -> bool:
        return True

    def run(self, line: Any) -> list[str] | None:
        return [line.text]


def header_layouts() -> Registry[HeaderLayout]:
    """A fresh registry of the built-in header layouts."""
    layouts: Registry[HeaderLayout] = Registry()
    layouts.register(WordHeaderTable(), "word_table", 100)
    layouts.register(MarkdownHeaderRow(), "markdown_row", 90)
    layouts.register(PrintedLine(), "printed_line", 0)
    return layouts


#: How the header block is found in the document's lines (copy it to add one).
HEADER_LAYOUTS = header_layouts()


def header_lines(lines: Sequence[Any], layouts: Registry[HeaderLayout] | None = None) -> list[str]:
    """The header as lines of text, whatever its layout.

    Each line is read by the first layout of ``layouts`` (``HEADER_LAYOUTS``)
    whose ``test`` holds and whose ``run`` gives lines: a Word header table
    column by column, a markdown "| … |" row cell by cell, any other line as
    printed.
    """
    out: list[str] = []
    for line in lines:
        for layout in HEADER_LAYOUTS if layouts is None else layouts:
            if layout.test(line):
                found = layout.run(line)
                if found is not None:
                    out.extend(found)
                    break
    # "Số:" and "/QĐ-BVHTTDL" on two lines (a transcription of a blank number)
    joined: list[str] = []
    for text in out:
        text = _STAR_BEFORE_NUMBER.sub("", text)
        if (
            joined
            and re.fullmatch(r"\s*(?:Số|So)\s*[:.]?\s*", joined[-1])
            and text.strip()[:1] in "/0123456789"
        ):
            joined[-1] = joined[-1].strip() + " " + text.strip()
            continue
        joined.append(text)
    return joined


#: "* Số 11-KH/BCĐ": a transcription joined the star under a party issuer to its number
#: "THEO QUYẾT ĐỊNH" under an inspection team's name: the decision that set it up
_FOUNDING = re.compile(r"^(?:THEO|Theo)\s+(?:QUYẾT ĐỊNH|Quyết định)\b")
_STAR_BEFORE_NUMBER = re.compile(r"^\s*\\?\*+\s*(?=(?:Số|SỐ|So)\b)")

_ORG_START = re.compile(
    r"^(?:ỦY BAN|UỶ BAN|UBND|HỘI ĐỒNG|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|HUYỆN ỦY|HUYỆN UỶ|"
    r"THỊ ỦY|THỊ UỶ|QUẬN ỦY|ĐẢNG ỦY|ĐẢNG UỶ|ĐẢNG BỘ|ĐẢNG ĐOÀN|BAN\b|SỞ\b|BỘ\b|CHÍNH PHỦ|THỦ TƯỚNG|"
    r"VĂN PHÒNG|ĐOÀN\b|TỔ\b|PHÒNG\b|CỤC\b|CHI CỤC|TRUNG TÂM|MẶT TRẬN|HỘI\b|CÔNG AN|"
    r"THƯỜNG TRỰC|TIỂU BAN|QUỐC HỘI|TRƯỜNG\b|BỘ CHỈ HUY|BỘ ĐỘI)"
)
_PLACE_START = re.compile(
    r"^(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\b(?!\s*[ỦU]Ỷ?\b)"
)
_SUB_UNIT = re.compile(
    r"^(?:ĐOÀN KIỂM TRA|ĐOÀN CÔNG TÁC|ĐOÀN THANH TRA|BAN THƯỜNG TRỰC|THƯỜNG TRỰC|TỔ GIÚP VIỆC|"
    r"TỔ CÔNG TÁC|TIỂU BAN|BỘ PHẬN|PHÒNG\b|VĂN PHÒNG\s*$)"
)
_PLACE_IN = re.compile(
    r"\b(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s+"
    r"(?!(?:ủy|uỷ)\b)[A-ZĐÀ-Ỹ]",  # "Tỉnh ủy" names a committee, not a place
    re.I,
)
#: a party committee named with its place ("Tỉnh ủy Lâm Giang") and the level word of
#: that place ("tỉnh Lâm Giang")
_COMMITTEE_PLACE = re.compile(
    r"\b(?P<c>Tỉnh|Thành|Huyện|Quận|Thị) (?:ủy|uỷ)\s+"
    r"(?P<name>[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3})$"
)
_COMMITTEE_LEVEL = {"Tỉnh": "tỉnh", "Thành": "thành phố", "Huyện": "huyện", "Quận": "quận",
                    "Thị": "thị xã"}  # fmt: skip
#: a board or office of a party committee ("Ban Tuyên giáo", "Ủy ban Kiểm tra"): named
#: with the committee ("Ban Tuyên giáo Tỉnh ủy Lâm Giang"); a steering committee is not
_PARTY_ORGAN = re.compile(
    r"^(?:Ban (?!Chỉ đạo|chỉ đạo|Thường vụ|Chấp hành|Thường trực|Quản lý|Đại diện)\S|"
    r"Ủy ban Kiểm tra|Uỷ ban Kiểm tra|Ủy ban kiểm tra|Văn phòng|Trung tâm Chính trị)"
)
_PARTY_COMMITTEE = re.compile(r"^(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng) (?:ủy|uỷ)\b")
_PLACE_PART = re.compile(
    r"\b((?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)"
    r"\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3})$"
)


def issuer_block(head: list[str]) -> list[str]:
    """The organisations of the header's issuer block, highest first, in capitals.

    "UBND TỈNH X" / "SỞ Y" → ["UBND TỈNH X", "SỞ Y"]; a name wrapped over two
    lines ("ỦY BAN NHÂN DÂN" / "TỈNH X") is one organisation.
    """
    orgs: list[str] = []
    started = False
    after_motto = False  # a transcription may put the motto (or the date) between two of its lines
    # an OCR line holding both columns gives the issuer's own lines (scanheader.py)
    lines = [piece for raw in head[:14] for piece in (issuer_pieces(raw) or [raw])]
    for raw in lines:
        line = re.split(r"\s{3,}|\t", raw.strip())[0]
        motto = _NATIONAL.search(line) or re.search(r"\bĐộc lập\b", line)
        if motto and motto.start() > 0:  # OCR joined the two header columns on one line
            line = line[: motto.start()].strip()
        line = re.sub(r"[-_–—=*.\s]{3,}$", "", line).strip()
        if not line:
            continue
        if is_caps(line):
            line = fix_party_words(line)  # "TÍNH ỦY" as a restorer may spell "TINH UY"
        if _FOUNDING.match(line):
            continue  # "ĐOÀN KIỂM TRA" / "THEO QUYẾT ĐỊNH" / "SỐ 1050/QĐ-SCT": why it exists
        if _NATIONAL.search(line) or line.startswith("Độc lập") or _is_place_date(line):
            after_motto = started  # the other column's line, read between the issuer's
            continue
        if after_motto and not _interleaved_unit(line):
            break
        after_motto = False
        if _NUMBER_LINE.match(line) or re.match(r"^(?:Số|So)\s*[:.]", line):
            # "TỈNH ỦY X" / "Số 11-KH/BCĐ" / "BAN CHỈ ĐẠO …": a transcription may put the
            # number above the steering committee it belongs to
            if started and _board_follows(lines, raw):
                continue
            break
        if kind_of_word(line):
            break
        if not is_caps(line):
            if started:
                break
            continue
        if _ORG_START.match(line) and not (orgs and orgs[-1].endswith((",", "VÀ", "-", "–"))):
            orgs.append(line)
            started = True
        elif orgs:
            orgs[-1] = f"{orgs[-1]} {line}"
    return _committee_first(orgs)


#: a board, team or office of a committee: never the body above that committee
_BOARD = re.compile(r"^(?:BAN (?!CHẤP HÀNH|THƯỜNG VỤ|HÀNH)|TIỂU BAN|TỔ\b|ĐOÀN\b)")
#: a committee that boards belong to: a party committee, a people's committee
_COMMITTEE = re.compile(
    r"^(?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ|ĐẢNG) (?:ỦY|UỶ)|^(?:ỦY|UỶ) BAN NHÂN DÂN|^UBND|^ĐẢNG BỘ"
)


def _board_follows(lines: list[str], raw: str) -> bool:
    """The caps line after ``raw`` names a board ("BAN CHỈ ĐẠO …")."""
    index = lines.index(raw)
    after = next((x.strip().strip("*_ ") for x in lines[index + 1 :] if x.strip()), "")
    return is_caps(after) and bool(_BOARD.match(after))


def _committee_first(orgs: list[str]) -> list[str]:
    """ "BAN CHỈ ĐẠO …" / "TỈNH ỦY X": a transcription that put the board above its
    committee; the committee is the parent, the board issues."""
    if len(orgs) == 2 and _BOARD.match(orgs[0]) and _COMMITTEE.match(orgs[1]):
        return [orgs[1], orgs[0]]
    return orgs


def _interleaved_unit(line: str) -> bool:
    """ "TỈNH ỦY X" / "ĐẢNG CỘNG SẢN VIỆT NAM" / "BAN CHỈ ĐẠO …": a transcription that read
    the header row by row puts the motto between a body and its unit; a caps line naming
    an organisation right after the motto is still the issuer's (the motto's own column
    goes on with "Độc lập …" or the place and date, neither in capitals)."""
    return (
        is_caps(line)
        and bool(_ORG_START.match(line))
        and kind_of_word(line) is None
        and not line.startswith("BAN HÀNH")
    )


def _place_of(name: str) -> str | None:
    """ "UBND tỉnh X" → "tỉnh X"; a party committee's place too: "Tỉnh ủy X" → "tỉnh X"."""
    m = _PLACE_PART.search(name)
    if m:
        return m.group(1)
    m = _COMMITTEE_PLACE.search(name)
    return f"{_COMMITTEE_LEVEL[m.group('c')]} {m.group('name')}" if m else None


def _committee_of_place(issuer: str, place: str) -> bool:
    """The place's own committee ("Tỉnh ủy", "Ban Thường vụ Tỉnh ủy" with the place
    "tỉnh X"), named "Tỉnh ủy X" rather than "Tỉnh ủy tỉnh X"."""
    m = re.search(r"\b(Tỉnh|Thành|Huyện|Quận|Thị) (?:ủy|uỷ)$", issuer)
    return m is not None and place.startswith(_COMMITTEE_LEVEL[m.group(1)] + " ")


def compose_issuer(orgs: list[str]) -> tuple[str | None, str | None]:
    """(issuer, parent) from the header's organisations.

    The lowest organisation issues; a unit inside another (an inspection
    team, a standing board) is named with the body it belongs to; the place
    of the body above is added to a name without one ("Sở Công Thương tỉnh
    Lào Cai"), as the document would be cited.
    """
    if not orgs:
        return None, None
    names = [_title_case_issuer(o) for o in orgs]
    issuer, parents = names[-1], names[:-1]
    parent = parents[-1] if parents else None
    place = next((p for p in (_place_of(n) for n in reversed(parents)) if p), None)
    if parent and place and not _place_of(parent) and parent.split()[0] not in ("Bộ",):
        parent = f"{parent} {place}"
    own_scope = re.search(
        r"LIÊN NGÀNH|TRUNG ƯƠNG", orgs[-1]
    )  # an inter-agency team is no unit of it
    if parent and _SUB_UNIT.match(orgs[-1]) and not _PLACE_IN.search(issuer) and not own_scope:
        return f"{issuer} {parent}", parent
    if (
        parent
        and _PARTY_ORGAN.match(issuer)
        and _PARTY_COMMITTEE.match(parent)
        and not _PLACE_IN.search(issuer)
        and not _COMMITTEE_PLACE.search(issuer)
    ):
        return f"{issuer} {parent}", parent  # "Ban Tuyên giáo" under "Tỉnh ủy X"
    if (
        place
        and not _PLACE_IN.search(issuer)
        and not _COMMITTEE_PLACE.search(issuer)
        and not re.match(r"^(?:Bộ|Chính phủ|Thủ tướng)", issuer)
    ):
        level_word = "thành phố" if place.startswith("thành phố") else place.split()[0]
        if issuer.lower().endswith(" " + level_word) or _committee_of_place(issuer, place):
            # "Đảng ủy Ủy ban nhân dân tỉnh" + "Lào Cai"; "Tỉnh ủy" + "Lâm Giang"
            issuer = f"{issuer} {place[len(level_word) :].strip()}"
        else:
            issuer = f"{issuer} {place}"
    return issuer, parent


@dataclass
class Header:
    """The header block being read, what is around it, and what was read so far."""

    lines: list[str]  # the header's lines (fraction slashes made "/")
    preamble: list[str] = field(default_factory=list)
    end_matter: list[str] = field(default_factory=list)
    intro: str | None = None  # the opening sentence ("Thực hiện …, UBND tỉnh ban hành …")
    province: str | None = None  # the province most named in the text
    info: DocumentInfo = field(default_factory=DocumentInfo)
    draft_kind: str | None = None  # the kind a blank number's code gives ("Số:   /KH-UBND")

    @property
    def columns(self) -> list[str]:
        """Each line cut where a text layer put the header's two columns side by side
        ("Số: 12/KH-UBND      Hòa Lâm, ngày …")."""
        return [p for line in self.lines for p in re.split(r"\s{3,}|\t", line.strip()) if p]


class HeaderReader(Protocol):
    """What one layout of the header gives: number, place and date, or the issuer."""

    def test(self, header: Header) -> bool: ...

    def run(self, header: Header) -> None: ...


def _read_number_and_date(header: Header, lines: list[str]) -> None:
    """Number, draft, place and date from the first ``lines`` that give them."""
    info = header.info
    for index, line in enumerate(lines):
        if len(line) > 160:
            continue  # header lines are short; body paragraphs are not searched
        m = _NUMBER_LINE.match(line)
        if m and index and _FOUNDING.match(lines[index - 1].strip()):
            m = None  # the decision that set up the issuing team, not this document's number
        # "Số: 12/KH-UBND" — not a wrapped sentence that happens to start with "số 51-CTr/TU"
        if m and (":" not in line[: m.start("n")] and len(line) > 30):
            # a party number has no colon ("Số 07-CTr/TU"); a text layer may print the
            # place and date of the other column after it on the same line
            rest = line[m.end() :].strip(" *_|")
            if not (_PLACE_DATE.match(rest) or _PLACE_BLANK_DATE.match(rest)):
                m = None
        if m and info.number is None:
            numbers = find_numbers(m.group("n"))
            if numbers:
                info.number = numbers[0]
        m = _place_date(line)
        if m and m.group("m2") and line[: m.start()].strip(" *_|"):
            m = None  # "… 43-NQ/TW, ngày 24/11/2023": a citation; the header line starts with it
        if m and info.date is None:
            place = re.sub(r"^.*?(?:Hạnh phúc|Số[^,]*)\s*", "", m.group("place"), flags=re.I)
            # codes before the place in a joined OCR line: "… SỐ 1050/QĐ-SCT Lào Cai"
            place = re.sub(r"^(?:\S*[\d/]\S*\s+|[A-ZĐ]{2,}(?:[-–]\S*)?\s+)+", "", place).strip(
                " -–"
            )
            info.place = place or None
            month = int(m.group("m") or m.group("m2"))
            info.date = f"{int(m.group('y')):04d}-{month:02d}-{int(m.group('d')):02d}"
        blank = _DRAFT_NUMBER.match(line.strip()) if info.number is None else None
        if blank and not info.draft:
            info.draft = True  # "Số:    /KH-UBND": the number is filled in at signing
            header.draft_kind = kind_of_number("0/" + blank.group("code"))
        m = _place_blank_date(line)
        if m and info.date is None and info.place is None:
            info.place = m.group("place").strip() or None  # "Lâm Đồng, ngày   tháng 3 năm 2026"
        if info.date is None and info.place is None:
            info.place = place_before_day(line)  # "Hà Nội, ngày44tháng": OCR lost the day
        code = kind_code(line) if info.number is None and header.draft_kind is None else None
        if code:
            header.draft_kind = kind_of_number("0/" + code)  # "Số: ØÓ6 /KH-…": digits unread


class TextLayerColumns:
    """A text layer prints the header's two columns side by side: each column is
    read apart first, so "Số: 12/KH-UBND" and "Hòa Lâm, ngày …" do not run together."""

    def test(self, header: Header) -> bool:
        return True

    def run(self, header: Header) -> None:
        _read_number_and_date(header, header.columns)


class WholeLines:
    """Then whole lines: OCR spacing is irregular, and an OCR line joining both
    columns ("… SỐ 1050/QĐ-SCT Lào Cai, ngày …") still gives the place and date."""

    def test(self, header: Header) -> bool:
        return True

    def run(self, header: Header) -> None:
        _read_number_and_date(header, header.lines)


class IssuerBlock:
    """The caps issuer block: the lowest body issues, with the one above it as its
    parent ("UBND TỈNH X" / "SỞ Y"); the motto an OCR line joined to it is cut off."""

    def test(self, header: Header) -> bool:
        return header.info.issuer is None

    def run(self, header: Header) -> None:
        info = header.info
        info.issuer, info.issuer_parent = compose_issuer(issuer_block(header.lines))


#: the executive committee a party programme names as its author ("…, Ban Chấp hành
#: Đảng bộ xã X xây dựng Chương trình hành động …") under the header "ĐẢNG ỦY XÃ X"
_EXECUTIVE = re.compile(r"^Ban [Cc]hấp hành Đảng bộ\b")


class PartyExecutiveNamed:
    """A party committee's programme is the executive committee's ("Ban Chấp hành Đảng
    bộ xã X xây dựng Chương trình …") although its header prints "ĐẢNG ỦY XÃ X": the
    document names its issuer itself; the header's parent stays the parent."""

    def test(self, header: Header) -> bool:
        return header.info.issuer is None

    def run(self, header: Header) -> None:
        name = executive_in_title(header.preamble)
        if name is None:
            m = _ISSUER_IN_INTRO.search(header.intro or "")
            if m is not None and _EXECUTIVE.match(m.group("issuer")):
                name = m.group("issuer").strip()
            else:
                name = executive_in_folded_intro(header.intro or "")
            if name is None:
                return
        block, parent = compose_issuer(issuer_block(header.lines))
        if block is None:
            header.info.issuer = _with_place(name, header.province)  # no header to name it
            return
        place = _place_of(block)  # "xã X": a level word, then the name
        if place and not _PLACE_IN.search(name):
            level, place_name = place.split(maxsplit=1)
            # "Ban Chấp hành Đảng bộ xã" + "X"; "Ban Chấp hành Đảng bộ" + "xã X"
            name = f"{name} {place_name if name.lower().endswith(level) else place}"
        header.info.issuer, header.info.issuer_parent = name, parent


_LEVEL_WORDS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn",
                "đặc khu")  # fmt: skip
#: "… của Ban Chấp hành Đảng bộ xã X …" in the lines under the kind word
_EXECUTIVE_OF = re.compile(r"\bcủa\s+(?P<name>ban\s+chấp\s+hành\s+đảng\s+bộ\b[^,;:()]*)", re.I)
#: words that end the executive's name in a caps title ("… ĐẢNG BỘ XÃ X KHÓA I, …")
_AFTER_NAME = re.compile(
    r"^(?:khóa|khoá|nhiệm|thực|triển|về|lần|giai|đến|năm|trong|tại|nhằm|và)$", re.I
)


def executive_in_title(preamble: Sequence[str]) -> str | None:
    """ "CHƯƠNG TRÌNH công tác toàn khóa của Ban Chấp hành Đảng bộ xã X …": the title
    names the executive committee whose programme it is, which the guidelines take as
    the issuer over the header's "ĐẢNG ỦY XÃ X" (its place still comes from the header)."""
    for i, para in enumerate(preamble[:20]):
        text = para.strip().strip("*_ ")
        if not (kind_of_word(text) and is_caps(text[:30])):
            continue
        printed = next((w for w, _k in _kinds()[1] if text.upper().startswith(w)), "")
        before = ""  # the title up to the executive's name, without the kind word
        for line in [text[len(printed) :], *preamble[i + 1 : i + 4]]:
            line = line.strip().strip("*_ ")
            m = _EXECUTIVE_OF.search(line)
            if m and not _CITES_DOCUMENT.search(before + " " + line[: m.start()]):
                return _executive_name(m.group("name"))
            before += " " + line
        return None
    return None


#: "thực hiện Nghị quyết số 05-NQ/TU của Ban Chấp hành Đảng bộ tỉnh": the executive that
#: issued the cited document, not the author of this one
_CITES_DOCUMENT = re.compile(
    r"\b(?:nghị quyết|chỉ thị|kết luận|chương trình hành động|kế hoạch|quyết định|đề án|"
    r"thông báo|số)\b",
    re.I,
)


def _executive_name(found: str) -> str:
    """ "BAN CHẤP HÀNH ĐẢNG BỘ XÃ AN THẠNH KHÓA I" → "Ban Chấp hành Đảng bộ xã An Thạnh";
    "Ban Chấp hành Đảng bộ xã An Thạnh nhiệm kỳ …" → the same, the name's words only."""
    words = found.split()
    kept = words[:5]  # "Ban Chấp hành Đảng bộ"
    rest = words[5:]
    level = next((w for w in _LEVEL_WORDS if " ".join(rest[: len(w.split())]).lower() == w), None)
    if level:
        size = len(level.split())
        kept += rest[:size]
        for word in rest[size : size + 4]:
            if _AFTER_NAME.match(word) or not word[:1].isupper():
                break
            kept.append(word)
    name = " ".join(kept)
    if is_caps(name):
        return _title_case_issuer(name.upper())
    return re.sub(r"^Ban chấp hành", "Ban Chấp hành", name)


#: "ban chap hanh dang bo thanh pho X xay dung ke hoach": the executive's own sentence,
#: matched on letters without marks (a restorer may write "Đảng bộ" as "Đang bỏ")
_FOLDED_EXECUTIVE = re.compile(
    r"\bBan Chap hanh Dang bo(?: (?P<level>tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran))?"
    r"(?P<name>(?: (?!Xay\b|Ban\b|De\b|Trien\b|Thong\b)[A-Z][a-z]*){0,3})"
    r" (?:xay dung|ban hanh|de ra|trien khai|thong nhat ban hanh)"
    r" (?P<kind>ke hoach|chuong trinh)\b",
    re.I,
)
_FOLDED_LEVEL = {strip_diacritics(w): w for w in _LEVEL_WORDS}


def executive_in_folded_intro(intro: str) -> str | None:
    """The executive committee an opening sentence names when restored words in it are
    misspelt: its party words as they are spelt, its place name as the text reads."""
    folded = strip_diacritics(intro)
    if len(folded) != len(intro):
        return None
    m = _FOLDED_EXECUTIVE.search(folded)
    if m is None:
        return None
    parts = ["Ban Chấp hành Đảng bộ"]
    if m.group("level"):
        parts.append(_FOLDED_LEVEL[m.group("level").lower()])
    name = intro[m.start("name") : m.end("name")].strip()
    if name and all(word[:1].isupper() for word in name.split()):
        parts.append(name)
    return " ".join(parts)


def folded_intro_kind(intro: str) -> str | None:
    """ke_hoach / chuong_trinh from the executive's own sentence read without marks."""
    m = _FOLDED_EXECUTIVE.search(strip_diacritics(intro))
    if m is None:
        return None
    return "ke_hoach" if m.group("kind").lower() == "ke hoach" else "chuong_trinh"


class IssuerCapsLine:
    """A caps line among the first that opens with an issuer's word ("SỞ …", "BAN …")
    when no block was found."""

    def test(self, header: Header) -> bool:
        return header.info.issuer is None

    def run(self, header: Header) -> None:
        info = header.info
        for line in header.lines[:12]:
            stripped = line.strip()
            if _NATIONAL.search(stripped) or not is_caps(stripped):
                continue
            if _ISSUER_HEADER.match(stripped) and kind_of_word(stripped) is None:
                info.issuer = _title_case_issuer(stripped.split("  ")[0].strip())
                break


class OpeningSentence:
    """A copy that lost its header: "…, Ủy ban nhân dân tỉnh ban hành Kế hoạch …"
    names the issuer (its place from the province most named)."""

    def test(self, header: Header) -> bool:
        return header.info.issuer is None and bool(header.intro)

    def run(self, header: Header) -> None:
        m = _ISSUER_IN_INTRO.search(header.intro or "")
        if m:
            header.info.issuer = _with_place(m.group("issuer"), header.province)


class Signature:
    """Last resort: the signature block ("TM. ỦY BAN NHÂN DÂN") names the issuer."""

    def test(self, header: Header) -> bool:
        return header.info.issuer is None

    def run(self, header: Header) -> None:
        header.info.issuer = _issuer_from_signature(header.end_matter, header.province)


def header_readers() -> Registry[HeaderReader]:
    """A fresh registry of the built-in header readers."""
    readers: Registry[HeaderReader] = Registry()
    readers.register(TextLayerColumns(), "text_layer_columns", 100)
    readers.register(WholeLines(), "whole_lines", 90)
    readers.register(PartyExecutiveNamed(), "party_executive_named", 85)
    readers.register(IssuerBlock(), "issuer_block", 80)
    readers.register(IssuerCapsLine(), "issuer_caps_line", 70)
    readers.register(OpeningSentence(), "opening_sentence", 20)
    readers.register(Signature(), "signature", 10)
    return readers


#: How number, place, date and issuer are read from the header (copy it to add one).
HEADER_READERS = header_readers()


def read_header(header: Header, readers: Registry[HeaderReader] | None = None) -> DocumentInfo:
    """Run every reader whose ``test`` holds, from the highest priority down; each
    fills only the fields still empty, so a field comes from the highest reader
    that finds it."""
    for reader in HEADER_READERS if readers is None else readers:
        if reader.test(header):
            reader.run(header)
    return header.info


def extract_metadata(
    header_lines: list[str],
    preamble: list[str],
    body_text: str,
    footnotes: list[str],
    end_matter: list[str],
    readers: Registry[HeaderReader] | None = None,
) -> DocumentInfo:
    head = [t.replace("⁄", "/").replace("∕", "/") for t in header_lines[:60]]  # fraction slashes
    intro = _intro_sentence(preamble)
    province = _main_place(body_text)
    header = Header(head, preamble, end_matter, intro, province)
    info = read_header(header, readers)  # number, place, date, issuer: HEADER_READERS
    draft_kind = header.draft_kind
    # kind and title
    kind_word, title = _kind_and_title(preamble, intro)
    if kind_word:
        info.kind = kind_word
    subject = _subject_line(head)
    info.title = drop_junk_start(title if kind_word or not subject else subject)
    if info.number:
        info.kind = kind_of_number(info.number) or info.kind
    elif info.kind == "other" and draft_kind:
        info.kind = draft_kind
    if info.kind == "other" and intro:
        m = _ISSUER_IN_INTRO.search(intro)
        if m:
            info.kind = "ke_hoach" if m.group("kind").lower().startswith("kế") else "chuong_trinh"
        else:
            info.kind = folded_intro_kind(intro) or info.kind
    if info.kind == "other":
        for para in preamble[:8]:
            word_kind = kind_of_word(para)
            if word_kind:
                info.kind = word_kind
                break
    sub_of_so = re.compile(r"^(?:Sở|Đoàn kiểm tra Sở|Văn phòng Sở)\b")
    if (
        info.issuer
        and info.place
        and sub_of_so.match(info.issuer)
        and not _PLACE_IN.search(info.issuer)
    ):
        level_word = "thành phố" if info.place in _CENTRAL_CITIES else "tỉnh"  # a Sở's place
        info.issuer = f"{info.issuer} {level_word} {info.place}"
    info.issuer_type = issuer_type(info.issuer, info.number)
    if info.issuer_type == "other" and info.issuer_parent:
        info.issuer_type = issuer_type(info.issuer_parent, info.number)
    info.level = level_of(info.issuer, info.number) or level_of(info.issuer_parent, None)
    info.horizon = horizon_of(info.title or "")
    # implements and references
    own = {info.number} if info.number else set()
    # a legal basis is cited, not carried out ("Căn cứ …", "- Căn cứ …" in a list)
    basis = intro if intro and not _BASIS_START.match(intro) else ""
    carried_out = [
        m.group(0) for p in preamble[:8] for m in _CARRIED_OUT.finditer(p.strip().strip("*_"))
    ]
    implements_source = " ".join([info.title or "", basis, *carried_out])
    info.implements = unique_in_order(find_numbers(implements_source), own)
    if not info.implements and info.title:
        info.implements = unique_in_order(_named_parent_numbers(info.title, preamble), own)
    if not info.implements:
        info.implements = unique_in_order(policy_basis(preamble), own)
    refs = find_numbers(body_text) + [n for note in footnotes for n in find_numbers(note)]
    info.references = unique_in_order(refs, own)
    return info


# "Căn cứ" items that cite a policy document rather than a law. A plan based on
# "Kế hoạch số 12/KH-UBND …" or "Chỉ thị số 23/CT-TTg …" carries it out; a plan
# based on "Luật Tổ chức chính quyền địa phương" or a decree on a ministry's
# functions only draws its issuer's powers from it.
_BASIS_START = re.compile(r"^(?:[-–+•]\s*)?Căn cứ\b")
_POLICY_BASIS = re.compile(
    r"^(?:[-–+•]\s*)?(?:Căn cứ|Thực hiện)\s+(?:các\s+)?(?P<kind>Nghị quyết|Chỉ thị|Kết luận|"
    r"Kế hoạch|Chương trình|Đề án|Thông báo|Quyết định)\b",
    re.I,
)
_PLAN_DECISION = re.compile(
    r"\b(?:ban hành|phê duyệt)\s+(?:[^;,]{0,40}?\s)?(?:Kế hoạch|Chương trình|Đề án|Chiến lược|"
    r"Quy hoạch)",
    re.I,
)
_NORM_RESOLUTION = re.compile(r"\bquy định\b", re.I)


def policy_basis(preamble: Sequence[str]) -> list[str]:
    """Numbers of the policy documents a plan's "Căn cứ" lines cite: what it
    carries out when it says so nowhere else. A decision counts only when it
    issues or approves a plan (not when it sets up a body or its functions); a
    resolution that lays down rules ("quy định mức chi …") is a norm, not a policy."""
    out: list[str] = []
    for paragraph in preamble[:20]:  # a long letterhead (both columns, a source line) first
        for item in re.split(r";\s*", paragraph.strip().strip("*_")):
            m = _POLICY_BASIS.match(item.strip())
            if not m:
                continue
            kind = m.group("kind").lower()
            if kind == "quyết định" and not _PLAN_DECISION.search(item):
                continue
            if kind == "nghị quyết" and _NORM_RESOLUTION.search(item):
                continue
            out.extend(find_numbers(item)[:1])
    return out


#: "thực hiện Nghị quyết Đại hội đại biểu Đảng bộ xã X lần thứ I …": a title naming its
#: parent by kind and author, without the number
_UNNUMBERED_PARENT = re.compile(
    r"\b(?P<kind>Nghị quyết|Chỉ thị|Kết luận|Chương trình hành động|Kế hoạch)\s+(?!số\b)"
    r"(?P<author>(?:của\s+)?[A-ZĐ][^,;:()]{8,80})",
)
_CITED = r"{kind}\s+số\s+(?P<n>\S+)(?:\s+ngày\s+\S+)?\s+(?:của\s+)?{author}"


def _named_parent_numbers(title: str, preamble: list[str]) -> list[str]:
    """The number of the parent a title names without it, from the preamble's citation
    of the same kind by the same author ("Căn cứ Nghị quyết số 01-NQ/ĐH ngày … của Đại
    hội đại biểu Đảng bộ xã X …")."""
    m = _UNNUMBERED_PARENT.search(title)
    if m is None:
        return []
    author = re.sub(r"^của\s+", "", m.group("author")).split()
    pattern = _CITED.format(
        kind=re.escape(m.group("kind")), author=r"\s+".join(re.escape(w) for w in author[:6])
    )
    for para in preamble[:10]:
        found = re.search(pattern, para, re.IGNORECASE)
        if found:
            return find_numbers(found.group("n"))
    return []


def _subject_line(head: list[str]) -> str | None:
    """The "V/v …" subject of a letter (công văn), its wrapped lines joined."""
    for i, line in enumerate(head):
        m = _SUBJECT.match(line.strip())
        if not m:
            continue
        parts = [m.group("s").strip()]
        for more in head[i + 1 : i + 4]:
            text = more.strip()
            if not text or text[:1].isupper() or _NATIONAL.search(text) or ":" in text:
                break
            parts.append(text)
        return " ".join(parts)
    return None


def horizon_of(text: str) -> Horizon | None:
    """The plan's horizon: "giai đoạn 2026–2030", "đến năm 2030", "nhiệm kỳ 2026 - 2031"."""
    m = _HORIZON.search(text)
    if not m:
        return None
    if m.group("y"):
        return Horizon(m.group(0), int(m.group("y")), int(m.group("y")))
    if m.group("c"):
        return Horizon(m.group(0), None, int(m.group("c")))
    start, end = (m.group("a"), m.group("b")) if m.group("a") else (m.group("d"), m.group("e"))
    if int(start) > int(end):
        return None
    return Horizon(m.group(0), int(start), int(end))


def _intro_sentence(preamble: list[str]) -> str | None:
    for para in preamble:
        text = para.strip()
        if re.search(r"(?:như sau|sau đây|cụ thể sau|sau)\s*:\s*$", text) and len(text) > 60:
            return text
    for i, para in enumerate(preamble):
        if re.match(r"^(?:Thực hiện|Nhằm|Triển khai|Để)\b", para.strip()) and len(para) > 80:
            above = preamble[i - 1].strip().strip("*_ ") if i else ""
            if kind_of_word(above) and is_caps(above) and not para.rstrip().endswith((".", ":")):
                continue  # "CHƯƠNG TRÌNH HÀNH ĐỘNG" / "Thực hiện Kết luận số …": the title
            return para.strip()
    return None


def _is_header(text: str) -> bool:
    if len(text) > 200:
        return False
    return bool(
        _NUMBER_LINE.match(text)
        or re.match(r"^(?:Số|So)\s*[:.]", text)  # a blank or misread number is still the header
        or _is_place_date(text)
        or _NATIONAL.search(text)
        or is_caps(text)
        or re.match(r"^[-_–—=*.\s]+$", text)
    )


def _is_place_date(text: str) -> bool:
    """ "Hòa Lâm, ngày 05 tháng 3 năm 2026" — not "… số 43-NQ/TW, ngày 24/11/2023", which
    cites a document (the header's line starts with its place)."""
    m = _place_date(text)
    return m is not None and not (m.group("m2") and text[: m.start()].strip(" *_|"))


_NOT_TITLE = re.compile(
    r"^(?:BỘ TRƯỞNG|CHỦ TỊCH|THỦ TƯỚNG|ỦY BAN|UỶ BAN|UBND|BAN CHẤP HÀNH|BAN THƯỜNG VỤ|"
    r"QUYẾT ĐỊNH|QUYẾT NGHỊ|NGHỊ QUYẾT|CHÍNH PHỦ|TỈNH ỦY|THÀNH ỦY|HUYỆN ỦY|ĐẢNG ỦY)"
)


#: the issuer named in capitals under the kind line ("CỦA BAN THƯỜNG VỤ TỈNH ỦY")
_OF_ISSUER = re.compile(r"^CỦA\s+[A-ZĐÀ-Ỹ ,]+$")
#: the same in running text before the title proper: "của Ban Chấp hành Đảng bộ tỉnh thực
#: hiện Nghị quyết …" (the title is what the programme does, as under a caps "CỦA …" line)
_OF_EXECUTIVE_LEAD = re.compile(
    r"^của\s+Ban\s+[Cc]hấp\s+hành\s+Đảng\s+bộ(?:\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|"
    r"phường|thị trấn|đặc khu))?(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3}\s+(?=(?:thực hiện|triển khai)\b)"
)


def _is_caps_title(text: str) -> bool:
    """A title printed in capitals under the kind line, not a signer or the motto."""
    return (
        is_caps(text)
        and len(text) > 12
        and not _NOT_TITLE.match(text)
        and not _NUMBER_LINE.match(text)
        and not _NATIONAL.search(text)
        and not _place_date(text)
        and not re.match(r"^[-_–—=*.\s]+$", text)
    )


#: the preamble's opening sentence after a title: "Ngày 22/12/2024, Bộ Chính trị …"
_PREAMBLE_SENTENCE = re.compile(r"^Ngày\s+\d{1,2}\s*(?:/|tháng)\s*\d{1,2}.{0,40}?,\s")
#: prose, not a title: sentences one after another, or a lead-in ending "… yêu cầu:"
#: (a directive's preamble follows its title with no "Căn cứ" line between)
_RUNNING_PROSE = re.compile(r"[a-zà-ỹđ]{2}\.\s+[A-ZĐÀ-Ỹ].{20,}|\w\s+(?:như sau|yêu cầu|sau đây):$")


def _kind_and_title(preamble: list[str], intro: str | None) -> tuple[str | None, str | None]:
    """The kind word line ("KẾ HOẠCH") and the title under it.

    Without a kind line, the paragraphs before the opening sentence are the
    title; when the opening sentence comes first, the first page is missing
    and there is no title.
    """
    kind: str | None = None
    start = None
    for i, para in enumerate(preamble):
        text = para.strip()
        word_kind = kind_of_word(text)
        printed = next((w for w, _k in _kinds()[1] if text.startswith(w)), "") if word_kind else ""
        # "KẾ HOẠCH", or an OCR line that joined it with the title: "KẾ HOẠCH Kiểm tra việc …"
        if word_kind and (
            is_caps(text[:30]) or (printed and text[len(printed) : len(printed) + 1] == " ")
        ):
            kind, start = word_kind, i + 1
            break
    candidates = preamble[start:] if start is not None else preamble
    joined_rest = ""  # "QUYẾT ĐỊNH BAN HÀNH KẾ HOẠCH …": the kind line and title joined
    if start is not None:
        kind_line = preamble[start - 1].strip()
        word = next(w for w, k in _kinds()[1] if kind_line.upper().startswith(w))
        rest = kind_line[len(word) :].strip(" :")
        if len(rest) > 12 and not is_caps(rest) and rest[:1].isupper():
            candidates = [rest, *candidates]  # the title, joined to its kind line
        elif len(rest) > 12 and _is_caps_title(rest) and not rest.startswith("CỦA "):
            joined_rest = rest
    lines: list[str] = []
    caps_title: list[str] = []  # "KẾ HOẠCH" / "TRIỂN KHAI THỰC HIỆN …" in capitals
    for j, para in enumerate(candidates):
        text = para.strip()
        if intro is not None and text == intro:
            break
        text = text.strip("*_ ")  # markdown emphasis of a transcription
        # "- Căn cứ Điều lệ Đảng;": the basis may be listed with dashes
        if re.match(r"^(?:[-–+•]\s*)?(?:Căn cứ|Nhằm|\(Kèm theo|Kèm theo)", text):
            break
        if start is not None and not lines and not caps_title and _OF_ISSUER.match(text):
            continue  # "CHƯƠNG TRÌNH" / "CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH" / "thực hiện …"
        if start is not None and not lines and not caps_title:
            text = _OF_EXECUTIVE_LEAD.sub("", text)  # "của Ban Chấp hành … tỉnh thực hiện …"
        if _is_header(text):
            if lines:
                break
            if start is not None and (caps_title or j == 0) and _is_caps_title(text):
                caps_title.append(text)
                continue
            if caps_title:
                break
            continue
        if caps_title:
            break
        if lines and re.match(r"^(?:[-–+•]\s*)?(?:Thực hiện|Triển khai)\b", text):
            break
        if lines and (
            re.fullmatch(r"[-_*=\s]{3,}", text)
            or _PREAMBLE_SENTENCE.match(text)
            or _RUNNING_PROSE.search(text)
        ):
            break  # a rule under the title, or the preamble's first sentence ("Ngày …, …")
        lines.append(text)
        if len(" ".join(lines)) > 600:
            break
    if joined_rest and lines and lines[0][:1].islower():
        # "CHƯƠNG TRÌNH CÔNG TÁC TOÀN KHÓA" / "của Ban Chấp hành …": one title, two lines
        lines = [joined_rest.lower(), *lines]
    if not lines:
        lines = caps_title or ([joined_rest] if joined_rest else [])
    if not lines:
        return kind, None
    title = re.sub(r"\s+", " ", " ".join(lines)).strip(" -–")
    if kind == "chuong_trinh":
        # "CHƯƠNG TRÌNH" / "hành động thực hiện …": the rest of the kind, not of the title
        title = re.sub(r"^(?:hành động|HÀNH ĐỘNG)\s+(?=\S)", "", title)
    if title.endswith("”") and title.count("“") < title.count("”"):
        title = title[:-1].rstrip()
    return kind, title[:1].upper() + title[1:]


def _with_place(issuer: str, province: str | None) -> str:
    issuer = re.sub(r"\s+", " ", issuer).strip()
    issuer = issuer.replace("Ban chấp hành", "Ban Chấp hành")
    if province and re.search(r"(?:tỉnh|thành phố|Thành phố|huyện)$", issuer):
        return f"{issuer} {province}"
    return issuer


def _main_place(text: str) -> str | None:
    counts = Counter(m.group(2) for m in _PROVINCE.finditer(text[:200000]))
    for name, _count in counts.most_common(3):
        if name not in {"Việt Nam", "Trung", "Hội", "Ủy"}:
            return name
    return None


#: "T/M TÍNH ỦY": the organ a signature is for, its party words re-spelled
_SIGNING_FOR = re.compile(r"\b((?:TM|T/M)\.?\s*)(\S.*)$")


def _syllables_only(caps: str) -> str:
    """The words of a signature's organ line up to the first that is no Vietnamese
    syllable: an OCR'd title glued to it ("THÀNH ỦY BITHLT" for "BÍ THƯ") is dropped."""
    kept: list[str] = []
    for word in caps.split():
        if not is_syllable_shape(word.lower()):
            break
        kept.append(word)
    return " ".join(kept)


def _issuer_from_signature(end_matter: list[str], province: str | None) -> str | None:
    for raw in end_matter:
        line = _SIGNING_FOR.sub(lambda m: m.group(1) + fix_party_words(m.group(2)), raw)
        m = re.search(
            r"\b(?:TM|T/M)\.?\s*((?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|"
            r"THÀNH UỶ|HUYỆN ỦY|BAN THƯỜNG VỤ|BAN CHẤP HÀNH|CHÍNH PHỦ|ĐẢNG ỦY)[A-ZĐÀ-Ỹ ]*)",
            line,
        )
        if m:
            caps = m.group(1).strip()
            caps = re.split(r"\s{2,}|\s(?:KT|CHỦ TỊCH|BÍ THƯ|PHÓ)\b", caps)[0]
            caps = _syllables_only(caps)
            issuer = _title_case_issuer(caps)
            if issuer == "Ủy ban nhân dân" or issuer == "Uỷ ban nhân dân":
                issuer += " tỉnh"
            if province and issuer in ("Tỉnh ủy", "Thành ủy", "Ủy ban nhân dân tỉnh"):
                issuer = f"{issuer} {province}"
            return issuer
    return None


def normalise_number(text: str) -> str:
    return normalize_number(text)
