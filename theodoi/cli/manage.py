"""``theodoi manage …``: any Django management command (createsuperuser, shell …)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "manage",
        help="run a Django management command, e.g. theodoi manage createsuperuser",
        add_help=False,
    )
    parser.add_argument("arguments", nargs=argparse.REMAINDER)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from theodoi.project.bootstrap import setup_django

    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["theodoi manage", *(args.arguments or ["help"])])
    return 0
