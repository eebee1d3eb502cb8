"""``theodoi report DOCUMENT --period YEAR -o FILE``: the aggregated report
the focal agency sends to the leadership, in the format the file's extension
names: .docx (the report), .xlsx (its annex), .csv (the annex rows), .pdf
(the report printed through LibreOffice)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report",
        help="write the aggregated report of a plan for a reporting year (.docx .xlsx .csv .pdf)",
        description="Báo cáo tổng hợp kết quả thực hiện kế hoạch: .docx (báo cáo), "
        ".xlsx (phụ lục), .csv (dữ liệu phụ lục), .pdf (bản in qua LibreOffice).",
    )
    parser.add_argument("document", metavar="DOCUMENT", help="document id or number (2705/KH-UBND)")
    parser.add_argument("--period", type=int, required=True, metavar="YEAR", help="reporting year")
    parser.add_argument(
        "-o", "--output", required=True, type=Path, metavar="FILE", help="FILE.docx|.xlsx|.csv|.pdf"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    output: Path = args.output
    from theodoi.dashboards.report_formats import FormatError, format_of

    try:
        suffix = format_of(output.name)
    except FormatError as exc:
        print(f"theodoi report: {exc}", file=sys.stderr)
        return 2
    if not output.parent.exists():
        print(f"theodoi report: folder {output.parent} does not exist", file=sys.stderr)
        return 2
    from theodoi.project.bootstrap import setup_django

    setup_django()
    from theodoi.dashboards.lookups import NotFoundError, find_document, period_for_year
    from theodoi.dashboards.report_files import render
    from theodoi.reporting import clock
    from theodoi.text.source import InputError

    try:
        document = find_document(args.document)
        period = period_for_year(document, args.period)
    except NotFoundError as exc:
        print(f"theodoi report: {exc}", file=sys.stderr)
        return 2
    try:
        content = render(document, period, clock.today(), suffix)
    except InputError as exc:  # LibreOffice missing or failing (.pdf)
        print(f"theodoi report: {exc}", file=sys.stderr)
        return 1
    partial = output.with_name(output.name + ".part")
    partial.write_bytes(content)
    partial.replace(output)  # never a half-written report under the real name
    print(output)
    return 0
