"""Restore damaged Vietnamese text: lost diacritics, OCR letter confusions, junk.

Public API (used by ``theodoi parse`` and ``theodoi restore``):

- :func:`restore_text` — repair a whole string, same line structure.
- :func:`restore_lines` — the same, streaming: lines in, lines out, bounded
  memory whatever the input size.
- :func:`needs_restoration` — does this text have damaged lines at all?
- :func:`adapt_model` / :func:`install_model` — add the statistics of a user's
  own clean documents on top of the committed model (see adapt.py);
  :func:`count_ngrams` / :func:`save_counts` / :func:`use_adaptation` — the same
  kept in a file per installation, picked up lazily by every restore call.

Clean lines pass through byte-identical; only damaged lines are rewritten, and
in them only the words (spaces, punctuation, numbers, codes stay as they are).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from theodoi.text.restore.adapt import (
    adapt_counts,
    adapt_model,
    count_ngrams,
    load_counts,
    save_counts,
)
from theodoi.text.restore.decode import restore_block
from theodoi.text.restore.detect import LineState, line_state
from theodoi.text.restore.junk import remove_junk
from theodoi.text.restore.model import (
    RestoreModel,
    get_base_model,
    get_model,
    install_model,
    use_adaptation,
)
from theodoi.text.restore.names import Lexicon, apply_names, lexicon, merge, place_names
from theodoi.text.vietnamese import ToneStyle

__all__ = [
    "RestoreModel",
    "adapt_counts",
    "adapt_model",
    "count_ngrams",
    "get_base_model",
    "get_model",
    "install_model",
    "load_counts",
    "needs_restoration",
    "restore_lines",
    "restore_text",
    "save_counts",
    "use_adaptation",
]

WINDOW = 24  # lines decoded together (context across line wraps)
MAX_LINE = 20_000  # longer lines are repaired in pieces (bounded memory)
_STYLES: dict[str, ToneStyle] = {"old": "old", "new": "new", "hòa": "old", "hoà": "new"}


def _style(style: str) -> ToneStyle:
    try:
        return _STYLES[style]
    except KeyError:
        raise ValueError(f"unknown tone style {style!r}: use 'old' (hòa) or 'new' (hoà)") from None


def _split_ending(raw: str) -> tuple[str, str]:
    if raw.endswith("\r\n"):
        return raw[:-2], "\r\n"
    if raw.endswith(("\n", "\r")):
        return raw[:-1], raw[-1]
    return raw, ""


_ADMIN_HINTS = ("xã", "huyện", "tỉnh", "phường", "quận", "thị ", "thành phố")
MAX_HEADER_LINES = 200


class _DocumentNames:
    """Place names of one document's clean lines (its header) joined to the
    installation's (model.names); computed only once a damaged line needs them."""

    def __init__(self, known: Lexicon):
        self.known = known
        self.lines: list[str] = []
        self.used = 0
        self.names = known

    def see(self, text: str, state: LineState) -> None:
        if state is LineState.CLEAN and len(self.lines) < MAX_HEADER_LINES:
            lower = text.lower()
            if any(hint in lower for hint in _ADMIN_HINTS):
                self.lines.append(text)

    def current(self) -> Lexicon:
        if self.used != len(self.lines):
            self.used = len(self.lines)
            self.names = merge(self.known, lexicon(place_names(self.lines)))
        return self.names


def restore_lines(
    lines: Iterable[str], style: str = "old", model: RestoreModel | None = None
) -> Iterator[str]:
    """Yield one repaired line per input line (line endings kept as given)."""
    tone = _style(style)
    active = model or get_model()
    names = _DocumentNames(active.names)
    window: list[tuple[str, str, LineState]] = []
    previous: LineState | None = None
    for raw in lines:
        text, ending = _split_ending(raw)
        if len(text) > MAX_LINE:
            # A huge line (a whole document without line breaks): repair it in
            # pieces cut at spaces so memory stays bounded, then glue them back.
            yield from _flush(window, previous, active, tone, names)
            previous = _last_decisive(window, previous)
            window = []
            repaired: list[str] = []
            group: list[tuple[str, str, LineState]] = []
            for chunk in _chunks(text):
                group.append((chunk, "", line_state(chunk, active)))
                if len(group) >= WINDOW:
                    repaired.extend(_flush(group, previous, active, tone, names))
                    group = []
            repaired.extend(_flush(group, previous, active, tone, names))
            yield "".join(repaired) + ending
            continue
        state = line_state(text, active)
        names.see(text, state)
        window.append((text, ending, state))
        if len(window) >= WINDOW:
            yield from _flush(window, previous, active, tone, names)
            previous = _last_decisive(window, previous)
            window = []
    if window:
        yield from _flush(window, previous, active, tone, names)


def _chunks(text: str) -> Iterator[str]:
    start = 0
    while start < len(text):
        end = min(len(text), start + MAX_LINE // 2)
        if end < len(text):
            space = text.rfind(" ", start + MAX_LINE // 4, end)
            end = space + 1 if space > 0 else end
        yield text[start:end]
        start = end


def _last_decisive(
    window: list[tuple[str, str, LineState]], default: LineState | None
) -> LineState | None:
    for _, _, state in reversed(window):
        if state is not LineState.UNSURE:
            return state
    return default


def _resolve(window: list[tuple[str, str, LineState]], previous: LineState | None) -> list[bool]:
    """Damaged flag per line; unsure lines follow their nearest decisive neighbour."""
    states = [state for _, _, state in window]
    flags: list[bool] = []
    for i, state in enumerate(states):
        if state is LineState.UNSURE:
            before = next((s for s in reversed(states[:i]) if s is not LineState.UNSURE), previous)
            after = next((s for s in states[i + 1 :] if s is not LineState.UNSURE), None)
            neighbour = before or after
            flags.append(neighbour is LineState.DAMAGED and bool(window[i][0].strip()))
        else:
            flags.append(state is LineState.DAMAGED)
    return flags


def _flush(
    window: list[tuple[str, str, LineState]],
    previous: LineState | None,
    model: RestoreModel,
    style: ToneStyle,
    names: _DocumentNames,
) -> Iterator[str]:
    flags = _resolve(window, previous)
    texts = [text for text, _, _ in window]
    block: list[int] = []
    for i, damaged in enumerate(flags):
        if damaged:
            block.append(i)
        elif texts[i].strip() and block:
            _repair(texts, block, model, style, names)
            block = []
    if block:
        _repair(texts, block, model, style, names)
    for (_, ending, _), text in zip(window, texts, strict=True):
        yield text + ending


def _repair(
    texts: list[str],
    block: list[int],
    model: RestoreModel,
    style: ToneStyle,
    names: _DocumentNames,
) -> None:
    cleaned = [remove_junk(texts[i], model) for i in block]
    known = names.current()
    for i, repaired in zip(block, restore_block(cleaned, model, style), strict=True):
        texts[i] = apply_names(repaired, known, style) if known else repaired


def restore_text(text: str, style: str = "old", model: RestoreModel | None = None) -> str:
    """Repair a whole text; clean text comes back unchanged."""
    return "".join(restore_lines(text.splitlines(keepends=True), style, model))


def needs_restoration(text: str, model: RestoreModel | None = None) -> bool:
    """True when some lines of ``text`` lost their diacritics or were mangled by OCR."""
    active = model or get_model()
    damaged = decisive = 0
    for line in text.splitlines():
        state = line_state(line, active)
        if state is LineState.DAMAGED:
            damaged += 1
        if state is not LineState.UNSURE:
            decisive += 1
    return damaged > 0 and damaged * 50 >= decisive
