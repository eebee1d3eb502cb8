"""``theodoi import FILE [--publish]``: parse a plan and store it.

Prints one JSON line: {"document_id", "number", "tasks", "units",
"unresolved", "created_units", "unassigned_tasks", "periods"}. Exit 2 with
a message on stderr, and nothing stored, when the file cannot be read or
imported.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import",
        help="parse a plan document and store it with its tasks, units and reporting periods",
    )
    parser.add_argument("file", type=Path, help="the document (.docx, .doc, .pdf, scan, .txt)")
    parser.add_argument(
        "--publish", action="store_true", help="publish it at once instead of leaving a draft"
    )
    parser.add_argument(
        "--parent", metavar="NUMBER", help="number of the plan it carries out (for a sub-plan)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    path: Path = args.file
    if not path.is_file():
        print(f"theodoi import: {path}: no such file", file=sys.stderr)
        return 2
    from theodoi.project.bootstrap import setup_django

    setup_django()
    from theodoi.documents.actions import ActionError, import_document
    from theodoi.documents.importing import ImportInputError, SourceFile
    from theodoi.documents.models import Document, number_key

    parent = None
    if args.parent:
        parent = Document.objects.filter(number_key=number_key(args.parent)).first()
        if parent is None:
            print(f"theodoi import: no document numbered {args.parent}", file=sys.stderr)
            return 2
    source = SourceFile(name=path.name, data=path.read_bytes())
    try:
        outcome = import_document(None, source, parent=parent, publish=args.publish)
    except (ImportInputError, ActionError) as exc:
        print(f"theodoi import: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(outcome.summary(), ensure_ascii=False))
    return 0
