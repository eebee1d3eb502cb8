"""Reporting duties and the focal agency, from "TỔ CHỨC THỰC HIỆN".

"định kỳ trước ngày 10/12 hằng năm, báo cáo UBND tỉnh kết quả thực hiện
(qua Sở Nội vụ)" → from the item's bodies, to UBND tỉnh, via Sở Nội vụ,
annual, 12-10. One entry per (from, to, recurrence); a report "6 tháng (trước
ngày 15/6) và hằng năm (trước ngày 15/12)" gives two. Escalating difficulties
("khó khăn, vướng mắc … báo cáo") is not a reporting duty.
"""

from __future__ import annotations

import re

from theodoi.text.bodies import looks_like_body, repair_title_slips, split_bodies
from theodoi.text.model import Reporting

_RECURRENCE = [
    (re.compile(r"6 tháng|sáu tháng|nửa năm|bán niên|06 tháng", re.I), "semiannual"),
    (
        re.compile(r"h[ằà]ng quý|định kỳ quý|theo quý|mỗi quý|quý một lần|tháng cuối quý", re.I),
        "quarterly",
    ),
    (re.compile(r"h[ằà]ng tháng|định kỳ tháng|mỗi tháng|theo tháng", re.I), "monthly"),
    (re.compile(r"02 tuần|2 tuần|hai tuần", re.I), "biweekly"),
    (re.compile(r"h[ằà]ng tuần|mỗi tuần|định kỳ tuần", re.I), "weekly"),
    (
        re.compile(
            r"h[ằà]ng năm|định kỳ năm|mỗi năm|năm một lần|cuối năm|(?<=, )(?:1|01) năm\b|"
            r"(?:kỳ|báo cáo) 12 tháng|(?<=6 tháng, )năm\b|"
            # "6 tháng (trước ngày 10/6) và năm (…)", "… và cả năm": the year's report
            r"(?<=\svà\s)(?:cả\s)?năm\b(?!\s*\d)|\bcả năm\b(?!\s*\d)",
            re.I,
        ),
        "annual",
    ),  # "định kỳ 6 tháng, 1 năm": half-yearly and yearly
    (re.compile(r"đột xuất|khi có yêu cầu|theo yêu cầu", re.I), "on_request"),
]
_DUE = re.compile(
    r"(?:(?:trước|chậm nhất|trong)\s+(?:ngày\s+)?|(?<=\d)\s+và\s+(?:ngày\s+)?)"
    # "trước ngày 20/6/2026" is due 06-20; "20/12/2026" never reads as 01-20
    r"(?P<d>\d{1,2})\s*(?:/|\s+tháng\s+)(?P<m>\d{1,2})(?!\d)",
    re.I,
)
_REPORT = re.compile(r"\bbáo cáo\b")
_OPENING_REPORT = re.compile(
    r"^\s*(?:[-+•*]\s*)?(?:Tổng hợp,?\s+)?Báo cáo\b(?!\s+(?:số|kết luận)\b)"
)
#: "Kết thúc kiểm tra, lập báo cáo …", "… sau kiểm tra": one report when the work ends
_ONCE = re.compile(
    r"(?:kết thúc|sau khi kết thúc|sau)\s+(?:đợt\s+|cuộc\s+)?"
    r"(?:kiểm tra|thanh tra|giám sát|khảo sát)",
    re.I,
)
#: "(báo cáo đồng gửi cho Sở Nội vụ để theo dõi)": a copy, not the addressee
_COPY = re.compile(r"\([^()]*\bđồng gửi\b[^()]*\)")
#: "lập báo cáo kết quả để Chủ tịch UBND tỉnh xem xét, chỉ đạo": the body that decides
_FOR_DECISION = re.compile(
    r"(?<=\s)để\s+(?=[A-ZĐ][^,;.]{0,80}?\s(?:xem xét|chỉ đạo|quyết định|cho ý kiến)\b)"
)
RECURRING = frozenset({"weekly", "biweekly", "monthly", "quarterly", "semiannual", "annual"})
_ESCALATION = re.compile(r"khó khăn|vướng mắc|phát sinh", re.I)
_VIA = re.compile(r"\(\s*qua\s+(?P<via>[^)]+)\)")
# "đo đạc, báo cáo, thẩm định" (MRV): a technical procedure, not a report to anyone
_MRV = re.compile(
    r"(?:đo đạc|đo lường),?\s+báo cáo,?\s+(?:và\s+)?thẩm (?:định|tra)"
    # "Hệ thống thông tin báo cáo của tỉnh": the reporting system is a name
    r"|hệ thống thông tin báo cáo",
    re.I,
)


# "về" ends the addressee ("báo cáo UBND tỉnh về kết quả …") except inside the
# names of police units: "Cục Cảnh sát điều tra tội phạm về ma túy",
# "Phòng Cảnh sát quản lý hành chính (QLHC) về trật tự xã hội".
_STOP = re.compile(
    r"\s(?:kết quả|tình hình|(?<!tội phạm\s)(?<!QLHC\s)(?<!hành chính\s)về\s|để\s|trước\s|"
    r"theo\s|định kỳ|khi\s|tiến độ|vào\s|các biện pháp|việc\s|những\s|xem xét|tổng hợp|"
    r"báo cáo|trong\s|"
    r"\d|\(|(?:hằng|hàng|mỗi)\s(?:ngày|tuần|tháng|quý|năm))"
    r"|,?\s+và\s+(?:trình|báo cáo|đề xuất|kiến nghị)\b"
    r"|\s*[-–,;]?\s*(?:Địa chỉ|E-?mail|SĐT|Số điện thoại|Điện thoại)\b"  # contact details
)


def _bodies(text: str) -> list[str]:
    text = " " + text.strip()  # "kết quả thực hiện cho …" opens with the report, not a body
    m = _STOP.search(text)
    if m:
        text = text[: m.start()]
    return [b for b in split_bodies(text) if looks_like_body(b)]


def _join(bodies: list[str]) -> str | None:
    return "; ".join(bodies) if bodies else None


def reporting_in(text: str, reporters: list[str]) -> list[Reporting]:
    """Reporting duties stated in one item's text by the given bodies."""
    out: list[Reporting] = []
    for sentence in re.split(r"(?<=\.)\s+|\n", text):
        sentence = repair_title_slips(_COPY.sub("", _MRV.sub("MRV", sentence)))
        # "Báo cáo kết quả … cho UBND tỉnh": a duty (a bullet, a table cell) may open
        # with the verb; "Báo cáo số 12/BC-…" opening a sentence names a document
        sentence = _OPENING_REPORT.sub(lambda m: m.group(0).lower(), sentence)
        if not _REPORT.search(sentence) or _ESCALATION.search(sentence):
            continue
        if not re.search(
            r"định kỳ|h[ằà]ng năm|h[ằà]ng quý|h[ằà]ng tháng|h[ằà]ng tuần|6 tháng|kết quả|tình hình|"
            r"đột xuất|khi có yêu cầu|trước ngày|tổng hợp,? báo cáo",
            sentence,
            re.I,
        ):
            continue
        direct, via, relay, upward = _targets(sentence)
        for recurrence, due in _recurrences(sentence):
            recipients: list[str | None] = list(direct) or ([] if relay else [None])
            for to in recipients:
                out.append(Reporting(_join(reporters), to, via, recurrence, due))
            for to in relay:
                out.append(Reporting(_join(reporters), to, via, recurrence, due))
            for to in upward:
                out.append(Reporting(relay[0] if relay else None, to, None, recurrence, None))
    return out


def row_statement(row: dict[str, str]) -> str:
    """The sentences of a task-table row's task cell, each one that reports with the
    row's timing cell after it: "Tổng hợp, báo cáo kết quả về UBND tỉnh | … | Trước
    ngày 10/12 hằng năm" reads as "Tổng hợp, báo cáo kết quả về UBND tỉnh (trước ngày
    10/12 hằng năm)", the way a paragraph states the same report."""
    timing = " ".join(row.get("timing", "").split()).strip(" .;")
    timing = timing[:1].lower() + timing[1:]
    out = []
    for sentence in re.split(r"(?<=\.)\s+|\n", row.get("text", "")):
        sentence = " ".join(sentence.split()).rstrip(" .;")
        if not sentence:
            continue
        if timing and _REPORT.search(sentence.lower()) and timing.lower() not in sentence.lower():
            sentence = f"{sentence} ({timing})"  # the parenthesis ends the addressee
        out.append(sentence)
    return "\n".join(out)


_SEND_TO = re.compile(r"(?:gửi|gởi)\s+(?:về\s+)?|(?<=\s)về\s+(?=[A-ZĐÀ-Ỹ])")
_UPWARD = re.compile(r"tổng hợp,?\s*(?:và\s+)?(?:tham mưu\s+[^,;]*?\s+)?(?:trình,\s*)?báo cáo\s+")
_AFTER_REPORT = re.compile(
    r"(?:tham mưu\s+(?=[A-ZĐÀ-Ỹ]\S*(?:\s\S+){0,6}?\s+báo cáo)|(?<!trong\s)báo cáo\s+"
    r"(?:(?:cho|lên|với)\s+(?=[A-ZĐÀ-Ỹa-zđà-ỹ]))?)"
)


def _targets(sentence: str) -> tuple[list[str], str | None, list[str], list[str]]:
    """(direct addressees, via, relay agency, addressees the relay reports to)."""
    via_match = _VIA.search(sentence)
    via = _join(_bodies(via_match.group("via"))) if via_match else None
    if via_match:
        sentence = sentence[: via_match.start()] + sentence[via_match.end() :]
    relay: list[str] = []
    upward: list[str] = []
    relay_span = (len(sentence), len(sentence))
    # "gửi báo cáo về UBND tỉnh": the first "gửi" names no body, the "về" after it does
    m = next((x for x in _SEND_TO.finditer(sentence) if _bodies(sentence[x.end() :])), None)
    if m:
        relay = _bodies(sentence[m.end() :])
        if relay:
            relay = _with_ministry(relay)
            tail = sentence[m.end() :]
            for up in _UPWARD.finditer(tail):
                upward += _bodies(tail[up.end() :])
                for more in re.finditer(r"(?:trình,\s*)?báo cáo\s+", tail[up.end() :]):
                    upward += _bodies(tail[up.end() + more.end() :])
            relay_span = (m.start(), len(sentence))
    direct: list[str] = []
    for found in _AFTER_REPORT.finditer(sentence[: relay_span[0]]):
        bodies = _bodies(sentence[found.end() :])
        if bodies:
            direct = bodies
            break
    if not direct:
        # "báo cáo kết quả thực hiện định kỳ theo quy định cho UBND tỉnh"
        for found in _REPORT_FOR.finditer(sentence[: relay_span[0]]):
            direct = _bodies(sentence[found.end() :])
            if direct:
                break
    if not direct and not relay:
        decider = _FOR_DECISION.search(sentence)
        direct = _bodies(sentence[decider.end() :]) if decider else []
    return _dedupe(direct), via, relay, _dedupe(upward)


# "… cho Ủy ban nhân dân tỉnh", "… cho lãnh đạo Ủy ban nhân dân tỉnh"
_REPORT_FOR = re.compile(r"(?<=\s)cho\s+(?=[A-ZĐÀ-Ỹ]|lãnh đạo\s+[A-ZĐÀ-Ỹ])")


_UNIT = re.compile(r"^(?:Cục|Vụ|Tổng cục|Văn phòng|Phòng|Viện)\s")


def _with_ministry(bodies: list[str]) -> list[str]:
    """The relay agency: the first body, with its ministry when it is named
    after it ("Cục Cảnh sát …, Bộ Công an" is one addressee, not two)."""
    if len(bodies) > 1 and _UNIT.match(bodies[0]) and bodies[1].startswith("Bộ "):
        return [f"{bodies[0]}, {bodies[1]}"]
    return bodies[:1]


def _dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item.lower() not in seen:
            seen.add(item.lower())
            out.append(item)
    return out


def _recurrences(sentence: str) -> list[tuple[str, str | None]]:
    found: list[tuple[int, str]] = []
    for pattern, name in _RECURRENCE:
        for m in pattern.finditer(sentence):
            found.append((m.start(), name))
    found.sort()
    dues = [
        (m.start(), f"{int(m.group('m')):02d}-{int(m.group('d')):02d}")
        for m in _DUE.finditer(sentence)
        if 1 <= int(m.group("m")) <= 12 and 1 <= int(m.group("d")) <= 31
    ]
    if not found and _ONCE.search(sentence):
        return [("once", dues[0][1] if dues else None)]
    if not found:
        if dues:
            return [("annual" if "năm" in sentence else "once", dues[0][1])]
        return [("periodic", None)]
    # drop duplicates of one recurrence, keep order
    names: list[tuple[int, str]] = []
    for pos, name in found:
        if name not in [n for _, n in names]:
            names.append((pos, name))
    if len(names) == 1 and names[0][1] == "annual" and len(dues) >= 2:
        # "trước ngày 05/6 và 05/12 hằng năm": a mid-year and a year-end report
        return [("semiannual", dues[0][1]), ("annual", dues[-1][1])]
    if len(names) == 1:
        return [(names[0][1], dues[0][1] if dues else None)]
    out: list[tuple[str, str | None]] = []
    for i, (pos, name) in enumerate(names):
        nxt = names[i + 1][0] if i + 1 < len(names) else len(sentence)
        due = next((d for p, d in dues if pos <= p < nxt), None)
        out.append((name, due))
    if len(dues) == len(names) and any(due is None for _, due in out):
        # "6 tháng, năm (trước ngày 15/6 và 15/12)": the dates follow the periods in order
        return [(name, due) for (_, name), (_, due) in zip(names, dues, strict=True)]
    return out


def is_recurring(entry: Reporting) -> bool:
    """A report due every week, month, quarter, half-year or year: a regime of the
    plan wherever it is stated, unlike a duty's one-off report (its deliverable)."""
    return entry.recurrence in RECURRING


def reports_at_the_end(text: str) -> bool:
    """ "Kết thúc kiểm tra, lập báo cáo kết quả …": the report closing the plan's
    inspection or supervision, made once but owed by the plan, not by one duty."""
    return bool(_ONCE.search(text))


#: "V. CHẾ ĐỘ BÁO CÁO", "3. Chế độ thông tin, báo cáo", "Công tác thông tin, báo cáo"
_REGIME = re.compile(
    r"^(?:[IVXLC\d.]+\s*[.)]?\s*)?(?:chế độ\s+(?:thông tin,?\s*)?báo cáo|chế độ thông tin|"
    r"(?:công tác\s+)?thông tin,?\s+báo cáo|báo cáo kết quả định kỳ)",
    re.I,
)


def is_regime_heading(heading: str) -> bool:
    """Does a heading open the plan's reporting regime (every report under it counts)?"""
    return bool(_REGIME.match(heading.strip()))


_FOCAL = re.compile(
    r"^(?:[-+•*]\s*)?(?:cơ quan\s+)?đầu mối\b"  # "- Đầu mối tổng hợp, …" under a body's heading
    r"|(?:là|làm)\s+(?:cơ quan\s+)?đầu mối|cơ quan thường trực"
)
_SENT_TO = re.compile(r"\bgửi(?:\s+về)?\s")
_MONITOR = ("theo dõi", "đôn đốc", "giám sát", "kiểm tra", "tổng hợp")


#: "… thực hiện kết luận này", "… triển khai Kế hoạch này": the document speaking of itself
_THIS_DOCUMENT = re.compile(
    r"\b(?:kết luận|thông báo|kế hoạch|chương trình|chỉ thị|nghị quyết|quyết định|đề án|"
    r"văn bản|công văn)\s+này\b",
    re.I,
)


def monitors_this_document(text: str) -> bool:
    """A duty that follows up the document itself ("Văn phòng UBND tỉnh theo dõi, đôn
    đốc … thực hiện kết luận này; tổng hợp, báo cáo …"): in a notice of conclusions or
    a short letter with no TỔ CHỨC THỰC HIỆN, that duty names the focal agency and its
    report is the document's own, once or not."""
    first = text.split("\n", 1)[0]
    return is_focal_statement(first) > 0 and _THIS_DOCUMENT.search(first) is not None


def is_focal_statement(text: str) -> int:
    """How strongly a text makes its body the focal agency (0 = not at all)."""
    first = text.split("\n", 1)[0].lower()
    if _FOCAL.search(first):
        return 10
    # "… báo cáo …, đồng thời gửi Sở X để theo dõi, tổng hợp": those duties are Sở X's
    first = _SENT_TO.split(first, maxsplit=1)[0]
    hits = sum(1 for word in _MONITOR if word in first)
    if hits < 2 or ("theo dõi" not in first and "đôn đốc" not in first):
        return 0
    return hits + (2 if "chủ trì" in first or first.startswith("giao") else 0)
