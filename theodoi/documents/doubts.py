"""The parser's doubts about each extracted task, for the review screen.

The core (``theodoi.text.confidence``) gives every task of the parse result a
confidence and its reasons for doubt; the result is stored whole on the
document and read back as the core's dataclasses (``Document.parsed``). Here
they are laid beside the stored tasks (matched by position and path) and
labelled for the officer: the tasks whose confidence is below
``REVIEW_BELOW`` make the "Cần kiểm tra" list at the top of the review
screen, lowest first; every task with a doubt is marked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from theodoi.documents.models import Document
from theodoi.plans.models import Task
from theodoi.text import model as parsed
from theodoi.text.confidence import REVIEW_BELOW
from theodoi.text.model import DocumentInfo, ParseResult

#: Officer-facing label of each doubt code of the core.
LABELS: dict[str, Any] = {
    "body_unknown": _("Tên cơ quan không khớp mẫu cơ quan nào"),
    "body_clause": _("Tên cơ quan giống một mệnh đề hoặc mảnh câu"),
    "body_vague": _("Chỉ ghi chung chung, không nêu cơ quan cụ thể"),
    "body_vague_aside": _("Có cụm từ chung chung bên cạnh cơ quan cụ thể"),
    "no_body": _("Chưa có cơ quan thực hiện"),
    "body_implied": _("Cơ quan được suy ra từ phần tổ chức thực hiện, không nêu trực tiếp"),
    "text_short": _("Nội dung nhiệm vụ rất ngắn"),
    "text_fragment": _("Nội dung nhiệm vụ có vẻ là mảnh câu"),
    "text_is_body": _("Nội dung chỉ là tên một cơ quan (có thể là tiêu đề)"),
    "text_is_plan_matter": _("Nội dung nói về thời gian, báo cáo hoặc kinh phí của kế hoạch"),
    "timing_unparsed": _("Không đọc được thời gian thành ngày hoặc kỳ"),
    "restored": _("Văn bản được khôi phục từ bản quét"),
    "restored_low": _("Văn bản khôi phục còn chữ đọc không rõ"),
    "path_gap": _("Đánh số bị nhảy trước mục này"),
    "table_partial": _("Dòng bảng thiếu cơ quan và thời hạn"),
}


@dataclass(frozen=True)
class DoubtMark:
    code: str
    label: str
    subject: str
    listed: bool  # low enough to put the task on the review list


@dataclass(frozen=True)
class ReviewItem:
    task: Task
    confidence: float
    marks: list[DoubtMark]


def _parsed_task(items: list[parsed.Task], task: Task) -> parsed.Task | None:
    """The parse result's entry for a stored task, when it is still the same task."""
    if not 0 <= task.position < len(items):
        return None
    item = items[task.position]
    if item.path and task.path != item.path and not task.path.startswith(item.path + "~"):
        return None  # renumbered or inserted by hand since the import
    return item


def _checked(tasks: list[Task]) -> set[int]:
    """Tasks an officer has saved since the import (their doubts are answered)."""
    if not tasks:
        return set()
    from django.contrib.contenttypes.models import ContentType

    from theodoi.audit.models import AuditEvent

    ids = AuditEvent.objects.filter(
        action__in=("task.update", "task.assignments"),
        target_type=ContentType.objects.get_for_model(Task),
        target_id__in=[str(task.pk) for task in tasks],
    ).values_list("target_id", flat=True)
    return {int(pk) for pk in ids}


def mark_doubts(result: ParseResult | None, tasks: list[Task]) -> list[ReviewItem]:
    """Set ``task.doubt_marks`` on every task; return the tasks to check first.

    ``result`` is the document's stored parse (``Document.parsed``). A task the
    officer has since saved carries no mark: its doubts are answered."""
    items = result.tasks if result is not None else []
    checked = _checked(tasks) if items else set()
    review: list[ReviewItem] = []
    for task in tasks:
        item = None if task.pk in checked else _parsed_task(items, task)
        marks = _marks(item) if item is not None else []
        confidence = item.confidence if item is not None else 1.0
        task.doubt_marks = marks  # type: ignore[attr-defined]
        task.doubtful = confidence < REVIEW_BELOW and bool(marks)  # type: ignore[attr-defined]
        if task.doubtful:  # type: ignore[attr-defined]
            review.append(ReviewItem(task, confidence, [m for m in marks if m.listed] or marks))
    review.sort(key=lambda r: (r.confidence, r.task.position))
    return review


def _marks(item: parsed.Task) -> list[DoubtMark]:
    """The officer's labels for an item's doubts (codes this screen does not know are left out)."""
    return [
        DoubtMark(
            doubt.code,
            str(LABELS[doubt.code]),
            doubt.subject[:120],
            doubt.confidence < REVIEW_BELOW,
        )
        for doubt in item.doubts
        if doubt.code in LABELS
    ]


def header_notes(document: Document, result: ParseResult | None) -> dict[str, Any]:
    """What the header block said beyond the stored fields: a draft's blank
    number, the body above the issuer, the plan's horizon."""
    info = result.document if result is not None else DocumentInfo()
    return {
        "draft": info.draft and not document.number,
        "issuer_parent": (info.issuer_parent or "")[:255],
        "horizon": info.horizon.text[:100] if info.horizon else "",
    }
