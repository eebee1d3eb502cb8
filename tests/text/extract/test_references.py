from __future__ import annotations

from theodoi.text.extract.references import find_numbers, normalize_number, unique_in_order


def test_every_notation_seen_in_real_documents() -> None:
    text = (
        "Kế hoạch số 2705/KH-UBND; Chương trình số 80-CTr/TU; Nghị quyết số 05-NQ-TU; "
        "Pháp lệnh số 34/2007/PL-UBTVQH11; Nghị quyết liên tịch số 88/NQLT/CP- ĐCTUBTWMTTQVN; "
        "Quyết định số 217-QĐ/TW, 218-QĐ/TW; Chỉ thị số 49-CT /TW; Nghị quyết số 100 /NQ-CP; "
        "Nghị định số 278/2025/NĐ-CP; Chương trình phối hợp số 04/CtrPH-UBND-UBMTTQ"
    )
    assert find_numbers(text) == [
        "2705/KH-UBND", "80-CTr/TU", "05-NQ-TU", "34/2007/PL-UBTVQH11",
        "88/NQLT/CP-ĐCTUBTWMTTQVN", "217-QĐ/TW", "218-QĐ/TW", "49-CT/TW", "100/NQ-CP",
        "278/2025/NĐ-CP", "04/CtrPH-UBND-UBMTTQ",
    ]  # fmt: skip


def test_dates_quarters_and_ranges_are_not_numbers() -> None:
    text = (
        "ngày 24/11/2023; giai đoạn 2020 - 2025; Quý I/2027; tháng 3/2027; HIV/AIDS; "
        "kinh tế - xã hội"
    )
    assert find_numbers(text) == []


def test_ocr_codes_are_normalised() -> None:
    assert normalize_number("217-QD/TW") == "217-QĐ/TW"
    assert normalize_number("01-DA/TU") == "01-ĐA/TU"


def test_unique_in_order_excludes_own_number() -> None:
    assert unique_in_order(["1/KH-UBND", "43-NQ/TW", "43-nq/tw", "2/KH"], {"1/KH-UBND"}) == [
        "43-NQ/TW",
        "2/KH",
    ]


def test_evident_misprint_is_dropped_only_when_the_right_number_is_cited() -> None:
    text = "Chỉ thị số 49-CT/TW ngày 28/6; … triển khai Chỉ thị số 49-NQ/TW của Ban Bí thư"
    assert find_numbers(text) == ["49-CT/TW"]
    assert find_numbers("Chỉ thị số 49-NQ/TW của Ban Bí thư") == ["49-NQ/TW"]


def test_footnote_marks_after_numbers_are_dropped() -> None:
    assert find_numbers("Nghị quyết số 66-NQ/TW1 và Nghị quyết số 140/NQ-CP2") == [
        "66-NQ/TW",
        "140/NQ-CP",
    ]
    assert find_numbers("Luật số 197/2025/QH15; Pháp lệnh 34/2007/PL-UBTVQH11") == [
        "197/2025/QH15",
        "34/2007/PL-UBTVQH11",
    ]


def test_digits_of_a_code_naming_a_resolution_are_not_a_footnote_mark() -> None:
    text = "Kế hoạch số 45/KH-BCĐTKNQ27 của Ban Chỉ đạo; Chỉ thị số 12-CT/TU3 của Tỉnh ủy"
    assert find_numbers(text) == ["45/KH-BCĐTKNQ27", "12-CT/TU"]


def test_a_unit_code_with_a_leading_zero_keeps_its_digits() -> None:
    """'PC06' names a police department; a footnote mark is never printed '06'."""
    text = "Tờ trình số 21/TTr-CAT-PC06 của Công an tỉnh Hòa Lâm; Kế hoạch số 9/KH-UBND2"
    assert find_numbers(text) == ["21/TTr-CAT-PC06", "9/KH-UBND"]


def test_numbers_of_blank_forms_are_not_references() -> None:
    """'Mẫu số 01 và 02/HNMT' numbers the forms a plan annexes, not documents it cites."""
    text = (
        "Kết quả: Biên bản hội nghị (Mẫu số 01 và 02/HNMT); lập theo mẫu số 03/BBKP "
        "ban hành kèm theo Hướng dẫn số 7/HD-MTTQ-BTT của Ủy ban MTTQ tỉnh Hòa Lâm."
    )
    assert find_numbers(text) == ["7/HĐ-MTTQ-BTT"]


def test_a_units_letter_and_number_code_is_not_a_footnote_mark() -> None:
    """Police and army units sign as "C04", "V01": one letter and its number."""
    text = "Quyết định số 512/QĐ-BCA-C07 ngày 02/3/2026; Kế hoạch số 45/KH-V02"
    assert find_numbers(text) == ["512/QĐ-BCA-C07", "45/KH-V02"]
