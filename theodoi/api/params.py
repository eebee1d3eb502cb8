"""Parameters shared by the endpoints, bounded so that no value a client can
send reaches the database out of range (a 64-bit id, an offset in the
billions): they are refused with 400 before any query runs."""

from __future__ import annotations

from typing import Annotated

from ninja import Path, Query, Schema
from pydantic import Field

#: The largest value of a 64-bit signed integer column (PostgreSQL bigint).
MAX_ID = 2**63 - 1
MAX_OFFSET = 1_000_000
MAX_PAGE = 500

Id = Annotated[int, Path(ge=1, le=MAX_ID)]
OptId = Annotated[int | None, Query(ge=1, le=MAX_ID)]


class Page(Schema):
    offset: int = Field(0, ge=0, le=MAX_OFFSET)
    limit: int = Field(100, ge=1, le=MAX_PAGE)

    def slice(self) -> slice:
        return slice(self.offset, self.offset + self.limit)
