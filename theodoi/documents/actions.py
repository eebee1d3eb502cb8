"""Named changes to documents: one transaction each, the acting user passed
in, the audit trail written (see theodoi/audit/actions.py)."""

from __future__ import annotations

import datetime
import tempfile
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from theodoi.audit.actions import changed_fields, record
from theodoi.documents.importing import (
    ImportInputError,
    ImportOutcome,
    SourceFile,
    store_parse_result,
)
from theodoi.documents.models import Document, DocumentState

#: Document fields an officer may correct on the review screen.
EDITABLE_FIELDS = ("kind", "number", "issuer", "place", "date", "title", "focal_agency")


class ActionError(ValueError):
    """The change is not allowed in the document's present state."""


def import_document(
    actor: Any,
    source: SourceFile,
    *,
    parent: Document | None = None,
    publish: bool = False,
    today: datetime.date | None = None,
) -> ImportOutcome:
    """Parse an uploaded file and store it as a draft, or published with
    ``publish`` (nothing stored on any error).

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
        result, source_text = parse_path(path)
    result["source"] = source.name
    return store_and_publish(
        result,
        actor=actor,
        source=source,
        parent=parent,
        source_text=source_text,
        publish=publish,
        today=today,
    )


def store_and_publish(
    result: dict[str, Any],
    *,
    actor: Any,
    source: SourceFile | None = None,
    parent: Document | None = None,
    source_text: str = "",
    publish: bool = False,
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
                publish_plan(actor, outcome.document)
    except BaseException:
        if outcome is not None and outcome.document.source_file:
            outcome.document.source_file.delete(save=False)
        raise
    return outcome


@transaction.atomic
def publish_plan(actor: Any, document: Document) -> Document:
    """Make a reviewed draft the plan units see and report on."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.state != DocumentState.DRAFT:
        raise ActionError(_("Chỉ văn bản đang rà soát mới được ban hành theo dõi."))
    if not document.tasks.exists():
        raise ActionError(_("Văn bản chưa có nhiệm vụ nào để theo dõi."))
    document.state = DocumentState.PUBLISHED
    document.published_at = timezone.now()
    document.save(update_fields=["state", "published_at", "updated_at"])
    record(actor, "document.publish", document, {"state": [DocumentState.DRAFT, "published"]})
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
    record(actor, "document.update", document, changed_fields(before, values))
    if document.restored:
        from theodoi.documents.adaptation import schedule_rebuild

        schedule_rebuild()  # an officer's correction of restored text teaches the restorer
    return document


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
