"""The cascade of documents: links by number, placeholders for documents
cited but not uploaded yet, and how far a plan's children cover it.

A placeholder holds only a number. When the real document is imported it
takes the placeholder's row, so every link already pointing at it stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from theodoi.documents.models import (
    Document,
    DocumentKind,
    DocumentLink,
    DocumentState,
    LinkRelation,
    number_key,
)

_KIND_CODES = {
    "NQ": DocumentKind.NGHI_QUYET,
    "CTR": DocumentKind.CHUONG_TRINH,
    "KH": DocumentKind.KE_HOACH,
    "KL": DocumentKind.KET_LUAN,
    "CT": DocumentKind.CHI_THI,
    "QĐ": DocumentKind.QUYET_DINH,
    "QD": DocumentKind.QUYET_DINH,
    "BC": DocumentKind.BAO_CAO,
}
_CODE = re.compile(r"[-/]([A-Za-zĐđ]+)(?=[-/]|$)")


def kind_from_number(number: str) -> str:
    """The kind a number's code names ("43-NQ/TW" → nghị quyết)."""
    for code in _CODE.findall(number.replace(" ", "")):
        kind = _KIND_CODES.get(code.upper())
        if kind:
            return str(kind)
    return str(DocumentKind.OTHER)


def placeholder_for(number: str) -> Document:
    """The document with this number, created as a placeholder if unknown."""
    key = number_key(number)
    existing = Document.objects.filter(number_key=key).order_by("id").first()
    if existing is not None:
        return existing
    return Document.objects.create(
        number=number.strip()[:100],
        kind=kind_from_number(number),
        state=DocumentState.PLACEHOLDER,
    )


def link_documents(
    document: Document, implements: list[str], references: list[str], parent: Document | None
) -> None:
    """Write the document's links: what it implements (direct parent first)
    and every document it cites, placeholders created as needed."""
    own = number_key(document.number) if document.number else None
    targets: list[Document] = [parent] if parent is not None else []
    for number in implements:
        if number and number_key(number) != own:
            targets.append(placeholder_for(number))
    links: list[DocumentLink] = []
    seen: set[int] = set()
    for target in targets:
        if target.pk in seen or target.pk == document.pk:
            continue
        seen.add(target.pk)
        links.append(
            DocumentLink(
                source=document,
                target=target,
                relation=LinkRelation.IMPLEMENTS,
                position=len(links),
            )
        )
    cited: set[int] = set()
    for position, number in enumerate(references):
        if not number or number_key(number) == own:
            continue
        target = placeholder_for(number)
        if target.pk in cited or target.pk == document.pk:
            continue
        cited.add(target.pk)
        links.append(
            DocumentLink(
                source=document, target=target, relation=LinkRelation.REFERENCES, position=position
            )
        )
    DocumentLink.objects.bulk_create(links)


@dataclass(frozen=True)
class CoverageRow:
    """How well a child plan covers one task of its parent."""

    parent_task_id: int
    parent_path: str
    parent_text: str
    best_path: str | None
    best_text: str | None
    score: float

    @property
    def covered(self) -> bool:
        return self.score >= COVERAGE_THRESHOLD


#: Token-set similarity (0–100) from which a child task counts as covering a parent task.
COVERAGE_THRESHOLD = 60.0


def coverage(
    parent_tasks: list[tuple[int, str, str]], child_tasks: list[tuple[str, str]]
) -> list[CoverageRow]:
    """For each parent task (id, path, text), the child task (path, text) whose
    text is most similar by rapidfuzz token-set ratio.

    A first, cheap view of "did the sub-plan take up each task"; it rewards
    the usual practice of copying the parent's wording and adding detail.
    """
    rows = []
    for task_id, path, text in parent_tasks:
        best: tuple[str, str] | None = None
        best_score = 0.0
        for child_path, child_text in child_tasks:
            score = fuzz.token_set_ratio(text.lower(), child_text.lower())
            if score > best_score:
                best, best_score = (child_path, child_text), score
        rows.append(
            CoverageRow(
                task_id,
                path,
                text,
                best[0] if best else None,
                best[1] if best else None,
                float(best_score),
            )
        )
    return rows
