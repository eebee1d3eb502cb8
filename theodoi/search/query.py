"""``search(user, query, filters)``: documents, tasks and reports matching a
query typed with or without diacritics, ranked, with highlighted snippets,
each only if ``user`` may see it.

A word the index does not know (a typo: "truyn") is replaced by the closest
known word (rapidfuzz over the index's vocabulary) before searching.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from rapidfuzz import fuzz, process

from theodoi.accounts.models import Role
from theodoi.accounts.roles import _role
from theodoi.documents.access import documents_for_user
from theodoi.plans.access import tasks_for_user
from theodoi.plans.models import Assignment
from theodoi.reporting.access import reports_for_user
from theodoi.search import backends
from theodoi.search.folding import MAX_TERM, snippet, words
from theodoi.search.models import EntryKind, SearchEntry, SearchTerm

#: Similarity (0–100) from which an unknown word is read as a known one.
TYPO_CUTOFF = 75
MAX_RESULTS = 500


@dataclass(frozen=True)
class Filters:
    document: int | None = None
    unit: int | None = None
    period: int | None = None
    kind: str = ""


@dataclass
class Result:
    entry: SearchEntry
    score: float
    snippet: str

    @property
    def kind(self) -> str:
        return self.entry.kind

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.entry.kind,
            "document": self.entry.document_id,
            "id": self.entry.object_id,
            "path": self.entry.path or None,
            "title": self.entry.title,
            "snippet": self.snippet,
            "score": round(self.score, 4),
        }


@dataclass
class Outcome:
    query: str
    terms: list[str]
    corrected: dict[str, str] = field(default_factory=dict)
    results: list[Result] = field(default_factory=list)


def visible_entries(user: Any) -> QuerySet[SearchEntry] | None:
    """Entries ``user`` may see (None: everything, for an administrator or
    the system)."""
    if user is None or _role(user) == Role.ADMIN:
        return None
    return SearchEntry.objects.filter(
        Q(kind=EntryKind.DOCUMENT, document__in=documents_for_user(user))
        | Q(kind=EntryKind.TASK, object_id__in=tasks_for_user(user).values("pk"))
        | Q(kind=EntryKind.REPORT, object_id__in=reports_for_user(user).values("pk"))
    )


def _filtered(
    visible: QuerySet[SearchEntry] | None, filters: Filters
) -> QuerySet[SearchEntry] | None:
    if filters == Filters():
        return visible
    entries = visible if visible is not None else SearchEntry.objects.all()
    if filters.kind in EntryKind.values:
        entries = entries.filter(kind=filters.kind)
    if filters.document is not None:
        entries = entries.filter(document_id=filters.document)
    if filters.period is not None:
        entries = entries.filter(period_id=filters.period)
    if filters.unit is not None:
        assigned = Assignment.objects.filter(task_id=OuterRef("object_id"), unit_id=filters.unit)
        entries = entries.filter(
            Q(unit_id=filters.unit) | (Q(kind=EntryKind.TASK) & Exists(assigned))
        )
    return entries


def known_terms(terms: list[str]) -> set[str]:
    return set(SearchTerm.objects.filter(term__in=terms).values_list("term", flat=True))


def correct(terms: list[str], known: set[str]) -> dict[str, str]:
    """Unknown words → the closest known word (when close enough)."""
    unknown = [t for t in terms if t not in known and len(t) > 2]
    if not unknown:
        return {}
    vocabulary = list(SearchTerm.objects.values_list("term", flat=True))
    fixes = {}
    for term in unknown:
        found = process.extractOne(term, vocabulary, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF)
        if found is not None:
            fixes[term] = found[0]
    return fixes


def search(user: Any, query: str, filters: Filters | None = None, limit: int = 50) -> Outcome:
    terms = [t for t in words(query) if len(t) <= MAX_TERM][:12]
    outcome = Outcome(query, terms)
    if not terms:
        return outcome
    visible = _filtered(visible_entries(user), filters or Filters())
    limit = max(1, min(limit, MAX_RESULTS))
    known = known_terms(terms)
    unfinished = terms[-1] not in known
    found = backends.match(terms, visible, limit, prefix=unfinished)
    if not found:
        outcome.corrected = correct(terms, known)
        if outcome.corrected:
            outcome.terms = [outcome.corrected.get(t, t) for t in terms]
            found = backends.match(outcome.terms, visible, limit)
    entries = SearchEntry.objects.in_bulk([pk for pk, _ in found])
    outcome.results = [
        Result(entries[pk], score, snippet(entries[pk].content, outcome.terms, entries[pk].folded))
        for pk, score in found
        if pk in entries
    ]
    return outcome
