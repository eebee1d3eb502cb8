"""Hand-corrected truth for seeds 000/001 (real OCR), stored without seed text.

WHY this form: the seeds are evaluation documents and their sentences must not
be copied into the repository. A person corrected a sample of lines by hand;
what is committed (bench/restore_truth.json) is, per corrected line, its
number, a SHA-256 prefix of the damaged line (to check the seed file is the
one corrected), and the character edits (Levenshtein opcodes: position range
and replacement, mostly one accented letter) that turn the damaged line into
the corrected one. Without the seed file they are meaningless fragments; with
it, :func:`truth_lines` rebuilds the corrected lines exactly.

Make the codes from a local, uncommitted TSV of "line number<TAB>corrected
line": ``python bench/restore_truth.py --make 000 /tmp/truth/000.tsv``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from rapidfuzz.distance import Levenshtein

TRUTH = Path(__file__).with_name("restore_truth.json")


def _hash(line: str) -> str:
    return hashlib.sha256(line.encode("utf-8")).hexdigest()[:16]


def encode(damaged: str, corrected: str) -> list[list[object]]:
    return [
        [i1, i2, corrected[int(j1) : int(j2)]]
        for tag, i1, i2, j1, j2 in Levenshtein.opcodes(damaged, corrected)
        if tag != "equal"
    ]


def decode(damaged: str, edits: list[list[object]]) -> str:
    out = []
    position = 0
    for i1, i2, replacement in edits:
        out.append(damaged[position : int(i1)])  # type: ignore[call-overload]
        out.append(str(replacement))
        position = int(i2)  # type: ignore[call-overload]
    out.append(damaged[position:])
    return "".join(out)


def seed_path(seeds: Path, name: str) -> Path:
    return next(seeds.glob(f"{name}_*.txt"))


def truth_lines(seeds: Path, name: str) -> dict[int, str]:
    """Line number (1-based) → corrected line, rebuilt from the seed file."""
    entries = json.loads(TRUTH.read_text(encoding="utf-8")).get(name, [])
    lines = seed_path(seeds, name).read_text(encoding="utf-8").splitlines()
    out = {}
    for number, digest, edits in entries:
        damaged = lines[number - 1]
        if _hash(damaged) != digest:
            raise ValueError(f"seed {name} line {number} is not the line that was corrected")
        out[number] = decode(damaged, edits)
    return out


def seed_ocr_accuracy(seeds: Path, model: Any = None) -> dict[str, tuple[float, float, int]]:
    """Per seed: (accuracy after restoration, accuracy of raw OCR, syllables);
    ``model``: a RestoreModel to restore with (default: the shared one)."""
    from restore import aligned_accuracy  # bench/restore.py

    from theodoi.text.restore import restore_text

    results = {}
    for name in ("000", "001"):
        truth = truth_lines(seeds, name)
        if not truth:
            continue
        damaged = seed_path(seeds, name).read_text(encoding="utf-8")
        restored = restore_text(damaged, model=model).splitlines()
        raw = damaged.splitlines()
        numbers = sorted(truth)
        reference = "\n".join(truth[n] for n in numbers)
        acc, count = aligned_accuracy(reference, "\n".join(restored[n - 1] for n in numbers))
        base, _ = aligned_accuracy(reference, "\n".join(raw[n - 1] for n in numbers))
        results[name] = (acc, base, count)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description="make truth codes for a seed")
    parser.add_argument("--make", nargs=2, metavar=("SEED", "TSV"), required=True)
    parser.add_argument(
        "--seeds",
        type=Path,
        default=Path(__file__).resolve().parent.parent.parent / "shared" / "seeds",
    )
    args = parser.parse_args()
    name, tsv = args.make
    lines = seed_path(args.seeds, name).read_text(encoding="utf-8").splitlines()
    entries = []
    for row in Path(tsv).read_text(encoding="utf-8").splitlines():
        number_text, corrected = row.split("\t", 1)
        number = int(number_text)
        damaged = lines[number - 1]
        entries.append([number, _hash(damaged), encode(damaged, corrected)])
    data = json.loads(TRUTH.read_text(encoding="utf-8")) if TRUTH.exists() else {}
    data[name] = entries
    blocks = []
    for seed, rows in sorted(data.items()):
        body = ",\n".join(json.dumps(row, ensure_ascii=False) for row in rows)
        blocks.append(f"{json.dumps(seed)}: [\n{body}\n]")
    TRUTH.write_text("{\n" + ",\n".join(blocks) + "\n}\n", encoding="utf-8")
    print(f"seed {name}: {len(entries)} corrected lines", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
