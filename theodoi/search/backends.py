"""The two full-text back ends behind one call: ``match(terms, visible,
limit)`` → [(entry id, score)], best first.

- SQLite: an FTS5 table over the folded text (bm25 ranking);
- PostgreSQL: a stored ``to_tsvector('simple', theodoi_unaccent(content))``
  column with a GIN index (ts_rank, length-normalised; ts_rank_cd is 4×
  slower on large match sets).

Both get the folded query words; the last word matches as a prefix when it
is no known word (it is still being typed). ``conditions`` (SQL on the entry ``e``: what the
user may see, the filters) are checked on the matched rows, in the same
statement.
"""

from __future__ import annotations

from typing import Any

from django.db import connection

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


def match(
    terms: list[str],
    conditions: list[tuple[str, tuple[Any, ...]]],
    limit: int,
    *,
    prefix: bool = False,
) -> list[tuple[int, float]]:
    """Entry ids and scores (higher is better) matching every term (the last
    one as a prefix with ``prefix``)."""
    if not terms:
        return []
    where = "".join(f" AND {sql}" for sql, _ in conditions)
    params = tuple(param for _, values in conditions for param in values)
    if connection.vendor == "postgresql":
        sql = (
            "SELECT e.id, ts_rank(e.search_vector, q, 1) AS r "
            f"FROM {ENTRY_TABLE} e, to_tsquery('simple', %s) q "
            "WHERE e.search_vector @@ q"
            f"{where} ORDER BY r DESC, e.id LIMIT %s"
        )
        args: tuple[object, ...] = (_postgres_query(terms, prefix), *params, limit)
    else:
        # Rank inside the FTS5 table first: joining before ranking makes
        # SQLite compute bm25 row by row through the join (3× slower).
        sql = (
            f"WITH f AS MATERIALIZED (SELECT rowid AS id, -bm25({FTS_TABLE}) AS r "
            f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s) "
            f"SELECT e.id, f.r FROM f JOIN {ENTRY_TABLE} e ON e.id = f.id "
            f"WHERE 1 = 1{where} ORDER BY f.r DESC, e.id LIMIT %s"
        )
        args = (_sqlite_query(terms, prefix), *params, limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, args)  # type: ignore[arg-type]
        return [(int(pk), float(score)) for pk, score in cursor.fetchall()]
