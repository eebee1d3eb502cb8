"""Tasks a unit's sub-plan gives to other units wait for the focal agency.

A unit officer may upload the unit's own sub-plan, and its tasks for the
unit itself count at once. A task it gives to another unit is an order only
the focal agency can confirm: the assignment is held (``awaiting_approval``)
and owes no report until a focal officer of the plan approves it; a refused
one is removed.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from theodoi.accounts.roles import UNIT_ROLES, _role, can_approve_delegated_tasks, is_admin
from theodoi.documents.models import Document, LinkRelation
from theodoi.plans.models import Assignment


def hold_delegated_tasks(document: Document, actor: Any) -> int:
    """Hold the assignments a unit's own import gives to other units."""
    if _role(actor) not in UNIT_ROLES or actor.org_unit_id is None:
        return 0
    return (
        Assignment.objects.filter(task__document=document)
        .exclude(unit_id=actor.org_unit_id)
        .update(awaiting_approval=True)
    )


def pending_assignments(document: Document) -> QuerySet[Assignment]:
    return (
        Assignment.objects.filter(task__document=document, awaiting_approval=True)
        .select_related("task", "unit")
        .order_by("task__position", "unit__tree_path")
    )


def approving_agencies(document: Document) -> set[int]:
    """The focal agencies of the plans the sub-plan carries out, and its own."""
    agencies = set(
        document.outgoing_links.filter(relation=LinkRelation.IMPLEMENTS)
        .exclude(target__focal_agency__isnull=True)
        .values_list("target__focal_agency_id", flat=True)
    )
    if document.focal_agency_id is not None:
        agencies.add(document.focal_agency_id)
    creator = document.created_by
    if creator is not None and creator.org_unit_id in agencies and len(agencies) > 1:
        agencies.discard(creator.org_unit_id)  # the unit does not approve its own orders
    return agencies


def may_approve(actor: Any, document: Document) -> bool:
    if is_admin(actor):
        return True
    return can_approve_delegated_tasks(actor) and actor.org_unit_id in approving_agencies(document)
