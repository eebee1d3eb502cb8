"""The search page: parse the query and filters, call ``search``, render."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from theodoi.documents.access import documents_for_user
from theodoi.documents.models import DocumentState
from theodoi.orgunits.access import units_for_user
from theodoi.project.params import id_param
from theodoi.reporting.access import periods_for_user
from theodoi.search.models import EntryKind
from theodoi.search.query import Filters, search

#: Choices offered per filter (the rest stay reachable through the URL).
MAX_CHOICES = 300


def _int(value: str | None) -> int | None:
    return id_param(value)


def filters_from(params: dict[str, str]) -> Filters:
    kind = params.get("loai", "")
    return Filters(
        document=_int(params.get("van-ban")),
        unit=_int(params.get("don-vi")),
        period=_int(params.get("ky")),
        kind=kind if kind in EntryKind.values else "",
    )


@login_required
def search_page(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    filters = filters_from(request.GET.dict())
    outcome = search(request.user, query, filters) if query else None
    documents = (
        documents_for_user(request.user)
        .exclude(state=DocumentState.PLACEHOLDER)
        .only("id", "kind", "number", "title")
        .order_by("-date", "-id")[:MAX_CHOICES]
    )
    units = units_for_user(request.user).only("id", "name", "tree_path").order_by("tree_path")
    periods = (
        periods_for_user(request.user)
        .select_related("obligation__document")
        .order_by("-end", "id")[:MAX_CHOICES]
    )
    context = {
        "units": units[:MAX_CHOICES],
        "periods": periods,
        "query": query,
        "filters": filters,
        "outcome": outcome,
        "kinds": EntryKind.choices,
        "documents": documents,
    }
    return render(request, "search/search.html", context)
