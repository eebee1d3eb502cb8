"""Section and item conventions that hold whatever the headings say.

Each convention is one small function with its fictional fixture in
``tests/text/test_conventions.py``:

- ``gives_work``: a top-level section is a section of duties when its items
  give bodies work, whatever its heading says ("NỘI DUNG", "Hoàn thiện hạ
  tầng công nghệ thông tin", a letter's bare numbered points).
- ``not_tasks_heading``: sections about the plan itself (objectives,
  duration, reporting regime, funding, targets) hold no tasks.
- ``is_title``: a sub-section's title ("1. Nhiệm vụ", "2. Các giải pháp chủ
  yếu") is short; an item that is a whole duty sentence is not one, even when
  it mentions "các hoạt động" or "giải pháp" on the way.
- ``body_prefix``: "a) Cục Điện ảnh: …", "1. Đồng chí Phó Chủ tịch - Trưởng
  tiểu ban: …", "6.1. Đối với Đoàn kiểm tra: …" name the body before the
  colon; the task is what follows.
- ``body_heading``: "2. Sở Nội vụ" / "b) Giao Sở Nội vụ:" above a paragraph
  gives the body and is not part of the task's text.
- ``field_text``: "Nội dung: …" opens a task whose other fields follow on
  labelled lines; the label is not the task's text. ``opens_with_field``: an
  item whose own paragraph is such a field is a task even when numbered
  sub-items follow it ("3. Hội nghị lần thứ ba" / "Nội dung: …" / "3.3. …").
- ``states_rules``: a sub-item stating rules ("Quy định về …", "Nguyên
  tắc …") inside a section of duties holds no tasks.
- ``states_a_fact``: "Số lượng đơn vị kiểm tra: …", "Thời gian kiểm tra: Theo
  Phụ lục I" state a fact about the plan as "label: value", not a duty.
- ``points_to_appendix``: "Các nhiệm vụ, giải pháp cụ thể … được quy định tại
  Phụ lục kèm theo Kế hoạch này" only says where the duties are listed.
- ``states_targets``: a sub-item titled "a) Mục tiêu" / "Chỉ tiêu" inside a
  section of duties ("1. Cải cách thể chế" / "a) Mục tiêu" / "b) Nhiệm vụ")
  lists the results to reach, not duties.

The section conventions are applied by the processors of
``extract/sections.py`` (``SECTION_RULES``), the item conventions by those of
``extract/items.py`` (``ITEM_RULES``), each in the order of a priority
``Registry``; this module keeps the pieces of language they test for.
"""

from __future__ import annotations

import re

from theodoi.text.bodies import looks_like_body
from theodoi.text.extract import responsibility as resp
from theodoi.text.model import Responsibility
from theodoi.text.vietnamese import strip_diacritics

_NOT_TASKS = re.compile(
    r"^(?:[ivxlc]+\.?\s*)?(?:muc dich|muc tieu|quan diem|tinh hinh|yeu cau|danh gia|can cu|"
    r"chi tieu|kinh phi|nguon (?:kinh phi|luc)|thoi gian(?: thuc hien| trien khai)?\b|"
    r"che do (?:bao cao|thong tin)|bao cao ket qua dinh ky|du kien cac nguon luc|"
    r"khau hieu|dia diem|doi tuong|phuong thuc|hinh thuc|quy dinh ve|lo trinh)"
)
_HONORIFIC = re.compile(r"^(?:Đồng chí|đồng chí|Đ/c|đ/c|Ông\.?|Bà\.?)\s+")
_FOR = re.compile(r"^(?:Đối với|đối với)\s+")
_TITLE_WORDS = re.compile(
    r"\b(?:Trưởng|Phó|Thư ký|Thành viên|Ủy viên|Uỷ viên|Tổ trưởng|Chủ tịch|Giám đốc|Bí thư)\b"
)
_FIELD = re.compile(r"^(?:Nội dung|Nhiệm vụ|Công việc)\s*:\s*(?=\S)")


GIAO = re.compile(r"^(?:Giao|giao|Đề nghị|đề nghị)\s")
_ABOUT_PLAN = re.compile(r"^(?:thoi gian thuc hien|che do (?:bao cao|thong tin))")


TITLE_WORDS = 16  # "2. Nhiệm vụ, giải pháp phát triển … giai đoạn 2026 - 2030" fits


def is_title(heading: str) -> bool:
    """Is the item a sub-section's title rather than a duty written out?

    A title is a short phrase without a sentence's end; a duty names its
    action at length and ends with a full stop or runs on with ";".
    """
    text = heading.strip()
    return len(text.split()) <= TITLE_WORDS and not text.endswith((".", ";"))


_FACT = re.compile(r"^(?:so luong|thoi gian|dia diem)\b[^:]{0,60}:\s*\S")


def states_a_fact(heading: str) -> bool:
    """'Số lượng đơn vị kiểm tra: …', 'Thời gian kiểm tra: Theo Phụ lục I': a fact about
    the plan written as 'label: value', not a duty."""
    return bool(_FACT.match(strip_diacritics(heading).lower().strip()))


#: "Các nhiệm vụ, giải pháp cụ thể (…) được quy định tại Phụ lục kèm theo Kế hoạch
#: này", "Nhiệm vụ cụ thể theo Phụ lục I": the duties' whereabouts, folded.
_POINTER = re.compile(
    r"^(?:cac\s+)?(?:nhiem vu|giai phap|noi dung|danh muc)\b[^.;]{0,200}?"
    r"\b(?:tai|theo|o)\s+(?:cac\s+)?phu luc\b[^.;]{0,120}\.?$"
)


def points_to_appendix(text: str) -> bool:
    """A short item that only says where the duties are listed: the appendix."""
    folded = strip_diacritics(" ".join(text.split())).lower().strip()
    return len(folded) <= 320 and bool(_POINTER.match(folded))


def about_the_plan(heading: str) -> bool:
    """'Thời gian thực hiện: …', 'Chế độ báo cáo' inside TỔ CHỨC THỰC HIỆN: not duties."""
    return bool(_ABOUT_PLAN.match(strip_diacritics(heading).lower().strip()))


def not_tasks_heading(heading: str) -> bool:
    """Objectives, duration, reporting regime, funding …: about the plan, not duties."""
    folded = strip_diacritics(heading).lower().strip(" .:")
    return bool(_NOT_TASKS.match(folded))


def _person(name: str) -> bool:
    """'Trưởng Ban xây dựng Đảng - Trưởng Tiểu ban', 'Hoàng Văn An - Trưởng đoàn'."""
    return len(name) <= 120 and bool(_TITLE_WORDS.search(name)) and not name.endswith(".")


#: "Bộ Chỉ huy quân sự tỉnh chỉ đạo lực lượng Bộ đội Biên phòng": a body heading that
#: names the force it directs; the directing body answers for the duties under it.
_DIRECTS = re.compile(r"^(?P<body>.{4,120}?)\s+chỉ đạo\s+(?:các\s+|lực lượng\s+)?[A-ZĐÀ-Ỹa-zđà-ỹ]")


_DIRECTS_BELOW = re.compile(r"^(?P<body>.{4,120}?)\s+chỉ đạo\s*:?$")


def directing_body(name: str) -> str:
    """The directing body of 'X chỉ đạo <a force or units>' or of a heading 'X chỉ
    đạo:' over the duties, else the name itself."""
    below = _DIRECTS_BELOW.match(name)
    if below is not None and looks_like_body(below.group("body")):
        return below.group("body")
    found = _DIRECTS.match(name)
    if found is None or not looks_like_body(found.group("body")):
        return name
    rest = name[found.end("body") :]
    directed = re.sub(r"^\s+chỉ đạo\s+", "", rest)
    return found.group("body") if looks_like_body(directed) else name


def body_prefix(text: str) -> tuple[list[str], str] | None:
    """Split 'Body: duty …' into the body and the duty (None when it is not that)."""
    head, sep, rest = text.partition(":")
    rest = rest.strip()
    if not sep or not rest or len(head) > 160:
        return None
    name = directing_body(_FOR.sub("", _HONORIFIC.sub("", head.strip())))
    if not name or ("," in name and not resp.from_heading(name)):
        return None
    if _HONORIFIC.match(head.strip()) and _person(name):
        return [name], rest
    if _FOR.match(head.strip()) and looks_like_body(name):
        return [name], rest
    found = resp.from_heading(name)
    if found is not None and found.implementing and not found.lead:
        return list(found.implementing), rest
    if _person(name) and " - " in name:
        return [name], rest
    return None


def body_heading(heading: str) -> Responsibility | None:
    """A heading made only of bodies ('2. Sở Nội vụ', 'b) Giao Sở Nội vụ:')."""
    if len(heading) > 200 or heading.rstrip().endswith("."):
        return None
    return resp.from_heading(directing_body(heading.strip()))


_ADVERB = re.compile(r"^(?:Khẩn trương|Tiếp tục|Chủ động|Trực tiếp)\s+(?=chủ trì|phối hợp)", re.I)
_PARTNER = re.compile(r"^[Pp]hối hợp(?:\s+chặt chẽ)?\s+(?:với\s+)?(?P<coord>.+)$", re.S)
# "… . Phối hợp với Y để …": a later sentence of the duty that opens with its partner
# (inside a sentence, "nghiên cứu, phối hợp với Y …" is how the work is done, not a role)
_LATER_PARTNER = re.compile(r"\.\s+Phối hợp(?:\s+chặt chẽ)?\s+với\s+(?P<coord>[^.;]+)")


def own_duty(bodies: list[str], text: str, partner: bool = True) -> Responsibility:
    """The roles of a duty listed under its body: 'Chủ trì, phối hợp với Y …' → lead,
    'Phối hợp với Y …' → the body implements with Y coordinating."""
    text = _ADVERB.sub("", text.strip())
    text = text[:1].upper() + text[1:]
    coord = resp.lead_without_subject(text)
    if coord is not None:
        return Responsibility(lead=list(bodies), coordinating=coord)
    found = (_PARTNER.match(text) or _LATER_PARTNER.search(text)) if partner else None
    coordinating = resp._coord_bodies(found.group("coord")) if found else []
    if coordinating and all(looks_like_body(b) for b in coordinating):
        return Responsibility(implementing=list(bodies), coordinating=coordinating)
    return Responsibility(implementing=list(bodies))


def opens_with_field(text: str) -> bool:
    """'Nội dung: Lựa chọn …' states an activity's content; labelled lines give the rest."""
    return bool(_FIELD.match(text))


_RULES = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s*)?(?:quy dinh (?:ve|chung)|nguyen tac|tieu chuan)\b")


def states_rules(heading: str) -> bool:
    """'4. Quy định về thành phần cử tri', 'Nguyên tắc …': rules the duties follow, not duties."""
    return bool(_RULES.match(strip_diacritics(heading).lower().strip()))


_TARGETS = re.compile(r"^(?:(?:[a-z]|\d+(?:\.\d+)*)[.)]\s*)?(?:muc tieu|chi tieu)\b")


def states_targets(heading: str) -> bool:
    """'a) Mục tiêu', 'Chỉ tiêu cụ thể': targets to reach, listed beside the duties
    ('Chỉ tiêu, nhiệm vụ' announces duties too, so it is not one)."""
    folded = strip_diacritics(heading).lower().strip()
    return is_title(heading) and bool(_TARGETS.match(folded)) and "nhiem vu" not in folded


#: "Y tế: Trạm Y tế xã duy trì …", "Giảm nghèo: Các chi bộ …": a short topic before the
#: sentence, which then opens with its subject
_TOPIC = re.compile(r"^(?P<topic>[^:;,.]{2,40}?)\s*:\s+(?=[A-ZĐÀ-Ỹ])")


def after_topic(text: str) -> str:
    """The sentence after a short topic label ('Y tế: Trạm Y tế xã …' → 'Trạm Y tế xã …');
    the text itself when it has none or the label is a body ('Sở Y tế: …' is body_prefix)."""
    found = _TOPIC.match(text.strip())
    if (
        found is None
        or looks_like_body(found.group("topic"))
        or len(found.group("topic").split()) > 5
    ):
        return text
    return text.strip()[found.end() :]


def field_text(text: str) -> str:
    """'Nội dung: Hiệp thương về …' → 'Hiệp thương về …'."""
    return _FIELD.sub("", text, count=1)


def gives_work(with_bodies: int, leaves: int) -> bool:
    """Enough of a section's items name who does them to call it a section of duties."""
    return leaves > 0 and with_bodies >= 1 and 3 * with_bodies >= leaves
