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
#: A body that leads: it runs one job or watches over the plan.
_LEADS = re.compile(r"\bchu tri\b")


def charges_whole_plan(text: str) -> bool:
    """Whether an assignment tells its bodies to carry out the plan as a whole."""
    first = strip_diacritics(text.strip().split("\n", 1)[0]).lower()
    if _LEADS.search(first[:200]):
        return False
    if _BY_THIS_PLAN.search(first):
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


def imply_implementers(
    tasks: list[Task], org_sections: set[str], headings: dict[str, str] | None = None
) -> list[str]:
    """Give each duty that names nobody the bodies its theme names, else the
    plan's implementers; return the plan's implementers."""
    bodies = plan_implementers(tasks, org_sections)
    duties = [t for t in tasks if t.section not in org_sections and t.source != "table"]
    themes = theme_implementers(duties, headings or {})
    for task in duties:
        if task.lead or task.coordinating or task.implementing:
            continue
        implied = themes.get(_parent_path(task.path)) or bodies
        if implied:
            task.implied_implementing = list(implied)
    return bodies
