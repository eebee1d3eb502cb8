"""Domain adaptation: a user's clean documents sharpen the committed model.

WHY: every agency writes about its own bodies, places and programmes; once a
few of its documents are in the database with proper diacritics, their n-grams
are the best evidence for restoring the next damaged one. We count trigrams and
bigrams of the given texts and, for every n-gram seen there, mix the user's
relative frequency into the base probability:

    P'(c|a,b) = (1 - λ) P(c|a,b) + λ c(a,b,c) / c(a,b)

(λ grows with how often the context was seen, capped at MAX_WEIGHT). Unseen
n-grams keep the base values, so decoding stays exactly as fast. New syllables
(a place name missing from the corpus) join the vocabulary.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from theodoi.text.restore.lm import SHIFT, NgramModel
from theodoi.text.restore.tokens import UNK, is_syllable_shape, lm_token, pieces
from theodoi.text.vietnamese import normalize_text

if TYPE_CHECKING:
    from theodoi.text.restore.model import RestoreModel

MAX_WEIGHT = 0.5
PRIOR = 5.0  # context count at which λ reaches half of MAX_WEIGHT


def _token_lines(texts: Iterable[str]) -> Iterable[list[str]]:
    for text in texts:
        tokens = [
            lm_token(kind, piece)
            for line in normalize_text(text, "old").splitlines()
            for kind, piece in pieces(line)
            if kind != "space"
        ]
        if tokens:
            yield tokens


def adapt_model(texts: Iterable[str], base: RestoreModel | None = None) -> RestoreModel:
    """A new model: ``base`` (default: the committed one) plus ``texts``' statistics.

    The base is not modified; pass the result to ``install_model`` to make
    every later call use it, or as ``model=`` to the restore functions.
    """
    from theodoi.text.restore.model import RestoreModel, get_model

    source = base or get_model()
    ngram = source.ngram
    vocab = list(ngram.vocab)
    index = dict(ngram.index)
    unigram = list(ngram.unigram)
    bow2 = list(ngram.bow2)
    frequency = list(ngram.frequency or ngram.unigram)
    sequences: list[list[int]] = []
    new_counts: Counter[int] = Counter()
    for tokens in _token_lines(texts):
        ids = []
        for token in tokens:
            if token not in index and token[0].isalpha() and is_syllable_shape(token):
                index[token] = len(vocab)
                vocab.append(token)
                unigram.append(ngram.unigram[index[UNK]])
                frequency.append(-9.0)
                bow2.append(0.0)
            ids.append(index.get(token, index[UNK]))
            new_counts[ids[-1]] += 1
        sequences.append(ids)
    total_tokens = max(1, sum(len(ids) for ids in sequences))
    for i, count in new_counts.items():
        # A syllable of the user's documents is at least as likely as they say, halved
        # (so a local place name is among the candidates the decoder tries).
        if vocab[i][0].isalpha():
            boost = math.log10(MAX_WEIGHT * count / total_tokens)
            unigram[i] = max(unigram[i], boost)
            frequency[i] = max(frequency[i], boost)
    tri: Counter[tuple[int, int, int]] = Counter()
    for ids in sequences:
        padded = [0, 0, *ids]
        tri.update(zip(padded, padded[1:], padded[2:], strict=False))
    ctx3: Counter[tuple[int, int]] = Counter()
    bi: Counter[tuple[int, int]] = Counter()
    ctx2: Counter[int] = Counter()
    for (a, b, c), count in tri.items():
        ctx3[(a, b)] += count
        bi[(b, c)] += count
        ctx2[b] += count
    adapted = NgramModel(
        vocab,
        unigram,
        bow2,
        dict(ngram.bigram),
        dict(ngram.bow3),
        dict(ngram.trigram),
        {**ngram.meta, "adapted_ngrams": len(tri)},
        frequency,
    )
    probe = NgramModel(vocab, unigram, bow2, ngram.bigram, ngram.bow3, ngram.trigram)
    for (b, c), count in bi.items():
        weight = MAX_WEIGHT * ctx2[b] / (ctx2[b] + PRIOR)
        base_p = 10 ** adapted.bigram.get((b << SHIFT) | c, bow2[b] + unigram[c])
        adapted.bigram[(b << SHIFT) | c] = math.log10(
            (1 - weight) * base_p + weight * count / ctx2[b]
        )
    for (a, b, c), count in tri.items():
        weight = MAX_WEIGHT * ctx3[(a, b)] / (ctx3[(a, b)] + PRIOR)
        base_p = 10 ** probe.logp(a, b, c)
        key = (((a << SHIFT) | b) << SHIFT) | c
        adapted.trigram[key] = math.log10((1 - weight) * base_p + weight * count / ctx3[(a, b)])
    return RestoreModel(adapted, source.channel)
