"""The trained restoration model: language model + candidate generator.

WHY lazy and shared: the model takes a few tenths of a second to load and some
tens of MB of memory; the parser may restore thousands of documents in one
process. It is loaded on first use, once, behind a lock, and every caller
shares it; :func:`install_model` swaps in an adapted one (see adapt.py).
"""

from __future__ import annotations

import bisect
import json
import re
import threading
import warnings
from array import array
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from theodoi.text.restore.lm import SHIFT, NgramModel, load_ngram, read_blobs
from theodoi.text.restore.names import Lexicon
from theodoi.text.restore.tokens import SPECIAL, has_marks
from theodoi.text.vietnamese import strip_diacritics

_MASK = (1 << SHIFT) - 1
MODEL_PATH = Path(__file__).resolve().parent / "data" / "model.bin"
MAX_CANDIDATES = 14
CANDIDATE_DELTA = 3.0  # log10: far rarer spellings of the same letters are not tried
# log10 channel costs of the fall-backs for words the learned table never saw.
LOOKALIKE_COST = -1.5
EDIT_COST = -2.5
WILDCARD_COST = -1.0
KEEP_COST = -4.5
# In a block where every word is a syllable, bare or marked (text stripped of
# its marks, not OCR), a word that is a syllable keeps its letters: the OCR
# channel's other-letter candidates ("dang" → "đúng") are not offered there.
BARE_WITHOUT_CHANNEL = True
MAX_GUESS = 12  # longer "words" are not syllables: no look-alike or edit guesses

# Digits and symbols English OCR emits for Vietnamese letters.
_LOOKALIKE = str.maketrans(
    {
        "6": "o",
        "0": "o",
        "4": "a",
        "1": "l",
        "3": "a",
        "¢": "e",
        "€": "e",
        "&": "a",
        "¥": "y",
        "$": "s",
        "9": "g",
        "5": "s",
    }
)
_ASCII = "abcdeghiklmnopqrstuvxy"


class RestoreModel:
    """Scores syllable sequences and proposes candidate syllables for a word."""

    def __init__(self, ngram: NgramModel, channel: ChannelTable):
        self.ngram = ngram
        self.vocab = ngram.vocab
        self.index = ngram.index
        self.channel = channel
        self.by_stripped: dict[str, list[int]] = {}
        for i, word in enumerate(self.vocab):
            if word in SPECIAL or not word[0].isalpha():
                continue
            self.by_stripped.setdefault(strip_diacritics(word), []).append(i)
        self._cache: dict[str, tuple[tuple[int, ...], tuple[float, ...]]] = {}
        self._ocr_cache: dict[str, tuple[tuple[int, ...], tuple[float, ...]]] = {}
        self._bare_cache: dict[str, tuple[tuple[int, ...], tuple[float, ...]]] = {}
        self.bare_slot_cache: dict[str, tuple[tuple[int, ...], tuple[float, ...], bool]] = {}
        self.ocr_slot_cache: dict[str, tuple[tuple[int, ...], tuple[float, ...], bool]] = {}
        self.punct_cache: dict[str, tuple[int, ...]] = {}
        self._bare_share: dict[str, float] = {}
        self.word_class_cache: dict[str, tuple[int, ...]] = {}
        self.slot_cache: dict[str, tuple[tuple[int, ...], tuple[float, ...], bool]] = {}
        self._scores: dict[
            int, tuple[tuple[int, ...], dict[int, tuple[tuple[int, ...], tuple[float, ...]]]]
        ] = {}
        self.memo_entries = 0
        # Body abbreviation → expansion ids (decode._expansions), built on first use.
        self.abbreviation_ids: dict[str, tuple[int, ...]] | None = None
        # (slot, favoured id) → the slot with admin.py's bonus (decode._favour).
        self.favoured_slots: dict[
            tuple[tuple[tuple[int, ...], tuple[float, ...], bool], int],
            tuple[tuple[int, ...], tuple[float, ...], bool],
        ] = {}
        # Place names known to the installation (names.py), set by adaptation.
        self.names: Lexicon = {}

    def transitions(
        self, ids: tuple[int, ...], costs: tuple[float, ...]
    ) -> dict[int, tuple[tuple[int, ...], tuple[float, ...]]]:
        """Memo of one candidate list: context state → (next states, LM + channel log10).

        Administrative text repeats its contexts ("của các", "thực hiện"), so
        the same (context, candidates) question comes back very often.
        Candidate tuples are shared objects (cached per word), so the memo is
        keyed on ``id(ids)`` and each entry keeps its tuple alive; inside it a
        plain int-keyed dict per context avoids building a key tuple per
        lookup in the decoder's inner loop.
        """
        entry = self._scores.get(id(ids))
        if entry is None or entry[0] is not ids:
            entry = (ids, {})
            self._scores[id(ids)] = entry
        return entry[1]

    def clear_memo(self) -> None:
        """Drop the score memo (bounded memory on endless input)."""
        self._scores.clear()
        self.memo_entries = 0

    def score(
        self,
        state: int,
        ids: tuple[int, ...],
        costs: tuple[float, ...],
        memo: dict[int, tuple[tuple[int, ...], tuple[float, ...]]],
    ) -> tuple[tuple[int, ...], tuple[float, ...]]:
        """Next packed states and log10 scores of each candidate after ``state``.

        ``state`` packs (a << SHIFT | b); the next state of candidate c is
        (b << SHIFT | c). The result is stored in ``memo`` (from
        :meth:`transitions`).
        """
        ngram = self.ngram
        b = state & _MASK
        # The bigram level (P(c|b) + channel cost) depends on b only: it is
        # computed once per (b, candidate list) and kept in ``memo`` under
        # the key -1 - b, so a new context (a, b) costs one trigram lookup
        # per candidate, not three.
        shared = memo.get(-1 - b)
        if shared is None:
            bs = b << SHIFT
            unigram = ngram.unigram
            backoff = ngram.bow2[b]
            keys = tuple([bs | c for c in ids])
            # map(dict.get, …) runs the lookups in C: this is the cold path.
            found = map(ngram.bigram.get, keys)
            lower = tuple(
                [
                    (backoff + unigram[c] if lp is None else lp) + cost
                    for c, cost, lp in zip(ids, costs, found, strict=True)
                ]
            )
            shared = memo[-1 - b] = (keys, lower)
        gamma = ngram.bow3.get(state)
        if gamma is None:
            # Context never seen: it has no trigrams (every seen context has a
            # back-off weight), so the bigram level is the answer.
            memo[state] = shared
            return shared
        ctx = state << SHIFT
        found = map(ngram.trigram.get, [ctx | c for c in ids])
        out = tuple(
            [
                low + gamma if lp is None else lp + cost
                for cost, low, lp in zip(costs, shared[1], found, strict=True)
            ]
        )
        got = memo[state] = (shared[0], out)
        return got

    def is_word(self, lower: str) -> bool:
        return lower in self.index and lower[0].isalpha()

    def bare_share(self, lower: str) -> float:
        """How often the letters ``lower`` are written without marks (0..1)."""
        share = self._bare_share.get(lower)
        if share is None:
            rank = self.ngram.frequency or self.ngram.unigram
            group = self.by_stripped.get(strip_diacritics(lower), [])
            total = sum(10 ** rank[i] for i in group)
            own = self.index.get(lower)
            share = 10 ** rank[own] / total if own is not None and total else 0.0
            self._bare_share[lower] = share
        return share

    def is_syllable_form(self, lower: str) -> bool:
        """True when ``lower`` is a syllable, with its marks or stripped of them."""
        return lower in self.by_stripped or self.is_word(lower)

    def knows(self, lower: str) -> bool:
        """True when ``lower`` is a syllable, bare or with marks, or a learned OCR form."""
        return lower in self.by_stripped or lower in self.channel or self.is_word(lower)

    def candidates(
        self, lower: str, ocr: bool = False, bare: bool = False
    ) -> tuple[tuple[int, ...], tuple[float, ...]]:
        """Candidate syllable ids for an observed lower-case word, with channel log10.

        ``ocr``: the word comes from OCR-damaged text, so even a word that is
        a syllable ("ca") may be a misread one ("cơ"): visual-class variants
        are offered too (see :func:`visual_variants`). ``bare``: the word's
        block has only syllables (stripped text, see BARE_WITHOUT_CHANNEL).
        """
        cache = self._ocr_cache if ocr else self._bare_cache if bare else self._cache
        cached = cache.get(lower)
        if cached is None:
            cached = self._candidates(lower, ocr, bare)
            if len(cache) > 200_000:
                cache.clear()
            cache[lower] = cached
        return cached

    def _candidates(
        self, lower: str, ocr: bool, bare: bool = False
    ) -> tuple[tuple[int, ...], tuple[float, ...]]:
        scores: dict[int, float] = {}

        def offer(ids: Iterable[int], cost: float) -> None:
            for i in ids:
                if cost > scores.get(i, -99.0):
                    scores[i] = cost

        offer(self.by_stripped.get(lower, ()), 0.0)
        if has_marks(lower) and lower in self.index:
            offer((self.index[lower],), 0.0)
        syllable = lower in self.by_stripped or lower in self.index
        if not (bare and syllable and BARE_WITHOUT_CHANNEL):
            for i, cost in self.channel.get(lower, ()):
                offer((i,), cost)
        if (ocr or not syllable) and len(lower) <= MAX_GUESS:
            # The learned channel only knows confusions its renders produced;
            # back off to the visual classes for the others.
            for form, steps in visual_variants(strip_diacritics(lower)).items():
                group = self.by_stripped.get(form)
                if group:
                    offer(group, VISUAL_COST * steps)
        if not syllable and len(lower) <= MAX_GUESS:
            self._fallback(lower, offer)
        if not scores:
            return (), ()
        rank = self.ngram.frequency or self.ngram.unigram
        ranked = sorted(scores, key=lambda i: scores[i] + rank[i], reverse=True)
        floor = scores[ranked[0]] + rank[ranked[0]] - CANDIDATE_DELTA
        ranked = [i for i in ranked[:MAX_CANDIDATES] if scores[i] + rank[i] >= floor]
        return tuple(ranked), tuple(scores[i] for i in ranked)

    def _fallback(self, lower: str, offer: object) -> None:
        """Guesses for words the channel table never saw (cheap, cached)."""
        bare = strip_diacritics(lower)
        if "^" in bare or "?" in bare:
            pattern = re.compile(
                re.sub(
                    r"[\^?]+",
                    "[aeiouy]{0,2}",
                    re.escape(bare).replace("\\^", "^").replace("\\?", "?"),
                )
            )
            ids = [
                i
                for form, group in self.by_stripped.items()
                if pattern.fullmatch(form)
                for i in group
            ]
            offer(ids, WILDCARD_COST)  # type: ignore[operator]
            return
        look = bare.translate(_LOOKALIKE)
        if look != bare and look in self.by_stripped:
            offer(self.by_stripped[look], LOOKALIKE_COST)  # type: ignore[operator]
            return
        if not look.isalpha() or len(look) < 2:
            return
        for edit in _edits(look):
            group = self.by_stripped.get(edit)
            if group:
                offer(group, EDIT_COST)  # type: ignore[operator]


# Visual classes of English-model OCR on Vietnamese letters with stacked marks:
# the mark merges with the letter into a different base letter. Pairs are
# (observed letters, stripped letters they may stand for): ơ/ợ/ộ read as "p",
# "q" or "a"; ư as "w" or "ir", ủ/ư as "ii"; c/e swapped when a mark touches them; Đ read
# as "P" (only at the start of a word, see visual_variants). Unlike the
# learned channel these need no render to have produced them: each
# substitution costs VISUAL_COST, a floor below the learned confusions.
_VISUAL = (
    ("p", "o"),
    ("q", "o"),
    ("a", "o"),
    ("w", "u"),
    ("ir", "u"),
    ("ii", "u"),
    ("e", "c"),
    ("c", "e"),
)
VISUAL_COST = -2.0
MAX_VISUAL = 2  # substitutions per word


@lru_cache(maxsize=65536)
def visual_variants(bare: str) -> dict[str, int]:
    """Stripped spellings reachable from ``bare`` by visual substitutions → their count."""
    found: dict[str, int] = {}
    frontier = [bare]
    for step in range(1, MAX_VISUAL + 1):
        following = []
        for form in frontier:
            variants = []
            if form.startswith("p") and not form.startswith("ph"):
                variants.append("d" + form[1:])  # "Pang" for "Đảng"
            for observed, meant in _VISUAL:
                start = form.find(observed)
                while start >= 0:
                    variants.append(form[:start] + meant + form[start + len(observed) :])
                    start = form.find(observed, start + 1)
            for variant in variants:
                if variant != bare and variant not in found:
                    found[variant] = step
                    following.append(variant)
        frontier = following
    return found


@lru_cache(maxsize=4096)
def _edits(word: str) -> tuple[str, ...]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + c + b[1:] for a, b in splits if b for c in _ASCII}
    out |= {a + c + b for a, b in splits for c in _ASCII}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    return tuple(out)


class ChannelTable:
    """Observed OCR form → [(syllable id, log10 P(observed | syllable))].

    Kept as the sorted flat arrays of the model file and searched by bisection:
    building a dict of a few hundred thousand forms would cost more load time
    than all the lookups of a typical document (they are cached per word).
    """

    def __init__(self, blobs: dict[str, bytes]):
        if "channel.words" in blobs:
            self.words = blobs["channel.words"].decode("utf-8").split("\n")
        else:
            self.words = []
        self.starts = array("I")
        self.starts.frombytes(blobs.get("channel.starts", b""))
        self.ids = array("i")
        self.ids.frombytes(blobs.get("channel.ids", b""))
        self.costs = array("h")
        self.costs.frombytes(blobs.get("channel.costs", b""))

    def _find(self, word: str) -> int:
        i = bisect.bisect_left(self.words, word)
        return i if i < len(self.words) and self.words[i] == word else -1

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._find(word) >= 0

    def __len__(self) -> int:
        return len(self.words)

    def get(
        self, word: str, default: Sequence[tuple[int, float]] = ()
    ) -> Sequence[tuple[int, float]]:
        i = self._find(word)
        if i < 0:
            return default
        start, end = self.starts[i], self.starts[i + 1]
        return [(self.ids[j], self.costs[j] / 1000.0) for j in range(start, end)]

    def items(self) -> Iterator[tuple[str, Sequence[tuple[int, float]]]]:
        for word in self.words:
            yield word, self.get(word)


def load_model(path: Path = MODEL_PATH) -> RestoreModel:
    meta, blobs = read_blobs(path)
    return RestoreModel(load_ngram(meta, blobs), ChannelTable(blobs))


_lock = threading.Lock()
_base: RestoreModel | None = None
_installed: RestoreModel | None = None
_adaptation_path: Path | None = None
# (path, mtime_ns, size) of the adaptation file the adapted model was built from.
_adapted_from: tuple[Path, int, int] | None = None
_adapted: RestoreModel | None = None


def get_base_model() -> RestoreModel:
    """The committed model, loaded on first use (never an adapted one)."""
    global _base
    if _base is None:
        with _lock:
            if _base is None:
                _base = load_model()
    return _base


def get_model() -> RestoreModel:
    """The shared model: an installed one, else the committed model adapted by
    the installation's adaptation file (see :func:`use_adaptation`), else the
    committed model.

    The file is checked (one ``stat``) on every call, so a rebuild written by
    another process is picked up by the next document restored here.
    """
    if _installed is not None:
        return _installed
    path = _adaptation_path
    if path is None:
        return get_base_model()
    try:
        status = path.stat()
    except OSError:
        return get_base_model()
    stamp = (path, status.st_mtime_ns, status.st_size)
    if stamp != _adapted_from or _adapted is None:
        _load_adaptation(stamp)
    return _adapted or get_base_model()


def _load_adaptation(stamp: tuple[Path, int, int]) -> None:
    global _adapted, _adapted_from
    from theodoi.text.restore.adapt import adapt_counts, load_adaptation

    base = get_base_model()
    with _lock:
        if stamp == _adapted_from and _adapted is not None:
            return
        try:
            counts, names = load_adaptation(stamp[0])
        except (OSError, ValueError) as exc:
            # A broken file must not stop imports: restore with the committed model.
            warnings.warn(f"restoration adaptation ignored: {exc}", stacklevel=3)
            _adapted, _adapted_from = None, stamp
            return
        _adapted = adapt_counts(counts, base, names) if counts or names else None
        _adapted_from = stamp


def current_adaptation() -> Path | None:
    """The adaptation file in use (for handing on to a child process)."""
    return _adaptation_path


def use_adaptation(path: Path | None) -> None:
    """Adapt the shared model with the counts in ``path`` (written by
    ``adapt.save_counts``), loaded lazily and reloaded when the file changes;
    None: no adaptation."""
    global _adaptation_path, _adapted, _adapted_from
    path = Path(path) if path is not None else None
    if path == _adaptation_path:
        return
    with _lock:
        _adaptation_path = path
        _adapted, _adapted_from = None, None


def install_model(model: RestoreModel | None) -> None:
    """Make ``model`` the shared one (None: back to the committed model, adapted
    when :func:`use_adaptation` names a file)."""
    global _installed
    with _lock:
        _installed = model


def model_info(model: RestoreModel) -> str:
    return json.dumps(model.ngram.meta, ensure_ascii=False)
