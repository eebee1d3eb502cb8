"""Permission-checked fetch helpers for org units. Unit names are not
secret: every signed-in person may read the tree; changes go through admin."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from theodoi.orgunits.models import OrgUnit


def units_for_user(user: Any) -> QuerySet[OrgUnit]:
    if not getattr(user, "is_authenticated", False):
        return OrgUnit.objects.none()
    return OrgUnit.objects.all()


def get_unit_for_user(user: Any, pk: int) -> OrgUnit:
    try:
        return units_for_user(user).get(pk=pk)
    except OrgUnit.DoesNotExist:
        raise Http404(_("Không tìm thấy đơn vị.")) from None
