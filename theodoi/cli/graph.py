"""``theodoi graph [DOCUMENT] [--json]``: the cascade of documents.

Nodes are documents (placeholders included: numbers cited but not uploaded);
edges go from the child to the parent it "implements" or the document it
"references". Without DOCUMENT, the whole graph; with it, that document's
cascade (what it carries out, up to the resolution, and what carries it out).
"""

from __future__ import annotations

import argparse
import json
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "graph",
        help="the cascade of documents (implements / references links)",
        description="Sơ đồ văn bản: văn bản nào thực hiện, dẫn chiếu văn bản nào.",
    )
    parser.add_argument(
        "document", nargs="?", metavar="DOCUMENT", help="document id or number (43-NQ/TW)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from theodoi.project.bootstrap import setup_django

    setup_django()
    from theodoi.documents.graph import build_graph
    from theodoi.documents.models import Document, number_key

    documents = Document.objects.all()
    root = None
    if args.document:
        reference = args.document.strip()
        found = documents.filter(pk=int(reference)) if reference.isdigit() else documents.none()
        matches = list(found) or list(documents.filter(number_key=number_key(reference))[:2])
        if len(matches) != 1:
            problem = "no document" if not matches else "several documents"
            print(f"theodoi graph: {problem} numbered {reference!r}; use its id", file=sys.stderr)
            return 2
        root = matches[0]
    graph = build_graph(documents, root)
    if args.json:
        print(json.dumps(graph.as_json(), ensure_ascii=False))
        return 0
    names = {node.document.pk: _label(node.document) for node in graph.nodes}
    for node in graph.nodes:
        print(f"[{node.tier}] {names[node.document.pk]}")
        for edge in graph.edges:
            if edge.source == node.document.pk:
                print(f"    {edge.relation} → {names[edge.target]}")
    return 0


def _label(document: object) -> str:
    number = getattr(document, "number", "") or "(chưa có số)"
    issuer = getattr(document, "issuer", "")
    mark = " (chưa có văn bản)" if getattr(document, "is_placeholder", False) else ""
    return f"{document.pk} {number} {issuer}{mark}".strip()  # type: ignore[attr-defined]
