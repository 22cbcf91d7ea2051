"""What the reports say: the database's strings, exactly, with their diacritics."""
from __future__ import annotations

import re
import shutil
from datetime import date, datetime

import pdfplumber
import pytest

from db.bootstrap import prepare
from db.connection import close_database
from tests.exports.conftest import TODAY
from tests.exports.pdfread import body_text_of, flat, pages_of, table_rows, text_of

TARGETED = ["1.1", "1.2", "2.1", "2.4", "11", "12.1", "12.2", "13.3", "18.1"]


def _db_strings(db_path):
    """Texts the plan must carry, read from the database itself."""
    from db.models import Plan, PlanItem, PlanSection, WorkItem

    prepare(db_path, create=False)
    try:
        plan = Plan.get(Plan.year == 2023)
        items = [(i.indicator.code, i.kind, i.text) for i in PlanItem.select().where(PlanItem.plan == plan)]
        sections = [line.strip() for s in PlanSection.select().where(PlanSection.plan == plan)
                    for line in s.body.splitlines() if line.strip()]
        works = [w.title for w in WorkItem.select().where(WorkItem.plan == plan)]
        return plan, items, sections, works
    finally:
        close_database()


def test_plan_carries_the_seed_plan(demo_pdfs, demo_template):
    text = text_of(demo_pdfs["plan"])
    plan, items, sections, works = _db_strings(demo_template)
    for needle in ("đã hoàn thành 9/19 tiêu chí và 40/57 chỉ tiêu",
                   "hoàn thành thêm 06 tiêu chí: 1; 2; 11; 12; 13; 18 và 09 chỉ tiêu: 1.1; 1.2; "
                   "2.1; 2.4; 11; 12.1; 12.2; 13.3; 18.1 để nâng lên 15/19 tiêu chí và 49/57 chỉ tiêu",
                   "I. MỤC ĐÍCH, YÊU CẦU", "II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU",
                   "III. TỔ CHỨC THỰC HIỆN", "IV. CHẾ ĐỘ HỘI HỢP, BÁO CÁO",
                   "Trên đây là kế hoạch về việc thực hiện Chương trình mục tiêu quốc gia xây dựng "
                   "nông thôn mới năm 2023./.", "* Tiêu chí 2: Giao thông",
                   "Theo Quyết định số 289/QĐ-UBND ngày 29/7/2022", plan.subject, plan.signer_name):
        assert needle in text, needle
    for code in TARGETED:
        assert f"Chỉ tiêu {code}:" in text, code
    assert "Chỉ tiêu 11.1" not in text  # a single-indicator criterion keeps its own code
    body = body_text_of(demo_pdfs["plan"])  # without page numbers: an item may cross a page
    for code, kind, item in items:
        label = "Nhiệm vụ:" if kind == "task" else "Giải pháp thực hiện:"
        assert f"{label} {flat(item)}" in body, (code, item)
    for line in sections:
        assert flat(line) in body, line
    for title in works:
        assert flat(title) in body, title
    # Tasks sit under their own indicator: 1.1's task comes after its heading, before 1.2's.
    assert text.index("Chỉ tiêu 1.1:") < text.index(flat(items[0][2])) < text.index("Chỉ tiêu 1.2:")


def test_plan_assignment_table_rows_are_complete(demo_pdfs):
    rows = table_rows(demo_pdfs["plan"])
    data = [r for r in rows if r[0] and r[0].strip().isdigit()]
    assert [int(r[0]) for r in data] == list(range(1, 20))
    assert all(len(r) == 4 and r[1] and r[2] for r in data)
    assert any("Dương Văn Cảnh" in flat(r[2]) for r in data)


def test_report_lists_all_57_indicators_in_complete_rows(demo_pdfs, demo_template):
    from db.models import CriteriaSet, Criterion, Indicator

    prepare(demo_template, create=False)
    try:
        codes = {i.code for i in Indicator.select().join(Criterion).join(CriteriaSet)
                 .where(CriteriaSet.code == "an-giang-2021-2025")}
    finally:
        close_database()
    assert len(codes) == 57
    tables = [t for page in pages_of(demo_pdfs["report"]) for t in page.tables
              if t[0][:2] == ["Mã", "Nội dung"] and t[0][4] == "Kết quả"]
    rows = [row for table in tables for row in table]
    indicator_rows = [r for r in rows if r[0] and re.fullmatch(r"\d+(\.\d+)?", r[0])]
    assert {r[0] for r in indicator_rows} == codes
    assert len(indicator_rows) == 57
    for row in indicator_rows:
        assert all(cell is not None for cell in row), row
        assert row[1] and row[2] and row[4] in ("Đạt", "Chưa đạt", "Không áp dụng", "Chưa đánh giá")
    assert len(tables) >= 2  # the header row repeats on every page the table spans


def test_report_counts_and_sections(demo_pdfs):
    text = flat(text_of(demo_pdfs["report"]))
    # Exported on 05/04/2023: the year's numbers as they stand that day, not on a 31/12 to come.
    for needle in ("Tính đến ngày 05/04/2023, xã đạt 9/19 tiêu chí, 40/57 chỉ tiêu (đầu năm 2023: 9/19 "
                   "tiêu chí, 40/57 chỉ tiêu).", "Mục tiêu năm 2023: đạt 15/19 tiêu chí, 49/57 chỉ tiêu.",
                   "Trong 09 chỉ tiêu đăng ký phấn đấu trong năm, đã đạt 00, còn 09 chỉ tiêu chưa đạt.",
                   "I. KẾT QUẢ THỰC HIỆN", "1. Kết quả thực hiện Bộ tiêu chí",
                   "Nâng cấp đường cộ Núi Nổi", "II. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
                   "Thực hiện Kế hoạch số 249/KH-BQL ngày 24/02/2023", "PHỤ LỤC: KẾT QUẢ TỪNG CHỈ TIÊU"):
        assert needle in text, needle
    for internal in ("Thay đổi trong kỳ", "Hồ sơ minh chứng", "chế độ báo cáo", "Người thực hiện",
                     "đều đã đạt"):
        assert internal not in text, internal


def test_evidence_marks_what_is_missing(demo_pdfs):
    text = text_of(demo_pdfs["evidence"])
    assert "12 hồ sơ, đã có 8, còn thiếu 4" in text
    rows = [[flat(c or "") for c in row] for row in table_rows(demo_pdfs["evidence"])]
    rows = [r for r in rows if len(r) == 6]
    by_title = {r[1]: r for r in rows}
    vietgap = by_title["- Giấy chứng nhận VietGAP vùng nguyên liệu xoài"]
    assert vietgap[5] == "Còn thiếu"
    assert rows[rows.index(vietgap) - 1][0] == "13.3"  # under its indicator
    assert rows[rows.index(vietgap) - 1][5] == "Thiếu 1/1"
    assert by_title["- Xác nhận điểm phục vụ bưu chính"][5] == "Đã kiểm tra"
    assert {r[0]: r[5] for r in rows}["8.1"] == "Đủ hồ sơ"
    empty = [r for r in rows if r[5] == "Chưa có hồ sơ"]
    assert {r[0] for r in empty} >= {"2.2", "17.12", "19.2"}
    assert {r[0] for r in rows if re.fullmatch(r"\d+(\.\d+)?", r[0])} >= {"1.1", "17.10", "19.2"}
    with pdfplumber.open(demo_pdfs["evidence"]) as pdf:
        words = [w for p in pdf.pages for w in p.extract_words(extra_attrs=["fontname"])
                 if w["text"] == "thiếu"]
    assert len(words) >= 5 and all("Bold" in w["fontname"] for w in words[1:])  # [0]: the summary


def test_assignments_lists_every_criterion_and_indicator(demo_pdfs):
    rows = table_rows(demo_pdfs["assignments"])
    coded = [r for r in rows if r[0] and re.fullmatch(r"\d+(\.\d+)?", r[0])]
    assert len(coded) == 19 + 57
    lead_of = {r[0]: flat(r[2]) for r in coded if r[1].startswith("Tiêu chí")}
    assert lead_of["18"] == "Dương Văn Cảnh"
    assert "Ban phát triển ấp Hòa Tân" in flat(" ".join(r[4] or "" for r in coded if r[0] == "2"))


def _export(db, tmp_path, kind, **kw):
    from db.services.communes import get_commune
    from exports.pdf import export_report

    prepare(db, create=False)
    try:
        return export_report(kind, get_commune().id, 2023, tmp_path / f"{kind}.pdf",
                             today=TODAY, **kw)
    finally:
        close_database()


def test_user_text_is_escaped_and_nfc(demo_template, tmp_path):
    import unicodedata

    from db.models import Indicator, Plan
    from db.services.plans import add_item

    db = tmp_path / "d.db"
    shutil.copy(demo_template, db)
    prepare(db, create=False)
    odd = "Kiểm tra <b>đậm</b> & tỷ lệ < 5% \"nghèo\""
    add_item(Plan.get(), Indicator.get(Indicator.code == "1.1"), "task",
             unicodedata.normalize("NFD", odd))
    close_database()
    text = text_of(_export(db, tmp_path, "plan").path)
    assert f"Nhiệm vụ: {odd}" in text


def test_changes_and_deadlines_of_the_period(demo_template, tmp_path):
    from db.changelog import ChangeLog
    from db.services.communes import get_commune
    from db.services.deadlines import find, submit
    from db.services.results import set_result

    db = tmp_path / "d.db"
    shutil.copy(demo_template, db)
    prepare(db, create=False)
    mark = ChangeLog.select().count()
    from db.context import set_today

    set_today(date(2023, 3, 5))  # entered that day (`--today`): it holds from then
    try:
        set_result(get_commune(), 2023, "12.2", value="72,5")
    finally:
        set_today(None)
    ChangeLog.update(at=datetime(2023, 3, 5, 9, 0)).where(ChangeLog.id > mark).execute()
    jan, feb = find("R1-2023-01", date(2023, 4, 1)), find("R1-2023-02", date(2023, 4, 1))
    april = find("R1-2023-04", date(2023, 4, 1)).title
    submit(jan.id, date(2023, 1, 20))  # after the 15th: late
    submit(feb.id, date(2023, 2, 10))
    close_database()
    text = flat(text_of(_export(db, tmp_path, "report", period="2023-Q1").path))
    assert "quý I năm 2023" in text
    # The value entered on 05/03/2023 holds from then: the quarter lists it, in words
    assert "Chỉ tiêu 12.2 (" in text and "Chưa đạt → Đạt (20 % → 72,5 %)" in text
    # The commune's own reporting deadlines are a working list, not part of what it sends
    assert "20/01/2023" not in text and april not in text
    month = flat(text_of(_export(db, tmp_path / "m", "report", period="2023-02").path))
    assert "Trong tháng 02 năm 2023, không có chỉ tiêu nào thay đổi kết quả." in month


def test_english_labels_keep_the_official_header(demo_template, tmp_path):
    db = tmp_path / "d.db"
    shutil.copy(demo_template, db)
    text = text_of(_export(db, tmp_path, "report", period="2023-Q1", lang="en").path)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Recipients:" in text
    assert "I. RESULTS" in text and "Nơi nhận" not in text and "Kết quả chung" not in text


@pytest.mark.parametrize("kind", ["plan", "report", "evidence", "assignments"])
def test_a_commune_without_plan_gets_defaults(empty_db, tmp_path, kind):
    from db.services.communes import create_commune
    from exports.pdf import export_report

    commune = create_commune("Vĩnh Xương", "thị xã Tân Châu", "An Giang", today=TODAY)
    result = export_report(kind, commune.id, 2023, tmp_path / "x.pdf", today=TODAY)
    text = text_of(result.path)
    assert "UBND XÃ VĨNH XƯƠNG" in text and "Vĩnh Xương, ngày 05 tháng 4 năm 2023" in text
    assert "- Lưu: VT." in text
