"""The two full-text back ends behind one call: ``match(terms, visible,
limit)`` → [(entry id, score)], best first.

- SQLite: an FTS5 table over the folded text (bm25 ranking);
- PostgreSQL: a stored ``to_tsvector('simple', theodoi_unaccent(content))``
  column with a GIN index (ts_rank_cd ranking).

Both get the folded query words; the last word matches as a prefix when it
is no known word (it is still being typed). ``visible`` (a queryset of SearchEntry) limits the
match to what the user may see, inside the same SQL statement.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import QuerySet

from theodoi.search.models import SearchEntry

ENTRY_TABLE = SearchEntry._meta.db_table
FTS_TABLE = "search_fts"


def _sqlite_query(terms: list[str], prefix: bool) -> str:
    quoted = [f'"{term}"' for term in terms]
    if prefix:
        quoted[-1] += "*"
    return " ".join(quoted)


def _postgres_query(terms: list[str], prefix: bool) -> str:
    return " & ".join([*terms[:-1], f"{terms[-1]}:*" if prefix else terms[-1]])


def _restriction(visible: QuerySet[SearchEntry] | None) -> tuple[str, tuple[object, ...]]:
    if visible is None:
        return "", ()
    sql, params = visible.values("id").query.sql_with_params()
    return f" AND e.id IN ({sql})", tuple(params)


def match(
    terms: list[str], visible: QuerySet[SearchEntry] | None, limit: int, *, prefix: bool = False
) -> list[tuple[int, float]]:
    """Entry ids and scores (higher is better) matching every term (the last
    one as a prefix with ``prefix``)."""
    if not terms:
        return []
    where, params = _restriction(visible)
    if connection.vendor == "postgresql":
        sql = (
            "SELECT e.id, ts_rank_cd(e.search_vector, q) AS r "
            f"FROM {ENTRY_TABLE} e, to_tsquery('simple', %s) q "
            "WHERE e.search_vector @@ q"
            f"{where} ORDER BY r DESC, e.id LIMIT %s"
        )
        args: tuple[object, ...] = (_postgres_query(terms, prefix), *params, limit)
    else:
        sql = (
            f"SELECT e.id, -bm25({FTS_TABLE}) AS r FROM {FTS_TABLE} "
            f"JOIN {ENTRY_TABLE} e ON e.id = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH %s{where} ORDER BY r DESC, e.id LIMIT %s"
        )
        args = (_sqlite_query(terms, prefix), *params, limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, args)  # type: ignore[arg-type]
        return [(int(pk), float(score)) for pk, score in cursor.fetchall()]
