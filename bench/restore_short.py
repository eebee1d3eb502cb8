"""Restoration of short administrative lines: letterheads, headings, body names,
timing cells, assignments, signature blocks.

WHY a separate bench: bench/restore.py measures running text (lines of at least
four words), where the trigram has context. Plans are full of short lines
whose few words carry the extraction: a body in a table cell ("Công an tỉnh"),
a timing ("Quý IV/2026"), the assignment verb ("Giao Sở …"), a heading in
capitals ("TỈNH ỦY …"). The lines in bench/short/*.tsv are fictional, written
for this bench with their true diacritics; each "---" section is one document,
stripped of its marks and restored as a whole (as the parser does).

Figures: syllable accuracy (1 − syllable edit distance / reference length),
case kept (a heading must come back in capitals, "Ủy ban" with its capital),
overall and per kind of line; ``--show`` prints the lines that differ.

Usage: PYTHONPATH=. .venv/bin/python bench/restore_short.py [--set dev|test|all] [--show]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from rapidfuzz.distance import Levenshtein  # noqa: E402

from theodoi.text.restore import restore_text  # noqa: E402
from theodoi.text.restore.tokens import is_letters, pieces  # noqa: E402
from theodoi.text.vietnamese import normalize_text, strip_diacritics  # noqa: E402

SETS = {"dev": ("dev",), "test": ("test",), "all": ("dev", "test")}
Document = list[tuple[str, str]]


def documents(name: str) -> list[Document]:
    """The (kind, line) documents of bench/short/<name>.tsv."""
    docs: list[Document] = [[]]
    path = REPO / "bench" / "short" / f"{name}.tsv"
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        if raw.strip() == "---":
            docs.append([])
            continue
        kind, line = raw.split("\t", 1)
        docs[-1].append((kind, normalize_text(line, "old")))
    return [doc for doc in docs if doc]


def syllables(line: str) -> list[str]:
    return [t for k, t in pieces(line) if k == "word" and is_letters(t.lower())]


def measure(
    docs: list[Document], show: bool = False
) -> tuple[dict[str, list[int]], list[tuple[str, str, str]]]:
    """Per kind: [errors, syllables, errors ignoring case]; and the lines that differ."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    wrong: list[tuple[str, str, str]] = []
    for doc in docs:
        damaged = "\n".join(strip_diacritics(line) for _, line in doc)
        restored = restore_text(damaged).split("\n")
        for (kind, truth), output in zip(doc, restored, strict=True):
            a, b = syllables(truth), syllables(output)
            errors = Levenshtein.distance(a, b)
            folded = Levenshtein.distance([s.lower() for s in a], [s.lower() for s in b])
            for key in (kind, "all"):
                totals[key][0] += errors
                totals[key][1] += len(a)
                totals[key][2] += folded
            if errors and show:
                wrong.append((kind, truth, output))
    return totals, wrong


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=sorted(SETS), default="all")
    parser.add_argument("--show", action="store_true", help="print the lines that differ")
    args = parser.parse_args()
    for name in SETS[args.set]:
        totals, wrong = measure(documents(name), args.show)
        for kind in sorted(totals, key=lambda k: (k == "all", k)):
            errors, count, folded = totals[kind]
            print(
                f"{name:5} {kind:10} {1 - errors / count:7.2%} of {count:4} syllables "
                f"(word errors {errors:3}; ignoring case {1 - folded / count:7.2%})"
            )
        for kind, truth, output in wrong:
            print(f"  [{kind}] {truth}\n  {'':{len(kind) + 2}} {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
