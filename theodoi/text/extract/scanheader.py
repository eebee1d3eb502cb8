"""Header lines as OCR gives them: columns run together, marks and digits misread.

WHY: Tesseract reads the two header columns row by row, so one line holds
"BỘ X  CỘNG HÒA … VIỆT NAM  TỔ Y  Độc lập - Tự do - Hạnh phúc": the issuer's
lines sit between the motto's. It also drops or swaps a mark on a capital
("TỎ CÔNG TÁC" for "TỔ CÔNG TÁC"), misreads handwritten digits of the number
("Số: ØÓ6 /KH-…") and the day ("ngày44tháng"). These helpers give back what
is still certain: the issuer's own lines, the organisation word, the kind
the number's code states, and the place before ", ngày … tháng".
"""

from __future__ import annotations

import re

from theodoi.text.vietnamese import strip_diacritics

_MOTTO = re.compile(
    r"CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|"
    r"Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc|ĐẢNG CỘNG SẢN VIỆT NAM"
)
# organisation words whose marks OCR may misread, as printed in capitals
_ORG_WORDS = (
    "ỦY BAN NHÂN DÂN", "TỔ CÔNG TÁC", "BỘ CÔNG AN", "BỘ CHỈ HUY", "BAN CHỈ ĐẠO",
    "HỘI ĐỒNG", "TỈNH ỦY", "THÀNH ỦY", "HUYỆN ỦY", "ĐẢNG ỦY", "SỞ", "CỤC", "CHI CỤC",
)  # fmt: skip
# "Số: ØÓ6 /KH-TCTLNTW-C04": digits unreadable, the code still says what it is
_GARBLED_NUMBER = re.compile(
    r"^\s*(?:Số|So|Sô|Sổ|Sở)\s*[:.]\s*\S{1,8}?\s*/\s*(?P<code>[A-ZĐ]{2,}(?:[-.][\w.Đđ-]*)?)"
)
# "Hà Nội, ngày44tháng …" / "Lâm Giang. ngày   tháng …" (comma read as a dot): the place reads
_PLACE_BEFORE_DAY = re.compile(
    r"(?P<place>(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+\s+){0,3}[A-ZĐÀ-Ỹ][a-zà-ỹđ]+)\s*[,.]\s*ngày\W{0,2}[^\s]{0,6}\s*tháng"
)


# "Số: 1375/QĐ-TTg" (marks misread), "Hà Nội, ngày 18 tháng 8 năm 2026"
_NUMBER_START = re.compile(r"^(?:Số|So|Sô|Sổ|Sở)\s*[:.]")
_DATE_LINE = re.compile(r"ngày\W{0,2}\S{0,6}\s*tháng\s*\S{0,6}\s*n[aă]m\s*\d{4}\W*$")
# where the letterhead ends: the preamble ("Căn cứ …", "Thực hiện …") or the addressee
_BODY_START = re.compile(r"^(?:Căn cứ|Thực hiện|Kính gửi|Theo đề nghị)\b")
#: The letterhead and title block lie in the first lines of the first page.
LETTERHEAD_LINES = 16


def is_letterhead_line(line: str) -> bool:
    """A line of the letterhead that stands on its own: the issuer's or the kind's
    capitals, the national motto, "Số: …", the place and date. A line with the
    motto after other text holds both columns: ``issuer_pieces`` cuts those."""
    motto = _MOTTO.search(line)
    if motto and motto.start() > 0:
        return False
    letters = [ch for ch in line if ch.isalpha()]
    capitals = len(letters) >= 4 and all(ch.isupper() for ch in letters)
    return bool(capitals or motto or _NUMBER_START.match(line) or _DATE_LINE.search(line))


def letterhead_apart(lines: list[str]) -> list[str]:
    """The first page's OCR lines with each letterhead line set apart by blank lines.

    WHY: Tesseract gives the stacked letterhead (issuer, "Số: …", motto, place and
    date, the kind's word) as one block of lines, and the paragraph builder joins a
    block into one paragraph: the issuer came out as "Thủ tướng Chính phủ số:
    1375/qđ-ttg" and the number, date and title were lost. A text-layer or Word
    header gives these lines as paragraphs of their own; so does this. Only the
    lines before the preamble are looked at; the title's own lines stay joined.
    """
    out: list[str] = []
    seen = 0
    for index, raw in enumerate(lines):
        line = raw.strip()
        if seen >= LETTERHEAD_LINES or _BODY_START.match(line):
            return out + lines[index:]
        if line and is_letterhead_line(line):
            out.extend(["", raw, ""])
        else:
            out.append(raw)
        seen += bool(line)
    return out


def issuer_pieces(line: str) -> list[str]:
    """'BỘ X CỘNG HÒA … VIỆT NAM TỔ Y Độc lập …' → ['BỘ X', 'TỔ Y']; [] for any other line.

    Only a line with the issuer's text both before and between the motto's
    lines is cut: that is the shape of two columns read row by row.
    """
    mottos = list(_MOTTO.finditer(line))
    if len(mottos) < 2 or mottos[0].start() == 0:
        return []
    pieces = [line[: mottos[0].start()], line[mottos[0].end() : mottos[1].start()]]
    pieces = [re.sub(r"^[\W_]+|[\W_]+$", "", p).strip() for p in pieces]
    if not all(pieces):
        return []
    return [fix_org_words(p) for p in pieces]


def fix_org_words(caps: str) -> str:
    """'TỎ CÔNG TÁC LIÊN NGÀNH TW' → 'TỔ CÔNG TÁC LIÊN NGÀNH TRUNG ƯƠNG'."""
    folded = strip_diacritics(caps).upper()
    for word in _ORG_WORDS:
        plain = strip_diacritics(word).upper()
        if folded.startswith(plain + " ") and not caps.startswith(word):
            caps = word + caps[len(word) :]
            break
    return re.sub(r"\s+TW$", " TRUNG ƯƠNG", caps)


#: words of a party header as printed, by their letters without marks: restoring a
#: short caps line without context guesses among same-letter words ("TINH UY" →
#: "TÍNH ỦY", "DANG BO TINH" → "ĐẢNG BỘ TÍNH"), the header's vocabulary is fixed
_PARTY_PHRASES = (
    "BAN CHẤP HÀNH ĐẢNG BỘ", "BAN THƯỜNG VỤ", "ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ", "ĐẢNG ỦY",
    "TỈNH ỦY", "THÀNH ỦY", "HUYỆN ỦY", "QUẬN ỦY", "THỊ ỦY", "BAN CHỈ ĐẠO",
)  # fmt: skip
#: the level word right after "ĐẢNG BỘ" / "ĐẢNG ỦY" / "BAN CHẤP HÀNH ĐẢNG BỘ"
_PARTY_LEVELS = ("THÀNH PHỐ", "THỊ XÃ", "THỊ TRẤN", "TỈNH", "HUYỆN", "QUẬN", "XÃ", "PHƯỜNG")


def _folded(text: str) -> str:
    return strip_diacritics(text).upper().replace("Đ", "D")


def fix_party_words(caps: str) -> str:
    """'ĐẢNG BỘ TÌNH X' → 'ĐẢNG BỘ TỈNH X', 'TÍNH ỦY' → 'TỈNH ỦY': a caps header line whose
    party words a restorer spelled as other words with the same letters. Only the leading
    phrase and the level word after it are re-spelled; the place name is left as read."""
    for phrase in _PARTY_PHRASES:
        size = len(phrase)
        if _folded(caps[:size]) == _folded(phrase) and caps[size : size + 1] in ("", " "):
            caps = phrase + caps[size:]
            rest = caps[size:]
            for level in _PARTY_LEVELS:
                end = len(level) + 1
                if _folded(rest[:end]) == " " + _folded(level) and rest[end : end + 1] in ("", " "):
                    caps = phrase + " " + level + rest[end:]
                    break
            break
    return caps


def kind_code(line: str) -> str | None:
    """The code of a number whose digits OCR could not read ('KH-TCTLNTW-C04')."""
    m = _GARBLED_NUMBER.match(line)
    return m.group("code") if m else None


def place_before_day(line: str) -> str | None:
    """'… Hà Nội, ngày44tháng nam 2026' → 'Hà Nội'."""
    m = _PLACE_BEFORE_DAY.search(line)
    return m.group("place") if m else None


# a token no title holds: letters and digits mixed in lower case ("j0AItoke"), not a code ("C04")
_JUNK_TOKEN = re.compile(r"^(?=\S*\d)(?=\S*[a-zà-ỹđ])\S+$")


def drop_junk_start(title: str | None) -> str | None:
    """'Ni j0AItoke. Phối hợp kiểm soát …' → 'Phối hợp kiểm soát …': handwriting of a
    stamp beside the title, read by OCR as a word or two before it."""
    if not title:
        return title
    words = title.split()
    junk = [i for i, word in enumerate(words[:3]) if _JUNK_TOKEN.match(word.strip(".,;:"))]
    if not junk or junk[-1] + 1 >= len(words):
        return title
    return " ".join(words[junk[-1] + 1 :])
