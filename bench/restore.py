"""Benchmark of Vietnamese restoration (`theodoi restore`).

Prints five figures:
1. syllable accuracy on the held-out corpus split (every 10th file, see
   theodoi/text/restore/split.py) with diacritics stripped;
2. the same on seeds 002, 003, 004 stripped (never trained on);
3. accuracy on OCR damage: synthetic (our noise model: the learned channel
   sampled per syllable), real Tesseract-English OCR of rendered held-out
   corpus pages, and seeds 000/001 against hand-corrected truth (see
   bench/restore_truth.py for how that truth is stored without seed text);
4. the share of clean lines left byte-identical;
5. throughput (syllables per second, one core) and model load time.

Usage: .venv/bin/python bench/restore.py [--quick] [--pages N] [--context]
(THEODOI_SHARED names the shared folder when it is not ../shared.)
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from rapidfuzz.distance import Levenshtein  # noqa: E402

from theodoi.text.restore import (  # noqa: E402
    adapt_model,
    get_model,
    restore_lines,
    restore_text,
)
from theodoi.text.restore.split import split_corpus  # noqa: E402
from theodoi.text.restore.tokens import is_letters, pieces  # noqa: E402
from theodoi.text.vietnamese import normalize_text, strip_diacritics  # noqa: E402

# ../shared beside the checkout; THEODOI_SHARED names it from a worktree elsewhere.
SHARED = Path(os.environ.get("THEODOI_SHARED", REPO.parent / "shared"))
_MARKUP = str.maketrans({c: " " for c in "*#|\\_>`"})


def syllables(text: str) -> list[str]:
    return [
        t
        for line in text.splitlines()
        for k, t in pieces(line)
        if k == "word" and is_letters(t.lower())
    ]


def clean_lines(path: Path) -> list[str]:
    """Running-text lines of a file, normalised like the model's output."""
    text = normalize_text(path.read_text(encoding="utf-8", errors="replace"), "old")
    out = []
    for raw in text.splitlines():
        line = " ".join(raw.translate(_MARKUP).split())
        if len(line.split()) >= 4 and "�" not in line:
            out.append(line)
    return out


def stripped_accuracy(lines: list[str]) -> tuple[float, int, float]:
    """(accuracy, syllables, CPU seconds) restoring ``lines`` stripped of diacritics."""
    damaged = [strip_diacritics(line) for line in lines]
    started = time.process_time()
    restored = list(restore_lines(damaged))
    seconds = time.process_time() - started
    accuracy, total = aligned_accuracy("\n".join(lines), "\n".join(restored), ignore_case=False)
    return accuracy, total, seconds


def aligned_accuracy(truth: str, output: str, ignore_case: bool = True) -> tuple[float, int]:
    """1 - syllable edit distance / truth length (a word error rate, inverted).

    Case is ignored for OCR text, whose capitals are themselves unreliable.
    """
    a = syllables(truth)
    b = syllables(output)
    if ignore_case:
        a = [s.lower() for s in a]
        b = [s.lower() for s in b]
    return 1 - Levenshtein.distance(a, b) / max(len(a), 1), len(a)


def held_out_lines(limit: int) -> list[str]:
    _, held_out = split_corpus(SHARED / "corpus")
    lines: list[str] = []
    for path in held_out:
        lines.extend(clean_lines(path)[: limit // len(held_out) + 1])
    return lines


def seed_lines(names: tuple[str, ...]) -> list[str]:
    lines: list[str] = []
    for name in names:
        path = next((SHARED / "seeds").glob(f"{name}_*.txt"))
        lines.extend(clean_lines(path))
    return lines


def synthetic_ocr(lines: list[str], rng: random.Random) -> list[str]:
    """Damage text with the learned channel: each syllable → a sampled OCR form."""
    model = get_model()
    inverse: dict[int, list[tuple[str, float]]] = {}
    for observed, entries in model.channel.items():
        for syllable_id, cost in entries:
            inverse.setdefault(syllable_id, []).append((observed, 10**cost))
    out = []
    for line in lines:
        parts = []
        for kind, text in pieces(line):
            lower = text.lower()
            if kind == "word" and lower in model.index and inverse.get(model.index[lower]):
                forms = inverse[model.index[lower]]
                keep = max(0.0, 1.0 - sum(w for _, w in forms))
                choice = rng.choices(
                    [lower, *[f for f, _ in forms]], [keep, *[w for _, w in forms]]
                )[0]
                parts.append(
                    choice.upper()
                    if text.isupper() and len(text) > 1
                    else choice.capitalize()
                    if text[:1].isupper()
                    else choice
                )
            else:
                parts.append(text)
        out.append("".join(parts))
    return out


def tesseract_pages(count: int) -> list[tuple[str, str]]:
    """(source, OCR) pairs of held-out corpus pages rendered and OCR'd now."""
    from restore_ocr_pairs import page_text, render_and_ocr

    _, held_out = split_corpus(SHARED / "corpus")
    rng = random.Random(2024)
    pairs = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(count):
            text = page_text(held_out, rng)
            pairs.append((normalize_text(text, "old"), render_and_ocr(text, rng, Path(tmp))))
    return pairs


def vie_pages(count: int, rng_seed: int = 2025) -> list[tuple[str, str, str]]:
    """(source, Tesseract-vie text, Tesseract-vie TSV) of held-out pages rendered now,
    in the "low" profile (poor scans: the Vietnamese model loses marks there)."""
    from restore_ocr_pairs import page_text, render_and_ocr

    _, held_out = split_corpus(SHARED / "corpus")
    rng = random.Random(rng_seed)
    out = []
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(count):
            text = page_text(held_out, rng)
            render_and_ocr(text, rng, Path(tmp), "low")  # leaves the page image img.tif
            image = str(Path(tmp) / "img.tif")
            runs = [
                subprocess.run(
                    ["tesseract", image, "-", "-l", "vie", "--psm", "6", *extra],
                    check=True,
                    capture_output=True,
                    text=True,
                    env=env,
                ).stdout
                for extra in ([], ["tsv"])
            ]
            out.append((normalize_text(text, "old"), runs[0], runs[1]))
    return out


def load_time(context: bool = False) -> tuple[float, float]:
    extra = (
        "from theodoi.text.restore.context import context_table; context_table(get_model()); "
        if context
        else ""
    )
    code = (
        "import time; t=time.perf_counter(); c=time.process_time(); "
        "from theodoi.text.restore import get_model; get_model(); "
        f"{extra}print(time.perf_counter()-t, time.process_time()-c)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    wall, cpu = (float(x) for x in result.stdout.split())
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller samples")
    parser.add_argument("--pages", type=int, default=8, help="Tesseract pages to OCR")
    parser.add_argument(
        "--vie-pages", type=int, default=0, help="also OCR pages with Tesseract-vie (confidences)"
    )
    parser.add_argument(
        "--context",
        action="store_true",
        help="with the wide-context second pass (theodoi/text/restore/context.py)",
    )
    parser.add_argument(
        "--memory-mb", type=int, default=0, help="also stream a file of this size through the CLI"
    )
    args = parser.parse_args()
    if not (SHARED / "corpus").is_dir():
        print("../shared/corpus is absent: nothing to measure", file=sys.stderr)
        return 1
    limit = 20_000 if args.quick else 100_000
    if args.context:
        from theodoi.text.restore import context

        context.ENABLED = True
        print("(wide-context second pass on)")
    get_model()

    lines = held_out_lines(limit // 12)
    accuracy, count, seconds = stripped_accuracy(lines)
    print(f"1. held-out corpus (every 10th file), stripped: {accuracy:.2%} of {count} syllables")
    speed = count / seconds

    seeds = SHARED / "seeds"
    if seeds.is_dir():
        for name in ("002", "003", "004"):
            accuracy, count, _ = stripped_accuracy(seed_lines((name,)))
            print(f"2. seed {name} stripped: {accuracy:.2%} of {count} syllables")
        all_acc, all_count, _ = stripped_accuracy(seed_lines(("002", "003", "004")))
        print(f"2. seeds 002-004 stripped, together: {all_acc:.2%} of {all_count} syllables")
    else:
        print("2. seeds absent (../shared/seeds): skipped")

    rng = random.Random(7)
    sample = lines[: len(lines) // 3]
    noisy = synthetic_ocr(sample, rng)
    restored = list(restore_lines(noisy))
    acc, count = aligned_accuracy("\n".join(sample), "\n".join(restored))
    base, _ = aligned_accuracy("\n".join(sample), "\n".join(noisy))
    print(
        f"3a. synthetic OCR damage (channel-sampled), held-out: {acc:.2%} of {count} "
        f"syllables (damaged input: {base:.2%})"
    )
    pages = tesseract_pages(3 if args.quick else args.pages)
    truth = "\n".join(src for src, _ in pages)
    ocr = "\n".join(o for _, o in pages)
    acc, count = aligned_accuracy(truth, restore_text(ocr))
    base, _ = aligned_accuracy(truth, ocr)
    print(
        f"3b. real Tesseract-English OCR of {len(pages)} rendered held-out pages: {acc:.2%} "
        f"of {count} syllables (raw OCR: {base:.2%})"
    )
    if args.vie_pages:
        from theodoi.text.restore.confidence import parse_tsv, restore_ocr_words

        vie = vie_pages(args.vie_pages)
        truth = "\n".join(src for src, _, _ in vie)
        plain = "\n".join(text for _, text, _ in vie)
        guided = "\n".join("\n".join(restore_ocr_words(parse_tsv(tsv))) for _, _, tsv in vie)
        raw, count = aligned_accuracy(truth, plain)
        blind, _ = aligned_accuracy(truth, restore_text(plain))
        confident, _ = aligned_accuracy(truth, guided)
        print(
            f"3e. Tesseract-vie OCR of {len(vie)} poor rendered held-out pages ({count} "
            f"syllables): raw {raw:.2%}, restored blind {blind:.2%}, "
            f"restored with word confidences {confident:.2%}"
        )
    try:
        from restore_truth import seed_ocr_accuracy
    except ImportError:
        seed_ocr_accuracy = None
    if seed_ocr_accuracy and seeds.is_dir():
        for name, (acc, base, count) in seed_ocr_accuracy(seeds).items():
            print(
                f"3c. seed {name} (real OCR), hand-corrected lines: {acc:.2%} of {count} "
                f"syllables (raw OCR: {base:.2%})"
            )
        # The same, as an installation that imported the clean seeds 002-004 (same
        # cascade) first: their text adapts the model (what the web app's
        # background rebuild does with every clean import).
        clean_seeds = [
            next(seeds.glob(f"{name}_*.txt")).read_text(encoding="utf-8")
            for name in ("002", "003", "004")
        ]
        started = time.process_time()
        adapted = adapt_model(clean_seeds)
        adapt_cpu = time.process_time() - started
        for name, (acc, _, count) in seed_ocr_accuracy(seeds, adapted).items():
            print(
                f"3d. seed {name} (real OCR), seeds 002-004 imported first (adapted): {acc:.2%} "
                f"of {count} syllables (adaptation built in {adapt_cpu:.2f} s CPU)"
            )

    clean = lines + (seed_lines(("002", "003", "004")) if seeds.is_dir() else [])
    unchanged = sum(1 for a, b in zip(clean, restore_lines(clean), strict=True) if a == b)
    print(f"4. clean lines unchanged: {unchanged / len(clean):.2%} of {len(clean)} lines")

    print(
        f"5. throughput (stripped held-out text, first pass, CPU time of this one-threaded "
        f"process): {speed:,.0f} syllables/s"
    )
    stripped = [strip_diacritics(line) for line in lines]
    started, wall = time.process_time(), time.perf_counter()
    list(restore_lines(stripped))
    cpu, wall = time.process_time() - started, time.perf_counter() - wall
    total = count_syllables(lines)
    print(
        f"5. throughput, second pass (caches warm): {total / cpu:,.0f} syllables/s CPU, "
        f"{total / wall:,.0f} syllables/s wall clock (machine load {os.getloadavg()[0]:.1f})"
    )
    wall, cpu = load_time(args.context)
    print(f"5. model load time (fresh process, import + load): {cpu:.2f} s CPU, {wall:.2f} s wall")
    if args.memory_mb:
        print(streaming_memory(stripped, args.memory_mb))
    return 0


def streaming_memory(lines: list[str], megabytes: int) -> str:
    """Peak memory of `theodoi restore` on a big damaged file (streaming check)."""
    import resource

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        with path.open("w", encoding="utf-8") as out:
            while out.tell() < megabytes * 1_000_000:
                out.write("\n".join(lines) + "\n")
        started = time.perf_counter()
        code = "import sys; from theodoi.cli import main; sys.exit(main())"
        subprocess.run(
            [sys.executable, "-c", code, "restore", str(path)],
            check=True,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
        )
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return (
        f"   streaming: {megabytes} MB damaged file through `theodoi restore` in {seconds:.0f} s, "
        f"peak memory {peak:.0f} MB"
    )


def count_syllables(lines: list[str]) -> int:
    return sum(len(syllables(line)) for line in lines)


if __name__ == "__main__":
    sys.exit(main())
