"""The beam Viterbi of restore/decode.py against an exhaustive search."""

from __future__ import annotations

import itertools

import pytest

from theodoi.text.restore import RestoreModel, decode
from theodoi.text.restore.decode import _viterbi, _word_slots


def _exhaustive(
    ids: list[tuple[int, ...]], costs: list[tuple[float, ...]], model: RestoreModel
) -> tuple[float, list[int]]:
    best: tuple[float, list[int]] = (-1e18, [])
    for path in itertools.product(*(range(len(slot)) for slot in ids)):
        a = b = 0
        total = 0.0
        for slot, cost, k in zip(ids, costs, path, strict=True):
            c = slot[k]
            total += model.ngram.logp(a, b, c) + cost[k]
            a, b = b, c
        if total > best[0]:
            best = (total, list(path))
    return best


@pytest.mark.parametrize(
    "words",
    [
        ["cac", "co", "quan", ",", "don", "vi"],  # one-candidate punctuation in the middle
        ["so", "noi", "vu", ",", ".", "chu", "tri"],  # two forced moves in a row
        ["ban", "chap", "hanh", "dang", "bo", "."],
    ],
)
def test_viterbi_finds_the_best_path(
    words: list[str], model: RestoreModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(decode, "BEAM", 10_000)
    monkeypatch.setattr(decode, "BEAM_DELTA", 1e9)
    ids: list[tuple[int, ...]] = []
    costs: list[tuple[float, ...]] = []
    for word in words:
        if word.isalpha():
            slot = _word_slots(word, model)
            ids.append(slot[0][:4])
            costs.append(slot[1][:4])
        else:
            ids.append((model.index[word],))
            costs.append((0.0,))
    assert any(len(slot) == 1 for slot in ids)
    _, path = _exhaustive(ids, costs, model)
    assert _viterbi(ids, costs, model) == path
