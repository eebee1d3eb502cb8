"""``theodoi manage rebuild_search_index``: rewrite the whole search index
(after a restore, or an import that bypassed the signals)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from theodoi.search.index import rebuild


class Command(BaseCommand):
    help = "Rebuild the search index of documents, tasks and reports."

    def handle(self, *args: Any, **options: Any) -> None:
        count = rebuild()
        self.stdout.write(f"{count} entries indexed")
