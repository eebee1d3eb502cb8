"""The received stamp on a scanned copy is not part of the document.

WHY: an office that receives a plan stamps it ("UBND TỈNH X / ĐẾN Số: …
Ngày: … Chuyển: … Số và ký hiệu HS: …"), usually beside the title, with
handwriting on dotted leaders. OCR reads the stamp as lines of the header or
glues its fields into the title line; the metadata reader then takes the
receiving office for the issuer and the stamp's "Số:" for the title. The
stamp's fields are recognised by their labels with a dotted leader (or the
labels only a stamp has), and the office's name by standing right above them.
Used on OCR text only (theodoi.text.outline.lines).
"""

from __future__ import annotations

import re
from collections.abc import MutableSequence
from typing import Protocol, TypeVar

from theodoi.text.vietnamese import strip_diacritics

# a stamp field: its label, a colon, then handwriting on a dotted leader ("Số:...12,......")
_FIELD = re.compile(
    r"(?:^|(?<=\s))(?:S[ôốồổỗộơớờởỡợoóòỏõọ6]|Ngày|Ngay|Chuyển|Chuyen|ĐẾN|Đến|Den)\s*:"
    r"\s?[^\s]{0,12}?\.{3,}[^\s]*",
)
# lines only a stamp has ("Số và ký hiệu HS:", "ĐẾN", "Chuyển: …", "Lưu hồ sơ số: …")
_STAMP_LINE = re.compile(
    r"^(?:so va ky hieu hs|luu ho so so|chuyen|den)\b\s*:?[^a-z]{0,40}$|^(?:den|đen)\s*$"
)
_ORG_LINE = re.compile(r"^(?:UBND|ỦY BAN|UỶ BAN|SỞ|BỘ|BAN|VĂN PHÒNG|HỘI ĐỒNG)\b")


class _Line(Protocol):
    text: str


L = TypeVar("L", bound=_Line)


def _fields(text: str) -> list[re.Match[str]]:
    """Stamp fields, not a draft's blank number ("Số:....../KH-UBND")."""
    return [m for m in _FIELD.finditer(text) if not _CODE.search(m.group(0))]


_CODE = re.compile(r"/\s*[A-ZĐ]{2,}")


def is_stamp_line(text: str) -> bool:
    """A line that is only a stamp field or label."""
    folded = strip_diacritics(text).lower().strip()
    if _STAMP_LINE.match(folded):
        return True
    rest = strip_diacritics(strip_stamp_fields(text)).lower().strip(" .,:;-_")
    return bool(_fields(text)) and rest in ("", "den")


def strip_stamp_fields(text: str) -> str:
    """'Sở:...Á6.44,...... KẾ HOẠCH …' → 'KẾ HOẠCH …'."""
    if "..." not in text:
        return text
    for m in reversed(_fields(text)):
        text = text[: m.start()] + text[m.end() :]
    return re.sub(r"\s{2,}", " ", text).strip()


def is_digit_junk(text: str) -> bool:
    """'99900909000090000002g0': a barcode or a serial read as one long word, no text."""
    word = text.strip()
    digits = sum(ch.isdigit() for ch in word)
    return " " not in word and len(word) >= 10 and digits >= 0.7 * len(word) and "/" not in word


def drop_received_stamp(lines: MutableSequence[L], head: int = 30) -> None:
    """Remove the stamp's lines from the first ``head`` lines, and the receiving
    office's name right above them; strip stamp fields glued to other lines."""
    doomed: set[int] = set()
    for index, line in enumerate(lines[:head]):
        text = line.text
        if is_digit_junk(text):
            doomed.add(index)
            continue
        if is_stamp_line(text):
            doomed.add(index)
        elif _fields(text):
            line.text = strip_stamp_fields(text)
        else:
            continue
        above = index - 1
        while above in doomed:
            above -= 1
        if above >= 1 and _ORG_LINE.match(lines[above].text) and len(lines[above].text) < 60:
            doomed.add(above)
    for index in sorted(doomed, reverse=True):
        del lines[index]
