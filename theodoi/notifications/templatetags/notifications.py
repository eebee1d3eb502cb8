"""``{% notification_bell %}``: the header's bell with the unread count."""

from __future__ import annotations

from typing import Any

from django import template

from theodoi.notifications.access import notifications_for_user

register = template.Library()


@register.inclusion_tag("notifications/bell.html", takes_context=True)
def notification_bell(context: dict[str, Any]) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    unread = 0
    if user is not None and user.is_authenticated:
        unread = notifications_for_user(user).filter(read_at__isnull=True).count()
    return {"unread": unread}
