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

import itertools
import re

from theodoi.text.restore import admin, context
from theodoi.text.restore.lm import SHIFT
from theodoi.text.restore.model import KEEP_COST, RestoreModel
from theodoi.text.restore.protect import has_lowercase, is_protected
from theodoi.text.restore.tokens import (
    ABBR,
    NUM,
    UNK,
    apply_case,
    is_bare_shape,
    is_letters,
    lm_token,
    pieces,
)
from theodoi.text.vietnamese import ToneStyle, place_tone, strip_diacritics

_DIGIT = re.compile(r"\d")
_GLUED_MARKER = re.compile(r"((?:\d+\.)+)([^\W\d_]+)")  # "2.Muc": list number glued to a word
BEAM = 6
BEAM_DELTA = 3.0  # log10: states 1,000 times less likely than the best are dropped


_FREE = (0.0,)
CHUNK = 4000  # slots decoded at once: bounds memory on a single huge line

_Slots = tuple[tuple[int, ...], tuple[float, ...], bool]


def _word_slots(word: str, model: RestoreModel, ocr: bool = False, bare: bool = False) -> _Slots:
    """Candidates of one word: (ids, channel costs, last id means 'keep as is')."""
    cache = model.ocr_slot_cache if ocr else model.bare_slot_cache if bare else model.slot_cache
    cached = cache.get(word)
    if cached is not None:
        return cached
    index = model.index
    lower = word.lower()
    if _DIGIT.search(lower) and not any(ch.isalpha() for ch in lower):
        result: _Slots = ((index[NUM],), (0.0,), True)
    elif len(word) == 1 and lower not in model.by_stripped:
        # "l)", "x": list letters and variables are not damaged syllables.
        result = ((index[UNK],), (0.0,), True)
    elif len(word) >= 2 and word.isalpha() and word.isupper() and not is_bare_shape(lower):
        # BCH, CVP, TM: capitals that cannot be a syllable are abbreviations.
        result = ((index.get(ABBR, index[UNK]),), (0.0,), True)
    else:
        ids, costs = model.candidates(lower, ocr, bare)
        if not ids:
            result = ((index.get(lm_token("word", word), index[UNK]),), (0.0,), True)
        elif lower in index:
            result = _collapse(ids, costs, model)
        else:
            keep = index[NUM] if _DIGIT.search(lower) else index[UNK]
            result = ((*ids, keep), (*costs, KEEP_COST), True)
    if len(cache) > 200_000:
        cache.clear()
    cache[word] = result
    return result


DOMINANT = 0.995  # a spelling this much more frequent than all others is not searched


def _collapse(ids: tuple[int, ...], costs: tuple[float, ...], model: RestoreModel) -> _Slots:
    """Keep only the first candidate when it dwarfs the others a priori.

    Why: most words have one overwhelmingly common spelling ("của" for "cua" in
    plans); trying the others in every context costs time and almost never
    changes the answer.
    """
    if len(ids) > 1 and DOMINANT < 1.0:
        rank = model.ngram.frequency or model.ngram.unigram
        weights = [10 ** (cost + rank[i]) for i, cost in zip(ids, costs, strict=True)]
        if weights[0] >= DOMINANT * sum(weights):
            return ((ids[0],), (costs[0],), False)
    return (ids, costs, False)


def restore_block(lines: list[str], model: RestoreModel, style: ToneStyle = "old") -> list[str]:
    """Repair a block of damaged lines; returns the same number of lines."""
    split = [pieces(line) for line in lines]
    slots: list[_Slots] = []
    where: list[tuple[int, int, int]] = []  # (line, piece, part)
    index = model.index
    unk = index[UNK]
    punct_slots: dict[str, _Slots] = {}
    ocr, bare = _block_kind(split, model)
    cache = model.ocr_slot_cache if ocr else model.bare_slot_cache if bare else model.slot_cache
    keep_as_is: _Slots = ((index.get(ABBR, unk),), (0.0,), True)
    # Slot positions where a new unit (heading, cell, list item, column)
    # starts: the trigram context does not run across them.
    starts: list[int] = []
    # What admin.py reads: the observed word of each slot (None for punctuation).
    observed: list[admin.Word | None] = []
    unit, opened = 0, True  # opened: no word of the unit (or sentence) seen yet
    expansions = _expansions(model)
    for n, line_pieces in enumerate(split):
        mixed_case = has_lowercase(lines[n])
        if n and slots and starts_unit(lines[n - 1], lines[n]):
            starts.append(len(slots))
            unit = unit + 1
        # A line's first word counts as a first word for admin.py even when the
        # line continues the one before: a capital there proves no name.
        opened = True
        for p, (kind, text) in enumerate(line_pieces):
            if kind == "space":
                if slots and (len(text) >= COLUMN_GAP or "\t" in text):
                    starts.append(len(slots))
                    unit, opened = unit + 1, True
                continue
            if kind == "word":
                marker = opened and _is_marker(text, line_pieces, p)
                abbreviation = len(text) >= 2 and text.isupper() and not is_bare_shape(text.lower())
                seen = admin.Word(text, unit, opened and not marker, not mixed_case, abbreviation)
                opened = opened and marker
                if "-" in text or "." in text:
                    for part_index, piece, slot in _parts(text, model, ocr, bare):
                        if is_protected(piece, mixed_case=mixed_case, in_composite=True):
                            slot = keep_as_is
                        slots.append(slot)
                        where.append((n, p, part_index))
                        observed.append(admin.Word(piece, *_rest(seen)))
                    continue
                expansion = expansions.get(text) if abbreviation else None
                if expansion:
                    # UBND → "ủy ban nhân dân" as the trigram's context: the model
                    # knows "nhân dân tỉnh", while "<abbr> tỉnh" is any abbreviation.
                    for token in expansion:
                        slots.append(((token,), _FREE, True))
                        where.append((n, p, 0))
                        observed.append(seen)
                    continue
                if text.isupper() and is_protected(text, mixed_case=mixed_case):
                    slot = keep_as_is
                else:
                    cached = cache.get(text)
                    slot = cached if cached is not None else _word_slots(text, model, ocr, bare)
                slots.append(slot)
                where.append((n, p, 0))
                observed.append(seen)
            elif kind == "punct":
                observed.append(None)
                opened = opened or text in _SENTENCE_END
                mark = punct_slots.get(text)
                if mark is None:
                    punct = model.punct_cache.get(text)
                    if punct is None:
                        punct = model.punct_cache[text] = (index.get(text, unk),)
                    mark = punct_slots[text] = (punct, _FREE, True)
                slots.append(mark)
                where.append((n, p, 0))
    _favour(slots, admin.evidence(observed), model)
    ids_list = [slot[0] for slot in slots]
    costs_list = [slot[1] for slot in slots]
    choice: list[int] = []
    for begin, end in _segments(len(ids_list), starts):
        choice.extend(_viterbi(ids_list[begin:end], costs_list[begin:end], model))
    if context.ENABLED:
        table = context.context_table(model)
        if table is not None:
            keeps = [slot[2] for slot in slots]
            choice = context.rescore(ids_list, costs_list, keeps, choice, model, table)
    replaced: dict[int, dict[int, dict[int, str]]] = {}
    vocab = model.vocab
    for (ids, _costs, keep), (n, p, part), chosen in zip(slots, where, choice, strict=True):
        if keep and chosen == len(ids) - 1:
            continue
        word = vocab[ids[chosen]]
        if style != "old":
            word = place_tone(word, style)
        if part == 0 and word == split[n][p][1]:
            continue  # already right ("theo", "kinh"): nothing to rebuild
        replaced.setdefault(n, {}).setdefault(p, {})[part] = word
    if not replaced:
        return lines
    out = []
    for n, line_pieces in enumerate(split):
        changes = replaced.get(n)
        if changes is None:
            out.append(lines[n])
            continue
        text_parts = []
        for p, (_kind, text) in enumerate(line_pieces):
            new = changes.get(p)
            text_parts.append(text if new is None else _rebuild(text, new))
        out.append("".join(text_parts))
    return out


COLUMN_GAP = 4  # spaces between two columns of a layout line ("ĐẢNG BỘ …     ĐẢNG CỘNG SẢN …")
_SENTENCE_END = frozenset(".;:!?")
SHORT_LINE = 6  # words: a line this short that ends without a comma is a unit of its own
_MARKER_START = re.compile(r"\s*(?:[-+*•–—]|(?:\d+|[IVXLC]+)[.)]|[a-zđ]\))")


def _segments(total: int, starts: list[int]) -> list[tuple[int, int]]:
    """[begin, end) slot ranges decoded apart: cut at unit starts and every CHUNK slots."""
    cuts = sorted({0, total, *starts, *range(CHUNK, total, CHUNK)})
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def starts_unit(previous: str, line: str) -> bool:
    """True when ``line`` begins a unit of its own rather than continuing ``previous``.

    Why: the decoder reads a block of lines as one sequence, because OCR and
    PDF text wrap sentences anywhere. But headings, table cells, letterhead
    lines and list items are separate units; read on from the line before,
    "Hội Nông dân tinh" / "Tinh đoàn" became "Hội Nông dân tình" (the
    trigram saw "tỉnh tỉnh" as unlikely). A line starts a unit when it opens
    with a list marker, when one of the two lines is written in capitals and
    the other is not, or when the previous line is short and does not end
    with a comma or hyphen (wrapped prose lines are long) and this one starts
    with a capital.
    """
    before = previous.strip()
    text = line.strip()
    if not before or not text:
        return True
    if _MARKER_START.match(text):
        return True
    if has_lowercase(before) != has_lowercase(text):
        return True
    if before[-1] in ",-–":
        return False
    short = sum(1 for kind, _ in pieces(before) if kind == "word") <= SHORT_LINE
    return short and text[0].isupper()


def _rest(word: admin.Word) -> tuple[int, bool, bool, bool]:
    return (word.unit, word.first, word.capitals_line, word.abbreviation)


def _is_marker(text: str, line_pieces: list[tuple[str, str]], p: int) -> bool:
    """A list marker opening a unit: "1", "II" or "a" followed by "." or ")"."""
    if text.isdigit():
        return True
    after = line_pieces[p + 1][1] if p + 1 < len(line_pieces) else ""
    return after in (".", ")") and (len(text) == 1 or admin.is_roman(text))


def _expansions(model: RestoreModel) -> dict[str, tuple[int, ...]]:
    """Known body abbreviations (UBND, HĐND, and their unmarked spellings) → the
    ids of their expansion's tokens, when the model knows every one."""
    cached = model.abbreviation_ids
    if cached is None:
        cached = {}
        for abbr, expansion in admin.abbreviations().items():
            tokens = [lm_token(kind, piece) for kind, piece in pieces(expansion) if kind != "space"]
            if tokens and all(token in model.index for token in tokens):
                ids = tuple(model.index[token] for token in tokens)
                cached[abbr] = ids
                cached.setdefault(strip_diacritics(abbr).replace("Đ", "D"), ids)
        model.abbreviation_ids = cached
    return cached


def _favour(slots: list[_Slots], favoured: dict[int, str], model: RestoreModel) -> None:
    """Add admin.BONUS to the channel cost of each favoured spelling (see admin.py)."""
    index = model.index
    made = model.favoured_slots
    for position, syllable in favoured.items():
        wanted = index.get(syllable)
        if wanted is None:
            continue
        slot = slots[position]
        ready = made.get((slot, wanted))
        if ready is not None:
            # The same favoured slot object every time: the score memo
            # (keyed by the ids tuple's identity) is reused.
            slots[position] = ready
            continue
        ids, costs, keep = slot
        if len(made) > 50_000:
            made.clear()
        if wanted in ids:
            k = ids.index(wanted)
            new_costs = (*costs[:k], costs[k] + admin.BONUS, *costs[k + 1 :])
            # A new ids tuple: the score memo is keyed by the tuple's identity and
            # holds channel costs, so the shared one must not see these.
            slots[position] = made[(slot, wanted)] = ((*ids,), new_costs, keep)
        elif len(ids) > 1 or not keep:
            # The spelling was ranked out (or collapsed away): offer it.
            favoured_slot = ((wanted, *ids), (admin.BONUS, *costs), keep)
            slots[position] = made[(slot, wanted)] = favoured_slot


OCR_SHARE = 0.125  # share of non-syllables that marks a block as OCR output


def _looks_ocr(split: list[list[tuple[str, str]]], model: RestoreModel) -> bool:
    return _block_kind(split, model)[0]


def _block_kind(split: list[list[tuple[str, str]]], model: RestoreModel) -> tuple[bool, bool]:
    """(ocr, bare): the block reads like OCR output rather than text stripped
    of marks; the block has no word that is not a syllable at all.

    Why: stripping keeps every word a syllable, OCR turns many into
    non-syllables ("dupe", "t6", "ciia"). Only in OCR text may a word that is
    a syllable ("ca") be a misread other one ("cơ"), so only there are the
    costlier visual-class candidates offered for every word. And where no
    word at all is damaged beyond its marks (``bare``), a syllable keeps its
    letters: the learned OCR channel is not asked (model.BARE_WITHOUT_CHANNEL).
    """
    words = bad = beyond = 0
    by_stripped = model.by_stripped
    index = model.index
    for line_pieces in split:
        for kind, text in line_pieces:
            if kind != "word" or len(text) < 2 or text.isupper():
                continue
            lower = text.lower()
            if lower.isdigit() and _DIGIT.search(lower):
                continue
            words += 1
            if lower not in by_stripped and not (lower in index and lower[0].isalpha()):
                bad += 1
                # Codes and composites ("233-CTr/TU", "tri-xa") and acronyms
                # ("CTr") are not damage beyond the marks.
                if not ("-" in text or "/" in text or "." in text or _capitals(text) >= 2):
                    beyond += 1
    return words > 0 and bad >= OCR_SHARE * words, words > 0 and beyond == 0


def _capitals(text: str) -> int:
    return sum(1 for ch in text if ch.isupper())


def _split_composite(text: str) -> list[str]:
    """'tri-xa' → ['tri', '-', 'xa']; '2.Muc' → ['', '2.', 'Muc']; codes stay whole."""
    glued = _GLUED_MARKER.fullmatch(text)
    if glued:
        return ["", glued.group(1), glued.group(2)]
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
    text: str, model: RestoreModel, ocr: bool, bare: bool = False
) -> list[tuple[int, str, _Slots]]:
    """The word pieces of a composite token: (index, piece, candidates)."""
    parts = _split_composite(text)
    if len(parts) == 1:
        return [(0, text, _word_slots(text, model, ocr, bare))]
    out = []
    for i, part in enumerate(parts):
        if i % 2 == 0 and part and is_letters(part.lower()):
            out.append((i, part, _word_slots(part, model, ocr, bare)))
    return out


def _rebuild(original: str, new: dict[int, str]) -> str:
    if len(new) == 1 and 0 in new:
        return apply_case(original, new[0])
    parts = _split_composite(original)
    for i, word in new.items():
        parts[i] = apply_case(parts[i], word)
    return "".join(parts)


_READY = 1 << 62  # memo key offset of a state's pruned next states (see _viterbi)


def _prune(new_states: dict[int, float]) -> dict[int, float]:
    """Drop states BEAM_DELTA below the best, and beyond the BEAM best."""
    if len(new_states) > 1:
        if len(new_states) <= BEAM:
            values = new_states.values()
            floor = max(values) - BEAM_DELTA
            if min(values) < floor:
                return {k: v for k, v in new_states.items() if v >= floor}
        else:
            ranked = sorted(new_states.values(), reverse=True)
            floor = max(ranked[0] - BEAM_DELTA, ranked[BEAM - 1])
            if ranked[-1] < floor:
                return {k: v for k, v in new_states.items() if v >= floor}
    return new_states


def _viterbi(
    slot_ids: list[tuple[int, ...]], slot_costs: list[tuple[float, ...]], model: RestoreModel
) -> list[int]:
    """Index of the chosen candidate for every slot (beam-pruned trigram Viterbi).

    A state is the packed pair (previous id << SHIFT | current id); integer keys
    hash faster than tuples, and this loop is where the time goes: the scores
    of a (context, candidate list) pair are memoised with their next states,
    back-pointers are bare ints (the chosen candidate is the low bits of the
    state), and the first state fills the next position without comparisons.
    """
    transitions = model.transitions
    # model.transitions inlined (one call per slot adds up): the memo of a
    # candidate tuple, keyed by its id and checked by identity.
    memos = model._scores
    score = model.score
    mask = (1 << SHIFT) - 1
    states: dict[int, float] = {0: 0.0}
    # Per position: the back-pointers (next state → previous state), or the
    # one previous state as a bare int when there was only one.
    history: list[dict[int, int] | int] = []
    misses = 0
    for ids, costs in zip(slot_ids, slot_costs, strict=True):
        if len(states) == 1:
            (state,) = states
            if len(ids) == 1:
                # One path in, one candidate: every path goes through the same
                # next state, its score cannot change any decision.
                states = {((state & mask) << SHIFT) | ids[0]: 0.0}
                history.append(state)
                continue
            # All paths go through this one state: scores restart from 0 and
            # the pruned next states are memoised whole (read-only, shared).
            entry = memos.get(id(ids))
            memo = entry[1] if entry is not None and entry[0] is ids else transitions(ids, costs)
            ready: dict[int, float] | None = memo.get(state + _READY)  # type: ignore[assignment]
            if ready is None:
                got = memo.get(state)
                if got is None:
                    got = score(state, ids, costs, memo)
                    misses += 1
                ready = _prune(dict(zip(got[0], got[1], strict=False)))
                memo[state + _READY] = ready  # type: ignore[assignment]
            states = ready
            history.append(state)
            continue
        else:
            entry = memos.get(id(ids))
            memo = entry[1] if entry is not None and entry[0] is ids else transitions(ids, costs)
            pending = iter(states.items())
            # The first state fills the next position without comparisons.
            state, base = next(pending)
            got = memo.get(state)
            if got is None:
                got = score(state, ids, costs, memo)
                misses += 1
            keys, lps = got
            new_states = {k: base + lp for k, lp in zip(keys, lps, strict=False)}
            back = dict.fromkeys(keys, state)
            get = new_states.get
            for state, base in pending:
                got = memo.get(state)
                if got is None:
                    got = score(state, ids, costs, memo)
                    misses += 1
                keys, lps = got
                for k, lp in zip(keys, lps, strict=False):
                    total = base + lp
                    if total > get(k, -1e9):
                        new_states[k] = total
                        back[k] = state
            history.append(back)
        new_states = _prune(new_states)
        states = new_states
    model.memo_entries += misses
    if model.memo_entries > 500_000:
        model.clear_memo()
    if not slot_ids:
        return []
    state = max(states, key=states.__getitem__)
    choice = [0] * len(slot_ids)
    for position in range(len(slot_ids) - 1, -1, -1):
        ids = slot_ids[position]
        current = state & mask
        choice[position] = ids.index(current) if ids[-1] != current else len(ids) - 1
        step = history[position]
        state = step if isinstance(step, int) else step[state]
    return choice
