"""Who is responsible for a task, by the spec's rules.

Sources, strongest first: the task's own words ("X chủ trì, phối hợp với Y",
"Giao X …", "Đề nghị X …", a body as the sentence's subject), responsibility
lines covering it ("Cơ quan chủ trì: …"), and an intro sentence or addressee
heading above it ("1. Thủ trưởng các sở …; Chủ tịch UBND …").
"""

from __future__ import annotations

import re

from theodoi.text.bodies import (
    body_heads,
    find_subject_end,
    is_generic_continuation,
    looks_like_body,
    split_bodies,
    take_bodies,
    verb_positions,
)
from theodoi.text.extract.timing import parse_timing, timing_from_sentence
from theodoi.text.model import Responsibility
from theodoi.text.outline import assignment
from theodoi.text.outline.segment import is_caps
from theodoi.text.outline.tree import ResponsibilityLine, parse_responsibility_line

_LEAD_COORD = re.compile(
    r"\s+(?:là cơ quan (?:đầu mối|thường trực),?\s*)?chủ trì(?:\s+(?:thực hiện|tham mưu))?"
    r"\s*(?:,|;)?\s*"
    r"(?:và\s+)?(?:phối hợp|cùng)(?:\s+chặt chẽ)?\s+(?:với\s+)?(?P<coord>.+)$"
)
_LEAD_ONLY = re.compile(r"\s+(?:là cơ quan (?:đầu mối|thường trực),?\s*)?chủ trì\b")
_HONORIFIC = re.compile(r"^(?:Đồng chí|đồng chí|Đ/c|đ/c)\s+")
_GIAO = re.compile(r"^(?:Giao|giao)\s+(?:cho\s+)?(?P<rest>.+)$", re.S)
#: "Chủ tịch UBND tỉnh giao …", "Ủy ban nhân dân tỉnh giao …": who assigns the duty opens it
_ASSIGNER = re.compile(r"^(?P<who>[^,;.:]{3,80}?)\s+giao\s+(?:cho\s+)?(?=[A-ZĐ])")
_DE_NGHI = re.compile(
    r"^(?:[^.;:]{0,40}?\s)?(?:(?:trân trọng|kính)\s+)?(?:Đề nghị|đề nghị)\s+(?P<rest>.+)$", re.S
)
# "3. Đề nghị các Bộ, ngành": a heading requesting bodies outside the issuer's authority
_DE_NGHI_HEADING = re.compile(r"^Đề nghị\s+(?P<rest>[^:]+)$")
_DE_NGHI_OCR = re.compile(r"^[A-ZĐÀ-Ỹ]\S{0,2}\s+ngh[iịỉí]\s+")
_TRAILING_TIME = re.compile(
    r"[,;]?\s*(?:thực hiện|triển khai)?\s*(?P<t>thường xuyên|hằng năm|hàng năm)\s*\.?$", re.I
)
_COORD_END = re.compile(
    r"\s(?:để|nhằm|trong (?:việc|quá trình)|thực hiện|triển khai|theo dõi|tham mưu|xây dựng|"
    r"tiếp tục|hướng dẫn|rà soát|nghiên cứu|kiểm tra|đôn đốc|giúp|bảo đảm|đảm bảo)\b"
    r"(?!\s+Đảng\b)"  # "các ban xây dựng Đảng Thành ủy": the party's boards, one body
)


def _dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item and item.lower() not in seen:
            seen.add(item.lower())
            out.append(item)
    return out


#: "các cơ quan tham mưu, giúp việc của Đảng ủy": a kind of body whose name holds
#: words that elsewhere end the list of partners ("… phối hợp với Y tham mưu")
_ADVISORY_BODIES = re.compile(
    r"\bcơ quan (?:chuyên môn\s*,?\s*)?tham mưu(?:\s*,\s*giúp việc)?(?:\s+(?:của|cho)\s+"
    r"[^,;.]{2,60}?(?=\s+(?:theo dõi|thực hiện|triển khai|để|nhằm)\b|[,;.]|$))?"
)


def _coord_bodies(text: str) -> list[str]:
    text = text.strip()
    shield = _ADVISORY_BODIES.search(text)
    m = _COORD_END.search(text, shield.end() if shield else 0)
    if m:
        text = text[: m.start()]
    text = text[: find_subject_end(text)]
    text = re.split(r"[.:(]", text, maxsplit=1)[0]
    return [b for b in split_bodies(text) if b]


def _lead_and_coord(text: str) -> Responsibility | None:
    """'X chủ trì, phối hợp với Y …' → lead X, coordinating Y."""
    first = re.split(r"(?<=[.;])\s", text, maxsplit=1)[0]
    m = _LEAD_COORD.search(first[:600])
    lead_end = m.start() if m else None
    if m is None:
        m2 = _LEAD_ONLY.search(first[:400])
        if m2 is None:
            return None
        lead_end = m2.start()
    lead_text = first[:lead_end]
    if not looks_like_body(lead_text[:80]):
        return None
    end = find_subject_end(lead_text)
    if end < len(lead_text) and end > 0:
        # a verb inside the lead part: the sentence does not open with the lead
        return None
    lead = split_bodies(lead_text)
    coord = _coord_bodies(m.group("coord")) if m else []
    return Responsibility(lead=_dedupe(lead), coordinating=_dedupe(coord))


def from_text(text: str) -> Responsibility:
    """Responsibility stated by a task's own opening words."""
    first = text.strip().split("\n", 1)[0]
    opening = assignment.TIME_OPENING.match(first)
    if opening and looks_like_body(first[opening.end() : opening.end() + 80]):
        first = first[opening.end() :]  # "Định kỳ, Thường trực Ủy ban X chủ trì …"
    honorific = _HONORIFIC.match(first)
    if honorific and looks_like_body(first[honorific.end() : honorific.end() + 80]):
        first = first[honorific.end() :]  # "Đồng chí Chủ tịch … chỉ đạo": the office-holder
    addressed = _addressed_by_doi_voi(first)
    if addressed:
        return Responsibility(implementing=addressed)
    assigner = _ASSIGNER.match(first)
    if assigner and looks_like_body(assigner.group("who")):
        first = "Giao " + first[assigner.end() :]  # "Chủ tịch UBND tỉnh giao Sở X chủ trì …"
    m = _GIAO.match(first)
    if m:
        rest = m.group("rest")
        both = _lead_and_coord(rest)
        if both is not None:
            return both
        head = re.split(r"[:.]", rest, maxsplit=1)[0]
        end = find_subject_end(head)
        bodies = split_bodies(head[:end])
        clause = re.split(r"[;.]", rest, maxsplit=1)[0]
        if bodies and re.search(r"\bchủ trì\b", clause):
            coord: list[str] = []
            pm = re.search(r"phối hợp\s+(?:với\s+)?(.+)", clause)
            if pm:
                coord = _coord_bodies(pm.group(1))
            return Responsibility(lead=_dedupe(bodies), coordinating=_dedupe(coord))
        return Responsibility(implementing=_dedupe(b for b in bodies if looks_like_body(b)))  # type: ignore[arg-type]
    ocr = _DE_NGHI_OCR.match(first)
    if ocr and not first.startswith("Hội") and looks_like_body(first[ocr.end() : ocr.end() + 80]):
        first = "Đề nghị " + first[ocr.end() :]  # "Bể nghị", "Bé nghi": OCR for "Đề nghị"
    m = _DE_NGHI.match(first[:300])
    if m and (
        first.lower().startswith("đề nghị")
        or "trân trọng đề nghị" in first[:120].lower()
        or "kính đề nghị" in first[:60].lower()
    ):
        rest = m.group("rest")
        both = _lead_and_coord(rest)
        if both is not None:
            return both
        bodies = take_bodies(rest)
        return Responsibility(implementing=bodies)
    both = _lead_and_coord(first)
    if both is not None:
        return both
    bodies = take_bodies(first)
    if bodies:
        # "X (chủ động) phối hợp với Y …" without "chủ trì": X carries it out, Y coordinates
        partner = _PARTNER.match(first, find_subject_end(first))
        if partner:
            coord = [b for b in _coord_bodies(first[partner.end() :]) if looks_like_body(b)]
            return Responsibility(implementing=bodies, coordinating=_dedupe(coord))
    if not bodies and _OPENING_PHRASE.match(first):
        # "Trên cơ sở đề xuất của …, Bộ Tài chính tổng hợp …": the subject follows the phrase
        found = _subject_after_opening(first)
        if found:
            return Responsibility(implementing=found)
    return Responsibility(implementing=bodies)


_DOI_VOI = re.compile(r"^Đối với\s+")
# heads named by their title only ("thủ trưởng cơ quan, đơn vị"), no name of their own
_GENERIC_HEADS = re.compile(
    r"^(?i:thủ trưởng|người đứng đầu|lãnh đạo|cấp ủy|cấp uỷ)(?:\s+[a-zà-ỹđ][^,;]*)?"
    r"(?:,\s*[a-zà-ỹđ][^,;]*)*$"
)


def _addressed_by_doi_voi(first: str) -> list[str]:
    """'Đối với các cơ quan Trung ương trên địa bàn, thủ trưởng cơ quan, đơn vị …': the
    duty is those bodies' when the clause after them opens with their own heads.
    Without that subject "Đối với X:" more often names whom a policy serves ("Đối
    với Hội Cựu chiến binh: tăng cường vai trò …", "Đối với doanh nghiệp, hỗ trợ …")."""
    m = _DOI_VOI.match(first)
    if not m:
        return []
    rest = first[m.end() : m.end() + 300]
    cut = re.search(r"[,:]\s", rest)
    if not cut:
        return []
    who = rest[: cut.start()].strip()
    if not who or find_subject_end(who) < len(who):
        return []
    bodies = split_bodies(who)
    if not bodies or not all(looks_like_body(b) for b in bodies):
        return []
    subject = take_bodies(rest[cut.end() :])
    if not subject:
        return []
    # "…, thủ trưởng cơ quan, đơn vị …": the heads of those bodies; "…, Sở Tài chính …":
    # a body of its own does the work for them
    return bodies if all(_GENERIC_HEADS.match(s) for s in subject) else subject


def _add_roles(out: Responsibility, more: Responsibility) -> None:
    """``more``'s bodies after ``out``'s, role by role (the caller removes repeats)."""
    out.lead += more.lead
    out.coordinating += more.coordinating
    out.implementing += more.implementing


def from_assignment(text: str) -> Responsibility:
    """A free assignment line ('X chủ trì, phối hợp với Y tham mưu; thời gian thực hiện:
    năm 2026', 'Các chi bộ thực hiện; X hướng dẫn, theo dõi'): every clause's bodies,
    and the timing it closes with."""
    out = Responsibility()
    partners: list[str] = []
    for clause in assignment.clauses(text):
        line = parse_responsibility_line(clause)
        if line is not None and line.label.startswith(("thời gian", "thời hạn", "tiến độ")):
            out.timing = parse_timing(line.value)
            continue
        tm = _TRAILING_TIME.search(clause)
        # "trình trong tháng 3/2026 và hằng năm": the whole statement, not its last words
        timing = timing_from_sentence(clause) or (parse_timing(tm.group("t")) if tm else None)
        out.timing = out.timing or timing
        roles_part = clause[: tm.start()] if tm else clause
        alongside = _alongside(roles_part)
        if alongside:
            partners += alongside  # its timing, read above, still counts
            continue
        _add_roles(out, from_text(roles_part))
    if out.lead or out.implementing:
        out.coordinating += partners
    else:
        out.implementing += partners
    out.lead = _dedupe(out.lead)
    out.coordinating = _dedupe(out.coordinating)
    out.implementing = _dedupe(b for b in out.implementing if b not in out.lead)  # type: ignore[arg-type]
    return out


#: "… phối hợp vận động Nhân dân", "… cùng phối hợp thực hiện": cooperating, no partner named
_ALONGSIDE = re.compile(r"^(?:cùng\s+)?phối hợp(?:\s+chặt chẽ)?(?:\s+|$)(?!với\b)")


def _alongside(clause: str) -> list[str]:
    """The bodies of a clause 'Y phối hợp vận động Nhân dân' of an assignment line: they
    work alongside whoever the line's other clauses name ("Giao X tổ chức thực hiện; Y
    và các đoàn thể phối hợp …" → Y coordinating), so they are returned apart."""
    bodies = take_bodies(clause)
    if not bodies:
        return []
    end = find_subject_end(clause)
    rest = clause[end:].strip()
    if end <= 0 or not _ALONGSIDE.match(rest):
        return []
    after = _ALONGSIDE.sub("", rest, count=1)
    if looks_like_body(after[:80]):
        return []  # "Y phối hợp Sở Z …": a partner is named, from_text reads it
    return bodies


def from_lines(lines: list[ResponsibilityLine]) -> Responsibility:
    """'Cơ quan chủ trì: X' / 'Cơ quan phối hợp: Y' / 'Đơn vị thực hiện: …'."""
    out = Responsibility()
    for line in (part for whole in lines for part in _embedded_lines(whole)):
        label = line.label
        value = line.value.strip()
        if label == assignment.LABEL:
            found = from_assignment(value)
            _add_roles(out, found)
            out.timing = found.timing or out.timing
            continue
        if label.startswith(("thời gian", "thời hạn", "tiến độ")):
            out.timing = parse_timing(value)
            continue
        if label.startswith(("sản phẩm", "kết quả")):
            out.result = value.rstrip(" .;")
            continue
        if label.startswith("thành phần"):
            continue  # who attends a meeting ("Thành phần: …") is not who does the duty
        tm = _TRAILING_TIME.search(value)
        if tm:
            out.timing = out.timing or parse_timing(tm.group("t"))
            value = value[: tm.start()]
        if "phối hợp" in label:
            out.coordinating += split_bodies(value)
        elif ("chủ trì" in label and "thực hiện" not in label.split("chủ trì")[0]) or (
            "tham mưu" in label
        ):
            # "Cơ quan tham mưu: X" under "Đảng ủy lãnh đạo …": X prepares the work, as a lead
            both = _lead_and_coord(value)
            out.lead += both.lead if both else split_bodies(value)
        else:
            both = _lead_and_coord(value)
            if both is not None:
                out.lead += both.lead
                out.coordinating += both.coordinating
            else:
                end = find_subject_end(value)
                out.implementing += split_bodies(value[:end] if end > 0 else value)
    out.lead = _dedupe(out.lead)
    out.coordinating = _dedupe(out.coordinating)
    out.implementing = _dedupe(out.implementing)
    return out


#: "Chủ trì: X; Phối hợp: Y; Thời gian: Quý I/2026" — several labels on one line
_NEXT_LABEL = re.compile(r"\s*[;.]\s+(?=[^\W\d][^:;.]{0,30}:)")


def _embedded_lines(line: ResponsibilityLine) -> list[ResponsibilityLine]:
    """One labelled line per label, when every piece after the first is labelled."""
    first, *rest = _NEXT_LABEL.split(line.value)
    parsed = [parse_responsibility_line(piece) for piece in rest]
    if not rest or not all(parsed):
        return [line]
    return [ResponsibilityLine(line.label, first), *(p for p in parsed if p is not None)]


_PARTNER = re.compile(
    r"(?:(?:chủ động|tích cực|tiếp tục)\s+)?phối hợp(?:\s+chặt chẽ)?\s+(?:với\s+)?(?=\S)"
)
_OPENING_PHRASE = re.compile(r"^(?:Trên cơ sở|Căn cứ|Để|Nhằm|Trong quá trình|Đối với|Sau khi)\b")
_INTRO_TAIL = re.compile(r"(?:sau đây|như sau|sau)\s*:?\s*$|:\s*$")


_QUALIFIED_GROUP = re.compile(
    r"^(?P<group>(?:Các|các|Những|những)\s[^;:.]+?)\s+được\s+\w+(?:\s+\w+){0,3}$"
)


def _qualified_group(head: str) -> bool:
    """'Các cơ quan, đơn vị được kiểm tra': one group, narrowed by what is done to it."""
    found = _QUALIFIED_GROUP.match(head)
    if found is None:
        return False
    group = found.group("group")
    return find_subject_end(group) == len(group) and len(split_bodies(group)) == 1


#: words that introduce the body an addressee heading of TỔ CHỨC THỰC HIỆN turns to
_ADDRESSEE_OPENING = re.compile(
    r"^(?:Đối với|đối với|Trách nhiệm của|trách nhiệm của|Về phía|về phía)\s+(?=\S)"
)


def from_heading(text: str) -> Responsibility | None:
    """An addressee heading made only of body names ("2. Giao Sở Nội vụ:")."""
    head = text.strip().rstrip(":").strip()
    if not head or len(head) > 400 or is_caps(head):
        return None
    giao = _GIAO.match(head) or _DE_NGHI_HEADING.match(head)
    if giao:
        head = giao.group("rest")
    head = _ADDRESSEE_OPENING.sub("", head)  # "Đối với các chi bộ", "Trách nhiệm của …"
    both = _lead_and_coord(head)
    if both is not None and not both.is_empty():
        return both
    if _qualified_group(head):
        return Responsibility(implementing=[head])
    if find_subject_end(head) < len(head):
        return None
    bodies = split_bodies(head)
    if bodies and all(looks_like_body(b) for b in bodies):
        return Responsibility(implementing=bodies)
    return None


def from_intro(text: str) -> Responsibility | None:
    """'Các sở, ban, ngành; UBND các huyện … thực hiện tốt một số nhiệm vụ sau đây:'."""
    text = text.strip()
    if not _INTRO_TAIL.search(text) or len(text) > 800:
        return None
    own = from_text(text)
    if not own.is_empty():
        return _with_other_clauses(own, text)
    # the bodies may follow an opening clause: "Nhằm …, bên cạnh …, các bộ, … cần …"
    for end in verb_positions(text):
        collected = _bodies_before(text[:end])
        if collected:
            return Responsibility(implementing=split_bodies(", ".join(collected)))
    return None


def _with_other_clauses(own: Responsibility, text: str) -> Responsibility:
    """'Đảng ủy lãnh đạo, chỉ đạo; Ủy ban nhân dân xã tổ chức thực hiện các nhiệm vụ
    sau:' — a party intro gives each clause its subject; all of them carry out the
    items under it."""
    clauses = re.split(r"\s*;\s*", text)
    if len(clauses) < 2:
        return own
    more = [from_text(clause) for clause in clauses[1:]]
    if any(m.is_empty() for m in more):
        return own
    out = Responsibility(list(own.lead), list(own.coordinating), list(own.implementing))
    for m in more:
        _add_roles(out, m)
    return Responsibility(
        lead=_dedupe(out.lead),
        coordinating=_dedupe(out.coordinating),
        implementing=_dedupe(out.implementing),
    )


def _subject_after_opening(text: str) -> list[str]:
    """The bodies after an opening phrase, up to the verb.

    The phrase ends at the first comma followed by a capitalised list of
    bodies running to the verb, unless the piece before that comma is itself a
    body (then the comma only continues the phrase's own list: "đề xuất của
    các bộ, …, Ủy ban nhân dân các tỉnh, Bộ Tài chính tổng hợp").
    """
    for end in verb_positions(text, limit=24):
        clause = text[:end]
        pieces = re.split(r",\s*", clause)
        for i in range(1, len(pieces)):
            rest = pieces[i:]
            if not rest[0][:1].isupper() or not looks_like_body(rest[0]):
                continue
            parts = [q for p in rest for q in re.split(r"\s+và\s+", p)]
            if not all(looks_like_body(q) or is_generic_continuation(q) for q in parts):
                continue
            before = pieces[i - 1]
            if looks_like_body(before) or is_generic_continuation(before):
                if i == len(pieces) - 1:
                    return split_bodies(rest[0])
                continue
            return split_bodies(", ".join(rest))
        if pieces and looks_like_body(pieces[-1]) and pieces[-1][:1].isupper():
            return split_bodies(pieces[-1])
    return []


def _bodies_before(clause: str) -> list[str]:
    pieces = re.split(r",\s*", clause.strip())
    collected: list[str] = []
    for piece in reversed(pieces):
        if looks_like_body(piece) or is_generic_continuation(piece):
            collected.insert(0, piece)
        else:
            break
    while collected and not looks_like_body(collected[0]):
        collected.pop(0)
    return collected


#: A person named with the post they hold ("Bà Lê Thị Cúc, Chánh Văn phòng Sở",
#: "Đ/c Nguyễn Văn An - Phó Giám đốc"): one office-holder, written as in the text.
_PERSON_WITH_POST = re.compile(
    r"^(?:Đ/c|đ/c|Đồng chí|đồng chí|Ông|ông|Bà|bà)\s+(?:[A-ZĐÀ-Ỹ][^\s,;–-]*\s*){1,5}"
    r"[,–-]\s*[^,;]+$"
)


#: "Theo phân công tại Quyết định số …": the bodies are assigned by another document
_ASSIGNED_ELSEWHERE = re.compile(r"^(?:Theo|Thực hiện theo)\s+(?:sự\s+)?phân công\b", re.I)


def split_bodies_cell(cell: str) -> list[str]:
    """A table cell of bodies: 'Bộ Y tế, Sở Y tế' → two names. A cell that refers to
    another document's assignment ('Theo phân công tại Quyết định số …') names none."""
    cell = re.sub(r"\s+", " ", cell or "").strip(" .;,")
    if not cell or _ASSIGNED_ELSEWHERE.match(cell):
        return []
    if _PERSON_WITH_POST.match(cell):
        return [cell]
    both = _lead_and_coord(cell)
    if both is not None and both.lead:
        return both.lead
    return _dedupe(split_bodies(_split_repeated_head(cell)))


_HEADS = r"(?:Sở|Bộ|Cục|Tổng cục|Ban|UBND|Ủy ban nhân dân|Uỷ ban nhân dân)"


def _split_repeated_head(cell: str) -> str:
    """'Sở Khoa học và Công nghệ Sở Tài chính': a PDF cell whose bodies stood on lines
    of their own comes with its lines joined; a name opening with the head word that
    opened the name before it ('Sở … Sở …', 'Bộ … Bộ …') starts a new body."""
    out: list[str] = []
    for part in re.split(r"(\s*[;,]\s*)", cell):
        head = re.match(_HEADS, part)
        if head is None:
            out.append(part)
            continue
        # not after "và": "Sở Y tế và Sở Tài chính" is already a list
        same = re.compile(rf"(?<=[a-zà-ỹđ])(?<!\svà)\s+(?={re.escape(head.group(0))}\s+[A-ZĐÀ-Ỹ])")
        out.append(same.sub("; ", part))
    return "".join(out)


_CHU_TRI_OPENING = re.compile(
    r"^(?:(?:Là|là) cơ quan (?:đầu mối|thường trực)\b\s*,?\s*(?:chủ trì\b)?|Chủ trì|chủ trì)"
    r"(?:\s+thực hiện)?\s*(?:,|;)?\s*(?:và\s+)?"
    r"(?:phối hợp\s+(?:chặt chẽ\s+)?(?:với\s+)?(?P<coord>.+))?"
)


def lead_without_subject(text: str) -> list[str] | None:
    """'Chủ trì, phối hợp với Y …' under an addressee: the addressee leads, Y coordinates."""
    m = _CHU_TRI_OPENING.match(text.strip())
    if not m:
        return None
    return _coord_bodies(m.group("coord")) if m.group("coord") else []


#: "II. NHIỆM VỤ CHỦ YẾU CỦA BỘ X", "Nhiệm vụ của Sở Y", "Các giải pháp của UBND huyện Z":
#: a duty section whose heading names the body that carries out its duties
_DUTY_OF_BODY = re.compile(
    r"^(?:(?:các|những)\s+)?(?:nhiệm vụ|giải pháp)(?:\s*(?:,|và)\s*(?:nhiệm vụ|giải pháp))?"
    r"(?:\s+(?:chủ yếu|trọng tâm|cụ thể|chính|trọng điểm))?\s+(?:của|giao)\s+(?P<body>.+)$",
    re.IGNORECASE,
)


def from_duty_heading(heading: str, document: str = "") -> Responsibility | None:
    """'II. NHIỆM VỤ CHỦ YẾU CỦA BỘ X' addresses body X to every duty under it.

    Only a heading that is the duty words plus a body name counts ("Nhiệm vụ của
    ngành y tế năm 2025" names a period as well, so it assigns nobody). A name
    printed in capitals is written as the document writes it elsewhere
    (``document``), as the spec keeps names as written.
    """
    m = _DUTY_OF_BODY.match(heading.strip().rstrip(":.").strip())
    if m is None:
        return None
    name = m.group("body").strip()
    if is_caps(name):
        name = _as_written(name, document)
    if find_subject_end(name) < len(name):
        return None
    bodies = split_bodies(name)
    if not bodies or not all(looks_like_body(b) for b in bodies) or re.search(r"\d", name):
        return None
    return Responsibility(implementing=bodies)


def _as_written(caps: str, document: str) -> str:
    """'BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG' → 'Bộ Tài nguyên và Môi trường' as found in the text.

    Not found: the head word and the word after it capitalised, abbreviations kept.
    """
    pattern = r"\s+".join(re.escape(w) for w in caps.split())
    for found in re.finditer(rf"(?<!\w){pattern}(?!\w)", document, re.IGNORECASE):
        if not is_caps(found.group(0)):
            return re.sub(r"\s+", " ", found.group(0))
    out = [w if (w.isascii() and len(w) > 1) else w.lower() for w in caps.split()]
    low = " ".join(out).lower()
    heads = [h for h in body_heads() if low.startswith(h + " ")]
    after = len(max(heads, key=len).split()) if heads else 1
    for i in {0, after} & set(range(len(out))):
        out[i] = out[i][:1].upper() + out[i][1:]
    return " ".join(out)


#: "Chủ trì: X", "Phối hợp: Y", "Cơ quan thực hiện: Z" inside one table cell (a
#: "Trách nhiệm (chủ trì/phối hợp)" column states the roles in the cell, not the header)
_CELL_LABEL = re.compile(
    r"(?:^|(?<=[\s;.,]))(?P<label>(?:(?:cơ quan|đơn vị)\s+)?(?:chủ trì|phối hợp|thực hiện)"
    r"(?:\s+thực hiện)?)\s*:\s*",
    re.IGNORECASE,
)
#: "Sở Nội vụ (chủ trì); Sở Tư pháp (phối hợp)": the role after each body
_CELL_MARK = re.compile(r"\s*\(\s*(chủ trì|phối hợp|thực hiện)\s*\)\s*[,;.]?\s*", re.IGNORECASE)
#: a body's own line in a cell opened by a dash ("Phối hợp: - Sở Nội vụ; - Sở Tư pháp")
_CELL_BULLET = re.compile(r"(?:^|(?<=\s))[-–•+]\s+")
_ROLE_WORD = re.compile(r"\b(?:chủ trì|phối hợp)\b", re.IGNORECASE)


def _cell_bodies(value: str) -> list[str]:
    return split_bodies(_CELL_BULLET.sub("; ", value).strip(" ;,.-–"))


def _by_role(role: str, bodies: list[str], out: Responsibility) -> None:
    role = role.lower()
    if "chủ trì" in role:
        out.lead += bodies
    elif "phối hợp" in role:
        out.coordinating += bodies
    else:
        out.implementing += bodies


def from_role_cell(cell: str) -> Responsibility | None:
    """The roles a table cell of bodies states itself, or None when it names none.

    A responsibility column ("Trách nhiệm", "Trách nhiệm (chủ trì/phối hợp)") gives
    implementing bodies only when its cells are bare names; a cell that labels its
    bodies ("Chủ trì: X / Phối hợp: Y, Z"), marks them ("X (chủ trì); Y (phối hợp)")
    or says it in a sentence ("X chủ trì, phối hợp với Y") gives lead and
    coordinating bodies, as the spec's labelled lines do in running text.
    """
    text = re.sub(r"\s+", " ", cell or "").strip()
    if not text or (not _ROLE_WORD.search(text) and not _CELL_LABEL.search(text)):
        return None
    out = Responsibility()
    labels = list(_CELL_LABEL.finditer(text))
    if labels:
        before = text[: labels[0].start()].strip(" ;,.")
        if before:
            out.implementing += _cell_bodies(before)
        for m, nxt in zip(labels, [*labels[1:], None], strict=True):
            value = text[m.end() : nxt.start() if nxt else len(text)]
            _by_role(m.group("label"), _cell_bodies(value), out)
    elif _CELL_MARK.search(text):
        parts = _CELL_MARK.split(text)
        for value, role in zip(parts[0::2], parts[1::2], strict=False):
            _by_role(role, _cell_bodies(value), out)
        rest = _cell_bodies(parts[-1]) if len(parts) % 2 else []
        (out.coordinating if out.lead else out.implementing).extend(rest)
    else:
        found = from_assignment(_CELL_BULLET.sub("", text))
        if not (found.lead or found.coordinating):
            return None
        out = Responsibility(found.lead, found.coordinating, found.implementing)
    out.lead = _dedupe(out.lead)
    out.coordinating = _dedupe(b for b in out.coordinating if b not in out.lead)  # type: ignore[arg-type]
    out.implementing = _dedupe(
        b
        for b in out.implementing
        if b not in out.lead and b not in out.coordinating  # type: ignore[arg-type]
    )
    return None if out.is_empty() else out
