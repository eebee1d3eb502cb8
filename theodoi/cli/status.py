"""``theodoi status DOCUMENT --period YEAR [--json]``: a plan's dashboard numbers.

The same function as the web dashboard (``dashboards.metrics.plan_status``),
so the command and the page never disagree.
"""

from __future__ import annotations

import argparse
import json
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "status",
        help="the dashboard's numbers for a plan and a reporting year",
        description="Số liệu của bảng theo dõi: đơn vị đã báo cáo, tiến độ nhiệm vụ, vướng mắc.",
    )
    parser.add_argument("document", metavar="DOCUMENT", help="document id or number (2705/KH-UBND)")
    parser.add_argument("--period", type=int, required=True, metavar="YEAR", help="reporting year")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from theodoi.project.bootstrap import setup_django

    setup_django()
    from theodoi.dashboards.lookups import NotFoundError, find_document, period_for_year
    from theodoi.dashboards.metrics import plan_status
    from theodoi.dashboards.summary import summary_lines
    from theodoi.reporting import clock

    try:
        document = find_document(args.document)
        period = period_for_year(document, args.period)
    except NotFoundError as exc:
        print(f"theodoi status: {exc}", file=sys.stderr)
        return 2
    status = plan_status(document, period, clock.today(), with_trend=False)
    if args.json:
        print(json.dumps(status.as_json(), ensure_ascii=False))
    else:
        print("\n".join(summary_lines(status)))
    return 0
