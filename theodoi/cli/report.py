"""``theodoi report DOCUMENT --period YEAR -o FILE.docx``: the aggregated
report draft the focal agency sends to the leadership (same as the
dashboard's download button)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report",
        help="write the aggregated report draft (.docx) of a plan for a reporting year",
        description="Dự thảo báo cáo tổng hợp kết quả thực hiện kế hoạch (.docx).",
    )
    parser.add_argument("document", metavar="DOCUMENT", help="document id or number (2705/KH-UBND)")
    parser.add_argument("--period", type=int, required=True, metavar="YEAR", help="reporting year")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.docx")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    output: Path = args.output
    if output.suffix.lower() != ".docx":
        print(f"theodoi report: {output} must end in .docx", file=sys.stderr)
        return 2
    if not output.parent.exists():
        print(f"theodoi report: folder {output.parent} does not exist", file=sys.stderr)
        return 2
    from theodoi.project.bootstrap import setup_django

    setup_django()
    from theodoi.dashboards.lookups import NotFoundError, find_document, period_for_year
    from theodoi.dashboards.report_docx import build_report
    from theodoi.reporting import clock

    try:
        document = find_document(args.document)
        period = period_for_year(document, args.period)
    except NotFoundError as exc:
        print(f"theodoi report: {exc}", file=sys.stderr)
        return 2
    output.write_bytes(build_report(document, period, clock.today()))
    print(output)
    return 0
