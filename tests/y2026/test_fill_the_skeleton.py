"""The slots are meant to be replaced from Phụ lục I: the set's workbook is exported, rows are
renumbered, moved between criteria, given wording and per-group thresholds, and imported back
over the shipped set; a group-2 commune is then assessed against the group-2 thresholds."""
from __future__ import annotations

from openpyxl import load_workbook

from db.bootstrap import prepare
from db.connection import close_database
from db.models import CriteriaSet, Criterion, Indicator


def test_slots_are_moved_renumbered_filled_and_read_against_group_thresholds(tmp_path, cli):
    db, book_path = tmp_path / "ntm.db", tmp_path / "khung.xlsx"
    assert cli("--db", db, "--today", "2026-12-02", "init", "--commune", "Tân An", "--province",
               "An Giang", "--code", "30316", "--group", "2")[0] == 0
    code, out, err = cli("--db", db, "--today", "2026-12-02", "catalogue", "export", book_path)
    assert code == 0 and "national-2026-2030" in out, err  # the current year's set by default
    book = load_workbook(book_path)
    sheet = book["Chỉ tiêu"]
    head = [c.value for c in sheet[1]]
    col = {name: head.index(name) + 1 for name in head}
    rows = list(range(2, sheet.max_row + 1))
    assert len(rows) == 47
    # Made-up official text (the test's, not the decree's): slot 1.5 moves to criterion 2 as 2.6,
    # slot 1.1 becomes a yes/no indicator, slot 1.2 a percentage with thresholds by group.
    r15 = next(r for r in rows if sheet.cell(r, col["Mã chỉ tiêu"]).value == "1.5")
    sheet.cell(r15, col["Mã tiêu chí"]).value = "2"
    sheet.cell(r15, col["Tên tiêu chí"]).value = "Hạ tầng kinh tế - xã hội"
    sheet.cell(r15, col["Mã chỉ tiêu"]).value = "2.6"
    r11 = next(r for r in rows if sheet.cell(r, col["Mã chỉ tiêu"]).value == "1.1")
    sheet.cell(r11, col["Nội dung chỉ tiêu"]).value = "Chỉ tiêu thử A (đặt tên trong kiểm thử)"
    sheet.cell(r11, col["Loại"]).value = "Đạt/Không đạt"
    for name in ("So sánh", "Ngưỡng", "Đơn vị", "Ngưỡng theo nhóm xã"):
        sheet.cell(r11, col[name]).value = None
    r12 = next(r for r in rows if sheet.cell(r, col["Mã chỉ tiêu"]).value == "1.2")
    sheet.cell(r12, col["Nội dung chỉ tiêu"]).value = "Tỷ lệ thử B (đặt tên trong kiểm thử)"
    sheet.cell(r12, col["Ngưỡng theo nhóm xã"]).value = "1: >= 95 %; 2: >= 80 %; 3: >= 60 %"
    sheet.cell(r12, col["Đã xác minh"]).value = "Có"
    sheet.cell(r12, col["Nguồn xác minh"]).value = "51/2025/QĐ-TTg, Phụ lục I"
    book.save(book_path)

    code, out, err = cli("--db", db, "catalogue", "import", book_path, "--replace")
    assert code == 0, err
    assert "2.6" in out and "1.5" in out  # added and removed are named
    prepare(db, create=False)
    try:
        cset = CriteriaSet.get(CriteriaSet.code == "national-2026-2030")
        inds = {i.code: i for i in Indicator.select().join(Criterion).where(Criterion.criteria_set == cset)}
        assert len(inds) == 47 and "1.5" not in inds and inds["2.6"].criterion.code == "2"
        assert inds["1.1"].kind == "yesno" and inds["1.2"].verified
    finally:
        close_database()
    # The group-2 commune is read against 80 %: 82 meets it, 79 does not.
    code, out, err = cli("--db", db, "set", "1.2", "--year", "2026", "--value", "82")
    assert code == 0, err
    code, out, _ = cli("--db", db, "status", "--year", "2026", "--indicators", "--format", "csv")
    line = next(row for row in out.splitlines() if row.startswith("1.2,"))
    assert ">= 80%" in line and "Đạt" in line and "Chưa đạt" not in line
    assert cli("--db", db, "set", "1.2", "--year", "2026", "--value", "79")[0] == 0
    code, out, _ = cli("--db", db, "status", "--year", "2026", "--indicators", "--format", "csv")
    assert "Chưa đạt" in next(row for row in out.splitlines() if row.startswith("1.2,"))


def _filled_book(tmp_path, cli):
    db, book_path = tmp_path / "ntm.db", tmp_path / "khung.xlsx"
    assert cli("--db", db, "--today", "2026-12-02", "init", "--commune", "Tân An", "--province",
               "An Giang", "--code", "30316", "--group", "2")[0] == 0
    assert cli("--db", db, "--today", "2026-12-02", "catalogue", "export", book_path)[0] == 0
    book = load_workbook(book_path)
    sheet = book["Chỉ tiêu"]
    head = [c.value for c in sheet[1]]
    col = {name: head.index(name) + 1 for name in head}
    for row in range(2, sheet.max_row + 1):  # made-up values: the test's, not the decree's
        sheet.cell(row, col["Nội dung chỉ tiêu"]).value = f"Chỉ tiêu thử hàng {row}"
        sheet.cell(row, col["Ngưỡng theo nhóm xã"]).value = "1: >= 90 %; 2: >= 70 %; 3: >= 50 %"
    return db, book_path, book, sheet, col


def test_a_filled_workbook_is_previewed_without_writing_then_imported(tmp_path, cli):
    from tests.y2026.conftest import digest

    db, book_path, book, sheet, col = _filled_book(tmp_path, cli)
    book.save(book_path)
    before = digest(db)
    code, out, err = cli("--db", db, "catalogue", "import", book_path, "--replace", "--dry-run")
    assert code == 0, err
    assert "chưa ghi gì" in out and "1.1: nội dung, ngưỡng" in out
    assert "0 chỉ tiêu chưa có ngưỡng" in out
    assert digest(db) == before  # a preview writes nothing
    code, out, _ = cli("--db", db, "catalogue", "list")
    assert "10/47" in out and "0/47           0           0          47" in out  # still unknown
    assert cli("--db", db, "catalogue", "import", book_path, "--replace")[0] == 0
    code, out, _ = cli("--db", db, "catalogue", "list")
    assert "0/47           0           0          0 " in out  # thresholds by group count as known


def test_every_bad_row_is_named_and_nothing_is_written(tmp_path, cli):
    from tests.y2026.conftest import digest

    db, book_path, book, sheet, col = _filled_book(tmp_path, cli)
    sheet.cell(3, col["Loại"]).value = "xyz"
    sheet.cell(5, col["Ngưỡng"]).value = "abc"
    sheet.cell(7, col["Ngưỡng theo nhóm xã"]).value = "1: >= 8x"  # a typo, not 8 of a unit "x"
    book.save(book_path)
    before = digest(db)
    code, out, err = cli("--db", db, "catalogue", "import", book_path, "--replace")
    assert code == 2 and "3 lỗi" in err
    lines = err.splitlines()
    assert [next(w for w in ("hàng 3", "hàng 5", "hàng 7") if w in line) for line in lines[1:]] == \
        ["hàng 3", "hàng 5", "hàng 7"]
    assert "xyz" in lines[1] and "abc" in lines[2] and "8x" in lines[3]
    assert digest(db) == before


def test_the_indicators_own_threshold_holds_where_its_groups_are_unknown(tmp_path, cli):
    """The slots ship with "1: >= ?; 2: >= ?; 3: >= ?": an officer who typed «Ngưỡng» 100 in the
    definition form still read "≥ ?" and "Chưa đánh giá" for their group-2 commune, and the
    value measured before stayed unassessed. A group's known threshold still wins over the
    indicator's own."""
    from db.services.catalogue_edit import indicator_definition, update_indicator

    db = tmp_path / "ntm.db"
    assert cli("--db", db, "--today", "2026-12-02", "init", "--commune", "Phú Lộc", "--group", "2")[0] == 0
    prepare(db, create=False)
    try:
        ind = _slot("1.1")
        before = indicator_definition(ind.id)
        assert before.by_group and all(t["value"] is None for t in before.by_group.values())
    finally:
        close_database()
    # Measured before the target was known: it waits, unassessed, for the threshold.
    assert cli("--db", db, "set", "1.1", "--year", "2026", "--value", "72,5")[0] == 0
    code, out, _ = cli("--db", db, "status", "--year", "2026", "--indicators", "--format", "csv")
    assert "Chưa đánh giá" in next(row for row in out.splitlines() if row.startswith("1.1,"))
    from db.changelog import undo_batch

    for undone in (True, False):  # ctrl+z takes the target and the assessment back together
        prepare(db, create=False)
        try:
            batch = update_indicator(ind.id, content="Quy hoạch chung được duyệt", threshold="100",
                                     unit="%", expected_version=indicator_definition(ind.id).version)
            if undone:
                undo_batch(batch)
        finally:
            close_database()
        code, out, _ = cli("--db", db, "status", "--year", "2026", "--indicators", "--format", "csv")
        line = next(row for row in out.splitlines() if row.startswith("1.1,"))
        if undone:
            assert ">= ?" in line and "Chưa đánh giá" in line, line
        else:
            assert ">= 100%" in line and "Chưa đạt" in line, line  # assessed once the target is known
    assert cli("--db", db, "set", "1.1", "--year", "2026", "--value", "100")[0] == 0
    code, out, _ = cli("--db", db, "status", "--year", "2026", "--indicators", "--format", "csv")
    line = next(row for row in out.splitlines() if row.startswith("1.1,"))
    assert ">= 100%" in line and ",Đạt," in line, line
    prepare(db, create=False)
    try:
        ind = _slot("1.1")
        update_indicator(ind.id, by_group="1: >= 100 %; 2: >= 120 %; 3: >= ?",
                         expected_version=indicator_definition(ind.id).version)
    finally:
        close_database()
    code, out, _ = cli("--db", db, "status", "--year", "2026", "--indicators", "--format", "csv")
    line = next(row for row in out.splitlines() if row.startswith("1.1,"))
    assert ">= 120%" in line, line  # the result recorded stays as assessed: the officer re-records it


def _slot(code: str) -> Indicator:
    return (Indicator.select().join(Criterion).join(CriteriaSet)
            .where((CriteriaSet.code == "national-2026-2030") & (Indicator.code == code)).get())
