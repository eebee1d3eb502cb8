"""``theodoi parse FILE [--json]``: a plan document → its structured tasks.

Prints the JSON of docs/extraction-spec.md with ``--json``, otherwise a
readable outline (metadata, reporting duties, one line per task). Exit 0 on
success, 2 with one message on stderr when the input cannot be used.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from theodoi.text.confidence import REVIEW_BELOW, review_list

if TYPE_CHECKING:
    from theodoi.text.model import ParseResult, Task


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "parse",
        help="extract the structured tasks of a plan document",
        description="Read a plan (.docx, .pdf, .doc, scan, text) and print its tasks.",
    )
    parser.add_argument("file", help="the document to parse")
    parser.add_argument("--json", action="store_true", help="print the JSON contract")
    parser.add_argument(
        "--no-restore", action="store_true", help="do not repair lost diacritics / OCR errors"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from theodoi.text.parse import parse_file
    from theodoi.text.source import InputError

    try:
        result = parse_file(args.file, restore=not args.no_restore)
    except InputError as error:
        print(f"theodoi parse: {error}", file=sys.stderr)
        return 2
    except (OSError, UnicodeError, ValueError) as error:
        print(f"theodoi parse: {args.file}: cannot be parsed ({error})", file=sys.stderr)
        return 2
    if args.json:
        json.dump(result.to_json_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_outline(result))
    return 0


def render_outline(result: ParseResult) -> str:
    """A person's view of the parse: what the document is, who reports, the tasks."""
    doc = result.document
    lines = [
        f"{doc.kind} {doc.number or '(no number)'} — {doc.issuer or '(issuer unknown)'}",
        f"  {doc.place or ''}{', ' if doc.place and doc.date else ''}{doc.date or ''}",
        f"  {doc.title or '(no title)'}",
    ]
    if doc.implements:
        lines.append(f"  implements: {', '.join(doc.implements)}")
    if result.focal_agency:
        lines.append(f"  focal agency: {result.focal_agency}")
    for entry in result.reporting:
        due = f" before {entry.due}" if entry.due else ""
        via = f" via {entry.via}" if entry.via else ""
        lines.append(
            f"  report {entry.recurrence}{due}: {entry.from_ or '?'} → {entry.to or '?'}{via}"
        )
    lines.append("")
    section = None
    for task in result.tasks:
        if task.section != section:
            section = task.section
            lines.append(section)
        lines.extend(_task_lines(task))
    lines.append(f"\n{len(result.tasks)} tasks")
    to_check = review_list(result.tasks)
    if to_check:
        paths = ", ".join(result.tasks[i].path for i in to_check)
        lines.append(f"to check first ({len(to_check)}): {paths}")
    for warning in result.warnings:
        lines.append(f"warning: {warning}")
    return "\n".join(lines) + "\n"


def _task_lines(task: Task) -> list[str]:
    """A task's first line, who carries it out and when, and its doubts."""
    first = task.text.split("\n", 1)[0]
    if len(first) > 90:
        first = first[:89] + "…"
    lines = [f"  {task.path:<12} {first}"]
    who = [
        f"{role}: {'; '.join(names)}"
        for role, names in (
            ("lead", task.lead),
            ("coordinating", task.coordinating),
            ("implementing", task.implementing),
        )
        if names
    ]
    if task.timing and task.timing.text:
        who.append(f"timing: {task.timing.text}")
    if who:
        lines.append(f"  {'':<12} ({' | '.join(who)})")
    doubts = [d for d in task.doubts if d.confidence < REVIEW_BELOW]
    if doubts:
        reasons = "; ".join(d.code + (f" ({d.subject})" if d.subject else "") for d in doubts)
        lines.append(f"  {'':<12} ! check: {reasons}")
    return lines
