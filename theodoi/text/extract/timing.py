"""Timing statements: "thường xuyên", "hằng năm", "trước ngày 30/6/2025",
"Quý II/2025", "tháng 10 hằng năm", "năm 2025-2026", "6 tháng đầu năm".

``parse_timing`` turns the statement into the spec's ``timing`` text (ISO for
full dates, as written for quarters and months) plus a normalised kind and
date range the app can schedule reminders from.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from theodoi.text.model import Timing
from theodoi.text.outline.markers import roman_value
from theodoi.text.vietnamese import strip_diacritics

_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d\d)(?!\d)")
_DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d\d)", re.I)
_QUARTER = re.compile(r"q(?:uý|uy|úy)\s+([IV1-4]{1,3})(?:\s*(?:/|năm)\s*((?:19|20)\d\d))?", re.I)
#: a quarter read with a "1" among its Roman "I"s ("I1", "1I", "I1I"): never a number
_OCR_QUARTER = re.compile(r"(?=.*[IV])(?=.*1)[IV1]{2,3}")
_MONTH = re.compile(r"tháng\s+(\d{1,2})(?:\s*(?:/|năm)\s*((?:19|20)\d\d))?", re.I)
_YEAR_RANGE = re.compile(r"((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)")
_YEAR = re.compile(r"năm\s+((?:19|20)\d\d)|^((?:19|20)\d\d)$", re.I)
_HALF = re.compile(r"6 tháng (đầu|cuối) năm(?:\s+((?:19|20)\d\d))?", re.I)
_SPACED_LETTER = re.compile(r"(?<![\w/])(?![IVX] )([^\W\d_]) (?=[^\W\d_])")
#: what comes before the date of a cited document: "… số 52/2015/NĐ-CP ngày "
_CITATION_DATE = re.compile(r"\bsố\s+\d+[\w/.-]*/[\w/.-]+\s+(?:ngày\s+)?$", re.I)
_KNOWN_WORDS = re.compile(r"thuong xuyen|quy [ivx1-4]|thang \d|hang nam")
_CONTINUOUS = re.compile(r"thường xuyên|liên tục|hằng ngày|hàng ngày", re.I)
_ANNUAL = re.compile(r"h[ằà]ng năm|định kỳ năm", re.I)


def _iso(day: int, month: int, year: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _month_end(year: int, month: int) -> str:
    return date(year, month, calendar.monthrange(year, month)[1]).isoformat()


def parse_timing(text: str | None) -> Timing | None:
    """Normalise a timing statement; None when there is none."""
    if not text:
        return None
    written = re.sub(r"\s+", " ", text).strip(" .;,")
    if not written or len(written) > 300:
        return None
    # PDF text layers sometimes space out letters: "T h ường xuyên", "Q úy III/2026"
    joined = _SPACED_LETTER.sub(r"\1", written)
    if joined != written and _KNOWN_WORDS.search(strip_diacritics(joined).lower()):
        written = joined
    for pattern in (_DATE, _DATE_WORDS):
        for found in pattern.finditer(written):
            if _CITATION_DATE.search(written[: found.start()]):
                continue  # "Quyết định số 1441/QĐ-UBND ngày 25/9/2025": when it was signed
            iso = _iso(int(found.group(1)), int(found.group(2)), int(found.group(3)))
            if iso:
                return Timing(iso, "date", None, iso)
    m = _QUARTER.search(written)
    if m and _OCR_QUARTER.fullmatch(m.group(1)):
        # "Quý I1/2027": OCR's "1" for the second "I"; the quarter as printed
        fixed = m.group(1).replace("1", "I")
        written = written[: m.start(1)] + fixed + written[m.end(1) :]
        m = _QUARTER.search(written)
    if m:
        raw = m.group(1).upper()
        quarter = int(raw) if raw.isdigit() else roman_value(raw)
        if 1 <= quarter <= 4:
            year = int(m.group(2)) if m.group(2) else None
            start = _iso(1, 3 * quarter - 2, year) if year else None
            end = _month_end(year, 3 * quarter) if year else None
            return Timing(_shorten(written, m), "quarter", start, end)
    m = _HALF.search(written)
    if m:
        first = m.group(1).lower() == "đầu"
        year = int(m.group(2)) if m.group(2) else None
        start = (_iso(1, 1 if first else 7, year)) if year else None
        end = (_month_end(year, 6 if first else 12)) if year else None
        return Timing(_shorten(written, m), "half_year", start, end)
    m = _MONTH.search(written)
    if m and 1 <= int(m.group(1)) <= 12:
        month = int(m.group(1))
        year = int(m.group(2)) if m.group(2) else None
        if year:
            return Timing(
                _shorten(written, m), "month", _iso(1, month, year), _month_end(year, month), month
            )
        return Timing(written, "month", None, None, month)
    m = _YEAR_RANGE.search(written)
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        if a <= b:
            return Timing(written, "year_range", f"{a}-01-01", f"{b}-12-31")
    continuous, annual = _CONTINUOUS.search(written), _ANNUAL.search(written)
    if (continuous or annual) and _is_compound(written):
        # "2026 và hằng năm", "Hằng năm, thường xuyên": several timings, kept as written
        return Timing(written, "annual" if annual else "continuous")
    if continuous:
        return Timing("thường xuyên", "continuous")
    if annual:
        return Timing("hằng năm", "annual")
    m = _YEAR.search(written)
    if m:
        year = int(m.group(1) or m.group(2))
        return Timing(written, "year", f"{year}-01-01", f"{year}-12-31")
    folded = strip_diacritics(written).lower()
    if "thuong xuyen" in folded:
        return Timing("thường xuyên", "continuous")
    # "Theo yêu cầu …, bảo đảm đồng bộ với …": the condition ends where a duty clause starts
    written = _DUTY_CLAUSE.split(written, maxsplit=1)[0]
    return Timing(written, "other")


_TIMING_TERM = re.compile(
    r"thường xuyên|liên tục|h[ằà]ng năm|giai đoạn|(?<!\d)(?:19|20)\d\d(?!\d)|quý|tháng", re.I
)
_DUTY_CLAUSE = re.compile(r",\s+(?=(?:bảo đảm|đảm bảo|gắn với|phù hợp với|lồng ghép)\b)")


def _is_compound(written: str) -> bool:
    """Two or more timing terms in a short statement joined by 'và' or a comma."""
    if len(written) > 60 or not re.search(r"\svà\s|,", written):
        return False
    terms = {strip_diacritics(m.group(0)).lower() for m in _TIMING_TERM.finditer(written)}
    return len(terms) >= 2


def _shorten(written: str, m: re.Match[str]) -> str:
    """Keep a quarter or month as written, without surrounding words."""
    if len(written) <= 40:
        return written
    return m.group(0)


#: "Hoàn thành <the work> trước ngày D", "Thời gian hoàn thành … chậm nhất là ngày D"
_DATED_SENTENCE = (
    r"(?:^|[.;]\s+)(?:Thời gian\s+)?[Hh]oàn thành\s[^.;()]{3,160}?\s"
    r"(?P<c>(?:trước|chậm nhất(?: là)?)\s+(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})"
)
_ATTACHED = re.compile(
    r"(?:^|[.;(,]\s*)(?:Thời gian|Thời hạn)(?:\s+(?:thực hiện|hoàn thành))?\s*:\s*(?P<a>[^;)]+)|"
    # "hoàn thành trước ngày …", "hoàn thành năm 2027"
    r"hoàn thành\s+(?P<b>(?:(?:trước|trong|chậm nhất|vào)\s+|(?=năm\s+(?:19|20)\d\d\b))"
    r"[^;.)]{3,60})|"
    # "trình Đảng ủy trong Quý II/2026": the verb "trình", not "chương trình", "quá trình" …
    r"(?<!\w)(?<!chương )(?<!quy )(?<!quá )(?<!công )(?<!lộ )(?<!tiến )(?<!hành )"
    r"trình(?:\s+[^\s,;.()]+){0,6}?\s+"
    r"(?P<d>(?:trước|trong|vào|chậm nhất)\s+(?:quý|tháng|năm|ngày|\d)[^;.)]{1,40}|"
    # "trình quý IV/2026", "trình tại Hội nghị Ban Chấp hành tháng 6/2026"
    r"(?:quý\s+[IV1-4]|tháng\s+\d|năm\s+(?:19|20)\d\d|h[ằà]ng năm)[^;.)]{0,40})|" + _DATED_SENTENCE,
    # a last sentence "Hoàn thành <the work> trước ngày 25/12/2025."
    re.I,
)
#: the same dated sentence closing an earlier paragraph of the item, when its last
#: paragraph is another body's share ("Sở Nội vụ có trách nhiệm theo dõi …")
_DATED_COMPLETION = re.compile(_DATED_SENTENCE)


#: a timing in parentheses closing the task: "(Quý I/2026)", "(thực hiện thường xuyên)"
_CLOSING_PARENS = re.compile(r"\((?P<c>[^()]{3,80})\)\s*[.;]?\s*$")
_TIMING_OPENING = re.compile(
    r"^(?:(?:thực hiện|hoàn thành|triển khai)\s+)?"
    r"(?:(?:trong|trước|từ|vào|chậm nhất(?: là)?|ngay từ|từ nay đến)\s+)?"
    r"(?:quý\s|tháng\s+\d|năm\s+(?:19|20)\d\d|ngày\s+\d|\d{1,2}\s*/\s*\d|thường xuyên|liên tục|"
    r"h[ằà]ng (?:năm|quý|tháng|tuần)|định kỳ|giai đoạn|(?:cả |trong )?nhiệm kỳ|"
    r"6 tháng|sáu tháng|đầu năm|cuối năm)",
    re.I,
)

#: a last clause that is nothing but the timing: "…; thực hiện thường xuyên.",
#: "…; hoàn thành trong năm 2026." (not "…; thường xuyên báo cáo …", a duty of its own)
_FINAL_CLAUSE = re.compile(
    r";\s*(?P<e>(?:(?:thực hiện|hoàn thành|triển khai)\s+)?"
    r"(?:(?:trong|trước|vào|từ|chậm nhất(?: là)?)\s+)?"
    r"(?:thường xuyên|liên tục|h[ằà]ng (?:năm|quý|tháng)|"
    r"(?:quý\s+[IV1-4]+|tháng\s+\d{1,2})\s*/\s*(?:19|20)\d\d|năm\s+(?:19|20)\d\d|"
    r"(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?:19|20)\d\d))\s*[.]?\s*$",
    re.I,
)


def timing_from_sentence(text: str) -> Timing | None:
    """A timing statement attached to a task's text: only the explicit forms.

    "(Thời gian: Quý II/2025)", "…, hoàn thành trước ngày 30/6/2025." — not
    dates mentioned inside the task's own sentences.
    """
    last = text.strip().splitlines()[-1] if text.strip() else ""
    found = None
    for m in _ATTACHED.finditer(last[-400:]):
        found = m
    if not found:
        final = _FINAL_CLAUSE.search(last)
        if final:
            value = re.sub(
                r"^(?:thực hiện|hoàn thành|triển khai)\s+", "", final.group("e"), flags=re.I
            )
            return parse_timing(_without_preposition(value))
        closing = _CLOSING_PARENS.search(last)
        if closing and _TIMING_OPENING.match(closing.group("c").strip()):
            return parse_timing(closing.group("c"))  # "… quy chế làm việc (Quý I/2026)."
        earlier = _DATED_COMPLETION.search(text)
        return parse_timing(earlier.group("c")) if earlier else None
    value = found.group("a") or found.group("b") or found.group("c") or found.group("d")
    if found.group("b") or found.group("d"):
        value = _without_preposition(value)
    return parse_timing(value)


def _without_preposition(value: str) -> str:
    """ "trong quý II/2026" is kept as "quý II/2026"; a full date keeps its "trước"."""
    if re.search(r"\d{1,2}\s*/\s*\d{1,2}\s*/|ngày", value):
        return value
    return re.sub(r"^(?:trong|vào|chậm nhất(?: là)?(?: trong)?)\s+", "", value)
