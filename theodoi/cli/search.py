"""``theodoi search QUERY [--json] [--user USERNAME]``: search documents,
tasks and reports (diacritics optional, typos tolerated).

Without --user the search sees everything (the system's view); with it,
only what that person may see. Filters: --kind, --document, --unit, --period.
"""

from __future__ import annotations

import argparse
import json
import re
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search",
        help="search documents, tasks and reports (with or without diacritics)",
        description="Tìm kiếm văn bản, nhiệm vụ, báo cáo — gõ có dấu hay không dấu đều được.",
    )
    parser.add_argument("query", metavar="QUERY", help='e.g. "dan toc thieu so"')
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--user", metavar="USERNAME", help="search as this person")
    parser.add_argument("--kind", choices=["document", "task", "report"], default="")
    parser.add_argument("--document", type=int, metavar="ID", help="only this document")
    parser.add_argument("--unit", type=int, metavar="ID", help="only this unit's")
    parser.add_argument("--period", type=int, metavar="ID", help="only reports of this period")
    parser.add_argument("--limit", type=int, default=50)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from theodoi.project.bootstrap import setup_django

    setup_django()
    from django.contrib.auth import get_user_model

    from theodoi.search.query import Filters, search

    user = None
    if args.user:
        user = get_user_model().objects.filter(username=args.user).first()
        if user is None:
            print(f"theodoi search: no user named {args.user!r}", file=sys.stderr)
            return 2
    filters = Filters(args.document, args.unit, args.period, args.kind)
    outcome = search(user, args.query, filters, limit=args.limit)
    if args.json:
        payload = {
            "query": outcome.query,
            "corrected": outcome.corrected,
            "results": [result.as_json() for result in outcome.results],
        }
        print(json.dumps(payload, ensure_ascii=False))
        return 0
    for typed, used in outcome.corrected.items():
        print(f"({typed} → {used})")
    for result in outcome.results:
        text = re.sub(r"</?mark>", "*", result.snippet).replace("\n", " ")
        print(f"[{result.kind}] văn bản {result.entry.document_id} {result.entry.path}: {text}")
    if not outcome.results:
        print("Không tìm thấy kết quả.")
    return 0
