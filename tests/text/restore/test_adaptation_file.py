"""The adaptation kept in a file per installation, picked up lazily by the
shared model (what the web app's background rebuild writes)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from theodoi.text.restore import (
    count_ngrams,
    get_base_model,
    get_model,
    load_counts,
    restore_text,
    save_counts,
    use_adaptation,
)

CLEAN = "Ủy ban nhân dân xã Khuổi Lằm Thượng báo cáo kết quả về huyện Quế Đới."
DAMAGED = "Uy ban nhan dan xa Khuoi Lam Thuong bao cao ket qua ve huyen Que Doi."


@pytest.fixture(autouse=True)
def _no_adaptation_after() -> Iterator[None]:
    yield
    use_adaptation(None)


def test_counts_round_trip_through_the_file(tmp_path: Path) -> None:
    counts = count_ngrams([CLEAN], weight=2.5)
    path = tmp_path / "restore" / "adaptation.bin"
    save_counts(path, counts)
    assert load_counts(path) == counts
    assert counts[("xã", "khuổi", "lằm")] == 2.5
    assert counts[("<s>", "<s>", "ủy")] == 2.5
    assert [p.name for p in path.parent.iterdir()] == ["adaptation.bin"]  # no temporary left


def test_a_damaged_file_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "adaptation.bin"
    path.write_bytes(b"not an adaptation")
    with pytest.raises(ValueError, match=r"adaptation\.bin"):
        load_counts(path)


def test_the_shared_model_follows_the_file(tmp_path: Path) -> None:
    path = tmp_path / "adaptation.bin"
    use_adaptation(path)
    assert get_model() is get_base_model()  # no file yet: the committed model
    before = restore_text(DAMAGED)
    assert "Khuổi Lằm Thượng" not in before
    save_counts(path, count_ngrams([CLEAN] * 3))
    assert restore_text(DAMAGED) == CLEAN
    assert get_model() is get_model()  # built once, not per call
    save_counts(path, count_ngrams(["Ủy ban nhân dân xã Khuổi Lâm báo cáo."]))
    os.utime(path, ns=(1, 1))  # a rewrite within the same clock tick is still seen
    assert "Khuổi Lằm Thượng" not in restore_text(DAMAGED)
    path.write_bytes(b"broken")
    with pytest.warns(UserWarning, match="adaptation ignored"):
        assert restore_text(DAMAGED) == before
