"""Issue 14: a periodic report says what the data said at the period's end, in the parts a
commune sends upward, with the officer's own text per period and no internals."""
from __future__ import annotations

import json
import re

import docx
import pytest

from db.connection import close_database
from ntm_tui.__main__ import main
from tests.exports.pdfread import text_of


def run(capsys, *argv):
    close_database()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def flat(text: str) -> str:
    """PDF text with lines joined (words wrap at different places in different reports)."""
    return re.sub(r"\s+", " ", text)


def body_of(pdf) -> str:
    """The report's words without its date line (the export date differs between exports)."""
    return re.sub(r"ngày \d\d tháng \d+ năm \d{4}", "", flat(text_of(pdf)))


def test_a_quarter_report_is_the_same_when_exported_again_after_a_later_value(demo_db, tmp_path, capsys):
    db = str(demo_db)
    first, again, q2 = (tmp_path / n for n in ("q1.pdf", "q1-again.pdf", "q2.pdf"))
    assert run(capsys, "--db", db, "export", "report", "--period", "2023-Q1", "-o", str(first))[0] == 0
    code, out, err = run(capsys, "--db", db, "set", "12.2", "--year", "2023", "--value", "30",
                         "--data-date", "15/06/2023")
    assert code == 0, err
    assert run(capsys, "--db", db, "export", "report", "--period", "2023-Q1", "-o", str(again))[0] == 0
    assert body_of(first) == body_of(again)
    assert "Chỉ tiêu 12.2 (" not in body_of(first)
    assert run(capsys, "--db", db, "export", "report", "--period", "2023-Q2", "-o", str(q2))[0] == 0
    second = body_of(q2)
    assert "Chỉ tiêu 12.2 (" in second and "Chưa đạt → Đạt (20 % → 30 %)" in second
    assert "41/57 chỉ tiêu" in second and "So với đầu năm, tăng 01 chỉ tiêu." in second


def test_status_as_of_agrees_with_the_quarter_report(demo_db, tmp_path, capsys):
    db = str(demo_db)
    run(capsys, "--db", db, "set", "12.2", "--year", "2023", "--value", "30", "--data-date", "15/06/2023")
    code, out, _ = run(capsys, "--db", db, "status", "--as-of", "2023-03-31", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert (doc["criteria_met"], doc["indicators_met"], doc["as_of"]) == (9, 40, "2023-03-31")
    pdf = tmp_path / "q1.pdf"
    run(capsys, "--db", db, "export", "report", "--period", "2023-Q1", "-o", str(pdf))
    assert "Tính đến ngày 31/03/2023, xã đạt 9/19 tiêu chí, 40/57 chỉ tiêu" in body_of(pdf)
    code, out, _ = run(capsys, "--db", db, "status", "--as-of", "2023-06-30")
    assert "Năm 2023 (tính đến ngày 30/06/2023): 9/19 tiêu chí, 41/57 chỉ tiêu" in out
    code, _, err = run(capsys, "--db", db, "status", "--as-of", "31/02/2023")
    assert code == 2 and "Traceback" not in err and err.strip()


def test_a_value_dated_back_into_the_period_is_printed_and_said_entered_later(demo_db, tmp_path, capsys):
    db = str(demo_db)
    run(capsys, "--db", db, "--today", "20/07/2023", "set", "12.2", "--year", "2023", "--value", "26,5",
        "--data-date", "10/03/2023")
    pdf = tmp_path / "q1.pdf"
    run(capsys, "--db", db, "export", "report", "--period", "2023-Q1", "-o", str(pdf))
    text = body_of(pdf)
    assert "Chỉ tiêu 12.2 (" in text and "20 % → 26,5 %" in text
    assert "(số liệu ngày 10/03/2023, cập nhật ngày" in text


def test_undo_takes_the_value_out_of_the_history_too(demo_db, capsys):
    from datetime import date

    from db.changelog import last_batch, undo_batch
    from db.connection import open_database
    from db.services.results import set_result
    from db.services.status import year_status

    open_database(demo_db)
    set_result(1, 2023, "12.2", value="30", data_date="15/06/2023")
    assert year_status(1, 2023, as_of=date(2023, 6, 30)).counts.indicators_met == 41
    undo_batch(last_batch(1))
    assert year_status(1, 2023, as_of=date(2023, 6, 30)).counts.indicators_met == 40
    assert year_status(1, 2023).counts.indicators_met == 40


@pytest.fixture
def new_commune(tmp_path, capsys):
    db = str(tmp_path / "new.db")
    code, _, err = run(capsys, "--db", db, "--today", "2026-12-02", "init", "--commune", "Tân An",
                       "--province", "An Giang", "--code", "30316", "--group", "2")
    assert code == 0, err
    return db


def test_the_year_report_of_a_commune_with_nothing_targeted_says_nothing_false(new_commune, tmp_path, capsys):
    pdf = tmp_path / "bao-cao.pdf"
    code, _, err = run(capsys, "--db", new_commune, "--today", "2026-12-02", "export", "report",
                       "--period", "2026", "-o", str(pdf))
    assert code == 0, err
    text = body_of(pdf)
    assert "đều đã đạt" not in text
    assert "Kế hoạch năm 2026 chưa đăng ký chỉ tiêu phấn đấu đạt trong năm." in text
    assert "xã đạt 0/10 tiêu chí, 0/47 chỉ tiêu" in text
    assert "không thay đổi so với đầu năm" in text
    for internal in ("root", "tester", "value_number", "status", "Người thực hiện", "Thay đổi trong kỳ"):
        assert internal not in text, internal
    assert "Ủy ban nhân dân xã Tân An" in text or "Ban Quản lý xây dựng nông thôn mới xã Tân An" in text
    # The criteria table: all ten criteria with met / total
    assert "Quy hoạch" in text and text.count("Chưa đạt") >= 10


def test_officer_text_per_period_in_pdf_and_docx_and_the_six_month_period(new_commune, tmp_path, capsys):
    from db.connection import open_database
    from db.services.report_texts import save_period_texts, save_template

    open_database(new_commune)
    save_period_texts(1, "2026-H1", {"ton_tai": "Nguồn lực còn hạn chế.\nMột số ấp chậm tiến độ.",
                                     "kien_nghi": "Đề nghị tỉnh hỗ trợ kinh phí làm đường."})
    save_template(1, "half", {"chi_dao": "Công tác chỉ đạo", "bo_tieu_chi": "Kết quả Bộ tiêu chí",
                              "ton_tai": "Hạn chế", "kien_nghi": "Đề xuất, kiến nghị"})
    close_database()
    pdf, word = tmp_path / "h1.pdf", tmp_path / "h1.docx"
    for out in (pdf, word):
        code, said, err = run(capsys, "--db", new_commune, "--today", "2026-12-02", "export", "report",
                              "--period", "2026-H1", "-o", str(out), "--annex")
        assert code == 0, err
    text = body_of(pdf)
    assert "6 tháng đầu năm 2026" in text
    assert "II. HẠN CHẾ Nguồn lực còn hạn chế. Một số ấp chậm tiến độ." in text
    assert "III. ĐỀ XUẤT, KIẾN NGHỊ Đề nghị tỉnh hỗ trợ kinh phí làm đường." in text
    assert "PHỤ LỤC: KẾT QUẢ TỪNG CHỈ TIÊU" in text
    assert "PHƯƠNG HƯỚNG" not in text  # the template left part III out of six-month reports
    document = docx.Document(str(word))
    paragraphs = [p.text for p in document.paragraphs]
    assert "Nguồn lực còn hạn chế." in paragraphs and "II. HẠN CHẾ" in paragraphs
    # Another period carries none of it
    q3 = tmp_path / "q3.pdf"
    run(capsys, "--db", new_commune, "--today", "2026-12-02", "export", "report", "--period", "2026-Q3",
        "-o", str(q3))
    assert "Nguồn lực còn hạn chế" not in body_of(q3)


def test_history_speaks_in_words(demo_db, capsys):
    db = str(demo_db)
    run(capsys, "--db", db, "set", "12.2", "--year", "2023", "--value", "30", "--data-date", "15/06/2023")
    code, out, _ = run(capsys, "--db", db, "history", "--limit", "5")
    assert code == 0
    assert "Giá trị: 20 % → 30 %" in out and "Kết quả: Chưa đạt → Đạt" in out
    assert "Ngày số liệu: 31/12/2022 → 15/06/2023" in out
    for raw in ("value_number", "not_met", " met", "data_date", "2023-06-15"):
        assert raw not in out, raw


def test_works_cost_and_source_become_the_resources_part_and_travel_in_the_plan_file(
        new_commune, tmp_path, capsys):
    from db.connection import open_database
    from db.services.plans import add_plan_work
    from db.services.status import year_status

    open_database(new_commune)
    first = year_status(1, 2026).indicators()[0].id
    add_plan_work(1, 2026, first, "Đường ấp 1", cost="1.250.000.000", funding_source="ngan_sach_tinh")
    add_plan_work(1, 2026, first, "Đường ấp 2", cost=350000000, funding_source="nhan_dan")
    add_plan_work(1, 2026, first, "Cống ấp 3")  # no amount: not counted
    close_database()
    pdf = tmp_path / "nam.pdf"
    run(capsys, "--db", new_commune, "--today", "2026-12-02", "export", "report", "--period", "2026",
        "-o", str(pdf))
    text = body_of(pdf)
    assert "Nguồn lực huy động Tổng kinh phí 2 công trình đã ghi nhận: 1.600.000.000 đồng, gồm:" in text
    assert "- Ngân sách tỉnh: 1.250.000.000 đồng" in text and "- Nhân dân đóng góp: 350.000.000 đồng" in text
    plan = tmp_path / "plan.yaml"
    code, _, err = run(capsys, "--db", new_commune, "plan", "get", "--year", "2026", "-o", str(plan))
    assert code == 0, err
    text = plan.read_text(encoding="utf-8")
    assert "cost: '1250000000'" in text or "cost: 1250000000" in text
    assert "source: ngan_sach_tinh" in text
    code, _, err = run(capsys, "--db", new_commune, "plan", "put", str(plan), "--year", "2026")
    assert code == 0, err


def test_a_report_says_on_which_day_its_numbers_and_its_works_state_hold(
        new_commune, tmp_path, capsys):
    """Works keep no dated history: a report exported once its period has ended gives their
    state on the export day and says so; overdue means overdue on that day. A report written
    before its period ends gives the numbers of the export day, not of a day still to come."""
    from datetime import date

    from db.connection import open_database
    from db.services.plans import add_plan_work, toggle_target
    from db.services.status import year_status

    open_database(new_commune)
    first = year_status(1, 2026).indicators()[0].id
    toggle_target(1, 2026, first)
    add_plan_work(1, 2026, first, "Đường ấp 1", due_date=date(2026, 11, 20), cost=500000000)
    add_plan_work(1, 2026, first, "Cống ấp 2", due_date=date(2026, 12, 20))
    close_database()

    def report(period: str) -> str:
        pdf = tmp_path / f"{period}.pdf"
        code, _, err = run(capsys, "--db", new_commune, "--today", "2026-12-02", "export", "report",
                           "--period", period, "-o", str(pdf))
        assert code == 0, err
        return body_of(pdf)

    past = report("2026-Q3")
    assert "và công trình (tình trạng công trình tính đến ngày 02/12/2026):" in past
    assert "Tổng kinh phí 1 công trình đã ghi nhận đến ngày 02/12/2026: 500.000.000 đồng" in past
    assert "Đường ấp 1: Chưa triển khai, quá hạn, hạn 20/11/2026" in past
    assert "Cống ấp 2: Chưa triển khai, hạn 20/12/2026" in past  # not yet due on the export day

    current = report("2026-12")  # December, exported on its 2nd day
    assert "(tình trạng công trình tính đến ngày" not in current
    assert "Tính đến ngày 02/12/2026, xã đạt" in current  # not the 31st, a day still to come
    assert "Tổng kinh phí 1 công trình đã ghi nhận: 500.000.000 đồng" in current
    assert "Cống ấp 2: Chưa triển khai, hạn 20/12/2026" in current  # due before the month ends, not passed
