"""The fixed train / held-out split of the shared corpus.

Training (scripts/train_restore.py) and measuring (bench/restore.py) must agree
on which files the model never saw, otherwise held-out accuracy means nothing.
The rule is deliberately simple and stable: list every text file of the corpus
(``*.txt`` under laws/ and gazette/, ``*.md`` under party/), sort the relative
paths, and hold out every 10th one (index 9, 19, 29, ...).
"""

from __future__ import annotations

from pathlib import Path

HOLD_OUT_EVERY = 10
GENRES = ("laws", "gazette", "party")


def corpus_files(corpus: Path) -> list[Path]:
    """Every training-worthy text file of the corpus, in a stable order."""
    files: list[Path] = []
    for genre in GENRES:
        base = corpus / genre
        if not base.is_dir():
            continue
        pattern = "*.md" if genre == "party" else "*.txt"
        files.extend(p for p in base.rglob(pattern) if "README" not in p.name.upper())
    return sorted(files, key=lambda p: p.relative_to(corpus).as_posix())


def split_corpus(corpus: Path) -> tuple[list[Path], list[Path]]:
    """Return (train, held_out): every 10th file in sorted order is held out."""
    train: list[Path] = []
    held_out: list[Path] = []
    for index, path in enumerate(corpus_files(corpus)):
        (held_out if index % HOLD_OUT_EVERY == HOLD_OUT_EVERY - 1 else train).append(path)
    return train, held_out


def genre_of(corpus: Path, path: Path) -> str:
    return path.relative_to(corpus).parts[0]
