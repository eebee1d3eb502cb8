"""``search(user, query, filters)``: documents, tasks and reports matching a
query typed with or without diacritics, ranked, with highlighted snippets,
each only if ``user`` may see it.

A word the index does not know (a typo: "truyn") is replaced by the closest
known word (rapidfuzz over the index's vocabulary) before searching.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from rapidfuzz import fuzz, process

from theodoi.accounts.models import Role
from theodoi.accounts.roles import _role
from theodoi.documents.access import documents_for_user
from theodoi.plans.models import Assignment
from theodoi.reporting.access import reports_for_user
from theodoi.search import backends
from theodoi.search.folding import MAX_TERM, snippet, words
from theodoi.search.models import EntryKind, SearchEntry, SearchTerm

#: Similarity (0–100) from which an unknown word is read as a known one.
TYPO_CUTOFF = 75
MAX_RESULTS = 500
#: A piece of SQL on the matched entry (alias ``e``) and its parameters.
Condition = tuple[str, tuple[Any, ...]]


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


def _sql(queryset: QuerySet[Any], column: str = "pk") -> Condition:
    """The queryset's SQL selecting one column, unordered (order is wasted work
    inside IN)."""
    sql, params = queryset.order_by().values(column).query.sql_with_params()
    return sql, tuple(params)


def visibility(user: Any) -> list[Condition]:
    """SQL conditions on the matched entry ``e`` that keep what ``user`` may
    see (none for an administrator or the system). Checked on the matched
    rows only, against the access helpers' own querysets."""
    if user is None or _role(user) == Role.ADMIN:
        return []
    documents, document_params = _sql(documents_for_user(user))
    reports, report_params = _sql(reports_for_user(user))
    # A task is visible exactly when its document is (plans.access.tasks_for_user).
    return [
        (
            f"((e.kind IN ('document', 'task') AND e.document_id IN ({documents})) "
            f"OR (e.kind = 'report' AND e.object_id IN ({reports})))",
            (*document_params, *report_params),
        )
    ]


def filter_conditions(filters: Filters) -> list[Condition]:
    conditions: list[Condition] = []
    if filters.kind in EntryKind.values:
        conditions.append(("e.kind = %s", (filters.kind,)))
    if filters.document is not None:
        conditions.append(("e.document_id = %s", (filters.document,)))
    if filters.period is not None:
        conditions.append(("e.period_id = %s", (filters.period,)))
    if filters.unit is not None:
        assigned, params = _sql(Assignment.objects.filter(unit_id=filters.unit), "task_id")
        conditions.append(
            (
                f"(e.unit_id = %s OR (e.kind = 'task' AND e.object_id IN ({assigned})))",
                (filters.unit, *params),
            )
        )
    return conditions


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
    conditions = visibility(user) + filter_conditions(filters or Filters())
    limit = max(1, min(limit, MAX_RESULTS))
    known = known_terms(terms)
    unfinished = terms[-1] not in known
    found = backends.match(terms, conditions, limit, prefix=unfinished)
    if not found:
        outcome.corrected = correct(terms, known)
        if outcome.corrected:
            outcome.terms = [outcome.corrected.get(t, t) for t in terms]
            found = backends.match(outcome.terms, conditions, limit)
    entries = SearchEntry.objects.in_bulk([pk for pk, _ in found])
    outcome.results = [
        Result(entries[pk], score, snippet(entries[pk].content, outcome.terms, entries[pk].folded))
        for pk, score in found
        if pk in entries
    ]
    return outcome
