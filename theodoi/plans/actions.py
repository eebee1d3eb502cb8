"""Named changes to tasks and assignments: one transaction each, the acting
user passed in, the audit trail written (see theodoi/audit/actions.py).

These are what the review screen calls when an officer corrects the
parser's reading of a plan before publishing it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from theodoi.audit.actions import changed_fields, record
from theodoi.documents.models import Document, StoredParseError
from theodoi.orgunits.models import OrgUnit
from theodoi.plans.models import Assignment, AssignmentRole, Task
from theodoi.plans.resolution import names_by_role
from theodoi.plans.timing_read import read_timing_text


class TaskError(ValueError):
    """The change would break the plan (the message says how)."""


def _check_path(document: Document, path: str, task: Task | None = None) -> str:
    path = path.strip()
    if not path:
        raise TaskError(_("Vị trí nhiệm vụ không được để trống."))
    clash = Task.objects.filter(document=document, path=path)
    if task is not None:
        clash = clash.exclude(pk=task.pk)
    if clash.exists():
        raise TaskError(_("Đã có nhiệm vụ ở vị trí %(path)s.") % {"path": path})
    return path


@transaction.atomic
def update_task(
    actor: Any, task: Task, *, text: str, path: str, timing_text: str, section: str | None = None
) -> Task:
    """Correct a task's text, position in the outline and timing."""
    if not text.strip():
        raise TaskError(_("Nội dung nhiệm vụ không được để trống."))
    values: dict[str, Any] = {
        "text": text.strip(),
        "path": _check_path(task.document, path, task),
        **read_timing_text(timing_text.strip()).as_dict(),
    }
    if section is not None:
        values["section"] = section.strip()
    before = {name: getattr(task, name) for name in values}
    for name, value in values.items():
        setattr(task, name, value)
    task.save()
    record(actor, "task.update", task, changed_fields(before, values))
    if task.document.restored:
        from theodoi.documents.adaptation import schedule_rebuild

        schedule_rebuild()  # an officer's correction of restored text teaches the restorer
    return task


@transaction.atomic
def add_task(
    actor: Any,
    document: Document,
    *,
    text: str,
    path: str,
    timing_text: str = "",
    section: str = "",
) -> Task:
    """A task the parser missed."""
    if not text.strip():
        raise TaskError(_("Nội dung nhiệm vụ không được để trống."))
    last = document.tasks.aggregate(last=Max("position"))["last"]
    task = Task.objects.create(
        document=document,
        path=_check_path(document, path),
        section=section.strip(),
        text=text.strip(),
        position=(last or 0) + 1,
        **read_timing_text(timing_text.strip()).as_dict(),
    )
    record(actor, "task.add", task, {"path": task.path})
    return task


@transaction.atomic
def delete_task(actor: Any, task: Task) -> None:
    """Remove something the parser took for a task (only while the plan is a draft)."""
    if task.document.state != "draft":
        raise TaskError(_("Chỉ xóa được nhiệm vụ của văn bản đang rà soát."))
    record(actor, "task.delete", task, {"path": task.path, "text": task.text[:200]})
    task.delete()


@transaction.atomic
def set_task_assignments(
    actor: Any, task: Task, role: str, units: Iterable[OrgUnit], *, source_text: str = ""
) -> list[Assignment]:
    """Make ``units`` exactly the task's bodies in ``role``."""
    if role not in AssignmentRole.values:
        raise TaskError(f"unknown role {role!r}")
    wanted = {unit.pk: unit for unit in units}
    current = {a.unit_id: a for a in task.assignments.filter(role=role)}
    removed = [pk for pk in current if pk not in wanted]
    task.assignments.filter(role=role, unit_id__in=removed).delete()
    added = [
        Assignment(task=task, unit=unit, role=role, source_text=(source_text or unit.name)[:255])
        for pk, unit in wanted.items()
        if pk not in current
    ]
    Assignment.objects.bulk_create(added)
    record(
        actor,
        "task.assignments",
        task,
        {"role": role, "added": [a.unit_id for a in added], "removed": removed},
    )
    return list(task.assignments.filter(role=role))


@transaction.atomic
def remap_body(actor: Any, document: Document, name: str, units: Iterable[OrgUnit]) -> int:
    """Point every assignment the document made from ``name`` at ``units``
    instead (the officer corrects the parser's unit mapping once for all tasks).

    Returns the number of assignments now made from that name.
    """
    old = list(Assignment.objects.filter(task__document=document, source_text=name))
    slots = {(a.task_id, a.role) for a in old} or _slots_from_parse(document, name)
    if not slots:
        raise TaskError(_("Văn bản không có tên cơ quan “%(name)s”.") % {"name": name})
    targets = list(units)
    Assignment.objects.filter(pk__in=[a.pk for a in old]).delete()
    existing = set(
        Assignment.objects.filter(task__document=document).values_list("task_id", "unit_id", "role")
    )
    new = [
        Assignment(task_id=task_id, unit=unit, role=role, source_text=name[:255])
        for task_id, role in sorted(slots)
        for unit in targets
        if (task_id, unit.pk, role) not in existing
    ]
    Assignment.objects.bulk_create(new)
    record(
        actor,
        "document.remap_body",
        document,
        {"name": name, "from": sorted({a.unit_id for a in old}), "to": [u.pk for u in targets]},
    )
    return len(new)


def _slots_from_parse(document: Document, name: str) -> set[tuple[int, str]]:
    """(task, role) pairs where the parser saw ``name`` (for names left unresolved)."""
    try:
        parsed = document.parsed()
    except StoredParseError as exc:
        raise TaskError(str(exc)) from None
    ids = dict(document.tasks.values_list("path", "id"))
    slots = set()
    for item in parsed.tasks if parsed is not None else []:
        task_id = ids.get(item.path)
        if not task_id:
            continue
        for role, names in names_by_role(item).items():
            if name in names:
                slots.add((task_id, role))
    return slots


# --- the officer's decision on a body name the resolver left open ------------

BODY_DECISIONS = ("confirm", "pick", "create", "ignore")


@transaction.atomic
def decide_body(
    actor: Any,
    document: Document,
    name: str,
    decision: str,
    *,
    units: Iterable[OrgUnit] = (),
    kind: str = "other",
) -> list[OrgUnit]:
    """Settle one body name of a draft: ``confirm`` a suggested unit, ``pick``
    other units, ``create`` a new unit of that name, or ``ignore`` the name.

    A confirmed or picked single unit learns the name as an alias, so the
    next plan that writes it the same way matches without asking. Returns
    the units the name now stands for.
    """
    from theodoi.orgunits.actions import add_alias, create_unit_from_name

    if decision not in BODY_DECISIONS:
        raise TaskError(_("Quyết định không hợp lệ."))
    targets = list(units)
    if decision == "create":
        parent = document.issuer_unit or document.focal_agency
        parent = parent.parent if parent is not None and parent.parent_id else parent
        targets = [create_unit_from_name(actor, name, parent=parent, kind=kind)]
    elif decision in {"confirm", "pick"} and not targets:
        raise TaskError(_("Hãy chọn ít nhất một đơn vị."))
    if decision == "ignore":
        targets = []
        Assignment.objects.filter(task__document=document, source_text=name).delete()
        record(actor, "document.ignore_body", document, {"name": name})
    else:
        remap_body(actor, document, name, targets)
        if len(targets) == 1 and decision != "create":
            add_alias(actor, targets[0], name)
    _note_decision(document, name, decision)
    return targets


def _note_decision(document: Document, name: str, decision: str) -> None:
    notes = document.stored_notes()
    notes["unresolved"] = [n for n in notes.get("unresolved", []) if n != name]
    method = "ignored" if decision == "ignore" else "confirmed"
    resolutions = [dict(r) for r in notes.get("resolution", [])]
    for entry in resolutions:
        if entry.get("name") == name:
            entry["method"] = method
    if not any(entry.get("name") == name for entry in resolutions):
        resolutions.append({"name": name, "method": method, "units": [], "suggestions": []})
    notes["resolution"] = resolutions
    if decision == "ignore":
        notes["ignored"] = sorted({*notes.get("ignored", []), name})
    document.save_notes(notes)
