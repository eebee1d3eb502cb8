"""``{% public_page_panel document user %}``: the publish form on a plan's
page, shown only to those who may publish and only for published plans."""

from __future__ import annotations

from typing import Any

from django import template

from theodoi.accounts.roles import can_manage_documents
from theodoi.documents.models import Document, DocumentState
from theodoi.public.models import PublicPage

register = template.Library()


@register.inclusion_tag("public/_manage.html")
def public_page_panel(document: Document, user: Any) -> dict[str, Any]:
    shown = can_manage_documents(user) and document.state == DocumentState.PUBLISHED
    page = PublicPage.objects.filter(document=document).first() if shown else None
    return {"document": document, "page": page, "shown": shown}
