"""The cascade of documents: links by number and placeholders for documents
cited but not uploaded yet (how far a plan's children cover it: coverage.py).

A placeholder holds only a number. When the real document is imported it
takes the placeholder's row, so every link already pointing at it stays.
"""

from __future__ import annotations

import re

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
