"""Restoring our own OCR with the engine's word confidences.

WHY: when theodoi runs Tesseract itself it knows, per word, how sure the
engine was. A word read with high confidence is kept as read (it is the best
evidence there is, and the language model must not "correct" a rare name
into a common word); a low-confidence word gets the OCR channel's
candidates and the trigram decoder chooses among them in context. Lines
without a low-confidence word come back exactly as read. Text restored blind
(``restore_text``) only touches lines that *look* damaged, so a wrong word in
an otherwise well-marked line stays wrong there.
"""

from __future__ import annotations

import re

from theodoi.text.restore.decode import _viterbi, _word_slots
from theodoi.text.restore.model import RestoreModel, get_model
from theodoi.text.restore.protect import has_lowercase, is_protected
from theodoi.text.restore.tokens import UNK, apply_case, is_letters, pieces
from theodoi.text.vietnamese import ToneStyle, normalize_text, place_tone, strip_diacritics

#: Tesseract word confidence (0–100) from which a word is kept as read.
HIGH_CONFIDENCE = 80.0
#: log10 cost of reading a low-confidence word with other marks on the same letters.
OTHER_MARKS_COST = -1.0

Word = tuple[str, float]

#: A Roman item number opening a line, as OCR reads it ("II.", "I11.", "HI."):
#: kept as read, so the outline can still tell the section ("HI." is not "HỘI.").
_ROMAN_LABEL = re.compile(r"[IVXLlH1]{1,6}[.\-–:]")


def parse_tsv(tsv: str) -> list[list[Word]]:
    """Lines of (word, confidence) from ``tesseract … tsv`` output, in reading
    order; an empty line between paragraphs (as Tesseract's plain text has)."""
    lines: list[list[Word]] = []
    current: tuple[str, ...] | None = None
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        key = tuple(cells[1:5])  # page, block, paragraph, line
        if key != current:
            if current is not None and key[:3] != current[:3]:
                lines.append([])
            lines.append([])
            current = key
        try:
            confidence = float(cells[10])
        except ValueError:
            confidence = 0.0
        lines[-1].append((normalize_text(cells[11].strip(), "old"), confidence))
    return lines


def _uncertain(word: str, model: RestoreModel) -> tuple[tuple[int, ...], tuple[float, ...], bool]:
    """Candidates of a low-confidence word: the OCR channel's, plus every
    syllable with the same letters (a Vietnamese model's doubt is mostly about
    marks: "trị"/"trí", "dân"/"dẫn"); the word as read is the likeliest."""
    lower = word.lower()
    ids, costs, keep = _word_slots(word, model, ocr=True)
    best = dict(zip(ids, costs, strict=True))
    for i in model.by_stripped.get(strip_diacritics(lower), ()):
        best[i] = max(best.get(i, -9.0), OTHER_MARKS_COST)
    read = model.index.get(lower)
    if read is not None:
        best[read] = 0.0
    if keep:  # the "keep as is" option stays last, as the decoder expects
        best.pop(ids[-1], None)
        return (*best, ids[-1]), (*best.values(), costs[-1]), True
    return tuple(best), tuple(best.values()), False


def restore_tsv(tsv: str, model: RestoreModel | None = None, high: float = HIGH_CONFIDENCE) -> str:
    """The page text of Tesseract's TSV output, low-confidence words restored."""
    return "\n".join(restore_ocr_words(parse_tsv(tsv), model, high=high)) + "\n"


def restore_ocr_words(
    lines: list[list[Word]],
    model: RestoreModel | None = None,
    style: ToneStyle = "old",
    high: float = HIGH_CONFIDENCE,
) -> list[str]:
    """One text line per OCR line: low-confidence words restored, the rest kept."""
    active = model or get_model()
    index = active.index
    unk = index[UNK]
    slots_ids: list[tuple[int, ...]] = []
    slots_costs: list[tuple[float, ...]] = []
    keeps: list[bool] = []
    where: list[tuple[int, int, int]] = []  # (line, word, piece)
    split: list[list[list[tuple[str, str]]]] = []
    for n, words in enumerate(lines):
        mixed = has_lowercase(" ".join(word for word, _ in words))
        line_pieces = []
        for w, (word, confidence) in enumerate(words):
            if w == 0 and _ROMAN_LABEL.fullmatch(word):
                confidence = 100.0  # an item number, not a syllable
            parts = list(pieces(word))  # a copy: pieces() may be cached
            line_pieces.append(parts)
            for p, (kind, text) in enumerate(parts):
                lower = text.lower()
                slot: tuple[tuple[int, ...], tuple[float, ...], bool]
                if kind == "punct":
                    slot = ((index.get(text, unk),), (0.0,), True)
                elif kind != "word":
                    continue
                elif (
                    confidence >= high
                    or is_protected(text, mixed_case=mixed)
                    or not is_letters(lower)
                ):
                    known = index.get(lower, unk) if lower[:1].isalpha() else unk
                    slot = ((known,), (0.0,), True)
                else:
                    slot = _uncertain(text, active)
                slots_ids.append(slot[0])
                slots_costs.append(slot[1])
                keeps.append(slot[2])
                where.append((n, w, p))
        split.append(line_pieces)
    choice = _viterbi(slots_ids, slots_costs, active) if slots_ids else []
    vocab = active.vocab
    for ids, keep, (n, w, p), chosen in zip(slots_ids, keeps, where, choice, strict=True):
        if keep and chosen == len(ids) - 1:
            continue
        kind, text = split[n][w][p]
        new = vocab[ids[chosen]]
        if style != "old":
            new = place_tone(new, style)
        split[n][w][p] = (kind, apply_case(text, new))
    return [
        " ".join("".join(text for _, text in parts) for parts in line_pieces)
        for line_pieces in split
    ]
