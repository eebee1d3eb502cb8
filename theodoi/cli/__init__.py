"""The ``theodoi`` command: one entry point for everything a person runs.

Each sub-command lives in its own module in this package and exposes
``register(subparsers)``, which adds its parser and sets ``func`` to a callable
taking the parsed arguments and returning the exit code. Modules are imported
only when listed here, so a command is offered only once it works.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

COMMAND_MODULES = [
    # text core (no Django)
    "restore",
    "parse",
    "compare",
    # web application
    "serve",
    "migrate",
    "demo",
    "manage",
    "import_",
    "remind",
    "status",
    "report",
    "units",
    "tasks",
    "graph",
    "search",
    "backup",
    "restore_backup",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="theodoi",
        description="Theo dõi thực hiện nghị quyết — follow a resolution through its plans.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"theodoi.cli.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
