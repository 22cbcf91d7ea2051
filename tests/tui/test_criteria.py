"""Section 2 as a person uses it: search, quick keys, forms, undo; checked in the database."""
import unicodedata

from db.models import Result
from db.services.communes import get_commune
from db.services.results import set_result
from db.services.status import year_status
from ntm_tui.forms.confirm import ConfirmChange
from ntm_tui.widgets.indicator_table import IndicatorTable
from tests.tui.snap_app import make_app, settle


def result(code: str, year: int = 2023):
    status = year_status(get_commune(), year)
    return next(i for i in status.indicators() if i.code == code)


async def open_indicator(pilot, query: str) -> None:
    await pilot.press("2")
    await settle(pilot)
    await pilot.press("slash", *query, "enter")
    await settle(pilot)


async def type_value(pilot, code: str, value: str) -> None:
    """`v` on the indicator, the old value erased, the new one typed, Enter."""
    await open_indicator(pilot, code)
    await pilot.press("v")
    await settle(pilot)
    await pilot.press("end", "home", "ctrl+k", *value, "enter")
    await settle(pilot)


async def test_search_space_toggles_and_ctrl_z_restores(demo_db):
    assert result("12.1").status == "not_met"
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_indicator(pilot, "12.1")
        assert app.screen.query_one(IndicatorTable).cursor_key() == "i:12.1"
        await pilot.press("space")
        await settle(pilot)
        assert result("12.1").status == "met"
        assert result("12.1").value == "65"  # the value stays, only the result is overridden
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert result("12.1").status == "not_met"
        await pilot.press("ctrl+z")  # nothing left: a message, no change
        await settle(pilot)
        assert result("12.1").status == "not_met"


def painted(table, key: str) -> str:
    """The row as the table paints it now (through its render caches), not the data it holds."""
    y = table._get_row_region(table.get_row_index(key)).y - round(table.scroll_offset.y)
    return table.render_line(y).text


async def test_space_repaints_the_row_and_its_criterion(demo_db):
    # Only the changed rows are repainted after a press: a stale cached render would show here.
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_indicator(pilot, "12.1")
        table = app.screen.query_one(IndicatorTable)
        before, criterion = painted(table, "i:12.1"), painted(table, "c:12")
        assert " Chưa " in before
        await pilot.press("space")
        await settle(pilot)
        assert " Đạt " in painted(table, "i:12.1") and " Chưa " not in painted(table, "i:12.1")
        assert painted(table, "c:12") != criterion
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert (painted(table, "i:12.1"), painted(table, "c:12")) == (before, criterion)


async def test_space_shows_its_own_change_without_reading_the_year_again(demo_db):
    set_result(get_commune(), 2023, "1.1", note="rà soát")  # 2023's rows exist (not carried)
    app = make_app(demo_db)
    app.poll_changes = lambda: None  # the poll would reload on its own schedule
    async with app.run_test(size=(80, 24)) as pilot:
        await open_indicator(pilot, "12.1")
        screen, table = app.screen, app.screen.query_one(IndicatorTable)
        loads = screen._loads
        await pilot.press("space")
        await settle(pilot)
        assert screen._loads == loads  # the row was updated from what the write returned
        # ... through DataTable's own caches (Textual pinned to 8.2): not the whole-table path
        assert (table.fast_rewrites, table.slow_rewrites) == (2, 0)  # the row and its criterion
        assert table.rows_by_key["i:12.1"][1].status == "met"
        # Confirmed in the status line (one line redrawn), not by a toast laid out on the screen
        assert "12.1 / 2023: Đạt (65)" in str(screen.query_one("#criteria-status").render())
        assert not any("12.1" in n.message for n in app._notifications)
        assert screen.status == year_status(get_commune(), 2023)  # as a reload would show it
        # Another session changed something since: the press reads the year again, so that
        # change is not hidden until the next one.
        set_result(get_commune(), 2023, "11", value="3,5")
        assert table.selected_indicator().code == "12.2"  # space went on to the next indicator
        await pilot.press("up", "space")
        await settle(pilot)
        assert screen._loads == loads + 1
        assert table.rows_by_key["i:11"][1].status == "met"
        assert table.rows_by_key["i:12.1"][1].status == "not_met"
        assert screen.status == year_status(get_commune(), 2023)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert result("12.1").status == "met" and table.rows_by_key["i:12.1"][1].status == "met"


async def test_space_confirmation_in_english_then_the_legend_again(demo_db, monkeypatch):
    from ntm_tui.screens import criteria

    monkeypatch.setattr(criteria, "MESSAGE_SECONDS", 1.5)  # long enough to be read on a loaded machine
    app = make_app(demo_db, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_indicator(pilot, "12.1")
        line = app.screen.query_one("#criteria-status")
        legend = str(line.render())
        await pilot.press("space")
        await settle(pilot)
        assert "12.1 / 2023: Met (65)" in str(line.render())
        from tests.conftest import settle as settle_until

        await settle_until(pilot, lambda: str(line.render()) == legend)  # the legend comes back


async def test_search_ignores_diacritics_and_case(demo_db):
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_indicator(pilot, "NGHE da chieu")
        assert app.screen.query_one(IndicatorTable).cursor_key() == "c:11"
        assert not app.screen.query_one("#search").display  # Enter closed the box
        await pilot.press("slash", *"xyz khong co", "enter")
        await settle(pilot)
        assert app.screen.query_one("#search").display  # not found: the box stays open
        await pilot.press("escape")
        assert app.screen.query_one(IndicatorTable).cursor_key() == "c:11"


async def test_value_with_decimal_comma_is_evaluated(demo_db):
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_value(pilot, "12.2", "72,5")
        row = result("12.2")
        assert (row.value, row.status) == ("72,5", "met")
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert (result("12.2").value, result("12.2").status) == ("20", "not_met")


async def test_value_form_asks_each_part_of_a_compound_indicator(demo_db):
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_indicator(pilot, "12.1")
        await pilot.press("v")
        await settle(pilot)
        labels = [str(w.render()) for w in app.screen.query(".row-label")]
        assert labels[:2] == ["nam: Tỷ lệ lao động nam qua đào tạo", "nữ: Tỷ lệ lao động nữ qua đào tạo"]
        await pilot.press(*"72,5", "tab", *"68", "enter")  # nữ below 70 %: not met
        await settle(pilot)
        assert (result("12.1").value, result("12.1").status) == ("nam: 72,5; nữ: 68", "not_met")
        await pilot.press("v")
        await settle(pilot)
        assert app.screen.query_one("#f-part_1").value == "68"
        await pilot.press("tab", "ctrl+k", *"70", "enter")
        await settle(pilot)
        assert (result("12.1").value, result("12.1").status) == ("nam: 72,5; nữ: 70", "met")


async def test_bad_value_keeps_the_form_open_and_saves_nothing(demo_db):
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_value(pilot, "12.2", "bảy mươi")
        error = str(app.screen.query_one("#form-error").render())
        assert "Giá trị phải là số" in error
        assert app.screen.query_one("#f-value").value == "bảy mươi"  # nothing typed is lost
        await pilot.press("escape")
        await settle(pilot)
    assert result("12.2").value == "20"


async def test_note_typed_decomposed_is_stored_nfc(demo_db):
    app = make_app(demo_db)
    decomposed = unicodedata.normalize("NFD", "Đã kiểm tra số liệu")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_indicator(pilot, "11")
        assert app.screen.query_one(IndicatorTable).cursor_key() == "i:11"
        await pilot.press("n")
        await settle(pilot)
        # Pilot cannot press a lone combining mark; a paste or an IME delivers text like this.
        box = app.screen.query_one("#f-note")
        box.text = ""
        box.insert(decomposed)
        await pilot.press("ctrl+s")
        await settle(pilot)
    note = result("11").note
    assert note == "Đã kiểm tra số liệu" and unicodedata.is_normalized("NFC", note)


async def test_filters_not_met_and_unverified(demo_db):
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await settle(pilot)
        table = app.screen.query_one(IndicatorTable)
        assert len([k for k in table.rows_by_key if k.startswith("i:")]) == 57
        await pilot.press("c")
        shown = [item for _, item in table.rows_by_key.values() if item]
        assert len(shown) == 57 - 40 and all(i.status not in ("met", "na") for i in shown)
        await pilot.press("k")
        assert all(item.targeted or crit.targeted for crit, item in table.rows_by_key.values()
                   if item)
        await pilot.press("m")  # no member name configured: says so, keeps the filter
        assert app.screen.filter == "targets"
        await pilot.press("t")
        assert len([k for k in table.rows_by_key if k.startswith("i:")]) == 57


async def test_mine_filter_uses_the_configured_member(demo_db):
    app = make_app(demo_db, member_name="Tran Thi Binh")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("m")
        table = app.screen.query_one(IndicatorTable)
        shown = [item for _, item in table.rows_by_key.values() if item]
        assert shown and all(i.lead == "Trần Thị Bình (minh họa)" for i in shown)


async def test_stale_edit_shows_conflict_and_keeps_other_change(demo_db):
    # The year's row must exist for a version to compare (a carried result has none).
    set_result(get_commune(), 2023, "12.1", note="đã rà soát")
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_indicator(pilot, "12.1")
        await pilot.press("v")
        await settle(pilot)
        # Another session saves 12.1 while the form is open.
        set_result(get_commune(), 2023, "12.1", value="nam: 68; nữ: 68")
        await pilot.press(*["backspace"] * 4, *"90", "enter")
        await settle(pilot)
        assert "người khác sửa" in str(app.screen.query_one("#form-error").render())
    assert result("12.1").value == "nam: 68; nữ: 68"


async def test_other_sessions_change_appears(demo_db):
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await settle(pilot)
        set_result(get_commune(), 2023, "11", value="3,5")  # another session
        app.poll_changes()
        await settle(pilot)
        table = app.screen.query_one(IndicatorTable)
        assert table.rows_by_key["i:11"][1].status == "met"
    assert Result.select().where(Result.value == "3,5").count() == 1


async def test_e_adds_evidence_and_a_opens_assignment_both_undoable(demo_db):
    from db.models import EvidenceItem
    from ntm_tui.forms.assignment import AssignmentForm

    before = EvidenceItem.select().count()
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_indicator(pilot, "12.1")
        await pilot.press("e")
        await settle(pilot)
        await pilot.press(*"Bien ban kiem tra lop nghe", "ctrl+s")
        await settle(pilot)
        item = EvidenceItem.select().order_by(EvidenceItem.id.desc()).get()
        assert (item.title, item.indicator.code, item.year) == ("Bien ban kiem tra lop nghe", "12.1", 2023)
        assert app.screen.query_one(IndicatorTable).rows_by_key["i:12.1"][1].evidence_total == 2
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert EvidenceItem.select().count() == before
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, AssignmentForm)
        await pilot.press("escape")
        await settle(pilot)
        assert not app.undo_stack  # a cancelled form leaves nothing to undo


async def test_space_runs_down_the_list_one_key_per_result_unless_turned_off(demo_db):
    """Issue 16: space records and goes to the next indicator (criterion rows skipped), keys
    sent in one burst included; the setting turns it off."""
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_indicator(pilot, "1.2")
        table = app.screen.query_one(IndicatorTable)
        await pilot.press("space", "space", "space")  # 1.2, then 2.1 and 2.2 (past criterion 2's row)
        await settle(pilot)
        # 2.1's value (92) is under its threshold: "Đạt" is asked once, not recorded meanwhile
        assert [result(c).status for c in ("1.2", "2.1", "2.2")] == ["met", "not_met", "met"]
        assert isinstance(app.screen, ConfirmChange) and "2.1" in app.screen.intro
        await pilot.press("escape")
        await settle(pilot)
        await open_indicator(pilot, "2.3")
        assert table.selected_indicator().code == "2.3"
        app.ctx.config.space_moves_next = False
        await pilot.press("space")
        await settle(pilot)
        assert table.selected_indicator().code == "2.3"
