"""Public pages: readable without login, 404 until the agency publishes.

Rendered HTML is cached on the server per plan, language and page version,
so a burst of citizens costs one computation; withdrawing or editing the page
changes the version (``updated_at``) and takes effect on the next request.
Browsers and proxies must revalidate (``no-cache`` with an ETag): a withdrawn
page must not linger in someone's cache, and an unchanged one costs a 304.
"""

from __future__ import annotations

import datetime
import hashlib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from theodoi.accounts.roles import can_manage_documents
from theodoi.documents.access import get_document_for_user
from theodoi.documents.models import DocumentState
from theodoi.public import actions
from theodoi.public.content import public_summary
from theodoi.public.models import PublicPage
from theodoi.reporting import clock

#: Seconds a rendered page is reused (figures change with reports, slowly).
CACHE_SECONDS = 300


def _published_pages() -> QuerySet[PublicPage]:
    return PublicPage.objects.filter(
        is_published=True, document__state=DocumentState.PUBLISHED
    ).select_related("document")


def _public_response(request: HttpRequest, html: str) -> HttpResponse:
    etag = '"' + hashlib.sha256(html.encode()).hexdigest()[:32] + '"'
    response: HttpResponse
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(html)
    response["ETag"] = etag
    response["Cache-Control"] = "public, no-cache"
    return response


def _language(request: HttpRequest) -> translation.override:
    """``?lang=en`` picks the page's language without a form (a cached page
    carries no CSRF token); otherwise the visitor's usual choice."""
    asked = request.GET.get("lang", "")
    known = {code for code, _name in settings.LANGUAGES}
    return translation.override(asked if asked in known else get_language())


def _endonyms() -> list[tuple[str, str]]:
    """Each language named in itself ("Tiếng Việt", "English"), so that a
    reader on the other language's page finds the way back."""
    names = []
    for code, name in settings.LANGUAGES:
        with translation.override(code):
            names.append((code, str(name)))  # a lazy name, read in its own language
    return names


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    with _language(request):
        pages = list(_published_pages().order_by("-document__date", "document_id"))
        html = render_to_string("public/index.html", {"pages": pages, "languages": _endonyms()})
    return _public_response(request, html)


@require_GET
def plan(request: HttpRequest, document: int) -> HttpResponse:
    page = _published_pages().filter(document_id=document).first()
    if page is None:
        raise Http404(_("Không có trang công khai này."))
    with _language(request):
        html = _plan_html(page)
    return _public_response(request, html)


def _plan_html(page: PublicPage) -> str:
    """Rendered without the request: the cached page is everyone's, so it
    holds nothing of the visitor who happened to render it first."""
    today: datetime.date = clock.today()
    key = f"public:{page.pk}:{page.updated_at.timestamp()}:{get_language()}:{today.isoformat()}"
    html = cache.get(key)
    if html is None:
        summary = public_summary(page, today)
        context = {"summary": summary, "languages": _endonyms()}
        html = render_to_string("public/plan.html", context)
        cache.set(key, html, CACHE_SECONDS)
    return str(html)


@login_required
@require_POST
def manage(request: HttpRequest, document: int) -> HttpResponse:
    """Publish, update or withdraw the page from the document's own page."""
    if not can_manage_documents(request.user):
        raise PermissionDenied(_("Chỉ cơ quan đầu mối được công khai kế hoạch."))
    found = get_document_for_user(request.user, document)
    try:
        if request.POST.get("action") == "unpublish":
            actions.unpublish_page(request.user, found)
            messages.success(request, _("Đã thôi công khai kế hoạch."))
        else:
            actions.publish_page(
                request.user,
                found,
                introduction=request.POST.get("introduction", ""),
                show_difficulties=request.POST.get("show_difficulties") == "on",
            )
            messages.success(request, _("Đã công khai kế hoạch."))
    except actions.PublicPageError as error:
        messages.error(request, str(error))
    return redirect("documents:detail", pk=found.pk)
