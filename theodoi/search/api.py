"""``GET /api/search?q=…``: the same search as the page, as JSON."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from theodoi.search.query import Filters, search

router = Router(tags=["search"])


class SearchResultOut(Schema):
    kind: str
    document: int
    id: int
    path: str | None
    title: str
    snippet: str
    score: float


class SearchOut(Schema):
    query: str
    corrected: dict[str, str]
    results: list[SearchResultOut]


@router.get("/search", response=SearchOut)
def search_endpoint(
    request: HttpRequest,
    q: str,
    kind: str = "",
    document: int | None = None,
    unit: int | None = None,
    period: int | None = None,
    limit: int = 50,
) -> SearchOut:
    """Documents, tasks and reports matching ``q`` (diacritics optional,
    typos tolerated), best first, with highlighted snippets."""
    outcome = search(request.user, q, Filters(document, unit, period, kind), limit=limit)
    return SearchOut(
        query=outcome.query,
        corrected=outcome.corrected,
        results=[SearchResultOut(**result.as_json()) for result in outcome.results],
    )


def matching_ids(user: object, q: str, kind: str, limit: int = 500) -> list[int]:
    """Ids of the ``kind`` objects matching ``q``, best first (for a list's ``q``)."""
    outcome = search(user, q, Filters(kind=kind), limit=limit)
    return [result.entry.object_id for result in outcome.results]
