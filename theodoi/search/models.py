"""The search index: one row per searchable thing (a document's facts, a
task, a unit's report), kept in step by ``signals.py``.

``content`` is the text as written (for snippets); ``folded`` is the same
text lower-cased without diacritics (đ → d), character for character, so a
match found in ``folded`` is highlighted at the same place in ``content``.
SQLite searches ``folded`` through an FTS5 table; PostgreSQL searches
``unaccent(content)`` through a GIN index (migration 0002).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class EntryKind(models.TextChoices):
    DOCUMENT = "document", _("Văn bản")
    TASK = "task", _("Nhiệm vụ")
    REPORT = "report", _("Báo cáo")


class SearchEntry(models.Model):
    kind = models.CharField(max_length=10, choices=EntryKind.choices)
    object_id = models.PositiveBigIntegerField()
    document = models.ForeignKey(
        "documents.Document", on_delete=models.CASCADE, related_name="search_entries"
    )
    unit = models.ForeignKey(
        "orgunits.OrgUnit", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    period = models.ForeignKey(
        "reporting.ReportingPeriod",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    path = models.CharField(max_length=60, blank=True)
    title = models.CharField(max_length=255, blank=True)
    content = models.TextField()
    folded = models.TextField()

    class Meta:
        verbose_name = _("mục tìm kiếm")
        verbose_name_plural = _("mục tìm kiếm")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_once")
        ]
        indexes = [models.Index(fields=["document", "kind"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"


class SearchTerm(models.Model):
    """Every folded word of the index: the candidates a typo is corrected to."""

    term = models.CharField(max_length=40, unique=True)

    def __str__(self) -> str:
        return self.term
