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

import json
import math
import os
import tempfile
import zlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from theodoi.text.restore.lm import SHIFT, NgramModel
from theodoi.text.restore.names import lexicon, merge
from theodoi.text.restore.tokens import BOS, UNK, is_syllable_shape, lm_token, pieces
from theodoi.text.vietnamese import normalize_text

if TYPE_CHECKING:
    from theodoi.text.restore.model import RestoreModel

MAX_WEIGHT = 0.5
PRIOR = 5.0  # context count at which λ reaches half of MAX_WEIGHT
#: log10 unigram below which a syllable counts as rare in the corpus (fewer than 1 in
#: 30,000 syllables): only those get the adaptation's unigram boost.
RARE_UNIGRAM = -4.5
FILE_MAGIC = b"THEODOI-ADAPT-1\n"

Counts = defaultdict[tuple[str, str, str], float]


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


def count_ngrams(texts: Iterable[str], weight: float = 1.0, counts: Counts | None = None) -> Counts:
    """Trigram counts of clean ``texts`` (each text one sequence), times ``weight``.

    Counts are keyed by token strings, not model ids, so they survive a new
    committed model and can be kept in a file (:func:`save_counts`).
    """
    out: Counts = counts if counts is not None else defaultdict(float)
    for tokens in _token_lines(texts):
        padded = [BOS, BOS, *tokens]
        for key in zip(padded, padded[1:], padded[2:], strict=False):
            out[key] += weight
    return out


def save_counts(
    path: Path,
    counts: Mapping[tuple[str, str, str], float],
    names: Iterable[tuple[str, ...]] = (),
) -> None:
    """Write ``counts`` (and known place ``names``, see names.py) to ``path``
    atomically (a reader never sees half a file)."""
    rows = [[a, b, c, round(n, 3)] for (a, b, c), n in sorted(counts.items())]
    places = sorted({tuple(name) for name in names})
    content = {"version": 1, "trigrams": rows, "names": [list(name) for name in places]}
    data = zlib.compress(json.dumps(content, ensure_ascii=False).encode("utf-8"), 6)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".adaptation-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(FILE_MAGIC + data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def load_counts(path: Path) -> Counts:
    """Counts written by :func:`save_counts`; ValueError for anything else."""
    return load_adaptation(path)[0]


def load_adaptation(path: Path) -> tuple[Counts, list[tuple[str, ...]]]:
    """(counts, place names) written by :func:`save_counts`; ValueError otherwise."""
    raw = path.read_bytes()
    if not raw.startswith(FILE_MAGIC):
        raise ValueError(f"{path} is not a theodoi adaptation file")
    try:
        data = json.loads(zlib.decompress(raw[len(FILE_MAGIC) :]))
        counts: Counts = defaultdict(float)
        for a, b, c, n in data["trigrams"]:
            counts[(str(a), str(b), str(c))] += float(n)
        names = [tuple(str(s) for s in name) for name in data.get("names", [])]
        return counts, names
    except (zlib.error, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{path}: damaged adaptation file ({exc})") from None


def adapt_model(texts: Iterable[str], base: RestoreModel | None = None) -> RestoreModel:
    """A new model: ``base`` (default: the committed one) plus ``texts``' statistics.

    The base is not modified; pass the result to ``install_model`` to make
    every later call use it, or as ``model=`` to the restore functions.
    """
    return adapt_counts(count_ngrams(texts), base)


def adapt_counts(
    counts: Mapping[tuple[str, str, str], float],
    base: RestoreModel | None = None,
    names: Iterable[tuple[str, ...]] = (),
) -> RestoreModel:
    """A new model: ``base`` plus the trigram ``counts`` (from :func:`count_ngrams`)
    and the place ``names`` it must write as given (names.py)."""
    from theodoi.text.restore.model import RestoreModel, get_base_model

    source = base or get_base_model()
    ngram = source.ngram
    vocab = list(ngram.vocab)
    index = dict(ngram.index)
    unigram = list(ngram.unigram)
    bow2 = list(ngram.bow2)
    frequency = list(ngram.frequency or ngram.unigram)
    unknown = index[UNK]

    def token_id(token: str) -> int:
        i = index.get(token)
        if i is not None:
            return i
        if token[0].isalpha() and is_syllable_shape(token):
            index[token] = len(vocab)
            vocab.append(token)
            unigram.append(ngram.unigram[unknown])
            frequency.append(-9.0)
            bow2.append(0.0)
            return index[token]
        return unknown

    tri: defaultdict[tuple[int, int, int], float] = defaultdict(float)
    new_counts: defaultdict[int, float] = defaultdict(float)
    for (first, second, third), count in counts.items():
        ids = (token_id(first), token_id(second), token_id(third))
        tri[ids] += count
        new_counts[ids[2]] += count
    total_tokens = max(1.0, sum(new_counts.values()))
    for i, count in new_counts.items():
        # A syllable the corpus hardly knows is at least as likely as the user's
        # documents say, halved (so a local place name is among the candidates the
        # decoder tries). Common syllables keep their unigram: a short directory of
        # names would otherwise make "giáo" (Tuyên giáo) beat "giao" everywhere.
        if vocab[i][0].isalpha() and unigram[i] < RARE_UNIGRAM:
            boost = math.log10(MAX_WEIGHT * count / total_tokens)
            unigram[i] = max(unigram[i], boost)
            frequency[i] = max(frequency[i], boost)
    ctx3: defaultdict[tuple[int, int], float] = defaultdict(float)
    bi: defaultdict[tuple[int, int], float] = defaultdict(float)
    ctx2: defaultdict[int, float] = defaultdict(float)
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
        packed = (((a << SHIFT) | b) << SHIFT) | c
        adapted.trigram[packed] = math.log10((1 - weight) * base_p + weight * count / ctx3[(a, b)])
    model = RestoreModel(adapted, source.channel)
    model.names = merge(source.names, lexicon(names))
    return model
