"""``/favicon.ico``: browsers ask for it on every page whatever the ``<link>``
says, and a 404 per page clutters the logs; the icon is served from the
static files it is kept with so there is one copy of it."""

from __future__ import annotations

from django.contrib.staticfiles import finders
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

ICON = "theodoi/favicon.ico"


@require_safe
@cache_control(public=True, max_age=7 * 24 * 3600)
def favicon(request: HttpRequest) -> HttpResponse:
    found = finders.find(ICON)
    if not found or isinstance(found, list):
        raise Http404(ICON)
    with open(found, "rb") as icon:
        return HttpResponse(icon.read(), content_type="image/x-icon")
