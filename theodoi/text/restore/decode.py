"""Viterbi decoding of damaged lines into the most probable syllables.

WHY a block of lines: OCR and PDF text wrap sentences at arbitrary places, so
the language model must see across line ends; the decoder therefore takes a
short block of consecutive damaged lines, decodes their words as one
sequence, and writes each line back with only its words replaced (spaces,
punctuation, numbers and codes stay byte-identical).

Search: trigram Viterbi over states (previous syllable, current syllable),
pruned to the BEAM best states per position. Scores are log10 P(word|context)
from the language model plus log10 P(observed|syllable) from the channel.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass

from theodoi.text.restore.model import KEEP_COST, RestoreModel
from theodoi.text.restore.tokens import NUM, UNK, apply_case, is_letters, pieces
from theodoi.text.vietnamese import ToneStyle, place_tone

_DIGIT = re.compile(r"\d")
BEAM = 8
BEAM_DELTA = 4.0  # log10: states 10,000 times less likely than the best are dropped


@dataclass
class _Slot:
    """One decodable position: candidate ids and their channel costs."""

    line: int
    piece: int
    ids: tuple[int, ...]
    costs: tuple[float, ...]
    keep: bool  # last candidate means "leave the word as it is"


def _word_slots(word: str, model: RestoreModel) -> tuple[tuple[int, ...], tuple[float, ...], bool]:
    index = model.index
    lower = word.lower()
    if any(ch.isdigit() for ch in lower) and not any(ch.isalpha() for ch in lower):
        return (index[NUM],), (0.0,), True
    ids, costs = model.candidates(lower)
    if not ids:
        token = index.get(lower, index[UNK] if not any(c.isdigit() for c in lower) else index[NUM])
        return (token,), (0.0,), True
    if lower in index:
        return ids, costs, False
    keep = index[NUM] if any(ch.isdigit() for ch in lower) else index[UNK]
    return (*ids, keep), (*costs, KEEP_COST), True


def restore_block(lines: list[str], model: RestoreModel, style: ToneStyle = "old") -> list[str]:
    """Repair a block of damaged lines; returns the same number of lines."""
    split = [pieces(line) for line in lines]
    slots: list[_Slot] = []
    index = model.index
    unk = index[UNK]
    for n, line_pieces in enumerate(split):
        for p, (kind, text) in enumerate(line_pieces):
            if kind == "space":
                continue
            if kind == "punct":
                slots.append(_Slot(n, p, (index.get(text, unk),), (0.0,), True))
                continue
            for part_index, (ids, costs, keep) in _parts(text, model):
                slots.append(_Slot(n, p * 1000 + part_index, ids, costs, keep))
    choice = _viterbi(slots, model)
    replaced: dict[tuple[int, int], list[str | None]] = {}
    for slot, chosen in zip(slots, choice, strict=True):
        if slot.keep and chosen == len(slot.ids) - 1:
            continue
        word = model.vocab[slot.ids[chosen]]
        if style != "old":
            word = place_tone(word, style)
        key = (slot.line, slot.piece // 1000)
        replaced.setdefault(key, [None] * 64)[slot.piece % 1000] = word
    out = []
    for n, line_pieces in enumerate(split):
        text_parts = []
        for p, (_kind, text) in enumerate(line_pieces):
            new = replaced.get((n, p))
            text_parts.append(text if new is None else _rebuild(text, new))
        out.append("".join(text_parts))
    return out


def _split_composite(text: str) -> list[str]:
    """'tri-xa' → ['tri', '-', 'xa']; codes with digits stay whole."""
    if "/" in text or not ("-" in text or "." in text) or _DIGIT.search(text):
        return [text]
    out: list[str] = []
    current = ""
    for ch in text:
        if ch in "-/.":
            out.extend([current, ch])
            current = ""
        else:
            current += ch
    out.append(current)
    return out


def _parts(
    text: str, model: RestoreModel
) -> list[tuple[int, tuple[tuple[int, ...], tuple[float, ...], bool]]]:
    parts = _split_composite(text)
    if len(parts) == 1:
        return [(0, _word_slots(text, model))]
    out = []
    for i, part in enumerate(parts):
        if i % 2 == 0 and part and is_letters(part.lower()):
            out.append((i, _word_slots(part, model)))
    return out


def _rebuild(original: str, new: list[str | None]) -> str:
    parts = _split_composite(original)
    for i, word in enumerate(new[: len(parts)]):
        if word is not None:
            parts[i] = apply_case(parts[i], word)
    return "".join(parts)


def _viterbi(slots: list[_Slot], model: RestoreModel) -> list[int]:
    """Index of the chosen candidate for every slot (beam-pruned trigram Viterbi)."""
    scorer = model.scorer
    # state: (prev id, cur id) -> score; one back-pointer dict per position.
    states: dict[tuple[int, int], float] = {(0, 0): 0.0}
    history: list[dict[tuple[int, int], tuple[tuple[int, int], int]]] = []
    for slot in slots:
        ids = slot.ids
        costs = slot.costs
        new_states: dict[tuple[int, int], float] = {}
        back: dict[tuple[int, int], tuple[tuple[int, int], int]] = {}
        for state, score in states.items():
            b = state[1]
            lps = scorer(state, ids, costs)
            for j, c in enumerate(ids):
                total = score + lps[j]
                nxt = (b, c)
                if total > new_states.get(nxt, -1e9):
                    new_states[nxt] = total
                    back[nxt] = (state, j)
        if len(new_states) > 1:
            best = max(new_states.values()) - BEAM_DELTA
            kept = {k: v for k, v in new_states.items() if v >= best}
            if len(kept) > BEAM:
                kept = dict(heapq.nlargest(BEAM, kept.items(), key=lambda kv: kv[1]))
            new_states = kept
        states = new_states
        history.append(back)
    if not slots:
        return []
    state = max(states, key=states.__getitem__)
    choice = [0] * len(slots)
    for position in range(len(slots) - 1, -1, -1):
        state, j = history[position][state]
        choice[position] = j
    return choice
