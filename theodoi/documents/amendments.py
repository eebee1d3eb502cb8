"""New versions of a published plan: which plan a draft amends, how its
tasks differ, and what publishing it does to the old version.

A draft amends a published plan when it carries the same number and issuer
(a revised text re-imported) or says it "sửa đổi, bổ sung" a plan it cites.
Tasks are matched by path first, then by text similarity (rapidfuzz), so a
renumbered task is still the same task. Publishing the new version
supersedes the old one (state *superseded*, links *amends* and
*supersedes*) and moves the reports of unchanged tasks to their new task, so
a unit does not lose what it reported; everything else stays on the old
version, which keeps its page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from theodoi.documents.models import Document, DocumentLink, DocumentState, LinkRelation
from theodoi.plans.models import Task
from theodoi.reporting.models import ReportingPeriod, TaskReport

#: Text similarity (0–100) from which two tasks are the same task.
SAME_TASK = 85.0
#: From which a task at the same path counts as changed rather than replaced.
CHANGED_AT_PATH = 55.0
_AMENDING = re.compile(r"sửa\s+đổi|bổ\s+sung|thay\s+thế", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class TaskChange:
    kind: str  # unchanged | changed | added | removed
    old: Task | None
    new: Task | None
    similarity: float


def _text(task: Task) -> str:
    return _SPACES.sub(" ", task.text).strip().lower()


def says_it_amends(title: str) -> bool:
    """The title says the plan changes another ("sửa đổi, bổ sung Kế hoạch số …")."""
    return bool(_AMENDING.search(title or ""))


def amended_document(document: Document) -> Document | None:
    """The published plan ``document`` is a new version of, if any."""
    link = (
        document.outgoing_links.filter(relation=LinkRelation.AMENDS)
        .select_related("target")
        .order_by("position")
        .first()
    )
    return link.target if link else None


def link_amendment(document: Document, old: Document) -> None:
    DocumentLink.objects.get_or_create(source=document, target=old, relation=LinkRelation.AMENDS)


def cited_amended(document: Document) -> Document | None:
    """For a plan "sửa đổi, bổ sung" another: the published plan it cites."""
    if not says_it_amends(document.title):
        return None
    cited = document.outgoing_links.filter(
        target__state=DocumentState.PUBLISHED, target__tasks__isnull=False
    ).select_related("target")
    link = cited.order_by("relation", "position").first()
    return link.target if link else None


def task_changes(old: Document, new: Document) -> list[TaskChange]:
    """How ``new``'s active tasks differ from ``old``'s, in the new order then removed ones."""
    old_tasks = list(old.tasks.filter(is_active=True).order_by("position"))
    new_tasks = list(new.tasks.filter(is_active=True).order_by("position"))
    matched: dict[int, TaskChange] = {}
    free = {task.pk: task for task in old_tasks}
    by_path = {task.path: task for task in old_tasks}
    for task in new_tasks:  # same path: the same task, possibly reworded
        candidate = by_path.get(task.path)
        if candidate is None or candidate.pk not in free:
            continue
        score = fuzz.ratio(_text(candidate), _text(task))
        if score >= CHANGED_AT_PATH:
            kind = "unchanged" if _text(candidate) == _text(task) else "changed"
            matched[task.pk] = TaskChange(kind, free.pop(candidate.pk), task, score)
    for task in new_tasks:  # elsewhere: a renumbered task
        if task.pk in matched or not free:
            continue
        best = max(free.values(), key=lambda old_task: fuzz.ratio(_text(old_task), _text(task)))
        score = fuzz.ratio(_text(best), _text(task))
        if score >= SAME_TASK:
            kind = "unchanged" if _text(best) == _text(task) else "changed"
            matched[task.pk] = TaskChange(kind, free.pop(best.pk), task, score)
    changes = [matched.get(task.pk) or TaskChange("added", None, task, 0.0) for task in new_tasks]
    changes += [TaskChange("removed", task, None, 0.0) for task in free.values()]
    return changes


def summary(changes: list[TaskChange]) -> dict[str, int]:
    counts = {"unchanged": 0, "changed": 0, "added": 0, "removed": 0}
    for change in changes:
        counts[change.kind] += 1
    return counts


def _matching_period(period: ReportingPeriod, new: Document) -> ReportingPeriod | None:
    """The new version's period for the same round (regime, year, rank)."""
    return (
        ReportingPeriod.objects.filter(
            obligation__document=new,
            obligation__recurrence=period.obligation.recurrence,
            year=period.year,
            index=period.index,
        )
        .order_by("id")
        .first()
    )


def move_reports(old: Document, new: Document, changes: list[TaskChange]) -> int:
    """Move the reports of unchanged tasks to the new task (and the new
    version's period of the same round). Returns how many moved."""
    moved = 0
    targets: dict[int, ReportingPeriod | None] = {}
    for change in changes:
        if change.kind != "unchanged" or change.old is None or change.new is None:
            continue
        reports = TaskReport.objects.filter(task=change.old).select_related("period__obligation")
        for report in reports:
            if report.period_id not in targets:
                targets[report.period_id] = _matching_period(report.period, new)
            period = targets[report.period_id]
            if period is None:
                continue  # no such round in the new version: it stays with the old one
            report.task = change.new
            report.period = period
            report.save(update_fields=["task", "period", "updated_at"])
            moved += 1
    return moved


def supersede(old: Document, new: Document) -> dict[str, int]:
    """Retire ``old`` in favour of ``new`` (called inside ``publish_plan``)."""
    changes = task_changes(old, new)
    moved = move_reports(old, new, changes)
    old.state = DocumentState.SUPERSEDED
    old.save(update_fields=["state", "updated_at"])
    DocumentLink.objects.get_or_create(source=new, target=old, relation=LinkRelation.SUPERSEDES)
    return {**summary(changes), "reports_moved": moved}


def versions(document: Document) -> list[Document]:
    """Every version of the plan, newest first (for the document page)."""
    chain = [document]
    seen = {document.pk}
    current: Document | None = document
    while current is not None:  # back through what each version amends
        current = amended_document(current)
        if current is None or current.pk in seen:
            break
        chain.append(current)
        seen.add(current.pk)
    newer = document
    while True:  # forward through what amends it
        link = (
            DocumentLink.objects.filter(target=newer, relation=LinkRelation.AMENDS)
            .select_related("source")
            .order_by("-source_id")
            .first()
        )
        if link is None or link.source_id in seen:
            break
        newer = link.source
        chain.insert(0, newer)
        seen.add(newer.pk)
    return chain
