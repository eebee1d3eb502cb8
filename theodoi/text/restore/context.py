"""Second pass: rescore the decoder's choices with a ±5-syllable window.

WHY: the trigram sees two syllables back; some remaining errors are settled
by a word further away. After Viterbi, every slot with several candidates is
looked at again: each candidate gets

    local LM (the three trigrams through it, neighbours as decoded)
    + channel cost + WEIGHT * Σ association(candidate, bare context word)

over the bare forms of the tokens 3..5 positions before and after it (the
trigram already covers the nearest two). The associations are counted on the
training corpus by scripts/train_context.py (log10 of observed / expected
co-occurrence; only positive evidence is kept, see there) and kept in
data/context.bin. A slot changes only when another candidate wins that sum;
the LM is asked only when a candidate's context advantage reaches MARGIN.

Measured (bench/restore.py --context; WEIGHT tuned on the held-out corpus
only): held-out 99.35 → 99.38 %, stripped seeds 002/003/004 98.50/96.96/98.58
→ 98.50/97.02/98.74 %, but real OCR seeds 000/001 97.51/95.51 → 96.95/95.27 %,
for a third to a half of the throughput. Keeping negative
evidence too (pairs seen less often than chance) pushed frequent spellings
out ("tỉnh" → "tính") and lost 0.1-0.3 points on the seeds; a table counted
on party/ and plans/ only (the seeds' genre) did no better. So the pass does
not pay for its cost and is off by default: turn it on with
``THEODOI_RESTORE_CONTEXT=1`` (or ``theodoi restore --wide-context``).
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import threading
import zlib
from array import array
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING

from theodoi.text.restore.lm import SHIFT
from theodoi.text.vietnamese import strip_diacritics

if TYPE_CHECKING:
    from theodoi.text.restore.model import RestoreModel

MAGIC = b"THEODOI-CONTEXT-1\n"
CONTEXT_PATH = Path(__file__).resolve().parent / "data" / "context.bin"
OFFSETS = (3, 4, 5)
ALPHA = 2.0  # pseudo-count of the association (see scripts/train_context.py)
SCALE = 1000.0
WEIGHT = 0.3  # log10 units of LM score per unit of summed association
MARGIN = 0.2  # context advantage below which the LM is not even asked
# Off by default: measured (bench/restore.py --context), it gains a few
# hundredths of a point on stripped text, loses on real OCR and costs a third
# to a half of the speed; see the module doc.
ENABLED = os.environ.get("THEODOI_RESTORE_CONTEXT", "") not in (
    "",
    "0",
)


def context_forms(vocab: list[str]) -> tuple[list[str], list[int]]:
    """The bare context forms (sorted) and the form index of every vocabulary id."""
    bare = [strip_diacritics(word) for word in vocab]
    forms = sorted(set(bare))
    position = {form: i for i, form in enumerate(forms)}
    return forms, [position[form] for form in bare]


def save_context(vocab_hash: str, forms: list[str], keys: bytes, values: bytes) -> bytes:
    header = json.dumps(
        {"vocab": vocab_hash, "offsets": list(OFFSETS), "pairs": len(keys) // 8},
        sort_keys=True,
    ).encode("utf-8")
    body = "\n".join(forms).encode("utf-8")
    blob = struct.pack("<III", len(body), len(keys), len(values)) + body + keys + values
    return MAGIC + struct.pack("<I", len(header)) + header + zlib.compress(blob, 9)


class ContextTable:
    """Association weights keyed by packed (syllable id << SHIFT | form index)."""

    def __init__(self, data: bytes, vocab: list[str]):
        if not data.startswith(MAGIC):
            raise ValueError("not a theodoi context table")
        offset = len(MAGIC)
        (size,) = struct.unpack_from("<I", data, offset)
        header = json.loads(data[offset + 4 : offset + 4 + size])
        vocab_hash = hashlib.sha256("\n".join(vocab).encode("utf-8")).hexdigest()[:16]
        if header["vocab"] != vocab_hash:
            raise ValueError("context table built for another model vocabulary")
        blob = zlib.decompress(data[offset + 4 + size :])
        body_len, keys_len, values_len = struct.unpack_from("<III", blob)
        start = 12
        forms = blob[start : start + body_len].decode("utf-8").split("\n")
        start += body_len
        keys = array("q")
        keys.frombytes(blob[start : start + keys_len])
        values = array("h")
        values.frombytes(blob[start + keys_len : start + keys_len + values_len])
        position = {form: i for i, form in enumerate(forms)}
        # Form index of every vocabulary id (unknown forms: -1, never in a key).
        self.form_of = [position.get(strip_diacritics(word), -1) for word in vocab]
        # Per syllable: {form index: weight}, so a candidate's score is one C
        # loop (map of dict.get) over the window.
        mask = (1 << SHIFT) - 1
        table: dict[int, dict[int, float]] = {}
        for key, value in zip(keys, values, strict=True):
            inner = table.get(key >> SHIFT)
            if inner is None:
                inner = table[key >> SHIFT] = {}
            inner[key & mask] = value / SCALE
        self.table = table
        # Candidate tuple → its (position, weights) pairs with any evidence.
        self.evidence: dict[tuple[int, ...], tuple[tuple[int, dict[int, float]], ...]] = {}

    def __len__(self) -> int:
        return sum(len(inner) for inner in self.table.values())


_lock = threading.Lock()
# id(vocabulary) → (that vocabulary, its table or None); the vocabulary is kept
# so a recycled id is never mistaken for it. Adapted models come and go: bounded.
_tables: dict[int, tuple[list[str], ContextTable | None]] = {}


def context_table(model: RestoreModel, path: Path | None = None) -> ContextTable | None:
    """The table for ``model``'s vocabulary, loaded once (None when absent or
    built for another vocabulary, e.g. an adapted model's)."""
    vocab = model.vocab
    entry = _tables.get(id(vocab))
    if entry is not None and entry[0] is vocab:
        return entry[1]
    with _lock:
        table: ContextTable | None
        try:
            table = ContextTable((path or CONTEXT_PATH).read_bytes(), vocab)
        except (OSError, ValueError):
            table = None
        if len(_tables) >= 8:
            _tables.clear()
        _tables[id(vocab)] = (vocab, table)
    return table


_ZEROS = repeat(0.0)


def rescore(
    slot_ids: list[tuple[int, ...]],
    slot_costs: list[tuple[float, ...]],
    keeps: list[bool],
    choice: list[int],
    model: RestoreModel,
    table: ContextTable,
) -> list[int]:
    """Choices after the wide-context pass (same length as ``choice``)."""
    n = len(slot_ids)
    chosen = [ids[c] for ids, c in zip(slot_ids, choice, strict=True)]
    form_of = table.form_of
    forms = [form_of[token] for token in chosen]
    weights = table.table
    logp = model.ngram.logp
    out = list(choice)
    evidence = table.evidence
    for i in range(n):
        ids = slot_ids[i]
        if len(ids) < 2 or (keeps[i] and out[i] == len(ids) - 1):
            continue
        # The candidates that have any context evidence (a keep-as-is id never has).
        known = evidence.get(ids)
        if known is None:
            if len(evidence) > 100_000:
                evidence.clear()
            known = evidence[ids] = tuple(
                (k, weights[c]) for k, c in enumerate(ids) if c in weights
            )
        if not known:
            continue
        window = [forms[j] for offset in OFFSETS for j in (i - offset, i + offset) if 0 <= j < n]
        current = out[i]
        count = len(ids) - 1 if keeps[i] else len(ids)
        scores = [0.0] * count
        for k, inner in known:
            scores[k] = sum(map(inner.get, window, _ZEROS))
        if (max(scores) - scores[current]) * WEIGHT < MARGIN:
            continue
        a = chosen[i - 2] if i >= 2 else 0
        b = chosen[i - 1] if i >= 1 else 0
        d = chosen[i + 1] if i + 1 < n else -1
        e = chosen[i + 2] if i + 2 < n else -1
        costs = slot_costs[i]
        best, best_total = current, -1e9
        for k in range(count):
            c = ids[k]
            total = logp(a, b, c) + costs[k] + WEIGHT * scores[k]
            if d >= 0:
                total += logp(b, c, d)
                if e >= 0:
                    total += logp(c, d, e)
            if total > best_total:
                best, best_total = k, total
        if best != current:
            out[i] = best
            chosen[i] = ids[best]
            forms[i] = form_of[ids[best]]
    return out
