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


def test_place_names_of_the_unit_directory_are_written_as_known(tmp_path: Path) -> None:
    from theodoi.text.restore.names import place_names

    damaged = "Uy ban nhan dan xa Khe Ma bao cao ve tinh Hoa Lam."
    assert "xã Khe Mạ" not in restore_text(damaged)
    names = place_names(["Ủy ban nhân dân xã Khe Mạ", "Ủy ban nhân dân tỉnh Hòa Lâm"])
    assert names == [("khe", "mạ"), ("hòa", "lâm")]
    path = tmp_path / "adaptation.bin"
    save_counts(path, {}, names)
    use_adaptation(path)
    assert restore_text(damaged) == "Ủy ban nhân dân xã Khe Mạ báo cáo về tỉnh Hòa Lâm."
    assert (
        restore_text(damaged, style="new") == "Uỷ ban nhân dân xã Khe Mạ báo cáo về tỉnh Hoà Lâm."
    )
    # only capitalised words after an administrative word: the rest is the model's
    for other in ("Cac xa khe ma nuoc chay qua.", "Thac Khe Ma dep."):
        assert "Mạ" not in restore_text(other) and "mạ" not in restore_text(other)


def test_the_documents_own_header_names_its_places() -> None:
    text = "UBND HUYỆN QUẾ ĐỚI\nUy ban nhan dan huyen Que Doi giao xa Khe Ma bao cao."
    assert restore_text(text).splitlines()[1].startswith("Ủy ban nhân dân huyện Quế Đới giao")


def test_a_name_two_places_share_without_marks_is_left_to_the_model() -> None:
    from theodoi.text.restore.names import lexicon

    assert lexicon([("khe", "mạ"), ("khe", "mà"), ("hòa", "lâm")]) == {
        ("hoa", "lam"): ("hòa", "lâm")
    }


def test_a_short_list_of_names_leaves_common_syllables_alone() -> None:
    """A directory of a few dozen names is a small sample: "Tuyên giáo" in it must
    not turn every "Giao" (assign) into "Giáo", nor the province's own name into a
    neighbour's. Only syllables the corpus hardly knows get their unigram raised."""
    from theodoi.text.restore.adapt import adapt_counts

    names = [
        "Ban Tuyên giáo Tỉnh ủy",
        "Sở Giáo dục và Đào tạo",
        "Ban Tuyên giáo Huyện ủy Tây Giang",
        "Ủy ban nhân dân huyện Tây Giang",
        "Ủy ban nhân dân thành phố Lâm Giang",
    ]
    adapted = adapt_counts(count_ngrams(names, weight=4.0))
    damaged = "Giao So Noi vu la co quan dau moi, chu tri don doc cac so, nganh."
    assert restore_text(damaged, model=adapted) == restore_text(damaged)
    assert restore_text(damaged, model=adapted).startswith("Giao Sở Nội vụ")
