"""``theodoi review DOCUMENT --from YEAR --to YEAR -o FILE``: the multi-year
review (sơ kết, or tổng kết with ``--final``) of a plan as .docx or .xlsx."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

SUFFIXES = (".docx", ".xlsx")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "review",
        help="write the review of a plan over several years (sơ kết, tổng kết): .docx or .xlsx",
        description="Báo cáo sơ kết, tổng kết nhiều năm thực hiện kế hoạch (.docx, .xlsx).",
    )
    parser.add_argument("document", metavar="DOCUMENT", help="document id or number (2705/KH-UBND)")
    parser.add_argument("--from", dest="first", type=int, required=True, metavar="YEAR")
    parser.add_argument("--to", dest="last", type=int, required=True, metavar="YEAR")
    parser.add_argument("--final", action="store_true", help="tổng kết (final) instead of sơ kết")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    output: Path = args.output
    suffix = output.suffix.lower()
    if suffix not in SUFFIXES:
        print(f"theodoi review: {output.name}: use .docx or .xlsx", file=sys.stderr)
        return 2
    if not output.parent.exists():
        print(f"theodoi review: folder {output.parent} does not exist", file=sys.stderr)
        return 2
    from theodoi.project.bootstrap import setup_django

    setup_django()
    from theodoi.dashboards.lookups import NotFoundError, find_document
    from theodoi.dashboards.review_report import ReviewError, collect_review, render_review
    from theodoi.reporting import clock

    try:
        document = find_document(args.document)
        data = collect_review(
            document, args.first, args.last, clock.today(), final_review=args.final
        )
    except (NotFoundError, ReviewError) as exc:
        print(f"theodoi review: {exc}", file=sys.stderr)
        return 2
    partial = output.with_name(output.name + ".part")
    partial.write_bytes(render_review(data, suffix))
    partial.replace(output)  # never a half-written file under the real name
    print(output)
    return 0
