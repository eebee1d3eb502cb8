"""Reading a draft's body names again once its issuer is corrected.

WHY: a local plan leaves its own place implicit ("UBND thành phố", "Ban
Tuyên giáo Thành ủy" are the issuer's city's), and a scan often loses its
header, so the issuer the parser read may be empty or wrong. When the officer
corrects the issuer on the review screen, every name the officer has not
decided yet is resolved again at the issuer's level and in its locality;
the officer's own decisions (confirmed, picked, created, ignored) stay.
"""

from __future__ import annotations

from theodoi.documents.delegation import hold_delegated_tasks
from theodoi.documents.importing import assign_bodies, issuer_resolver, unique_resolutions
from theodoi.documents.models import Document, StoredParseError
from theodoi.plans.models import Assignment
from theodoi.text.model import DocumentInfo, ParseResult

#: Resolution methods that record an officer's decision (plans/actions.py).
DECIDED = frozenset({"confirmed", "ignored"})


def resolve_again(document: Document) -> dict[str, int]:
    """Resolve the draft's undecided body names again; returns how many
    assignments were dropped and made. Call inside the caller's transaction."""
    parsed = _stored(document)
    notes = document.stored_notes()
    entries = [dict(e) for e in notes.get("resolution", []) if isinstance(e, dict)]
    decided = {str(e.get("name")) for e in entries if e.get("method") in DECIDED}
    undecided = {str(e.get("name")) for e in entries} - decided
    dropped, _ = Assignment.objects.filter(
        task__document=document, source_text__in=[name[:255] for name in undecided]
    ).delete()
    creator = document.created_by
    resolver, document.issuer_unit = issuer_resolver(
        parsed.document.level, document.issuer, creator.org_unit if creator is not None else None
    )
    document.save(update_fields=["issuer_unit"])
    items = parsed.tasks
    by_position = {task.position: task for task in document.tasks.all()}
    pairs = [(by_position[i], item) for i, item in enumerate(items) if i in by_position]
    before = Assignment.objects.filter(task__document=document).count()
    resolutions = assign_bodies(
        [task for task, _item in pairs],
        [item for _task, item in pairs],
        resolver,
        skip=frozenset(decided),
    )
    made = Assignment.objects.filter(task__document=document).count() - before
    hold_delegated_tasks(document, document.created_by)
    notes["resolution"] = [e for e in entries if e.get("method") in DECIDED] + [
        r.to_json_dict() for r in unique_resolutions(resolutions)
    ]
    notes["unresolved"] = sorted({r.name for r in resolutions if r.needs_review})
    document.save_notes(notes)
    return {"dropped": dropped, "made": made}


def _stored(document: Document) -> ParseResult:
    """The parse result the import stored; an empty one for a draft made
    without a parse. A damaged one is refused naming the field (ActionError:
    the officer's correction is not saved half done)."""
    from theodoi.documents.actions import ActionError

    try:
        parsed = document.parsed()
    except StoredParseError as exc:
        raise ActionError(str(exc)) from None
    return parsed or ParseResult("", False, DocumentInfo(), None, [], [], [])
