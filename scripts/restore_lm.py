"""Count syllable n-grams in the corpus and estimate a modified Kneser-Ney trigram.

Helper of scripts/train_restore.py (see there for the whole recipe). Kept
apart so the counting and the smoothing can be read, and checked, alone.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from theodoi.text.restore.lm import SHIFT, NgramModel
from theodoi.text.restore.tokens import BOS, NUM, SPECIAL, UNK, is_syllable_shape, lm_token, pieces
from theodoi.text.vietnamese import normalize_text

_MARKUP = "*#|\\_>`~"


def paragraphs(path: Path) -> Iterator[list[str]]:
    """LM token lists of a file, one per paragraph (blank lines split them)."""
    text = normalize_text(path.read_text(encoding="utf-8", errors="replace"), "old")
    yield from text_paragraphs(text)


def text_paragraphs(text: str) -> Iterator[list[str]]:
    current: list[str] = []
    for line in text.splitlines():
        tokens = [
            lm_token(kind, piece)
            for kind, piece in pieces(line)
            if kind != "space" and piece not in _MARKUP
        ]
        if not tokens:
            if current:
                yield current
                current = []
            continue
        current.extend(tokens)
    if current:
        yield current


def build_vocab(unigrams: Counter[str], extra: Iterable[str], min_count: int) -> list[str]:
    """Syllables seen often enough (or in the dictionary) plus punctuation."""
    words = set()
    for token, count in unigrams.items():
        if token in SPECIAL:
            continue
        if token[0].isalpha():
            if count >= min_count and is_syllable_shape(token):
                words.add(token)
        elif count >= 20 and len(token) == 1:
            words.add(token)
    words.update(w for w in extra if is_syllable_shape(w))
    return [*SPECIAL, *sorted(words)]


def to_ids(tokens: list[str], index: dict[str, int]) -> list[int]:
    unk = index[UNK]
    return [index.get(t, unk) for t in tokens]


def count_trigrams(sequences: Iterable[tuple[list[int], int]]) -> Counter[tuple[int, int, int]]:
    """Weighted trigram counts; each sequence is padded with two <s>."""
    counts: Counter[tuple[int, int, int]] = Counter()
    for ids, weight in sequences:
        padded = [0, 0, *ids]
        for triple in zip(padded, padded[1:], padded[2:], strict=False):
            counts[triple] += weight
    return counts


def _discounts(counts: Iterable[int]) -> tuple[float, float, float]:
    n = Counter(c for c in counts if c <= 4)
    n1, n2, n3, n4 = (max(n[i], 1) for i in (1, 2, 3, 4))
    y = n1 / (n1 + 2 * n2)
    return (
        max(0.05, 1 - 2 * y * n2 / n1),
        max(0.1, 2 - 3 * y * n3 / n2),
        max(0.15, 3 - 4 * y * n4 / n3),
    )


def _discount(d: tuple[float, float, float], count: int) -> float:
    return d[0] if count == 1 else d[1] if count == 2 else d[2]


def kneser_ney(
    trigrams: Counter[tuple[int, int, int]], vocab: list[str], min_trigram: int
) -> NgramModel:
    """Interpolated modified Kneser-Ney, written as a back-off model (log10)."""
    size = len(vocab)
    # Continuation counts for the lower orders.
    cont2: Counter[tuple[int, int]] = Counter()
    for _a, b, c in trigrams:
        cont2[(b, c)] += 1
    cont1: Counter[int] = Counter()
    for _b, c in cont2:
        cont1[c] += 1
    d3 = _discounts(trigrams.values())
    d2 = _discounts(cont2.values())

    # Unigram: continuation probability interpolated with uniform.
    total1 = sum(cont1.values())
    p1 = [0.0] * size
    for i in range(size):
        p1[i] = (cont1.get(i, 0) + 0.5) / (total1 + 0.5 * size)
    p1[0] = p1[0] * 1e-3  # <s> is never predicted

    # Bigram level.
    ctx2_total: Counter[int] = Counter()
    ctx2_n: dict[int, list[int]] = {}
    for (b, _c), count in cont2.items():
        ctx2_total[b] += count
        slot = ctx2_n.setdefault(b, [0, 0, 0])
        slot[min(count, 3) - 1] += 1
    gamma2 = [1.0] * size
    for b, total in ctx2_total.items():
        n = ctx2_n[b]
        gamma2[b] = (d2[0] * n[0] + d2[1] * n[1] + d2[2] * n[2]) / total
    p2: dict[tuple[int, int], float] = {}
    for (b, c), count in cont2.items():
        p2[(b, c)] = (count - _discount(d2, count)) / ctx2_total[b] + gamma2[b] * p1[c]

    # Trigram level.
    ctx3_total: Counter[tuple[int, int]] = Counter()
    ctx3_n: dict[tuple[int, int], list[int]] = {}
    for (a, b, _c), count in trigrams.items():
        ctx3_total[(a, b)] += count
        slot = ctx3_n.setdefault((a, b), [0, 0, 0])
        slot[min(count, 3) - 1] += 1
    trigram: dict[int, float] = {}
    bow3: dict[int, float] = {}
    for (a, b), total in ctx3_total.items():
        n = ctx3_n[(a, b)]
        gamma = (d3[0] * n[0] + d3[1] * n[1] + d3[2] * n[2]) / total
        bow3[(a << SHIFT) | b] = math.log10(gamma)
    for (a, b, c), count in trigrams.items():
        if count < min_trigram:
            continue
        gamma = 10 ** bow3[(a << SHIFT) | b]
        lower = p2.get((b, c), gamma2[b] * p1[c])
        value = (count - _discount(d3, count)) / ctx3_total[(a, b)] + gamma * lower
        trigram[(((a << SHIFT) | b) << SHIFT) | c] = math.log10(value)
    return NgramModel(
        vocab=vocab,
        unigram=[math.log10(p) for p in p1],
        bow2=[math.log10(g) for g in gamma2],
        bigram={(b << SHIFT) | c: math.log10(p) for (b, c), p in p2.items()},
        bow3=bow3,
        trigram=trigram,
        meta={"discounts3": d3, "discounts2": d2, "specials": [BOS, UNK, NUM]},
    )
