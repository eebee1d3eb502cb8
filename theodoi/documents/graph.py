"""The document graph: every document a node, every "implements" or
"references" link an edge from the child (or citing) document to its parent.

The graph is built from what the user may see (``documents_for_user``), so a
draft of another agency never appears as a node, not even through a link.
A document's *cascade* is its ancestors through "implements" (up to the
resolution) and everything that carries it out, however deep.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from theodoi.documents.models import Document, DocumentLink, LinkRelation, StoredParseError
from theodoi.orgunits.models import Level, UnitKind

logger = logging.getLogger(__name__)

#: Rows of the drawing, top to bottom.
TIERS = ("central", "province", "district", "unit")
_TIER_OF_LEVEL = {
    Level.CENTRAL: "central",
    Level.PROVINCE: "province",
    Level.DISTRICT: "district",
    Level.COMMUNE: "unit",
    "city": "district",  # the parser's level for a city (thành phố thuộc tỉnh)
}
#: The issuer code at the end of a number: "43-NQ/TW" → TW (Trung ương),
#: "51-CTr/TU" → TU (Tỉnh ủy), "12-KH/HU" → HU (Huyện ủy) …
_ISSUER_CODE = re.compile(r"/([A-ZĐ]+)\s*$", re.IGNORECASE)
_TIER_OF_CODE = {
    "TW": "central",
    "BCT": "central",
    "TU": "province",
    "HU": "district",
    "QU": "district",
    "TX": "district",
    "THU": "district",
    "ĐU": "unit",
    "DU": "unit",
    "ĐĐU": "unit",
}
_DISTRICT_ISSUER = re.compile(
    r"\b(thành ủy|huyện ủy|thị ủy|quận ủy|ubnd (huyện|thành phố|thị xã|quận)|"
    r"ủy ban nhân dân (huyện|thành phố|thị xã|quận))\b",
    re.IGNORECASE,
)
_UNIT_KINDS = {UnitKind.DEPARTMENT, UnitKind.ARMED_FORCES, UnitKind.FRONT, UnitKind.OTHER}


@dataclass
class Node:
    document: Document
    tier: str

    def as_json(self) -> dict[str, Any]:
        document = self.document
        return {
            "id": document.pk,
            "number": document.number,
            "kind": document.kind,
            "issuer": document.issuer,
            "title": document.title,
            "placeholder": document.is_placeholder,
            "level": self.tier,
        }


@dataclass(frozen=True)
class Edge:
    source: int
    target: int
    relation: str

    def as_json(self) -> dict[str, Any]:
        return {"from": self.source, "to": self.target, "kind": self.relation}


@dataclass
class Graph:
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "nodes": [node.as_json() for node in self.nodes],
            "edges": [edge.as_json() for edge in self.edges],
        }

    def parents(self) -> dict[int, int]:
        """Each node's direct parent (its first "implements" edge)."""
        result: dict[int, int] = {}
        for edge in self.edges:
            if edge.relation == LinkRelation.IMPLEMENTS:
                result.setdefault(edge.source, edge.target)
        return result


def own_tier(document: Document) -> str | None:
    """The level a document's own facts give, or None when they say nothing."""
    unit = document.issuer_unit
    if unit is not None and unit.kind in _UNIT_KINDS and unit.level != Level.CENTRAL:
        return "unit"
    for level in (document.level, _parsed_level(document), unit.level if unit else None):
        if level in _TIER_OF_LEVEL:
            return _TIER_OF_LEVEL[level]
    match = _ISSUER_CODE.search(document.number or "")
    if match and match.group(1).upper() in _TIER_OF_CODE:
        return _TIER_OF_CODE[match.group(1).upper()]
    if _DISTRICT_ISSUER.search(document.issuer or ""):
        return "district"
    return None


def _parsed_level(document: Document) -> str | None:
    """The level the parser read ("city" included), when the stored fields have
    none. A damaged stored result is logged and passed over: one document must
    not take the whole drawing down (its review page names the fault)."""
    if document.level in _TIER_OF_LEVEL:
        return None  # not needed: the stored level wins
    try:
        parsed = document.parsed()
    except StoredParseError as exc:
        logger.warning("graph: %s", exc)
        return None
    return parsed.document.level if parsed is not None else None


def _tiers(documents: dict[int, Document], parents: dict[int, int]) -> dict[int, str]:
    """Each node's row: its own level, else its parent's (a plan carrying out
    a provincial programme is provincial unless it says otherwise)."""
    tiers: dict[int, str] = {}

    def tier(pk: int, depth: int = 0) -> str:
        if pk in tiers:
            return tiers[pk]
        found = own_tier(documents[pk])
        if found is None:
            parent = parents.get(pk)
            found = tier(parent, depth + 1) if parent in documents and depth < 50 else "province"
        tiers[pk] = found
        return found

    for pk in documents:
        tier(pk)
    return tiers


def build_graph(visible: QuerySet[Document], root: Document | None = None) -> Graph:
    """The whole graph of ``visible`` documents, or ``root``'s cascade."""
    links = list(
        DocumentLink.objects.filter(source__in=visible, target__in=visible)
        .order_by("source_id", "relation", "position", "id")
        .values_list("source_id", "target_id", "relation")
    )
    edges = [Edge(source, target, relation) for source, target, relation in links]
    if root is not None:
        keep = cascade_ids(root.pk, edges)
        edges = [e for e in edges if e.source in keep and e.target in keep]
        documents = visible.filter(pk__in=keep)
    else:
        documents = visible
    by_id = {d.pk: d for d in documents.select_related("issuer_unit").order_by("date", "id")}
    graph = Graph(edges=[e for e in edges if e.source in by_id and e.target in by_id])
    tiers = _tiers(by_id, graph.parents())
    order = {tier: index for index, tier in enumerate(TIERS)}
    graph.nodes = sorted(
        (Node(document, tiers[pk]) for pk, document in by_id.items()),
        key=lambda node: (order[node.tier], node.document.is_placeholder, node.document.pk),
    )
    return graph


def cascade_ids(root: int, edges: list[Edge]) -> set[int]:
    """``root``, what it carries out (up to the resolution) and whatever
    carries it out (down to the units' plans)."""
    up: dict[int, list[int]] = defaultdict(list)
    down: dict[int, list[int]] = defaultdict(list)
    for edge in edges:
        if edge.relation == LinkRelation.IMPLEMENTS:
            up[edge.source].append(edge.target)
            down[edge.target].append(edge.source)
    found = {root}
    for neighbours in (up, down):
        queue = deque([root])
        while queue:
            for other in neighbours[queue.popleft()]:
                if other not in found:
                    found.add(other)
                    queue.append(other)
    return found
