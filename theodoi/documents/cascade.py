"""The cascade of documents: links by number and placeholders for documents
cited but not uploaded yet (how far a plan's children cover it: coverage.py).

A placeholder holds only a number. When the real document is imported it
takes the placeholder's row, so every link already pointing at it stays.
"""

from __future__ import annotations

import re
from itertools import pairwise

from theodoi.documents.models import (
    Document,
    DocumentKind,
    DocumentLink,
    DocumentState,
    LinkRelation,
    number_key,
)
from theodoi.text.lexicon import kind_of_code

_CODE = re.compile(r"[-/]([A-Za-zĐđ]+)(?=[-/]|$)")


def kind_from_number(number: str) -> str:
    """The kind a number's code names ("43-NQ/TW" → nghị quyết)."""
    for code in _CODE.findall(number.replace(" ", "")):
        kind = kind_of_code(code)  # the parser's table (theodoi/text/data/doc_kinds.tsv)
        if kind in DocumentKind.values:
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
    """Write the document's links: an "implements" link to its DIRECT parent
    only, and a "references" link to every other document it cites,
    placeholders created as needed.

    A plan "thực hiện Chương trình 51-CTr/TU … thực hiện Nghị quyết
    43-NQ/TW" lists its chain of parents, nearest first; the chain beyond the
    direct parent is given to the placeholders it names (the programme
    placeholder implements the resolution), so each level links to the
    level above it and the cascade reads as a tree.
    """
    own = number_key(document.number) if document.number else None
    # A filled placeholder's links were guessed from other documents' titles;
    # the document's own text now says what it carries out.
    DocumentLink.objects.filter(source=document).delete()
    chain = _unique_numbers(implements, own)
    direct = parent if parent is not None else (placeholder_for(chain[0]) if chain else None)
    links: list[DocumentLink] = []
    if direct is not None and direct.pk != document.pk:
        links.append(DocumentLink(source=document, target=direct, relation=LinkRelation.IMPLEMENTS))
    cited: set[int] = {direct.pk} if direct is not None else set()
    cited.add(document.pk)
    for position, number in enumerate(_unique_numbers([*references, *chain], own)):
        target = placeholder_for(number)
        if target.pk in cited:
            continue
        cited.add(target.pk)
        links.append(
            DocumentLink(
                source=document, target=target, relation=LinkRelation.REFERENCES, position=position
            )
        )
    DocumentLink.objects.bulk_create(links)
    if parent is None:
        link_chain(chain)


def _unique_numbers(numbers: list[str], own: str | None) -> list[str]:
    seen: set[str] = set()
    result = []
    for number in numbers:
        key = number_key(number) if number else ""
        if key and key != own and key not in seen:
            seen.add(key)
            result.append(number)
    return result


def link_chain(chain: list[str]) -> None:
    """Each placeholder of a chain of parents, nearest first, implements the
    next one — unless it already says what it implements (a real document
    does, by its own text)."""
    for child_number, parent_number in pairwise(chain):
        child = placeholder_for(child_number)
        if not child.is_placeholder:
            continue
        if child.outgoing_links.filter(relation=LinkRelation.IMPLEMENTS).exists():
            continue
        target = placeholder_for(parent_number)
        if target.pk != child.pk:
            DocumentLink.objects.get_or_create(
                source=child, target=target, relation=LinkRelation.IMPLEMENTS
            )
