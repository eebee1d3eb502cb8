"""``theodoi demo``: load the fictional province Hòa Lâm (idempotent)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="load demo data: a fictional province, its people, a plan and two years "
        "of reports (safe to run again)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from theodoi.project.bootstrap import setup_django

    setup_django()
    from django.utils import timezone

    from theodoi.demo.load import load_demo

    summary = load_demo(today=timezone.localdate())
    for line in summary.lines():
        print(line)
    return 0
