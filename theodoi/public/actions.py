"""Publishing and withdrawing a plan's public page: one transaction each,
the acting user checked and recorded in the audit trail."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from theodoi.accounts.roles import can_manage_documents
from theodoi.audit.actions import record
from theodoi.documents.models import Document, DocumentState
from theodoi.public.models import PublicPage


class PublicPageError(ValueError):
    """The page cannot be published in the plan's present state."""


def _check_actor(actor: Any) -> None:
    if not can_manage_documents(actor):
        raise PermissionDenied(_("Chỉ cơ quan đầu mối được công khai kế hoạch."))


@transaction.atomic
def publish_page(
    actor: Any,
    document: Document,
    *,
    introduction: str = "",
    show_difficulties: bool = False,
    now: datetime.datetime | None = None,
) -> PublicPage:
    """Make the plan's page readable without login (or update what it says).

    Only a plan already published for tracking may go public: a draft's tasks
    are not yet what the agency stands behind.
    """
    _check_actor(actor)
    if document.state != DocumentState.PUBLISHED:
        raise PublicPageError(
            _("Chỉ công khai được kế hoạch đã ban hành theo dõi (%(document)s đang: %(state)s).")
            % {"document": document, "state": document.get_state_display()}
        )
    page, _created = PublicPage.objects.select_for_update().get_or_create(document=document)
    was_published = page.is_published
    page.introduction = introduction.strip()
    page.show_difficulties = show_difficulties
    page.is_published = True
    if not was_published:
        page.published_at = now or timezone.now()
        page.published_by = actor if getattr(actor, "is_authenticated", False) else None
    page.save()
    record(
        actor,
        "public_page.publish" if not was_published else "public_page.update",
        document,
        {"show_difficulties": show_difficulties},
    )
    return page


@transaction.atomic
def unpublish_page(actor: Any, document: Document) -> PublicPage | None:
    """Withdraw the page at once: the next anonymous request gets 404."""
    _check_actor(actor)
    page = PublicPage.objects.select_for_update().filter(document=document).first()
    if page is None or not page.is_published:
        return page
    page.is_published = False
    page.save()
    record(actor, "public_page.unpublish", document)
    return page
