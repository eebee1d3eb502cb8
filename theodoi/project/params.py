"""Numbers read from a query string (``?ky=12``, ``?tu=2024``), checked before
they reach the database.

A number too large for a 64-bit id makes PostgreSQL refuse the lookup itself
("bigint out of range") and SQLite's driver raise OverflowError; ``str.isdigit``
also accepts characters ``int`` refuses ("²"). Either would end as a 500, so
pages read such parameters through these helpers and treat a bad value as
absent (or answer 400 where the value is required).
"""

from __future__ import annotations

#: The largest id a 64-bit integer column holds (PostgreSQL bigint).
MAX_ID = 2**63 - 1
#: Years the application deals in; anything else is not a plan's year.
MIN_YEAR, MAX_YEAR = 1900, 2200


def id_param(value: str | None) -> int | None:
    """A database id (1..MAX_ID) written in ASCII digits, else ``None``."""
    value = (value or "").strip()
    if not value or len(value) > 19 or not (value.isascii() and value.isdigit()):
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None


def year_param(value: str | None) -> int | None:
    """A four-digit year within MIN_YEAR..MAX_YEAR, else ``None``."""
    value = (value or "").strip()
    if len(value) != 4 or not (value.isascii() and value.isdigit()):
        return None
    year = int(value)
    return year if MIN_YEAR <= year <= MAX_YEAR else None
