"""Learn the OCR channel P(observed word | true syllable) from rendered pages.

Helper of scripts/train_restore.py. Input: page pairs made by
scripts/restore_ocr_pairs.py (corpus text, and Tesseract-English OCR of its
rendering). Steps:
1. align the two word sequences (anchored on equal letter skeletons, then
   one-to-one inside equal-length gaps);
2. from aligned (syllable, observed) pairs count letter confusions
   P(observed string | true letter) — "ư" → "u"/"tr", "ộ" → "p"/"6"/"o" …;
3. for every vocabulary syllable, enumerate its most probable OCR forms under
   that letter model, and mix in the word pairs actually seen;
4. invert into a table observed form → [(syllable id, log10 P)], stored as
   flat arrays in the model file.
"""

from __future__ import annotations

import heapq
import math
from array import array
from collections import Counter, defaultdict
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from theodoi.text.restore.tokens import SPECIAL, pieces
from theodoi.text.vietnamese import normalize_text, strip_diacritics

VARIANTS_PER_SYLLABLE = 48
MIN_VARIANT_P = 3e-5
MIN_CHAR_P = 0.004
_LOOK = str.maketrans({"6": "o", "0": "o", "4": "a", "1": "l", "¢": "e", "€": "e", "&": "a"})


def _words(text: str) -> list[str]:
    return [t for line in text.splitlines() for k, t in pieces(line) if k == "word"]


def aligned_pairs(src: str, ocr: str) -> list[tuple[str, str]]:
    """(true word, observed word) pairs of one page."""
    truth = _words(normalize_text(src, "old"))
    seen = _words(ocr)
    key_t = [strip_diacritics(w.lower()) for w in truth]
    key_s = [strip_diacritics(w.lower().translate(_LOOK)) for w in seen]
    pairs = []
    for tag, i1, i2, j1, j2 in Levenshtein.opcodes(key_t, key_s):
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                # Guard against misalignment: the two words must look alike.
                if Levenshtein.normalized_similarity(key_t[i], key_s[j]) >= 0.34:
                    pairs.append((truth[i], seen[j]))
    return pairs


def char_pieces(true: str, observed: str) -> list[tuple[str, str]]:
    """Split ``observed`` into one piece per letter of ``true``."""
    out = [[ch, ""] for ch in true]
    for tag, i1, i2, j1, j2 in Levenshtein.opcodes(true, observed):
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                out[i][1] += observed[j]
        elif tag == "replace":
            out[i1][1] += observed[j1:j2]
        elif tag == "insert":
            target = i1 - 1 if i1 > 0 else 0
            out[target][1] += observed[j1:j2]
    return [(a, b) for a, b in out]


def learn_channel(pages: list[Path], vocab: list[str]) -> dict[str, bytes]:
    pairs: list[tuple[str, str]] = []
    for ocr_path in pages:
        src_path = ocr_path.with_name(ocr_path.name.replace(".ocr.", ".src."))
        pairs.extend(
            aligned_pairs(
                src_path.read_text(encoding="utf-8"), ocr_path.read_text(encoding="utf-8")
            )
        )
    index = {w: i for i, w in enumerate(vocab)}
    word_counts: Counter[tuple[str, str]] = Counter()
    syllable_counts: Counter[str] = Counter()
    char_counts: dict[str, Counter[str]] = defaultdict(Counter)
    for true_cased, observed_cased in pairs:
        true, observed = true_cased.lower(), observed_cased.lower()
        if true not in index or not true.isalpha():
            continue
        word_counts[(true, observed)] += 1
        syllable_counts[true] += 1
        # Letters keep their case: "Đ" is read "P", "đ" is read "d".
        for letter, piece in char_pieces(true_cased, observed_cased):
            char_counts[letter][piece] += 1
    char_model: dict[str, list[tuple[str, float]]] = {}
    for letter, counts in char_counts.items():
        total = sum(counts.values())
        char_model[letter] = [
            (piece, n / total) for piece, n in counts.most_common() if n / total >= MIN_CHAR_P
        ]
    table: dict[str, dict[int, float]] = defaultdict(dict)
    for syllable, i in index.items():
        if syllable in SPECIAL or not syllable.isalpha():
            continue
        bare = strip_diacritics(syllable)
        variants: dict[str, float] = {}
        for form in (syllable, syllable.capitalize()):
            for observed, p in _variants(form, char_model).items():
                key = observed.lower()
                variants[key] = max(variants.get(key, 0.0), p)
        for (true, observed), n in word_counts.items():
            if true == syllable and n >= 2:
                p = n / syllable_counts[true]
                variants[observed] = max(variants.get(observed, 0.0), p)
        for observed, p in variants.items():
            if observed in (syllable, bare) or not observed:
                continue
            previous = table[observed].get(i, 0.0)
            table[observed][i] = max(previous, p)
    return _encode(table, len(pairs))


def _variants(syllable: str, char_model: dict[str, list[tuple[str, float]]]) -> dict[str, float]:
    """The most probable OCR renderings of a syllable under the letter model."""
    beam: list[tuple[float, str]] = [(0.0, "")]
    for letter in syllable:
        options = char_model.get(letter) or [(letter, 1.0)]
        grown = [(lp + math.log(p), text + piece) for lp, text in beam for piece, p in options]
        beam = heapq.nlargest(VARIANTS_PER_SYLLABLE * 2, grown)
    out: dict[str, float] = {}
    for lp, text in beam:
        p = math.exp(lp)
        if p >= MIN_VARIANT_P:
            out[text] = out.get(text, 0.0) + p
    return dict(heapq.nlargest(VARIANTS_PER_SYLLABLE, out.items(), key=lambda kv: kv[1]))


def _encode(table: dict[str, dict[int, float]], pair_count: int) -> dict[str, bytes]:
    words = sorted(w for w in table if "\n" not in w)
    starts = array("I", [0])
    ids = array("i")
    costs = array("h")
    for word in words:
        entries = sorted(table[word].items(), key=lambda kv: -kv[1])[:12]
        for i, p in entries:
            ids.append(i)
            costs.append(max(-32000, round(math.log10(p) * 1000)))
        starts.append(len(ids))
    return {
        "channel.words": "\n".join(words).encode("utf-8"),
        "channel.starts": starts.tobytes(),
        "channel.ids": ids.tobytes(),
        "channel.costs": costs.tobytes(),
        "channel.pairs": str(pair_count).encode(),
    }
