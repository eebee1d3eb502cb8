"""Lexical similarity: BM25 over folded syllables and syllable pairs.

Folding (no tone, no vowel shape, đ → d, lower case) lets an OCR text that
lost its diacritics meet a clean one; syllable pairs stand in for
Vietnamese two-syllable words ("cải cách", "đoàn kết") without a word
segmenter. Scores are normalised by the query's score against itself, so
0 means nothing shared and about 1 the same wording.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence

from theodoi.text.vietnamese import strip_diacritics

_SYLLABLE = re.compile(r"[^\W\d_]+")

#: Function words that carry no topic (folded forms).
_STOPWORDS = (
    "va cac cua trong cho voi theo de la co nhung duoc tai tren ve den tu nay do khi "
    "thi hoac mot so nham bao dam tiep tuc thuc hien viec cong tac nang cao "
    "tang cuong day manh to chuc trien khai hieu qua"
)
STOPWORDS = frozenset(_STOPWORDS.split())

K1 = 1.2
B = 0.75


def terms(text: str) -> list[str]:
    """Folded syllables without function words, then adjacent pairs."""
    folded = strip_diacritics(text).lower()
    syllables = _SYLLABLE.findall(folded)
    pairs = [f"{a}_{b}" for a, b in itertools.pairwise(syllables)]
    kept = [s for s in syllables if s not in STOPWORDS and len(s) > 1]
    return kept + [p for p in pairs if not all(s in STOPWORDS for s in p.split("_"))]


class BM25:
    """BM25 over a collection of texts (both plans' items together, so a
    word common to both plans weighs little). Each text's term weights are
    computed once; a score is then a sum over the terms two texts share."""

    def __init__(self, texts: Sequence[str]) -> None:
        docs = [Counter(terms(t)) for t in texts]
        lengths = [sum(d.values()) for d in docs]
        avgdl = (sum(lengths) / len(lengths)) if lengths else 1.0
        df: Counter[str] = Counter()
        for doc in docs:
            df.update(doc.keys())
        n = len(docs)
        idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        self.weights: list[dict[str, float]] = []
        for doc, length in zip(docs, lengths, strict=True):
            norm = K1 * (1 - B + B * length / (avgdl or 1.0))
            self.weights.append({t: idf[t] * tf * (K1 + 1) / (tf + norm) for t, tf in doc.items()})
        self.self_scores = [sum(w.values()) for w in self.weights]

    def score(self, i: int, j: int) -> float:
        """BM25 of text i's terms (as a query) against text j."""
        query, doc = self.weights[i], self.weights[j]
        return sum(doc[t] for t in query if t in doc)

    def similarity(self, i: int, j: int) -> float:
        """Symmetric, normalised: mean of i→j over i→i and j→i over j→j."""
        self_i, self_j = self.self_scores[i], self.self_scores[j]
        if not self_i or not self_j:
            return 0.0
        return 0.5 * (self.score(i, j) / self_i + self.score(j, i) / self_j)


def similarity_matrix(a: Sequence[str], b: Sequence[str]) -> list[list[float]]:
    """Similarity of every text of ``a`` to every text of ``b`` (0–1)."""
    index = BM25([*a, *b])
    n = len(a)
    return [[index.similarity(i, n + j) for j in range(len(b))] for i in range(n)]
