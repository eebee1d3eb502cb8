"""Syllable trigram language model: storage, loading and scoring.

WHY this shape: decoding asks for millions of log-probabilities per second, so
the model is kept as plain dicts keyed by packed integer ids (one dict lookup
per known trigram, three at most for a back-off). On disk it is a few flat
arrays (array module, zlib-compressed) that load in a fraction of a second.
The probabilities are interpolated modified Kneser-Ney, written in back-off
form: P(c|a,b) is stored for seen trigrams; otherwise it is
bow(a,b) + P(c|b), and P(c|b) is bow(b) + P(c) when (b,c) is unseen.
"""

from __future__ import annotations

import json
import struct
import zlib
from array import array
from dataclasses import dataclass, field
from pathlib import Path

MAGIC = b"THEODOI-RESTORE-2\n"
SHIFT = 20  # bits per id in packed keys: up to ~1M vocabulary entries
SCALE = 1000.0  # log10-probabilities stored as int16 thousandths


def pack2(a: int, b: int) -> int:
    return (a << SHIFT) | b


def pack3(a: int, b: int, c: int) -> int:
    return (((a << SHIFT) | b) << SHIFT) | c


@dataclass
class NgramModel:
    """Vocabulary plus back-off tables (log10 probabilities)."""

    vocab: list[str]
    unigram: list[float]
    bow2: list[float]
    bigram: dict[int, float]
    bow3: dict[int, float]
    trigram: dict[int, float]
    meta: dict[str, object] = field(default_factory=dict)
    # log10 relative frequency of each token: ranks candidate spellings (the
    # Kneser-Ney unigram counts contexts, and "dựng" has almost only "xây").
    frequency: list[float] = field(default_factory=list)
    index: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        self.index = {word: i for i, word in enumerate(self.vocab)}

    def logp(self, a: int, b: int, c: int) -> float:
        value = self.trigram.get((((a << SHIFT) | b) << SHIFT) | c)
        if value is not None:
            return value
        value = self.bigram.get((b << SHIFT) | c)
        if value is None:
            value = self.bow2[b] + self.unigram[c]
        return self.bow3.get((a << SHIFT) | b, 0.0) + value


def _int16(values: list[float]) -> array:
    return array("h", (max(-32767, min(32767, round(v * SCALE))) for v in values))


def save_model(path: Path, model: NgramModel, extra: dict[str, bytes]) -> None:
    """Write the model as a compact binary file (header JSON + raw arrays)."""
    blobs: dict[str, bytes] = {
        "vocab": "\n".join(model.vocab).encode("utf-8"),
        "unigram": _int16(model.unigram).tobytes(),
        "bow2": _int16(model.bow2).tobytes(),
        "frequency": _int16(model.frequency).tobytes(),
    }
    for name, table in (("bigram", model.bigram), ("bow3", model.bow3), ("trigram", model.trigram)):
        keys = sorted(table)
        blobs[name + ".keys"] = array("q", keys).tobytes()
        blobs[name + ".vals"] = array("f", [table[k] for k in keys]).tobytes()
    blobs.update(extra)
    header = {
        "meta": model.meta,
        "blobs": [[name, len(blob)] for name, blob in blobs.items()],
    }
    raw = json.dumps(header, ensure_ascii=False).encode("utf-8")
    body = b"".join(blobs.values())
    with path.open("wb") as out:
        out.write(MAGIC)
        out.write(struct.pack("<I", len(raw)))
        out.write(raw)
        out.write(zlib.compress(body, 9))


def read_blobs(path: Path) -> tuple[dict[str, object], dict[str, bytes]]:
    data = path.read_bytes()
    if not data.startswith(MAGIC):
        raise ValueError(f"{path} is not a theodoi restoration model")
    offset = len(MAGIC)
    (size,) = struct.unpack_from("<I", data, offset)
    offset += 4
    header = json.loads(data[offset : offset + size])
    body = zlib.decompress(data[offset + size :])
    blobs: dict[str, bytes] = {}
    position = 0
    for name, length in header["blobs"]:
        blobs[name] = body[position : position + length]
        position += length
    return header["meta"], blobs


def _floats(blob: bytes) -> list[float]:
    values = array("h")
    values.frombytes(blob)
    return [v / SCALE for v in values]


def _table(blobs: dict[str, bytes], name: str) -> dict[int, float]:
    keys = array("q")
    keys.frombytes(blobs[name + ".keys"])
    values = array("f")
    values.frombytes(blobs[name + ".vals"])
    return dict(zip(keys, values, strict=True))


def load_ngram(meta: dict[str, object], blobs: dict[str, bytes]) -> NgramModel:
    return NgramModel(
        vocab=blobs["vocab"].decode("utf-8").split("\n"),
        unigram=_floats(blobs["unigram"]),
        bow2=_floats(blobs["bow2"]),
        bigram=_table(blobs, "bigram"),
        bow3=_table(blobs, "bow3"),
        trigram=_table(blobs, "trigram"),
        meta=meta,
        frequency=_floats(blobs.get("frequency", b"")),
    )
