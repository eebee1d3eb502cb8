"""``theodoi restore FILE|-``: print text with diacritics and OCR damage repaired."""

from __future__ import annotations

import argparse
import io
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "restore",
        help="restore Vietnamese diacritics and repair OCR damage in a text file",
        description=(
            "Print FILE (or standard input with '-') with lost diacritics restored, "
            "OCR letter confusions corrected and margin junk removed; one output line "
            "per input line, clean lines unchanged."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="UTF-8 text file, or - for standard input")
    parser.add_argument(
        "--style",
        choices=["old", "new", "hòa", "hoà"],
        default="old",
        help="tone placement of restored words: old 'hòa' (default) or new 'hoà'",
    )
    parser.add_argument(
        "--wide-context",
        action="store_true",
        help="also rescore with a ±5-syllable window (slower, see restore/context.py)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from theodoi.text.restore import context, restore_lines

    if args.wide_context:
        context.ENABLED = True

    if args.file == "-":
        stream = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline="")
        close = False
    else:
        try:
            stream = open(args.file, encoding="utf-8", newline="")  # noqa: SIM115
        except FileNotFoundError:
            print(f"theodoi restore: file not found: {args.file}", file=sys.stderr)
            return 2
        except IsADirectoryError:
            print(f"theodoi restore: is a directory, not a file: {args.file}", file=sys.stderr)
            return 2
        except PermissionError:
            print(f"theodoi restore: permission denied: {args.file}", file=sys.stderr)
            return 2
        close = True
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8")
    try:
        for line in restore_lines(stream, style=args.style):
            out.write(line)
    except UnicodeDecodeError as error:
        print(
            f"theodoi restore: {args.file} is not UTF-8 text ({error.reason} at byte "
            f"{error.start})",
            file=sys.stderr,
        )
        return 2
    finally:
        if close:
            stream.close()
    out.flush()
    return 0
