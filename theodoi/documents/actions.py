"""Named changes to documents: one transaction each, the acting user passed
in, the audit trail written (see theodoi/audit/actions.py)."""

from __future__ import annotations

import datetime
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from theodoi.audit.actions import changed_fields, record
from theodoi.documents.amendments import amended_document, supersede
from theodoi.documents.importing import (
    ImportInputError,
    ImportOutcome,
    SourceFile,
    store_parse_result,
)
from theodoi.documents.models import Document, DocumentState
from theodoi.documents.publishing import Problem, publish_problems
from theodoi.text.model import ParseResult

#: Document fields an officer may correct on the review screen.
EDITABLE_FIELDS = ("kind", "number", "issuer", "place", "date", "title", "focal_agency")


class ActionError(ValueError):
    """The change is not allowed in the document's present state."""


class PublishRefused(ActionError):
    """Publishing was refused: blocking problems, or warnings not confirmed."""

    def __init__(self, message: str, problems: list[Problem]) -> None:
        super().__init__(message)
        self.problems = problems


def import_document(
    actor: Any,
    source: SourceFile,
    *,
    parent: Document | None = None,
    publish: bool = False,
    confirm_warnings: bool = False,
    today: datetime.date | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> ImportOutcome:
    """Parse an uploaded file and store it as a draft, or published with
    ``publish`` (nothing stored on any error). ``on_progress(done, total)``
    hears of each OCR page while a scan is read.

    Parsing runs before the transaction opens: it can take minutes for a
    scan and must not hold the database.
    """
    from theodoi.documents.parsing import parse_path

    if not source.data:
        raise ImportInputError(_("Tệp tải lên rỗng."))
    name = Path(source.name.replace("\\", "/")).name.strip(". ") or "van-ban"
    with tempfile.TemporaryDirectory(prefix="theodoi-import-") as folder:
        path = Path(folder) / name[-120:]
        path.write_bytes(source.data)
        result, source_text = parse_path(path, on_progress)
    result.source = source.name
    return store_and_publish(
        result,
        actor=actor,
        source=source,
        parent=parent,
        source_text=source_text,
        publish=publish,
        confirm_warnings=confirm_warnings,
        today=today,
    )


def store_and_publish(
    result: ParseResult,
    *,
    actor: Any,
    source: SourceFile | None = None,
    parent: Document | None = None,
    source_text: str = "",
    publish: bool = False,
    confirm_warnings: bool = False,
    today: datetime.date | None = None,
) -> ImportOutcome:
    """Store a parse result and, with ``publish``, publish it, all or nothing."""
    outcome = None
    try:
        with transaction.atomic():
            outcome = store_parse_result(
                result,
                actor=actor,
                source=source,
                parent=parent,
                source_text=source_text,
                today=today,
            )
            if publish:
                publish_plan(actor, outcome.document, confirm_warnings=confirm_warnings)
    except BaseException:
        if outcome is not None and outcome.document.source_file:
            outcome.document.source_file.delete(save=False)
        raise
    return outcome


def _problem_list(problems: list[Problem]) -> str:
    return " ".join(f"({n}) {p.message}" for n, p in enumerate(problems, 1))


def check_publishable(document: Document, *, confirm_warnings: bool) -> list[Problem]:
    """The warnings the publisher accepts; raises PublishRefused for a
    blocking problem or for warnings not confirmed."""
    problems = publish_problems(document)
    blocking = [p for p in problems if p.blocking]
    if blocking:
        raise PublishRefused(
            _("Chưa ban hành được: %(problems)s") % {"problems": _problem_list(blocking)},
            blocking,
        )
    if problems and not confirm_warnings:
        raise PublishRefused(
            _("Cần xác nhận trước khi ban hành: %(problems)s")
            % {"problems": _problem_list(problems)},
            problems,
        )
    return problems


@transaction.atomic
def publish_plan(actor: Any, document: Document, *, confirm_warnings: bool = False) -> Document:
    """Make a reviewed draft the plan units see and report on; a new version
    supersedes the plan it amends (``amendments.supersede``).

    Every problem is listed first (``publishing.publish_problems``): blocking
    ones refuse, warnings need ``confirm_warnings`` (the officer's explicit
    yes), and the ones accepted are written to the audit trail.
    """
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.state != DocumentState.DRAFT:
        raise ActionError(_("Chỉ văn bản đang rà soát mới được ban hành theo dõi."))
    accepted = check_publishable(document, confirm_warnings=confirm_warnings)
    document.state = DocumentState.PUBLISHED
    document.published_at = timezone.now()
    document.save(update_fields=["state", "published_at", "updated_at"])
    changes: dict[str, Any] = {
        "state": [DocumentState.DRAFT, "published"],
        "warnings": [p.code for p in accepted],
    }
    old = amended_document(document)
    if old is not None and old.state == DocumentState.PUBLISHED:
        old = Document.objects.select_for_update().get(pk=old.pk)
        changes["supersedes"] = {"document": old.pk, **supersede(old, document)}
        record(actor, "document.supersede", old, {"by": document.pk})
    record(actor, "document.publish", document, changes)
    return document


@transaction.atomic
def update_document(actor: Any, document: Document, **values: Any) -> Document:
    """Correct the document's metadata as read by the parser."""
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise ActionError(f"not editable: {', '.join(sorted(unknown))}")
    before = {name: getattr(document, name) for name in values}
    for name, value in values.items():
        setattr(document, name, value)
    document.save()
    changes = changed_fields(before, values)
    record(actor, "document.update", document, changes)
    if document.state == DocumentState.DRAFT and "issuer" in changes:
        from theodoi.documents.reresolve import resolve_again

        # a local plan's bodies without a place are the issuer's: read them again there
        record(actor, "document.resolve_again", document, resolve_again(document))
    if document.state == DocumentState.DRAFT and {"date", "title", "focal_agency"} & set(changes):
        from theodoi.reporting.plan_periods import rebuild_periods

        rebuild_periods(document, timezone.localdate(), actor)  # the window follows the date
    if document.restored:
        from theodoi.documents.adaptation import schedule_rebuild

        schedule_rebuild()  # an officer's correction of restored text teaches the restorer
    return document


@transaction.atomic
def set_tracking_window(
    actor: Any,
    document: Document,
    start: datetime.date,
    end: datetime.date,
    *,
    today: datetime.date,
) -> Document:
    """The officer's correction of the dates a draft is tracked over (an
    undated plan's start is only a guess); its periods are rebuilt."""
    from theodoi.reporting.plan_periods import rebuild_periods

    if document.state != DocumentState.DRAFT:
        raise ActionError(_("Chỉ sửa được thời gian theo dõi của văn bản đang rà soát."))
    if start > end:
        raise ActionError(_("Ngày bắt đầu theo dõi phải trước ngày kết thúc."))
    before = {"tracked_from": document.tracked_from, "tracked_until": document.tracked_until}
    document.tracked_from, document.tracked_until = start, end
    document.save(update_fields=["tracked_from", "tracked_until", "updated_at"])
    record(
        actor,
        "document.tracking_window",
        document,
        changed_fields(before, {"tracked_from": start, "tracked_until": end}),
    )
    rebuild_periods(document, today, actor)
    return document


@transaction.atomic
def decide_delegated_tasks(
    actor: Any, document: Document, approve: list[int], refuse: list[int]
) -> tuple[int, int]:
    """The focal agency approves or refuses the tasks a unit's sub-plan gave
    to other units. Returns (approved, refused)."""
    from django.core.exceptions import PermissionDenied

    from theodoi.documents.delegation import may_approve, pending_assignments

    if not may_approve(actor, document):
        raise PermissionDenied(_("Chỉ cơ quan đầu mối theo dõi kế hoạch được duyệt giao việc."))
    pending = pending_assignments(document)
    approved = pending.filter(pk__in=approve).update(awaiting_approval=False)
    refused_rows = list(pending.filter(pk__in=refuse).values_list("pk", "unit_id", "task__path"))
    pending.filter(pk__in=[row[0] for row in refused_rows]).delete()
    record(
        actor,
        "document.decide_delegated",
        document,
        {"approved": approved, "refused": [[unit, path] for _pk, unit, path in refused_rows]},
    )
    return approved, len(refused_rows)


@transaction.atomic
def discard_draft(actor: Any, document: Document) -> None:
    """Delete a draft that should not have been imported (its file too).

    Documents that cite it keep pointing at its number: the row becomes a
    placeholder again when anything links to it.
    """
    if document.state != DocumentState.DRAFT:
        raise ActionError(_("Chỉ xóa được văn bản đang rà soát."))
    record(actor, "document.discard", document, {"number": document.number})
    file = document.source_file
    if document.incoming_links.exists():
        document.outline_nodes.all().delete()
        document.tasks.all().delete()
        document.outgoing_links.all().delete()
        document.reporting_obligations.all().delete()
        document.state = DocumentState.PLACEHOLDER
        document.parse_result = None
        document.source_file = ""
        document.save()
    else:
        document.delete()
    name = file.name
    if file and name:
        storage = file.storage
        transaction.on_commit(lambda: storage.delete(name))
