"""The installation's own documents teach the diacritics restorer.

WHY: a scanned district plan repeats the words of its parent plan, of sibling
plans and the names of the province's own bodies and places, which the
committed model has never seen ("xã Khe Mạ" comes back as "xã Khe Mà"). So
the n-grams of every clean document imported, of every restored text an
officer corrected on the review screen, and of the unit directory's names
are counted into one file per installation (``DATA_DIR/restore/
adaptation.bin``); the restorer mixes them into the committed model when it
next runs (theodoi/text/restore/adapt.py, model.use_adaptation).

Counting reads every document, so it runs in the background: imports and
corrections queue ``rebuild_adaptation`` (at most one waiting at a time).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django_tasks import task

from theodoi.text.model import DocumentInfo

logger = logging.getLogger(__name__)

#: A corrected restoration is an officer's explicit word: it counts double.
CORRECTION_WEIGHT = 2.0
#: Names of bodies and places in the unit directory beat a language-model guess
#: (their place names are also written as given after "xã", "huyện" …: names.py).
NAME_WEIGHT = 4.0


def adaptation_path() -> Path:
    return Path(settings.DATA_DIR) / "restore" / "adaptation.bin"


def configure_restorer() -> None:
    """Point the restorer at this installation's adaptation file (cheap: the
    file is read only when a damaged document is restored)."""
    from theodoi.text.restore.model import use_adaptation

    use_adaptation(adaptation_path())


def clean_texts() -> Iterator[str]:
    """Texts of documents imported clean (not restored): the parser's source text."""
    from theodoi.documents.models import Document

    rows = Document.objects.filter(restored=False).exclude(parse_result=None)
    for result in rows.values_list("parse_result", flat=True).iterator(chunk_size=50):
        text = result.get("source_text") if isinstance(result, dict) else None
        if isinstance(text, str) and text.strip():
            yield text


def corrected_texts() -> Iterator[str]:
    """What officers corrected in restored documents: task texts and document
    fields that differ from what the parser (and so the restorer) produced."""
    from theodoi.documents.models import Document, StoredParseError

    for document in Document.objects.filter(restored=True).prefetch_related("tasks"):
        try:
            parsed = document.parsed()
        except StoredParseError as exc:  # learn from the other documents
            logger.warning("adaptation: %s", exc)
            continue
        info = parsed.document if parsed is not None else DocumentInfo()
        texts = {item.text.strip() for item in parsed.tasks} if parsed is not None else set()
        for item in document.tasks.all():
            if item.text.strip() and item.text.strip() not in texts:
                yield item.text
        for field in ("title", "issuer", "place"):
            value = str(getattr(document, field, "") or "")
            if value.strip() and value.strip() != (getattr(info, field) or "").strip():
                yield value


def unit_names() -> Iterator[str]:
    """Official names and aliases from the unit directory."""
    from theodoi.orgunits.models import Alias, OrgUnit

    yield from OrgUnit.objects.values_list("name", flat=True).iterator()
    yield from Alias.objects.values_list("name", flat=True).iterator()


def rebuild() -> dict[str, Any]:
    """Count everything the installation knows and write the adaptation file."""
    from theodoi.text.restore.adapt import count_ngrams, save_counts
    from theodoi.text.restore.names import place_names

    counts = count_ngrams(clean_texts())
    documents = len(counts)
    count_ngrams(corrected_texts(), CORRECTION_WEIGHT, counts)
    names = list(unit_names())
    count_ngrams(names, NAME_WEIGHT, counts)
    places = place_names(names)
    path = adaptation_path()
    save_counts(path, counts, places)
    return {
        "path": str(path),
        "trigrams": len(counts),
        "from_documents": documents,
        "place_names": len(set(places)),
    }


@task()
def rebuild_adaptation() -> dict[str, Any]:
    """Background job: rebuild the restorer's adaptation file."""
    return rebuild()


def schedule_rebuild() -> None:
    """Queue a rebuild once the current transaction commits, unless one waits."""
    transaction.on_commit(_enqueue)


def _enqueue() -> None:
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(
        task_path=rebuild_adaptation.module_path, status="READY"
    ).exists()
    if not waiting:
        rebuild_adaptation.enqueue()
