"""Our own OCR: Tesseract's word confidences decide what the restorer may touch."""

from __future__ import annotations

from theodoi.text.restore import RestoreModel
from theodoi.text.restore.confidence import parse_tsv, restore_ocr_words, restore_tsv

HEADER = (
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
)


def tsv(*lines: tuple[int, list[tuple[str, float]]]) -> str:
    """Tesseract TSV for (paragraph, words) lines of one block (written here)."""
    rows = [HEADER, "1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t"]
    for number, (paragraph, words) in enumerate(lines, start=1):
        rows.append(f"4\t1\t1\t{paragraph}\t{number}\t0\t0\t0\t10\t10\t-1\t")
        for w, (word, conf) in enumerate(words, start=1):
            rows.append(f"5\t1\t1\t{paragraph}\t{number}\t{w}\t0\t0\t10\t10\t{conf}\t{word}")
    return "\n".join(rows) + "\n"


def test_tsv_lines_and_paragraph_breaks() -> None:
    page = tsv(
        (1, [("Ủy", 95.0), ("ban", 96.0)]),
        (1, [("nhân", 91.0), ("dân", 93.0)]),
        (2, [("tỉnh", 90.0), ("Hòa", 92.0), ("Lâm", 94.0)]),
    )
    assert parse_tsv(page) == [
        [("Ủy", 95.0), ("ban", 96.0)],
        [("nhân", 91.0), ("dân", 93.0)],
        [],
        [("tỉnh", 90.0), ("Hòa", 92.0), ("Lâm", 94.0)],
    ]
    assert restore_tsv(page) == "Ủy ban\nnhân dân\n\ntỉnh Hòa Lâm\n"


def test_low_confidence_words_are_restored_high_ones_kept(model: RestoreModel) -> None:
    words = [("Ủy", 95.0), ("ban", 96.0), ("nhân", 95.0), ("dẫn", 41.0), ("tỉnh", 93.0)]
    assert restore_ocr_words([words], model) == ["Ủy ban nhân dân tỉnh"]
    # the same misread with high confidence is the engine's word: kept
    sure = [*words[:3], ("dẫn", 96.0), words[4]]
    assert restore_ocr_words([sure], model) == ["Ủy ban nhân dẫn tỉnh"]


def test_a_rare_name_read_with_confidence_is_not_corrected(model: RestoreModel) -> None:
    words = [("xã", 93.0), ("Khe", 95.0), ("Mạ", 94.0), ("báo", 51.0), ("cáo", 90.0)]
    assert restore_ocr_words([words], model) == ["xã Khe Mạ báo cáo"]


def test_a_roman_item_number_opening_a_line_is_kept_as_read(model: RestoreModel) -> None:
    """OCR reads a bold "III." as "HI." with middling confidence; restored as a
    syllable it became "HỘI." and the section was lost. The outline grammar
    reads "HI." back as III (theodoi/text/outline/markers.py)."""
    words = [("HI.", 62.0), ("TỔ", 95.0), ("CHỨC", 95.0), ("THỰC", 94.0), ("HIỆN", 94.0)]
    assert restore_ocr_words([words], model) == ["HI. TỔ CHỨC THỰC HIỆN"]
