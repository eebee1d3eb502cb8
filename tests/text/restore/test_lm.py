"""The Kneser-Ney estimator (scripts/restore_lm.py) on a toy corpus."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from theodoi.text.restore.lm import NgramModel, load_ngram, read_blobs, save_model

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "scripts"))

from restore_lm import build_vocab, count_trigrams, kneser_ney, text_paragraphs, to_ids  # noqa: E402

TOY = """Sở Nội vụ chủ trì thực hiện kế hoạch.
Sở Tài chính chủ trì thẩm định kinh phí.
Các sở phối hợp thực hiện kế hoạch.

Ủy ban nhân dân tỉnh chỉ đạo thực hiện kế hoạch.
"""


def _toy_model() -> NgramModel:
    streams = list(text_paragraphs(TOY))
    from collections import Counter

    unigrams = Counter(t for s in streams for t in s)
    vocab = build_vocab(unigrams, [], min_count=1)
    index = {w: i for i, w in enumerate(vocab)}
    trigrams = count_trigrams([(to_ids(s, index), 1) for s in streams])
    return kneser_ney(trigrams, vocab, min_trigram=1)


@pytest.mark.parametrize("context", [("sở", "nội"), ("thực", "hiện"), ("<s>", "<s>"), ("kế", "x")])
def test_distribution_sums_to_one(context: tuple[str, str]) -> None:
    model = _toy_model()
    a = model.index.get(context[0], 1)
    b = model.index.get(context[1], 1)
    total = sum(10 ** model.logp(a, b, c) for c in range(len(model.vocab)))
    assert total == pytest.approx(1.0, abs=0.02)


def test_seen_continuation_beats_unseen() -> None:
    model = _toy_model()
    i = model.index
    assert model.logp(i["thực"], i["hiện"], i["kế"]) > model.logp(i["thực"], i["hiện"], i["sở"])


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    model = _toy_model()
    path = tmp_path / "toy.bin"
    save_model(path, model, {"extra": b"abc"})
    meta, blobs = read_blobs(path)
    loaded = load_ngram(meta, blobs)
    assert loaded.vocab == model.vocab
    assert blobs["extra"] == b"abc"
    i = model.index
    assert loaded.logp(i["sở"], i["nội"], i["vụ"]) == pytest.approx(
        model.logp(i["sở"], i["nội"], i["vụ"]), abs=1e-3
    )
