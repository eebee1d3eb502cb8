"""Who sees which good models and commendations.

Oversight roles see those of the plans they follow (``document_filter``, the
same rule as reports). A unit sees its own proposals and those of the units
under it, and every *recognised* practice of the plans it reports on: a good
model is meant to be copied, so the units doing the same tasks should see it.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from theodoi.recognition.models import Commendation, GoodPractice, PracticeState
from theodoi.reporting.access import document_filter, periods_for_user


def _unit(user: Any) -> Any:
    return getattr(user, "org_unit", None) if getattr(user, "is_authenticated", False) else None


def practices_for_user(user: Any) -> QuerySet[GoodPractice]:
    oversight = document_filter(user, "document")
    if oversight is not None:
        return GoodPractice.objects.filter(oversight)
    unit = _unit(user)
    if unit is None:
        return GoodPractice.objects.none()
    plans = periods_for_user(user).values("obligation__document")
    return GoodPractice.objects.filter(
        Q(unit__tree_path__startswith=unit.tree_path)
        | Q(state=PracticeState.RECOGNISED, document__in=plans)
    )


def commendations_for_user(user: Any) -> QuerySet[Commendation]:
    oversight = document_filter(user, "document")
    if oversight is not None:
        return Commendation.objects.filter(oversight)
    unit = _unit(user)
    if unit is None:
        return Commendation.objects.none()
    return Commendation.objects.filter(unit__tree_path__startswith=unit.tree_path)


def get_practice_for_user(user: Any, pk: int) -> GoodPractice:
    found = (
        practices_for_user(user)
        .select_related("document", "unit", "task", "period", "report")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404("Không tìm thấy mô hình.")
    return found


def get_commendation_for_user(user: Any, pk: int) -> Commendation:
    found = commendations_for_user(user).select_related("document", "unit").filter(pk=pk).first()
    if found is None:
        raise Http404("Không tìm thấy đề nghị khen thưởng.")
    return found
