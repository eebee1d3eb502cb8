"""Free assignment lines: a sentence that only says who does the items above it.

Party programmes and commune plans often follow an item (or a run of
sub-items) with an unlabelled line such as "Ban Xây dựng Đảng chủ trì, phối
hợp với Văn phòng Đảng ủy tham mưu; thời gian thực hiện: năm 2026.", "Giao X
chủ trì, phối hợp với Y thực hiện.", "Các chi bộ thực hiện; X hướng dẫn, theo
dõi. Thời gian: hằng năm." Such a line names bodies and roles and nothing
else to do, so it is a responsibility line like "Cơ quan chủ trì: …", not a
paragraph of the last item nor a task of its own. A sentence that goes on to
state a duty ("Mặt trận … đổi mới nội dung, phương thức …") is not one.
"""

from __future__ import annotations

import re

from theodoi.text.bodies import find_subject_end, looks_like_body

#: the label under which the outline files a free assignment line
LABEL = "giao"

_BULLET = re.compile(r"^[-*+•–]\s*")
_GIAO = re.compile(r"^(?:Giao|giao)\s+(?:cho\s+)?")
#: time adverbs that may open the line before its subject ("Định kỳ, X chủ trì …")
TIME_OPENING = re.compile(
    r"^(?:Định kỳ|định kỳ|H[ằà]ng (?:năm|quý|tháng)|Thường xuyên)(?:\s+\S+){0,2}?\s*,\s*(?=\S)"
)
_ROLE = re.compile(
    r"^(?:là cơ quan (?:đầu mối|thường trực),?\s*)?(?:chủ trì|phối hợp|thực hiện|tham mưu|"
    r"hướng dẫn|theo dõi|chỉ đạo|lãnh đạo|tổ chức thực hiện)\b"
)
_PARTNER = re.compile(
    r"^chủ trì(?:\s+(?:tham mưu|thực hiện))?\s*,?\s*(?:và\s+)?phối hợp(?:\s+chặt chẽ)?\s+"
    r"(?:với\s+)?|^phối hợp(?:\s+(?:với\s+)?|$)"
)
#: what may follow the roles: generic verbs of carrying out, then a timing
_WHEN = (
    r"(?:hoàn thành|thời gian|thời hạn|trong|trước|vào|từ|thường xuyên|h[ằà]ng|định kỳ|"
    r"quý|tháng|năm\s+\d|chậm nhất)\b"
)
_TAIL = re.compile(
    r"^(?:(?:thực hiện|tham mưu|triển khai|theo dõi|hướng dẫn|đôn đốc|tổ chức thực hiện|"
    r"giúp việc|chỉ đạo|lãnh đạo|chủ trì|trình|kiểm tra|tuyên truyền|vận động)\s*,?\s*)*"
    # "… phối hợp vận động Nhân dân": whom the partners win over, no duty of its own
    r"(?:(?:Nhân dân|nhân dân|người dân|đoàn viên, hội viên|hội viên|đoàn viên)\s*,?\s*)?"
    # "trình tại Hội nghị Ban Chấp hành tháng 6/2026": where it is submitted, then when
    rf"(?:(?:(?<=trình )|(?<=trình, ))(?:[^\s,;]+\s+){{1,6}}?(?={_WHEN}))?"
    rf"(?:{_WHEN}.*)?$",
    re.IGNORECASE,
)
_TIMING_CLAUSE = re.compile(
    r"^(?:thời gian|thời hạn|tiến độ)(?:\s+(?:thực hiện|hoàn thành|triển khai))?\s*:|"
    # "…; trình quý IV/2026", "…; hoàn thành trong tháng 3/2026"
    r"^(?:trình|hoàn thành|thực hiện)(?:\s+[^\s,;]+){0,6}?\s+(?:(?:trong|trước|vào|"
    r"chậm nhất)\s+)?(?:quý|tháng\s+\d|năm\s+\d|ngày\s+\d|h[ằà]ng năm|định kỳ)",
    re.I,
)
MAX_WORDS = 40
#: a sentence's end: a full stop after a word of two or more, then a capital
_SENTENCE_END = r"(?<=[^\s.]{2}\.)\s+(?=[A-ZĐÀ-Ỹ])"


#: "Ban Thường vụ Đảng ủy chỉ đạo, Ban Xây dựng Đảng tham mưu": a comma after a role
#: word, then a capital, starts the next body's clause
_ROLE_THEN_BODY = re.compile(
    r"(?:(?<=chỉ đạo)|(?<=lãnh đạo)|(?<=thực hiện)|(?<=tham mưu)|(?<=chủ trì)|(?<=phối hợp)|"
    r"(?<=theo dõi)|(?<=hướng dẫn))\s*,\s+(?=[A-ZĐÀ-Ỹ])"
)


def clauses(text: str) -> list[str]:
    """The clauses of a line: split at ';', at sentence ends, and at a comma that closes
    one body's role before the next body ("X chỉ đạo, Y tham mưu thực hiện")."""
    parts = re.split(rf"\s*;\s*|{_SENTENCE_END}", text.strip())
    out: list[str] = []
    for part in parts:
        pieces = _ROLE_THEN_BODY.split(part)
        if len(pieces) > 1 and not all(looks_like_body(p[:80]) for p in pieces[1:]):
            pieces = [part]  # "…thực hiện, Tết Nguyên đán …": not a body's clause
        out.extend(p.strip(" .;,") for p in pieces if p.strip(" .;,"))
    return out


def is_assignment_clause(clause: str) -> bool:
    """'X chủ trì, phối hợp với Y tham mưu', 'Giao X thực hiện', 'Thời gian: …'."""
    if _TIMING_CLAUSE.match(clause):
        return True
    text = TIME_OPENING.sub("", _GIAO.sub("", clause, count=1), count=1)
    if not looks_like_body(text[:80]):
        return False
    end = find_subject_end(text)
    rest = text[end:].strip()
    if not _ROLE.match(rest):
        return False
    rest = _PARTNER.sub("", rest, count=1)
    if rest.startswith("chủ trì"):
        rest = re.sub(r"^chủ trì\s*,?\s*", "", rest)
    elif looks_like_body(rest[:80]) and not _ROLE.match(rest):
        rest = rest[find_subject_end(rest) :].strip()  # the coordinating bodies
    return bool(_TAIL.match(rest.strip(" ,")))


def is_assignment_line(text: str) -> bool:
    """Is the whole paragraph a line that only assigns (bodies, roles, timing)?"""
    text = _BULLET.sub("", text.strip(), count=1)
    if not text or len(text.split()) > MAX_WORDS:
        return False
    parts = clauses(text)
    roles = [p for p in parts if not _TIMING_CLAUSE.match(p)]
    return bool(roles) and all(is_assignment_clause(p) for p in parts)


def trailing_assignment(text: str) -> str | None:
    """The last sentences of an item that only assign it ('… Giao X chủ trì, phối hợp với
    Y thực hiện, hoàn thành trong Quý IV/2025.'), or None. The first sentence, the duty,
    is never one."""
    sentences = re.split(_SENTENCE_END, " ".join(text.split()))
    for start in range(1, len(sentences)):
        tail = " ".join(sentences[start:])
        if is_assignment_line(tail):
            return tail
    return None
