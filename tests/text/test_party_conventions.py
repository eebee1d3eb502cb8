"""Party-committee conventions, each on a fictional fixture or a fictional phrase.

Commune party programmes (tests/fixtures/plans/ctr-dang-uy-xa-dong-giao.txt)
state roles on free lines and closing sentences rather than labelled lines;
central party groups ("ĐẢNG ĐOÀN …" under "BAN CHẤP HÀNH TRUNG ƯƠNG") address
lettered per-body headings.
"""

from __future__ import annotations

from pathlib import Path

from theodoi.text.bodies import split_bodies
from theodoi.text.extract import conventions
from theodoi.text.extract import responsibility as resp
from theodoi.text.extract.metadata import compose_issuer
from theodoi.text.extract.timing import timing_from_sentence
from theodoi.text.model import Task
from theodoi.text.outline.assignment import is_assignment_line, trailing_assignment
from theodoi.text.parse import parse_file, parse_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "plans"


def _tasks(name: str) -> dict[str, Task]:
    return {t.path: t for t in parse_file(FIXTURES / name).tasks}


def test_a_free_line_after_plus_items_covers_them_all() -> None:
    tasks = _tasks("ctr-dang-uy-xa-dong-giao.txt")
    for path in ("II.1.a-1", "II.1.a-2"):
        assert tasks[path].lead == ["Ban Xây dựng Đảng"], path
        assert tasks[path].coordinating == ["Văn phòng Đảng ủy"], path
        assert tasks[path].timing is not None and tasks[path].timing.text == "năm 2026"
    assert "Ban Xây dựng Đảng" not in tasks["II.1.a-2"].text  # a line, not the item's text


def test_plus_items_nest_under_a_dash_item() -> None:
    tasks = _tasks("ctr-dang-uy-xa-dong-giao.txt")
    assert {"II.3-1-1", "II.3-1-2", "II.3-2"} <= set(tasks)
    assert "II.3-1" not in tasks  # "- Văn hóa:" only introduces its "+" items


def test_a_closing_assignment_sentence_assigns_its_item() -> None:
    tasks = _tasks("ctr-dang-uy-xa-dong-giao.txt")
    item = tasks["II.1.b"]
    assert item.lead == ["Trung tâm Chính trị xã"] and item.coordinating == ["các chi bộ"]
    assert item.timing is not None and item.timing.text == "Quý III/2026"


def test_a_party_intro_gives_every_clause_its_subject() -> None:
    tasks = _tasks("ctr-dang-uy-xa-dong-giao.txt")
    assert tasks["II.2-1"].implementing == ["Đảng ủy", "Ủy ban nhân dân xã"]
    assert tasks["II.2-1"].timing is not None and tasks["II.2-1"].timing.text == "Quý II/2026"


def test_a_topic_label_does_not_hide_the_subject() -> None:
    tasks = _tasks("ctr-dang-uy-xa-dong-giao.txt")
    assert tasks["II.2-2"].implementing == ["Ban Quản lý dự án xã"]
    assert conventions.after_topic("Y tế: Trạm Y tế xã duy trì") == "Trạm Y tế xã duy trì"
    assert conventions.after_topic("Sở Y tế: chủ trì") == "Sở Y tế: chủ trì"  # a body prefix


def test_a_time_adverb_before_the_subject() -> None:
    tasks = _tasks("ctr-dang-uy-xa-dong-giao.txt")
    assert tasks["III.1"].lead == ["Ủy ban Kiểm tra Đảng ủy"]
    assert tasks["III.1"].coordinating == ["Ban Xây dựng Đảng"]


def test_the_executive_committee_named_in_the_preamble_issues() -> None:
    info = parse_file(FIXTURES / "ctr-dang-uy-xa-dong-giao.txt").document
    assert info.issuer == "Ban Chấp hành Đảng bộ xã Mỹ An"
    assert info.issuer_parent == "Đảng bộ tỉnh Lâm Giang"
    assert info.implements == ["01-NQ/ĐH"]  # the title names it; the citation numbers it


def test_assignment_lines_are_told_from_duties() -> None:
    assert is_assignment_line("Các chi bộ thực hiện; Ban Xây dựng Đảng hướng dẫn, theo dõi.")
    assert is_assignment_line("Giao Ban Tuyên giáo chủ trì, phối hợp với Đoàn Thanh niên xã.")
    assert is_assignment_line(
        "- Ủy ban nhân dân xã chủ trì, phối hợp Công an xã tham mưu, trình trong tháng 3/2026"
    )
    assert not is_assignment_line("Sở Y tế chủ trì, phối hợp với các sở tổ chức hội nghị tổng kết.")
    assert not is_assignment_line("Hội Nông dân xã vận động hội viên tham gia tổ hợp tác.")
    assert trailing_assignment("Tổ chức tọa đàm. Đoàn Thanh niên xã thực hiện thường xuyên.") == (
        "Đoàn Thanh niên xã thực hiện thường xuyên."
    )
    assert trailing_assignment("Đoàn Thanh niên xã thực hiện thường xuyên.") is None


def test_from_assignment_reads_every_clause() -> None:
    found = resp.from_assignment(
        "Các chi bộ thực hiện; Ban Tuyên giáo hướng dẫn. Thời gian: hằng năm."
    )
    assert found.implementing == ["Các chi bộ", "Ban Tuyên giáo"]
    assert found.timing is not None and found.timing.text == "hằng năm"


def test_closing_timings_of_party_items() -> None:
    def text(sentence: str) -> str | None:
        found = timing_from_sentence(sentence)
        return found.text if found else None

    assert text("Xây dựng đề án, trình Ban Thường vụ trong Quý IV/2026.") == "Quý IV/2026"
    assert text("Xây dựng 02 mô hình; hoàn thành năm 2028.") == "năm 2028"
    assert text("Tiếp tục thực hiện Chương trình trong năm 2026 để nâng cao") is None


def test_submission_timings_of_a_whole_term_programme() -> None:
    """A whole-term work programme says when each item is submitted, with or without a
    preposition, sometimes where ("tại Hội nghị …"), sometimes with a recurrence."""
    cases = {
        "Văn phòng Đảng ủy chủ trì, phối hợp với Ban Tổ chức tham mưu; trình quý IV/2026.": (
            "quý IV/2026"
        ),
        "Ủy ban nhân dân xã chủ trì tham mưu, trình tại Hội nghị Ban Chấp hành tháng 6/2026.": (
            "tháng 6/2026"
        ),
        "Ban Tuyên giáo chủ trì, phối hợp với Hội Cựu chiến binh xã tham mưu, trình trong "
        "tháng 3/2026 và hằng năm.": "tháng 3/2026 và hằng năm",
        "Văn phòng Đảng ủy tham mưu, trình tháng 12 hằng năm.": "tháng 12 hằng năm",
        "Ủy ban Kiểm tra Đảng ủy tham mưu thực hiện, trình vào quý I hằng năm.": ("quý I hằng năm"),
    }
    for line, timing in cases.items():
        assert is_assignment_line(line), line
        found = resp.from_assignment(line)
        assert found.timing is not None and found.timing.text == timing, line
        assert found.lead or found.implementing, line


def test_central_party_group_under_the_central_committee() -> None:
    issuer, parent = compose_issuer(["BAN CHẤP HÀNH TRUNG ƯƠNG", "ĐẢNG ĐOÀN QUỐC HỘI"])
    assert (issuer, parent) == ("Đảng đoàn Quốc hội", "Ban Chấp hành Trung ương")


def test_party_group_addressees_under_lettered_headings() -> None:
    text = "\n".join(
        [
            "BAN CHẤP HÀNH TRUNG ƯƠNG",
            "ĐẢNG ĐOÀN QUỐC HỘI",
            "Số 15-KH/ĐĐ",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Hà Nội, ngày 03 tháng 02 năm 2026",
            "KẾ HOẠCH",
            "thực hiện Kết luận số 21-KL/TW",
            "I. PHÂN CÔNG NHIỆM VỤ",
            "1. Các Tổ đảng thực hiện các nhiệm vụ sau:",
            "a) Tổ đảng ở Thường trực Ủy ban KH,CN&MT",
            "- Là cơ quan đầu mối theo dõi, đôn đốc việc thực hiện Kế hoạch.",
            "- Chủ trì thẩm tra các dự án luật về chuyển đổi số.",
            "- Tham gia ý kiến về các chính sách liên quan.",
            "b) Lãnh đạo Ban Dân nguyện",
            "- Chủ trì tổng hợp kiến nghị của cử tri.",
        ]
    )
    result = parse_text(text)
    assert result.document.issuer == "Đảng đoàn Quốc hội"
    assert result.document.issuer_parent == "Ban Chấp hành Trung ương"
    tasks = {t.path: t for t in result.tasks}
    body = "Tổ đảng ở Thường trực Ủy ban KH,CN&MT"
    assert tasks["I.1.a-1"].lead == [body] and tasks["I.1.a-2"].lead == [body]
    assert tasks["I.1.a-3"].implementing == [body]
    assert tasks["I.1.b-1"].lead == ["Lãnh đạo Ban Dân nguyện"]


def test_comma_inside_an_abbreviation_is_no_list_separator() -> None:
    assert split_bodies("Ủy ban KH,CN&MT, Ủy ban Kinh tế") == ["Ủy ban KH,CN&MT", "Ủy ban Kinh tế"]
    assert split_bodies("Các Đoàn đại biểu Quốc hội, các đại biểu Quốc hội") == [
        "Các Đoàn đại biểu Quốc hội",
        "các đại biểu Quốc hội",
    ]


def test_assignment_of_duties_over_thematic_items_is_a_duty_section() -> None:
    """'II. PHÂN CÔNG NHIỆM VỤ' over thematic items whose bullets give bodies work, with a
    'TỔ CHỨC THỰC HIỆN' of its own after it: every bullet is a duty, also one that names
    no body (read as an organisation section, it would be lost)."""
    text = (
        "KẾ HOẠCH\nthực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Quán triệt đầy đủ nội dung Nghị quyết.\n"
        "II. PHÂN CÔNG NHIỆM VỤ\n1. Tuyên truyền, quán triệt Nghị quyết\n"
        "- Tổ chức học tập Nghị quyết đến toàn thể đảng viên trong các chi bộ trực thuộc.\n"
        "- Ban Tuyên giáo Đảng ủy Khối chủ trì biên soạn tài liệu hỏi đáp về Nghị quyết.\n"
        "2. Lãnh đạo ứng dụng công nghệ số\n"
        "- Các đảng ủy cơ sở lãnh đạo cơ quan, đơn vị số hóa hồ sơ công việc.\n"
        "- Văn phòng Đảng ủy Khối triển khai sổ tay đảng viên điện tử.\n"
        "III. TỔ CHỨC THỰC HIỆN\n1. Ban Tuyên giáo Đảng ủy Khối theo dõi, đôn đốc, tổng hợp, "
        "định kỳ hằng năm báo cáo Ban Thường vụ Đảng ủy Khối.\n"
    )
    result = parse_text(text)
    assert [t.path for t in result.tasks] == ["II.1-1", "II.1-2", "II.2-1", "II.2-2", "III.1"]
    assert result.focal_agency == "Ban Tuyên giáo Đảng ủy Khối"


def test_work_programme_grouped_by_year() -> None:
    """'II. NỘI DUNG CÔNG TÁC TOÀN KHÓA' over '1. Năm 2026' / '1.1 …': the contents of a
    work programme are its duties; an item whose line states no month or quarter takes
    the year it sits under as its timing."""
    text = (
        "CHƯƠNG TRÌNH\ncông tác toàn khóa của Ban Chấp hành Đảng bộ xã An Thạnh\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n- Cụ thể hóa Nghị quyết Đại hội.\n"
        "II. NỘI DUNG CÔNG TÁC TOÀN KHÓA\n1. Năm 2026\n"
        "1.1. Lãnh đạo ban hành Quy chế phối hợp với Mặt trận Tổ quốc xã.\n"
        "Giao Văn phòng Đảng ủy chủ trì tham mưu; thời gian: quý I/2026.\n"
        "1.2. Lãnh đạo thực hiện các chỉ tiêu phát triển kinh tế - xã hội của xã.\n"
        "Giao Đảng ủy Ủy ban nhân dân xã lãnh đạo thực hiện.\n"
        "2. Năm 2027\n2.1. Kiểm tra việc thực hiện Nghị quyết ở các chi bộ.\n"
        "Giao Ủy ban Kiểm tra Đảng ủy thực hiện.\n"
    )
    tasks = {t.path: t for t in parse_text(text).tasks}
    assert set(tasks) == {"II.1.1", "II.1.2", "II.2.1"}
    timing = {path: task.timing.text if task.timing else None for path, task in tasks.items()}
    assert timing == {"II.1.1": "quý I/2026", "II.1.2": "Năm 2026", "II.2.1": "Năm 2027"}
