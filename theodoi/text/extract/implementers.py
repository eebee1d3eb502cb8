"""Who carries out the duties a plan gives to nobody by name.

WHY: a whole genre of Vietnamese plans — a party committee's programme or
plan carrying out a resolution above all — states its duties ("Nâng cao nhận
thức …", "Đối với giai cấp công nhân: …") without a subject, and says who
carries them out only once, in "TỔ CHỨC THỰC HIỆN": the bodies told to
study the plan and draw up their own programme or plan to carry it out
("Các huyện ủy, … đảng ủy trực thuộc tổ chức quán triệt và xây dựng chương
trình, kế hoạch thực hiện", "UBND thành phố … xây dựng kế hoạch cụ thể hóa
thực hiện", "Các sở, ban, ngành căn cứ Kế hoạch này …"). Those bodies are
the plan's implementers: each unassigned duty is theirs.

The spec's role lists stay as the text states them (a duty with no subject
has empty lists); the inference is given apart, per task, as
``implied_implementing``, so a consumer can tell a body the text names for a
duty from one read off the plan's organisation, and show it for checking.

A body told only to monitor or lead one job ("Ban Dân vận chủ trì … theo
dõi, đôn đốc"; "Ban Tuyên giáo xây dựng kế hoạch nghiên cứu, học tập,
quán triệt"; "Đảng đoàn HĐND … ban hành văn bản") is not an implementer of
the whole plan.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from theodoi.text.model import Task
from theodoi.text.vietnamese import strip_diacritics

#: "xây dựng (chương trình hành động,) kế hoạch (cụ thể hóa) thực hiện / triển khai".
_OWN_PLAN = re.compile(
    r"\b(?:xay dung|ban hanh|cu the hoa)\b[^.;]{0,40}?\b(?:chuong trinh|ke hoach)\b"
    r"(?P<after>[^.;]{0,60})"
)
#: What the drawn-up plan is for: carrying out this one, not a single job.
_CARRY_OUT = re.compile(
    r"^(?:\s*(?:hanh dong|cong tac|cu the|chi tiet|rieng)\b)?[^.;]{0,30}?"
    r"\b(?:thuc hien|trien khai|cu the hoa|hanh dong)\b"
)
_ONE_JOB = re.compile(
    r"^\s*(?:de\s+)?(?:nghien cuu|hoc tap|quan triet|tuyen truyen|kiem tra|giam sat|so ket|"
    r"tong ket|dao tao|boi duong|thanh tra)\b"
)
#: "căn cứ / trên cơ sở (nội dung, nhiệm vụ của) Kế hoạch / Chương trình này".
_BY_THIS_PLAN = re.compile(
    r"\b(?:can cu|tren co so)\b[^.;]{0,50}?\b(?:ke hoach|chuong trinh|nghi quyet)\b"
    r"[^.;]{0,30}?\bnay\b"
)
#: "tổ chức quán triệt, triển khai thực hiện (nghiêm túc) Kế hoạch này".
_CARRY_OUT_THIS = re.compile(
    r"\b(?:to chuc|trien khai|quan triet)\b[^.;]{0,40}?\bthuc hien\b[^.;]{0,25}?"
    r"\b(?:ke hoach|chuong trinh)\s+nay\b"
)
#: Watching over the plan ("theo dõi, đôn đốc việc triển khai thực hiện Kế hoạch này").
_WATCHES = re.compile(
    r"\b(?:theo doi|don doc|kiem tra|giam sat|huong dan|tong hop|bao cao|danh gia)\b"
)
#: A body that leads: it runs one job or watches over the plan.
_LEADS = re.compile(r"\bchu tri\b")


def charges_whole_plan(text: str) -> bool:
    """Whether an assignment tells its bodies to carry out the plan as a whole."""
    first = strip_diacritics(text.strip().split("\n", 1)[0]).lower()
    if _LEADS.search(first[:200]):
        return False
    if _BY_THIS_PLAN.search(first):
        return True
    carry = _CARRY_OUT_THIS.search(first)
    if carry and not _WATCHES.search(first[: carry.end()]):
        return True
    for match in _OWN_PLAN.finditer(first):
        after = match.group("after").lstrip(" ,")
        if _ONE_JOB.match(after):
            continue
        if _CARRY_OUT.match(after):
            return True
    return False


def plan_implementers(tasks: Iterable[Task], org_sections: set[str]) -> list[str]:
    """The bodies "TỔ CHỨC THỰC HIỆN" charges with the whole plan, in order."""
    found: list[str] = []
    seen: set[str] = set()
    for task in tasks:
        if task.section not in org_sections or task.source == "table":
            continue
        if not charges_whole_plan(task.text):
            continue
        for body in [*task.implementing, *task.lead]:
            if body.lower() not in seen:
                seen.add(body.lower())
                found.append(body)
    return found


def _parent_path(path: str) -> str:
    """'III.5-2' → 'III.5'; 'II.3.b' → 'II.3'."""
    if "-" in path.rsplit(".", 1)[-1]:
        return path.rsplit("-", 1)[0]
    return path.rsplit(".", 1)[0] if "." in path else ""


def _folded_name(body: str) -> str:
    folded = strip_diacritics(body).lower().strip()
    return re.sub(r"^(?:cac|nhung|moi)\s+", "", folded)


def theme_implementers(tasks: Iterable[Task], headings: dict[str, str]) -> dict[str, list[str]]:
    """Bodies a theme names once for all its items, by the theme's path.

    "5. Nâng cao trách nhiệm của lực lượng vũ trang …" over "- Các lực lượng
    vũ trang tiếp tục …" and "- Chủ động nắm chắc tình hình …": the second
    item continues the first one's subject, because the theme's own heading
    names that body. Only bodies an item of the theme names as its subject
    and the heading names too; never a heading's words alone.
    """
    named: dict[str, list[str]] = {}
    for task in tasks:
        if task.source == "table" or not (task.lead or task.implementing):
            continue
        parent = _parent_path(task.path)
        heading = strip_diacritics(headings.get(parent, "")).lower()
        if not heading:
            continue
        bodies = [b for b in [*task.lead, *task.implementing] if _folded_name(b) in heading]
        if not bodies:
            continue
        found = named.setdefault(parent, [])
        found.extend(b for b in bodies if b.lower() not in {f.lower() for f in found})
    return named


_ROMAN = r"[IVXL]+"
_NUMS = r"\d+(?:\.\d+)*(?:\s*(?:,|và|-|–)\s*\d+(?:\.\d+)*)*"
_LETTERS = r"[a-zđ](?:\s*(?:,|và)\s*[a-zđ])*"
#: "(nội dung, nhiệm vụ) tại mục 1, 2 phần II", "điểm a, b khoản 2 mục III", "Mục II.1, II.3".
_REFERENCE = re.compile(
    r"\b(?:tại|ở|thuộc|theo|nêu tại|nêu ở)\s+(?P<ref>(?:(?:các\s+)?(?:phần|mục|tiểu mục|khoản|điểm|"
    r"nội dung|nhiệm vụ)\s+(?:số\s+)?[\dIVXLa-zđ][^;:()]*?))(?=[;:(]|\s+(?:của|Kế hoạch|"
    r"Chương trình|và\s+(?!\d)|để|trong|phối hợp)\b|\.\s|\.?$)",
    re.I,
)


_OTHER_DOCUMENT = re.compile(
    r"\b(?:nghị định|thông tư|quyết định|luật|nghị quyết|chỉ thị|công văn|văn bản|số \d+/)", re.I
)


def _numbers(text: str) -> list[str]:
    out: list[str] = []
    for piece in re.split(r"\s*(?:,|và)\s*", text):
        span = re.match(r"^(\d+)\s*[-–]\s*(\d+)$", piece)
        if span and int(span.group(1)) < int(span.group(2)) <= int(span.group(1)) + 20:
            out.extend(str(n) for n in range(int(span.group(1)), int(span.group(2)) + 1))
        elif piece:
            out.append(piece)
    return out


def referenced_paths(text: str, duty_parts: list[str]) -> list[str]:
    """Outline paths an assignment sends its bodies to, as the text cites them.

    "Sở Y tế chủ trì thực hiện nội dung tại mục 1, 2 phần II" → II.1, II.2;
    "nhiệm vụ tại điểm a, b khoản 3 mục II" → II.3.a, II.3.b; a citation
    without its part ("mục 1, 2") is in the plan's one section of duties.
    """
    paths: list[str] = []
    for match in _REFERENCE.finditer(text):
        ref = match.group("ref")
        after = text[match.end() : match.end() + 60].lower()
        if _OTHER_DOCUMENT.search(ref) or (
            after.lstrip().startswith("của")
            and not re.match(r"\s*của\s+(?:kế hoạch|chương trình)(?:\s+này|\s*$|[.;,])", after)
        ):
            continue  # a section of another document ("Mục 3 Nghị định số …")
        dotted = re.findall(rf"\b({_ROMAN}(?:\.\d+)+(?:\.[a-zđ])?)\b", ref)
        if dotted:
            paths.extend(dotted)
            continue
        part_m = re.search(rf"\b(?:phần|mục)\s+({_ROMAN})\b", ref, re.I)
        part = part_m.group(1) if part_m else (duty_parts[0] if len(duty_parts) == 1 else None)
        if part is None:
            continue
        nums_m = re.search(
            rf"\b(?:tiểu mục|mục|khoản|nội dung|nhiệm vụ)\s+(?:số\s+)?({_NUMS})\b", ref, re.I
        )
        letters_m = re.search(rf"\bđiểm\s+({_LETTERS})\b", ref, re.I)
        if nums_m is None:
            if part_m is not None and letters_m is None:
                paths.append(part)
            continue
        numbers = _numbers(nums_m.group(1))
        if letters_m and len(numbers) == 1:
            letters = re.split(r"\s*(?:,|và)\s*", letters_m.group(1))
            paths.extend(f"{part}.{numbers[0]}.{letter}" for letter in letters)
        else:
            paths.extend(f"{part}.{number}" for number in numbers)
    return list(dict.fromkeys(paths))


def _under(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith((prefix + ".", prefix + "-"))


def cited_implementers(tasks: list[Task], org_sections: set[str]) -> dict[str, list[str]]:
    """Bodies an assignment of "TỔ CHỨC THỰC HIỆN" sends to duties it cites by
    number, by the duty's path."""
    duties = [t for t in tasks if t.section not in org_sections and t.source != "table"]
    parts = list(dict.fromkeys(t.path.split(".", 1)[0].split("-", 1)[0] for t in duties))
    found: dict[str, list[str]] = {}
    for task in tasks:
        if task.section not in org_sections or task.source == "table":
            continue
        bodies = [*task.lead, *task.implementing]
        if not bodies:
            continue
        for prefix in referenced_paths(task.text, parts):
            for duty in duties:
                if _under(duty.path, prefix):
                    mine = found.setdefault(duty.path, [])
                    mine.extend(b for b in bodies if b not in mine)
    return found


def imply_implementers(
    tasks: list[Task], org_sections: set[str], headings: dict[str, str] | None = None
) -> list[str]:
    """Give each duty that names nobody the bodies an assignment sends to it by
    number, else those its theme names, else the plan's implementers; return
    the plan's implementers."""
    bodies = plan_implementers(tasks, org_sections)
    duties = [t for t in tasks if t.section not in org_sections and t.source != "table"]
    themes = theme_implementers(duties, headings or {})
    cited = cited_implementers(tasks, org_sections)
    for task in duties:
        if task.lead or task.coordinating or task.implementing:
            continue
        implied = cited.get(task.path) or themes.get(_parent_path(task.path)) or bodies
        if implied:
            task.implied_implementing = list(implied)
    return bodies
