"""Build the wide-context table of the restoration's second pass (context.py).

Recipe (deterministic: same corpus + same model.bin → same file):
1. Training text: the training part of the fixed split
   (theodoi/text/restore/split.py: laws/, gazette/, party/, every 10th file
   held out) plus the running-text files of plans/ (.txt, .md), again every
   10th one (sorted by name) held out. party/ counts PARTY_WEIGHT times, as in
   the language model. The seeds are never read.
2. Tokens are the language model's (scripts/restore_lm.py), mapped to the
   committed model's vocabulary (theodoi/text/restore/data/model.bin).
3. For every syllable whose bare letters have several spellings in the
   vocabulary ("cua": của, cửa, cua …), count the bare form of each token
   OFFSETS positions before and after it (the trigram already sees the
   nearest two): n(syllable, context word).
4. Weight of a pair: log10 (n + ALPHA) / (E + ALPHA), E the count expected
   were the word independent of the syllable (n(syllable) * P(w)): seen more
   often than chance is evidence for the syllable, a pair too rare to tell is
   worth nothing. Keep the pairs seen at least MIN_PAIR times whose weight is
   at least MIN_WEIGHT; store them as sorted packed keys and int16
   thousandths (context.py reads them). Negative evidence (seen less often
   than chance) is left out: every frequent spelling has much of it and the
   rare ones almost none (unseen), so it pushed "tỉnh" to "tính".

Usage: .venv/bin/python scripts/train_context.py [--corpus ../shared/corpus] [--check]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from restore_lm import paragraphs  # noqa: E402

from theodoi.text.restore.context import (  # noqa: E402
    ALPHA,
    CONTEXT_PATH,
    OFFSETS,
    context_forms,
    save_context,
)
from theodoi.text.restore.lm import SHIFT, read_blobs  # noqa: E402
from theodoi.text.restore.model import MODEL_PATH  # noqa: E402
from theodoi.text.restore.split import HOLD_OUT_EVERY, genre_of, split_corpus  # noqa: E402
from theodoi.text.restore.tokens import SPECIAL  # noqa: E402
from theodoi.text.vietnamese import strip_diacritics  # noqa: E402

PARTY_WEIGHT = 8
MIN_PAIR = 3
MIN_WEIGHT = 0.3  # log10: pairs closer than a factor 2 to the default are left out


def plan_files(corpus: Path) -> list[Path]:
    """Training text files of plans/ (every 10th, sorted by name, held out)."""
    base = corpus / "plans"
    if not base.is_dir():
        return []
    files = sorted(
        (p for p in base.iterdir() if p.suffix in (".txt", ".md") and "README" not in p.name),
        key=lambda p: p.name,
    )
    return [p for i, p in enumerate(files) if i % HOLD_OUT_EVERY != HOLD_OUT_EVERY - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--model", type=Path, default=MODEL_PATH)
    parser.add_argument("--out", type=Path, default=CONTEXT_PATH)
    parser.add_argument(
        "--genres",
        default="laws,gazette,party,plans",
        help="corpus folders to count (comma-separated)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="rebuild in memory and compare it byte for byte with --out",
    )
    args = parser.parse_args()
    started = time.time()
    _meta, blobs = read_blobs(args.model)
    vocab = blobs["vocab"].decode("utf-8").split("\n")
    index = {w: i for i, w in enumerate(vocab)}
    forms, form_of = context_forms(vocab)
    groups: dict[str, int] = {}
    for word in vocab:
        if word not in SPECIAL and word[:1].isalpha():
            bare = strip_diacritics(word)
            groups[bare] = groups.get(bare, 0) + 1
    ambiguous = np.zeros(len(vocab), dtype=bool)
    for i, word in enumerate(vocab):
        if word not in SPECIAL and word[:1].isalpha() and groups[strip_diacritics(word)] > 1:
            ambiguous[i] = True
    form_array = np.array(form_of, dtype=np.int64)

    train, _ = split_corpus(args.corpus)
    genres = set(args.genres.split(","))
    files = [
        (p, PARTY_WEIGHT if genre_of(args.corpus, p) == "party" else 1)
        for p in train
        if genre_of(args.corpus, p) in genres
    ]
    if "plans" in genres:
        files += [(p, 1) for p in plan_files(args.corpus)]
    unk = index["<unk>"]
    pair_keys: list[np.ndarray] = []
    pair_weights: list[np.ndarray] = []
    target_total = np.zeros(len(vocab), dtype=np.float64)
    context_total = np.zeros(len(forms), dtype=np.float64)
    for path, weight in files:
        ids_list = [index.get(t, unk) for tokens in paragraphs(path) for t in [*tokens, "<s>"]]
        ids = np.array(ids_list, dtype=np.int64)
        ctx = form_array[ids]
        np.add.at(context_total, ctx, weight)
        targets = ambiguous[ids]
        np.add.at(target_total, ids[targets], weight * 2 * len(OFFSETS))
        for offset in OFFSETS:
            for a, b in ((ids[:-offset], ctx[offset:]), (ids[offset:], ctx[:-offset])):
                keep = ambiguous[a]
                keys = (a[keep] << SHIFT) | b[keep]
                pair_keys.append(keys)
                pair_weights.append(np.full(len(keys), weight, dtype=np.float64))
    keys_all = np.concatenate(pair_keys)
    weights_all = np.concatenate(pair_weights)
    unique, inverse = np.unique(keys_all, return_inverse=True)
    counts = np.bincount(inverse, weights=weights_all)
    del keys_all, weights_all, inverse
    background = context_total / context_total.sum()
    targets = unique >> SHIFT
    contexts = unique & ((1 << SHIFT) - 1)
    n_c = target_total[targets]
    expected = n_c * background[contexts]
    weight = np.log10((counts + ALPHA) / (expected + ALPHA))
    keep = (counts >= MIN_PAIR) & (weight >= MIN_WEIGHT)
    out_keys = unique[keep]
    out_values = np.clip(np.round(weight[keep] * 1000), -32767, 32767).astype(np.int16)
    vocab_hash = hashlib.sha256(blobs["vocab"]).hexdigest()[:16]
    data = save_context(
        vocab_hash,
        forms,
        out_keys.astype(np.int64).tobytes(),
        out_values.tobytes(),
    )
    print(
        f"{len(files)} files, {len(unique)} pairs counted, {len(out_keys)} kept, "
        f"{len(data) / 1e6:.2f} MB in {time.time() - started:.0f} s",
        file=sys.stderr,
    )
    if args.check:
        same = args.out.read_bytes() == data
        print(f"rebuilt context table {'IS' if same else 'is NOT'} identical to {args.out}")
        return 0 if same else 1
    args.out.write_bytes(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
