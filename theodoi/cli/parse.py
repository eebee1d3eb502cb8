"""``theodoi parse FILE [--json]``: a plan document → its structured tasks.

Prints the JSON of docs/extraction-spec.md with ``--json``, otherwise a
readable outline (metadata, reporting duties, one line per task). Exit 0 on
success, 2 with one message on stderr when the input cannot be used.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from theodoi.text.confidence import REVIEW_BELOW, review_list


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
    data = result.to_json_dict()
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_outline(data))
    return 0


def render_outline(data: dict[str, Any]) -> str:
    """A person's view of the parse: what the document is, who reports, the tasks."""
    doc = data["document"]
    lines = [
        f"{doc['kind']} {doc['number'] or '(no number)'} — {doc['issuer'] or '(issuer unknown)'}",
        f"  {doc['place'] or ''}{', ' if doc['place'] and doc['date'] else ''}{doc['date'] or ''}",
        f"  {doc['title'] or '(no title)'}",
    ]
    if doc["implements"]:
        lines.append(f"  implements: {', '.join(doc['implements'])}")
    if data["focal_agency"]:
        lines.append(f"  focal agency: {data['focal_agency']}")
    for entry in data["reporting"]:
        due = f" before {entry['due']}" if entry["due"] else ""
        via = f" via {entry['via']}" if entry["via"] else ""
        lines.append(
            f"  report {entry['recurrence']}{due}: "
            f"{entry['from'] or '?'} → {entry['to'] or '?'}{via}"
        )
    lines.append("")
    section = None
    for task in data["tasks"]:
        if task["section"] != section:
            section = task["section"]
            lines.append(section)
        first = task["text"].split("\n", 1)[0]
        if len(first) > 90:
            first = first[:89] + "…"
        lines.append(f"  {task['path']:<12} {first}")
        who = [
            f"{role}: {'; '.join(task[role])}"
            for role in ("lead", "coordinating", "implementing")
            if task[role]
        ]
        if task["timing"]:
            who.append(f"timing: {task['timing']}")
        if who:
            lines.append(f"  {'':<12} ({' | '.join(who)})")
        doubts = [d for d in task.get("doubts") or [] if d.get("confidence", 1.0) < REVIEW_BELOW]
        if doubts:
            reasons = "; ".join(
                d["code"] + (f" ({d['subject']})" if d.get("subject") else "") for d in doubts
            )
            lines.append(f"  {'':<12} ! check: {reasons}")
    lines.append(f"\n{len(data['tasks'])} tasks")
    to_check = review_list(data["tasks"])
    if to_check:
        paths = ", ".join(data["tasks"][i]["path"] for i in to_check)
        lines.append(f"to check first ({len(to_check)}): {paths}")
    for warning in data["warnings"]:
        lines.append(f"warning: {warning}")
    return "\n".join(lines) + "\n"
