"""What the aggregated report says about recognition for a plan and period:
recognised practices (those to replicate first) and commendations."""

from __future__ import annotations

from dataclasses import dataclass

from theodoi.documents.models import Document
from theodoi.recognition.models import (
    Commendation,
    CommendationState,
    GoodPractice,
    PracticeState,
)
from theodoi.reporting.models import ReportingPeriod


@dataclass(frozen=True)
class RecognitionSummary:
    practices: list[GoodPractice]
    commendations: list[Commendation]

    @property
    def to_replicate(self) -> list[GoodPractice]:
        return [practice for practice in self.practices if practice.replicate]

    @property
    def granted(self) -> list[Commendation]:
        return [c for c in self.commendations if c.state == CommendationState.GRANTED]


def recognition_summary(
    document: Document, period: ReportingPeriod | None = None
) -> RecognitionSummary:
    """Recognised practices and live commendations (all periods when
    ``period`` is None, as a multi-year review needs)."""
    practices = GoodPractice.objects.filter(document=document, state=PracticeState.RECOGNISED)
    commendations = Commendation.objects.filter(document=document).exclude(
        state=CommendationState.NOT_GRANTED
    )
    if period is not None:
        practices = practices.filter(period=period)
        commendations = commendations.filter(period=period)
    return RecognitionSummary(
        practices=list(
            practices.select_related("unit", "task").order_by("-replicate", "unit__tree_path")
        ),
        commendations=list(commendations.select_related("unit").order_by("unit__tree_path")),
    )
