"""``theodoi tasks DOCUMENT [--json]``: a stored plan's tasks and who carries them out.

With ``--json`` prints {"tasks": [{"path", "text", "lead", "coordinating",
"implementing", "timing"}]}, the roles as unit codes in tree order, so
scripts and tests can compare the assignments of two installations.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

ROLES = ("lead", "coordinating", "implementing")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "tasks",
        help="list a stored plan's tasks with their units",
        description="Nhiệm vụ của một văn bản đã nhập và đơn vị chủ trì, phối hợp, thực hiện.",
    )
    parser.add_argument("document", metavar="DOCUMENT", help="document id or number (2705/KH-UBND)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(func=run)


def task_rows(document: Any) -> list[dict[str, Any]]:
    """One dict per task, in document order."""
    from theodoi.plans.models import Assignment

    assignments = (
        Assignment.objects.filter(task__document=document)
        .select_related("unit")
        .order_by("unit__tree_path", "unit__code")
    )
    by_task: dict[int, dict[str, list[str]]] = {}
    for assignment in assignments:
        roles = by_task.setdefault(assignment.task_id, {role: [] for role in ROLES})
        if assignment.role in roles:
            roles[assignment.role].append(assignment.unit.code)
    return [
        {
            "path": task.path,
            "text": task.text,
            **by_task.get(task.pk, {role: [] for role in ROLES}),
            "timing": task.timing_text or task.get_timing_kind_display(),
        }
        for task in document.tasks.order_by("position", "pk")
    ]


def run(args: argparse.Namespace) -> int:
    from theodoi.project.bootstrap import setup_django

    setup_django()
    from theodoi.dashboards.lookups import NotFoundError, find_document

    try:
        document = find_document(args.document)
    except NotFoundError as exc:
        print(f"theodoi tasks: {exc}", file=sys.stderr)
        return 2
    rows = task_rows(document)
    if args.json:
        print(json.dumps({"tasks": rows}, ensure_ascii=False))
        return 0
    for row in rows:
        units = "; ".join(f"{role}: {', '.join(row[role])}" for role in ROLES if row[role])
        print(f"{row['path']}\t{row['text'][:80]}\t{units or '—'}\t{row['timing']}")
    return 0
