from __future__ import annotations

import pytest

from theodoi.text.extract.timing import parse_timing, timing_from_sentence


def _t(text: str) -> tuple[str, str, str | None, str | None]:
    timing = parse_timing(text)
    assert timing is not None
    return timing.text, timing.kind, timing.start, timing.end


def test_the_forms_of_the_genre() -> None:
    assert _t("thường xuyên") == ("thường xuyên", "continuous", None, None)
    assert _t("Thực hiện thường xuyên, lồng ghép trong nhiệm vụ") == (
        "thường xuyên",
        "continuous",
        None,
        None,
    )
    assert _t("hằng năm") == ("hằng năm", "annual", None, None)
    # several timings in one cell are kept as written (bench/gold/README.md, Timing)
    assert _t("Hàng năm và từng giai đoạn") == ("Hàng năm và từng giai đoạn", "annual", None, None)
    assert _t("trước ngày 30/6/2025") == ("2025-06-30", "date", None, "2025-06-30")
    assert _t("Quý II/2025") == ("Quý II/2025", "quarter", "2025-04-01", "2025-06-30")
    assert _t("quý IV năm 2026") == ("quý IV năm 2026", "quarter", "2026-10-01", "2026-12-31")
    assert _t("Tháng 3/2027") == ("Tháng 3/2027", "month", "2027-03-01", "2027-03-31")
    assert _t("năm 2025-2026") == ("năm 2025-2026", "year_range", "2025-01-01", "2026-12-31")
    assert _t("6 tháng đầu năm 2025") == (
        "6 tháng đầu năm 2025",
        "half_year",
        "2025-01-01",
        "2025-06-30",
    )


def test_month_every_year_keeps_the_month() -> None:
    timing = parse_timing("tháng 10 hằng năm")
    assert timing is not None and timing.kind == "month" and timing.month == 10
    assert timing.text == "tháng 10 hằng năm"


def test_nothing_and_nonsense() -> None:
    assert parse_timing("") is None
    assert parse_timing(None) is None
    other = parse_timing("Đã hoàn thành")
    assert other is not None and other.kind == "other" and other.text == "Đã hoàn thành"


def test_only_attached_statements_count() -> None:
    attached = timing_from_sentence("Rà soát văn bản về dân vận, hoàn thành trước ngày 30/6/2025.")
    assert attached is not None and attached.text == "2025-06-30"
    inside = timing_from_sentence("Định kỳ hằng năm (trước ngày 15 tháng 12) báo cáo kết quả.")
    assert inside is None
    quarter = timing_from_sentence("Bố trí kinh phí, hoàn thành trong quý I năm 2026.")
    assert quarter is not None and quarter.text == "quý I năm 2026"


def test_several_timings_in_one_statement_are_kept_as_written() -> None:
    both = parse_timing("2027 và hằng năm")
    assert both is not None and (both.text, both.kind) == ("2027 và hằng năm", "annual")
    stages = parse_timing("Hằng năm, theo từng giai đoạn")
    assert stages is not None and stages.text == "Hằng năm, theo từng giai đoạn"
    single = parse_timing("Thực hiện thường xuyên, lồng ghép với kế hoạch của huyện")
    assert single is not None and single.text == "thường xuyên"


def test_condition_ends_before_a_duty_clause() -> None:
    timing = parse_timing("Khi có chỉ đạo của UBND tỉnh, bảo đảm phù hợp với quy hoạch")
    assert timing is not None and timing.text == "Khi có chỉ đạo của UBND tỉnh"


def test_date_of_a_cited_document_is_not_a_deadline() -> None:
    """'Theo các mốc thời gian tại Quyết định số 25/QĐ-UBND ngày 10/3/2026': the date is
    when the decision was signed; a deadline after it is still read."""
    cited = parse_timing("Theo các mốc thời gian tại Quyết định số 25/QĐ-UBND ngày 10/3/2026")
    assert cited is not None and cited.kind == "other"
    after = parse_timing("Trước ngày 30/6/2026 theo Kế hoạch số 12/KH-UBND ngày 01/3/2026")
    assert after is not None and after.text == "2026-06-30"


def test_a_closing_sentence_completing_the_work_by_a_date_gives_its_deadline() -> None:
    text = (
        "Triển khai Kế hoạch số 12/KH-STP ngày 05/11/2026 của Sở Tư pháp. "
        "Hoàn thành việc kiểm tra và báo cáo kết quả trước ngày 20/12/2026."
    )
    found = timing_from_sentence(text)
    assert found is not None and found.text == "2026-12-20"
    # a date of the work itself, without "Hoàn thành", is not a deadline
    assert timing_from_sentence("Hoàn thiện quy chế trước ngày 30/6/2026.") is None


def test_timing_in_parentheses_closing_the_task() -> None:
    """Party programmes close a duty with its timing in parentheses; a parenthesis that
    names a body or cites a document is no timing."""
    cases = {
        "Ban hành quy chế làm việc (Quý I/2026).": "Quý I/2026",
        "Sinh hoạt chuyên đề (thực hiện thường xuyên).": "thường xuyên",
        "Tổ chức đối thoại với nhân dân (hằng năm);": "hằng năm",
        "Sơ kết (trước ngày 30/6/2028)": "2028-06-30",
        "Rà soát đảng viên (Giai đoạn 2026 - 2028).": "Giai đoạn 2026 - 2028",
    }
    for sentence, want in cases.items():
        found = timing_from_sentence(sentence)
        assert found is not None and found.text == want, sentence
    for sentence in (
        "Triển khai phần mềm (theo Quyết định số 12-QĐ/ĐU ngày 02/01/2026).",
        "Tổ chức hội nghị (Ban Tuyên giáo chủ trì).",
        "Tổng kết (2026)",
        "Xây dựng đề án (Quý I/2026) và trình Ban Thường vụ xem xét.",
    ):
        assert timing_from_sentence(sentence) is None, sentence


def test_dated_completion_closing_an_earlier_paragraph() -> None:
    """The deadline closes the item's first paragraph; the last one is the focal agency's."""
    timing = timing_from_sentence(
        "Các sở, ngành xây dựng kế hoạch triển khai. Thời gian hoàn thành ban hành kế hoạch "
        "chậm nhất là ngày 15/4/2026.\nSở Nội vụ có trách nhiệm theo dõi, đôn đốc."
    )
    assert timing is not None and (timing.kind, timing.end) == ("date", "2026-04-15")
    # an undated mention in an earlier paragraph is not a deadline
    assert timing_from_sentence("Hoàn thành tốt nhiệm vụ.\nSở Nội vụ theo dõi.") is None


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Giao Ban cán sự đảng UBND huyện chỉ đạo; thực hiện thường xuyên.", "thường xuyên"),
        ("Sở Tư pháp rà soát quy chế phối hợp; hoàn thành trong năm 2027.", "năm 2027"),
        ("Sở Y tế kiện toàn tổ công tác; trong quý III/2026.", "quý III/2026"),
        ("Sở Tài chính bố trí kinh phí; hằng năm.", "hằng năm"),
        ("Công an tỉnh tổng kết; trước 30/9/2026.", "2026-09-30"),
    ],
)
def test_a_last_clause_that_is_only_the_timing(text: str, written: str) -> None:
    found = timing_from_sentence(text)
    assert found is not None and found.text == written


def test_a_last_clause_that_is_a_duty_is_not_a_timing() -> None:
    # "thường xuyên" opens a duty of its own here: it says how, not when
    assert timing_from_sentence("Sở Nội vụ rà soát; thường xuyên báo cáo UBND tỉnh.") is None
