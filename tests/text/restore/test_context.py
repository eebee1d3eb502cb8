"""The wide-context second pass (restore/context.py) on a tiny fictional table."""

from __future__ import annotations

import hashlib
import struct
from array import array
from types import SimpleNamespace
from typing import Any

import pytest

from theodoi.text.restore import RestoreModel, context, restore_text
from theodoi.text.restore.context import ContextTable, context_forms, rescore, save_context
from theodoi.text.restore.lm import SHIFT

VOCAB = ["<s>", "<unk>", "cua", "của", "cửa", "nhà", "kho", "sổ", "đi"]


def _table(pairs: dict[tuple[str, str], float], vocab: list[str] = VOCAB) -> ContextTable:
    forms, _ = context_forms(VOCAB)
    position = {form: i for i, form in enumerate(forms)}
    index = {w: i for i, w in enumerate(VOCAB)}
    keys = sorted(
        (index[word] << SHIFT | position[form], weight) for (word, form), weight in pairs.items()
    )
    data = save_context(
        hashlib.sha256("\n".join(VOCAB).encode("utf-8")).hexdigest()[:16],
        forms,
        array("q", [k for k, _ in keys]).tobytes(),
        array("h", [round(w * 1000) for _, w in keys]).tobytes(),
    )
    return ContextTable(data, vocab)


def _flat_model() -> Any:
    """Every trigram equally likely: only channel costs and context decide."""
    return SimpleNamespace(ngram=SimpleNamespace(logp=lambda a, b, c: -2.0))


def _slots(
    words: list[str], ambiguous: int
) -> tuple[list[tuple[int, ...]], list[tuple[float, ...]]]:
    index = {w: i for i, w in enumerate(VOCAB)}
    ids = [(index[w],) for w in words]
    ids[ambiguous] = (index["của"], index["cửa"])
    costs: list[tuple[float, ...]] = [(0.0,) * len(slot) for slot in ids]
    return ids, costs


def test_a_far_context_word_changes_the_choice() -> None:
    table = _table({("cửa", "kho"): 1.5})
    # "kho" four positions after the ambiguous word: outside the trigram.
    ids, costs = _slots(["đi", "cua", "đi", "đi", "đi", "kho"], 1)
    keeps = [False] * len(ids)
    assert rescore(ids, costs, keeps, [0] * len(ids), _flat_model(), table)[1] == 1


def test_without_the_context_word_the_decoder_choice_stays() -> None:
    table = _table({("cửa", "kho"): 1.5})
    ids, costs = _slots(["đi", "cua", "đi", "đi", "đi", "nhà"], 1)
    keeps = [False] * len(ids)
    assert rescore(ids, costs, keeps, [0] * len(ids), _flat_model(), table) == [0] * len(ids)


def test_a_weak_association_does_not_beat_the_channel() -> None:
    table = _table({("cửa", "kho"): 0.4})
    ids, costs = _slots(["đi", "cua", "đi", "đi", "đi", "kho"], 1)
    costs[1] = (0.0, -1.0)  # the channel prefers "của" by a factor 10
    keeps = [False] * len(ids)
    assert rescore(ids, costs, keeps, [0] * len(ids), _flat_model(), table)[1] == 0


def test_a_word_kept_as_written_is_not_rescored() -> None:
    table = _table({("cửa", "kho"): 3.0})
    ids, costs = _slots(["đi", "cua", "đi", "đi", "đi", "kho"], 1)
    ids[1] = (*ids[1], 1)  # last candidate: keep the word as it is
    costs[1] = (*costs[1], -4.5)
    keeps = [False] * len(ids)
    keeps[1] = True
    choice = [0] * len(ids)
    choice[1] = 2
    assert rescore(ids, costs, keeps, choice, _flat_model(), table)[1] == 2


def test_a_table_of_another_vocabulary_is_refused() -> None:
    with pytest.raises(ValueError, match="another model vocabulary"):
        _table({("cửa", "kho"): 1.0}, vocab=[*VOCAB, "thêm"])


def test_a_damaged_file_is_refused() -> None:
    with pytest.raises(ValueError):
        ContextTable(b"not a table" + struct.pack("<I", 0), VOCAB)


def test_the_committed_table_fits_the_committed_model(model: RestoreModel) -> None:
    table = context.context_table(model)
    assert table is not None
    assert len(table) > 10_000
    assert all(weight > 0 for inner in table.table.values() for weight in inner.values())


def test_with_the_pass_on_clean_text_is_untouched_and_damage_repaired(
    model: RestoreModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(context, "ENABLED", True)
    clean = "Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành theo dõi, đôn đốc thực hiện.\n"
    assert restore_text(clean, model=model) == clean
    damaged = "So Noi vu chu tri, phoi hop voi cac so, ban, nganh theo doi, don doc thuc hien.\n"
    assert restore_text(damaged, model=model) == clean


def test_a_table_is_not_used_for_another_vocabulary(model: RestoreModel) -> None:
    other = SimpleNamespace(vocab=[*model.vocab, "thêm"])
    assert context.context_table(other) is None  # type: ignore[arg-type]
    assert context.context_table(model) is not None
