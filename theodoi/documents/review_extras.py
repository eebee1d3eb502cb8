"""What the review screen shows beside the extracted tree: the problems
publishing would meet, the plan's tracking window and periods, and, for a
new version, its differences from the plan it amends."""

from __future__ import annotations

import datetime
from typing import Any

from theodoi.documents.amendments import amended_document, summary, task_changes
from theodoi.documents.models import Document, DocumentState
from theodoi.documents.publishing import publish_problems
from theodoi.reporting.models import Recurrence, ReportingPeriod
from theodoi.reporting.plan_periods import document_window


def amendment_context(document: Document) -> dict[str, Any] | None:
    old = amended_document(document)
    if old is None or old.state not in (DocumentState.PUBLISHED, DocumentState.SUPERSEDED):
        return None
    changes = task_changes(old, document)
    return {"old": old, "changes": changes, "counts": summary(changes)}


def review_extras(document: Document, today: datetime.date) -> dict[str, Any]:
    problems = publish_problems(document) if document.state == DocumentState.DRAFT else []
    periods = (
        ReportingPeriod.objects.filter(obligation__document=document)
        .exclude(obligation__recurrence=Recurrence.ON_REQUEST)
        .order_by("due_date", "id")
    )
    return {
        "problems": problems,
        "has_blocking": any(p.blocking for p in problems),
        "has_warnings": any(not p.blocking for p in problems),
        "window": document_window(document, today),
        "periods": periods,
        "amendment": amendment_context(document),
    }
