"""Changes to report versions: requesting one (the task makes it)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.db.models import Max

from theodoi.audit.actions import record
from theodoi.dashboards.report_data import Narrative
from theodoi.documents.models import Document
from theodoi.reporting.models import ReportingPeriod

from .models import ReportVersion


@transaction.atomic
def request_report(
    actor: Any,
    document: Document,
    period: ReportingPeriod,
    narrative: Narrative,
    *,
    today: datetime.date,
    now: datetime.datetime,
    with_pdf: bool = False,
) -> ReportVersion:
    """A new version (the next number) queued for the background task; it
    writes the .docx, .xlsx and .csv, and the .pdf when ``with_pdf``."""
    from .tasks import generate_report

    # Lock the plan's row: two requests at once must not take the same number.
    Document.objects.select_for_update().filter(pk=document.pk).first()
    last = ReportVersion.objects.filter(document=document, period=period).aggregate(
        n=Max("number")
    )["n"]
    version = ReportVersion.objects.create(
        document=document,
        period=period,
        number=(last or 0) + 1,
        as_of=today,
        narrative=narrative.as_dict(),
        with_pdf=with_pdf,
        requested_by=actor if getattr(actor, "is_authenticated", False) else None,
        requested_at=now,
    )
    record(actor, "reports.request", version, {"number": version.number, "pdf": with_pdf}, now=now)
    transaction.on_commit(lambda: generate_report.enqueue(version.pk))
    return version
