"""Writing the search index: what of a document, a task and a report is
searchable, and keeping the rows (and the typo vocabulary) in step.

Called by ``signals.py`` on every save and delete, and by ``rebuild`` (the
``rebuild_search_index`` management command, and the benchmark) in bulk.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from theodoi.documents.models import Document
from theodoi.plans.models import Task
from theodoi.reporting.models import TaskReport
from theodoi.search.folding import MAX_TERM, fold, normalize, words
from theodoi.search.models import EntryKind, SearchEntry, SearchTerm

BATCH = 1000


def _entry(
    kind: str, object_id: int, document_id: int, title: str, parts: Iterable[str], **extra: object
) -> SearchEntry:
    content = normalize(" \n".join(dict.fromkeys(part for part in parts if part)))
    return SearchEntry(
        kind=kind,
        object_id=object_id,
        document_id=document_id,
        title=normalize(title)[:255],
        content=content,
        folded=fold(content),
        **extra,  # type: ignore[arg-type]
    )


def document_entry(document: Document) -> SearchEntry | None:
    if document.is_placeholder:
        return None  # a number cited elsewhere: found through the citing document
    label = f"{document.get_kind_display()} {document.number}".strip()
    return _entry(
        EntryKind.DOCUMENT,
        document.pk,
        document.pk,
        label,
        [label, document.issuer, document.title, document.focal_agency_text],
        unit_id=document.issuer_unit_id,
    )


def task_entry(task: Task) -> SearchEntry:
    return _entry(
        EntryKind.TASK,
        task.pk,
        task.document_id,
        task.section or task.heading,
        [task.heading, task.section, task.text],
        path=task.path[:60],
    )


def report_entry(report: TaskReport, task_path: str = "") -> SearchEntry | None:
    if not (report.result or report.difficulties or report.proposals):
        return None  # an empty draft says nothing yet
    return _entry(
        EntryKind.REPORT,
        report.pk,
        report.task.document_id,
        task_path or report.task.path,
        [report.result, report.difficulties, report.proposals],
        path=(task_path or report.task.path)[:60],
        unit_id=report.unit_id,
        period_id=report.period_id,
    )


def _store(entries: list[SearchEntry]) -> None:
    SearchEntry.objects.bulk_create(entries, batch_size=BATCH)
    remember_terms(entry.folded for entry in entries)


def remember_terms(texts: Iterable[str]) -> None:
    terms: set[str] = set()
    for text in texts:
        terms.update(word for word in words(text) if 1 < len(word) <= MAX_TERM)
    if terms:
        known = set(SearchTerm.objects.filter(term__in=terms).values_list("term", flat=True))
        SearchTerm.objects.bulk_create(
            [SearchTerm(term=term) for term in sorted(terms - known)],
            batch_size=BATCH,
            ignore_conflicts=True,
        )


#: What an entry's upsert rewrites (``kind`` and ``object_id`` identify it).
_UPSERT_FIELDS = ["document", "unit", "period", "path", "title", "content", "folded"]


def _replace(kind: str, object_id: int, entry: SearchEntry | None) -> None:
    """One statement either way: the row (one per kind and object, a unique
    constraint) is written over in place, or removed when there is nothing
    to find. Saving a report runs this in its request."""
    if entry is None:
        SearchEntry.objects.filter(kind=kind, object_id=object_id).delete()
        return
    SearchEntry.objects.bulk_create(
        [entry],
        update_conflicts=True,
        unique_fields=["kind", "object_id"],
        update_fields=_UPSERT_FIELDS,
    )
    remember_terms([entry.folded])


@transaction.atomic
def index_document(document: Document) -> None:
    """The document's own row and those of all its tasks (an import creates
    tasks in bulk, without signals of their own)."""
    _replace(EntryKind.DOCUMENT, document.pk, document_entry(document))
    SearchEntry.objects.filter(kind=EntryKind.TASK, document=document).delete()
    _store([task_entry(task) for task in document.tasks.all()])


def index_task(task: Task) -> None:
    _replace(EntryKind.TASK, task.pk, task_entry(task))


def index_report(report: TaskReport) -> None:
    _replace(EntryKind.REPORT, report.pk, report_entry(report))


def forget(kind: str, object_id: int) -> None:
    SearchEntry.objects.filter(kind=kind, object_id=object_id).delete()


@transaction.atomic
def rebuild() -> int:
    """Drop and rewrite the whole index; returns the number of rows."""
    SearchEntry.objects.all().delete()
    SearchTerm.objects.all().delete()
    count = 0
    batch: list[SearchEntry] = []
    sources: list[Iterable[SearchEntry | None]] = [
        (document_entry(d) for d in Document.objects.iterator(chunk_size=BATCH)),
        (task_entry(t) for t in Task.objects.iterator(chunk_size=BATCH)),
        (
            report_entry(r, path)
            for r, path in (
                (r, r.task.path)
                for r in TaskReport.objects.select_related("task").iterator(chunk_size=BATCH)
            )
        ),
    ]
    for source in sources:
        for entry in source:
            if entry is None:
                continue
            batch.append(entry)
            if len(batch) >= BATCH:
                _store(batch)
                count += len(batch)
                batch = []
    _store(batch)
    return count + len(batch)
