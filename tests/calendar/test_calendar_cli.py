"""The calendar on the command line, as the officer (and a login script) uses it."""
import hashlib
import json
from datetime import date, timedelta

import pytest

from db.connection import close_database
from ntm_tui.__main__ import main


def run(capsys, *argv):
    close_database()
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's own errors
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def db(demo_db):
    close_database()
    return str(demo_db)


def test_march_lists_monthly_quarterly_and_meeting(db, capsys):
    code, out, err = run(capsys, "--db", db, "deadlines", "--from", "2023-03-01", "--to", "2023-03-31",
                         "--format", "json", "--today", "2023-03-16")
    rows = {(r["kind"], r["period"]): r for r in json.loads(out)}
    assert code == 0 and err == ""
    monthly, quarterly = rows[("monthly_report", "2023-03")], rows[("quarterly_report", "2023-Q1")]
    assert (monthly["due_date"], monthly["latest_date"], monthly["state"]) == ("2023-03-10", "2023-03-15", "late")
    assert (quarterly["due_date"], quarterly["latest_date"], quarterly["state"]) == ("2023-03-10", "2023-03-20", "due")
    meeting = rows[("board_meeting", "2023-Q1")]
    assert (meeting["due_date"], meeting["latest_date"], meeting["state"]) == ("2023-03-31", None, "upcoming")
    assert set(monthly) >= {"id", "kind", "period", "title", "due_date", "latest_date", "state", "flags"}
    assert len(rows) == 3


def test_november_lists_annual_report_with_dd_mm_yyyy_input(db, capsys):
    code, out, _ = run(capsys, "--db", db, "deadlines", "--from", "01/11/2023", "--to", "30/11/2023",
                       "--format", "json")
    annual = [r for r in json.loads(out) if r["kind"] == "annual_report"]
    assert code == 0
    assert [(r["due_date"], r["latest_date"], r["title"]) for r in annual] == [
        ("2023-11-10", "2023-11-20", "Báo cáo năm 2023")]


def test_late_exits_1_until_submitted(db, capsys):
    code, out, _ = run(capsys, "--db", db, "deadlines", "--late", "--today", "2023-03-16")
    assert code == 1
    assert "TRỄ HẠN" in out and "Báo cáo tháng 03/2023" in out and "Báo cáo quý" not in out
    march_id = out.split("Báo cáo tháng 03/2023")[0].rsplit("[", 1)[1].split("]")[0]
    for month in ("01", "02", "03"):
        line = next(ln for ln in out.splitlines() if f"tháng {month}/2023" in ln)
        ident = line.split("[", 1)[1].split("]")[0]
        code, said, err = run(capsys, "--db", db, "submit", ident, "--date", f"14/{month}/2023",
                              "--today", "2023-03-16")
        assert (code, err) == (0, "") and "Đã ghi nhận nộp" in said
    code, out, _ = run(capsys, "--db", db, "deadlines", "--late", "--today", "2023-03-16")
    assert (code, out.strip()) == (0, "Không có hạn nào bị trễ.")
    code, out, _ = run(capsys, "--db", db, "deadlines", "--late", "--today", "2023-03-21")
    assert code == 1 and "Báo cáo quý 1/2023" in out and f"[{march_id}]" not in out


def test_late_json_and_english(db, capsys):
    code, out, _ = run(capsys, "--db", db, "--lang", "en", "deadlines", "--late", "--today", "16/03/2023",
                       "--format", "json")
    assert code == 1 and [r["period"] for r in json.loads(out)] == ["2023-01", "2023-02", "2023-03"]
    code, out, _ = run(capsys, "--db", db, "--lang", "en", "deadlines", "--from", "2023-06-01",
                       "--to", "2023-06-30", "--today", "2023-03-16")
    assert "Upcoming" in out and "Saturday: send on 09/06/2023" in out


def test_table_shows_vietnamese_states_and_flags(db, capsys):
    code, out, _ = run(capsys, "--db", db, "deadlines", "--from", "2023-09-01", "--to", "2023-09-30",
                       "--today", "2023-09-11", "--format", "github")
    assert code == 0
    line = next(ln for ln in out.splitlines() if "Báo cáo tháng 09/2023" in ln)
    assert "Đến hạn" in line and "Chủ nhật: nên nộp ngày 08/09/2023" in line


def test_csv_has_iso_dates(db, capsys):
    code, out, _ = run(capsys, "--db", db, "deadlines", "--from", "2023-11-01", "--to", "2023-11-30",
                       "--format", "csv")
    assert code == 0
    assert out.splitlines()[0].startswith("id,kind,period,title,due_date,latest_date,state,flags")
    assert "2023-11-10,2023-11-20" in out


def test_submit_with_file_is_recorded(db, capsys, tmp_path):
    pdf = tmp_path / "bc.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    _, out, _ = run(capsys, "--db", db, "deadlines", "--format", "json", "--today", "2023-03-16")
    march = next(r for r in json.loads(out) if r["period"] == "2023-03")
    assert run(capsys, "--db", db, "submit", str(march["id"]), "--file", str(pdf), "--today",
               "2023-03-16")[0] == 0
    _, out, _ = run(capsys, "--db", db, "deadlines", "--format", "json", "--today", "2023-03-16")
    march = next(r for r in json.loads(out) if r["period"] == "2023-03")
    assert (march["state"], march["submitted_on"], march["file_path"]) == (
        "submitted", "2023-03-16", str(pdf.resolve()))


@pytest.mark.parametrize("argv, needle", [
    (["deadlines", "--from", "2023-13-01"], "Ngày không hợp lệ"),
    (["deadlines", "--from", "31/03/2023", "--to", "01/03/2023"], "sau ngày kết thúc"),
    (["deadlines", "--today", "hôm qua"], "Ngày không hợp lệ"),
    (["submit", "9999", "--today", "2023-12-31"], "Không tìm thấy hạn báo cáo mã 9999"),
    (["submit", "R1-2023-13", "--today", "2023-12-31"], "Không tìm thấy hạn báo cáo mã R1-2023-13"),
    (["submit", "R1-2023-03", "--date", "2023-03-20", "--today", "2023-03-16"], "sau ngày hôm nay"),
    (["submit", "R1-2023-03", "--file", "/khong/co/tep.pdf"], "Không tìm thấy tệp"),
    (["submit", "ba"], "Không tìm thấy hạn báo cáo mã ba"),
    (["submit"], "Lỗi tham số"),
    (["deadlines", "--ics", "/khong/co/thu-muc/lich.ics"], "Không ghi được tệp"),
])
def test_bad_input_exits_2_with_one_line_and_database_unchanged(db, capsys, argv, needle):
    run(capsys, "--db", db, "deadlines", "--today", "2023-03-16")  # a read first (it writes nothing)
    close_database()
    from pathlib import Path

    before = digest(Path(db))
    code, out, err = run(capsys, "--db", db, *argv)
    assert code == 2 and needle in err and "Traceback" not in err
    assert len([ln for ln in err.splitlines() if ln.startswith("ntm-tui")]) == 1
    assert digest(Path(db)) == before


def test_ics_holds_every_deadline_of_the_year_and_parses_back(db, capsys, tmp_path):
    from icalendar import Calendar

    path = tmp_path / "lich.ics"
    code, out, _ = run(capsys, "--db", db, "deadlines", "--ics", str(path), "--today", "2023-03-16")
    _, listing, _ = run(capsys, "--db", db, "deadlines", "--format", "json", "--today", "2023-03-16")
    rows = json.loads(listing)
    assert code == 0 and f"Đã ghi {len(rows)} hạn" in out
    events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert len(events) == len(rows) == 21 + 3
    uids = [str(e["uid"]) for e in events]
    assert len(set(uids)) == len(uids)
    annual = next(e for e in events if str(e["summary"]) == "Báo cáo năm 2023")
    assert annual.decoded("dtstart") == date(2023, 11, 10)  # a date: all-day
    assert annual.decoded("dtend") == date(2023, 11, 11)
    assert "Chậm nhất: 20/11/2023" in str(annual["description"])
    assert [a.decoded("trigger") for a in annual.walk("VALARM")] == [timedelta(hours=-16)]
    assert {e.decoded("dtstart") for e in events} == {date.fromisoformat(r["due_date"]) for r in rows}
    # a second export after a rule edit keeps the UIDs: the phone updates instead of doubling
    from db.models import DeadlineRule
    from db.services.deadline_rules import edit_rule

    rule = DeadlineRule.get(DeadlineRule.kind == "annual_report")
    edit_rule(rule.id, date(2023, 3, 16), due_day=5)
    close_database()
    run(capsys, "--db", db, "deadlines", "--ics", str(path), "--today", "2023-03-16", "--overwrite")
    again = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert sorted(str(e["uid"]) for e in again) == sorted(uids)
    moved = next(e for e in again if str(e["summary"]) == "Báo cáo năm 2023")
    assert moved.decoded("dtstart") == date(2023, 11, 5) and str(moved["uid"]) == str(annual["uid"])


def test_submit_cancel_reopens_the_deadline(db, capsys):
    code, out, _ = run(capsys, "--db", db, "deadlines", "--late", "--today", "2023-03-16", "--format", "json")
    march = next(r for r in json.loads(out) if r["period"] == "2023-03")
    assert run(capsys, "--db", db, "submit", str(march["id"]), "--today", "2023-03-16")[0] == 0
    code, out, _ = run(capsys, "--db", db, "submit", str(march["id"]), "--cancel", "--today", "2023-03-16")
    assert code == 0 and "Đã hủy ghi nhận nộp: Báo cáo tháng 03/2023 (nay: Trễ hạn)" in out
    code, out, _ = run(capsys, "--db", db, "deadlines", "--late", "--today", "2023-03-16")
    assert code == 1 and f"[{march['id']}] Báo cáo tháng 03/2023" in out


def test_note_shows_in_the_list_and_in_json(db, capsys):
    code, out, _ = run(capsys, "--db", db, "note", "w1", "Chờ nghiệm thu", "--today", "2023-03-16")
    assert code == 0 and out.startswith("Đã ghi chú: Hoàn thành:")
    _, out, _ = run(capsys, "--db", db, "deadlines", "--today", "2023-03-16", "--format", "github")
    assert "Chờ nghiệm thu" in out and "Thứ Bảy: nên nộp ngày 29/09/2023 · Chờ nghiệm thu" in out
    _, out, _ = run(capsys, "--db", db, "deadlines", "--today", "2023-03-16", "--format", "json")
    assert next(r for r in json.loads(out) if r["id"] == "W1")["note"] == "Chờ nghiệm thu"
    code, out, _ = run(capsys, "--db", db, "note", "W1", "", "--today", "2023-03-16")
    assert code == 0 and out.startswith("Đã xóa ghi chú:")


def test_no_commune_is_one_line_exit_2(empty_db, capsys):
    code, out, err = run(capsys, "--db", str(empty_db), "deadlines", "--late")
    assert code == 2 and "Chưa có xã nào" in err and out == ""


def test_rules_command_adds_edits_and_switches_off(db, capsys):
    code, out, _ = run(capsys, "--db", db, "rules", "--format", "json")
    assert code == 0 and [r["kind"] for r in json.loads(out)] == [
        "monthly_report", "quarterly_report", "annual_report", "board_meeting"]
    code, out, _ = run(capsys, "--db", db, "rules", "add", "--title", "Báo cáo An Giang", "--frequency",
                       "quarterly", "--due-day", "15", "--due-month", "3", "--today", "2023-01-01")
    assert (code, out.strip()) == (0, "Đã lưu quy định: Báo cáo An Giang")
    code, out, _ = run(capsys, "--db", db, "deadlines", "--format", "json", "--today", "2023-01-01")
    assert [r["due_date"] for r in json.loads(out) if r["title"].startswith("Báo cáo An Giang")] == [
        "2023-03-15", "2023-06-15", "2023-09-15", "2023-12-15"]
    code, out, _ = run(capsys, "--db", db, "rules")
    assert "Báo cáo An Giang" in out and "ngày 15, tháng 3 của quý / — (từ 01/01/2023)" in out
    code, out, _ = run(capsys, "--db", db, "rules", "--format", "json")
    assert [r["starts_on"] for r in json.loads(out)] == [None, None, None, None, "2023-01-01"]
    assert run(capsys, "--db", db, "submit", "R5-2023-Q1", "--date", "2023-03-14",
               "--today", "2023-07-01")[0] == 0
    code, out, _ = run(capsys, "--db", db, "rules", "off", "5", "--today", "2023-07-01")
    assert (code, out.strip()) == (0, "Đã tắt quy định: Báo cáo An Giang")
    code, out, _ = run(capsys, "--db", db, "deadlines", "--format", "json", "--today", "2023-07-01")
    # switched off: its deadlines go in every year, except the one recorded
    assert [(r["id"], r["due_date"], r["state"]) for r in json.loads(out)
            if r["title"].startswith("Báo cáo An Giang")] == [("R5-2023-Q1", "2023-03-15", "submitted")]


@pytest.mark.parametrize("argv, needle", [
    (["rules", "edit", "99", "--title", "x"], "Không tìm thấy quy định hạn số 99"),
    (["rules", "edit", "1", "--due-day", "40"], "phải là số từ 1 đến 31: 40"),
    (["rules", "edit", "1", "--latest-day", "5"], "Hạn chậm nhất (05/01) trước hạn nộp (10/01)"),
    (["rules", "add", "--title", "x", "--frequency", "yearly", "--due-day", "1"], "Không được để trống"),
    (["rules", "add", "--title", "x"], "Lỗi tham số"),
])
def test_rules_bad_input(db, capsys, argv, needle):
    from pathlib import Path

    before = digest(Path(db))
    code, _, err = run(capsys, "--db", db, *argv, "--today", "2023-03-16")
    assert code == 2 and needle in err and "Traceback" not in err
    assert digest(Path(db)) == before
