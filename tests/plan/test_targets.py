"""The year's targets on a commune that is not the demo: the key, the command, the sentence."""
from __future__ import annotations

import hashlib
import json

from db.connection import close_database
from db.services.communes import get_commune
from db.services.status import year_status
from ntm_tui.__main__ import main
from ntm_tui.widgets.indicator_table import IndicatorTable
from tests.exports.pdfread import text_of
from tests.tui.snap_app import make_app, settle


def run(capsys, *argv):
    close_database()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def fresh(tmp_path, capsys):
    """A new commune (no district), every indicator met in 2022 but criteria 5 and 9's 9.2."""
    db = tmp_path / "vinh-hoa.db"
    assert run(capsys, "--db", str(db), "init", "--commune", "Vĩnh Hòa", "--district", "",
               "--province", "An Giang", "--today", "2023-01-05")  # on the 2021–2025 set[0] == 0
    from db.bootstrap import prepare
    from db.services.results import set_result

    prepare(db, create=False)
    commune = get_commune()
    for ind in year_status(commune, 2022).indicators():
        if ind.code not in ("5", "9.2", "17.6"):
            set_result(commune, 2022, ind.code, met="na" if ind.kind == "compound" else "yes")
    close_database()
    return db


def test_targets_command_lists_adds_removes_and_refuses_bad_codes(tmp_path, capsys):
    db = fresh(tmp_path, capsys)
    code, out, _ = run(capsys, "--db", str(db), "targets", "--year", "2023")
    assert code == 0 and "chưa có chỉ tiêu nào" in out
    code, out, _ = run(capsys, "--db", str(db), "targets", "--year", "2023", "--add", "5", "9.2")
    assert code == 0
    assert "Hoàn thành thêm 02 tiêu chí: 5; 9; 02 chỉ tiêu: 5; 9.2" in out
    assert "Mục tiêu năm 2023: 18/19 tiêu chí, 56/57 chỉ tiêu" in out
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    code, out, err = run(capsys, "--db", str(db), "targets", "--year", "2023", "--add", "17.6", "99.9")
    assert code == 2 and "99.9" in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    code, out, _ = run(capsys, "--db", str(db), "targets", "--year", "2023", "--remove", "5",
                       "--format", "json")
    data = json.loads(out)
    assert data["targets"] == ["9.2"] and data["new_criteria"] == ["9"]
    assert data["target"]["criteria_met"] == 17 and data["target"]["indicators_met"] == 55


def test_plan_sentence_names_the_criteria_reached_and_says_so_when_nothing_is(tmp_path, capsys):
    db = fresh(tmp_path, capsys)
    pdf = tmp_path / "kh.pdf"
    assert run(capsys, "--db", str(db), "export", "plan", "--year", "2023", "-o", str(pdf))[0] == 0
    text = text_of(pdf)
    assert "00 tiêu chí" not in text and "tiêu chí: và" not in text
    assert "Kế hoạch năm 2023 chưa đề ra tiêu chí, chỉ tiêu nào phấn đấu đạt thêm" in text
    assert run(capsys, "--db", str(db), "targets", "--year", "2023", "--add", "5", "9.2", "17.6")[0] == 0
    pdf = tmp_path / "kh2.pdf"  # text_of keeps what it read per path
    assert run(capsys, "--db", str(db), "export", "plan", "--year", "2023", "-o", str(pdf))[0] == 0
    text = text_of(pdf)
    assert ("hoàn thành thêm 03 tiêu chí: 5; 9; 17 và 03 chỉ tiêu: 5; 9.2; 17.6 để nâng lên "
            "19/19 tiêu chí và 57/57 chỉ tiêu") in text
    assert run(capsys, "--db", str(db), "targets", "--year", "2023", "--remove", "5")[0] == 0
    pdf = tmp_path / "kh3.pdf"
    assert run(capsys, "--db", str(db), "export", "plan", "--year", "2023", "-o", str(pdf))[0] == 0
    assert ("hoàn thành thêm 02 tiêu chí: 9; 17 và 02 chỉ tiêu: 9.2; 17.6 để nâng lên "
            "18/19 tiêu chí và 56/57 chỉ tiêu") in text_of(pdf)


async def test_target_key_marks_unmarks_filters_and_undoes(tmp_path, capsys):
    db = fresh(tmp_path, capsys)
    from db.bootstrap import prepare

    prepare(db, create=False)

    def targeted():
        return [i.code for i in year_status(get_commune(), 2023).indicators() if i.targeted]

    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("slash", *"9.2", "enter")
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert targeted() == ["9.2"]
        assert "9.2: mục tiêu năm 2023" in str(app.screen.query_one("#criteria-status").render())
        await pilot.press("k")  # the filter "this year's targets" follows
        await settle(pilot)
        table = app.screen.query_one(IndicatorTable)
        assert "i:9.2" in table.rows_by_key and "i:9.1" not in table.rows_by_key
        await pilot.press("enter")  # the detail says so, and its own key unmarks
        await settle(pilot)
        head = str(app.screen.query_one("#detail-head").render())
        assert "Mục tiêu năm 2023" in head
        await pilot.press("g")
        await settle(pilot)
        assert targeted() == []
        assert "Không là mục tiêu năm 2023" in str(app.screen.query_one("#detail-head").render())
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert targeted() == ["9.2"]
        await pilot.press("escape", "ctrl+z")
        await settle(pilot)
        assert targeted() == []
