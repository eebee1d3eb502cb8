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
    word common to both plans weighs little)."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.docs = [Counter(terms(t)) for t in texts]
        self.lengths = [sum(d.values()) for d in self.docs]
        self.avgdl = (sum(self.lengths) / len(self.lengths)) if self.lengths else 1.0
        df: Counter[str] = Counter()
        for doc in self.docs:
            df.update(doc.keys())
        n = len(self.docs)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}

    def _score(self, query: Counter[str], doc: Counter[str], length: int) -> float:
        norm = K1 * (1 - B + B * length / (self.avgdl or 1.0))
        total = 0.0
        for term in query:
            tf = doc.get(term, 0)
            if tf:
                total += self.idf.get(term, 0.0) * tf * (K1 + 1) / (tf + norm)
        return total

    def similarity(self, i: int, j: int) -> float:
        """Symmetric, normalised: mean of i→j over i→i and j→i over j→j."""
        di, dj = self.docs[i], self.docs[j]
        li, lj = self.lengths[i], self.lengths[j]
        self_i = self._score(di, di, li)
        self_j = self._score(dj, dj, lj)
        if not self_i or not self_j:
            return 0.0
        return 0.5 * (self._score(di, dj, lj) / self_i + self._score(dj, di, li) / self_j)


def similarity_matrix(a: Sequence[str], b: Sequence[str]) -> list[list[float]]:
    """Similarity of every text of ``a`` to every text of ``b`` (0–1)."""
    index = BM25([*a, *b])
    n = len(a)
    return [[index.similarity(i, n + j) for j in range(len(b))] for i in range(n)]
