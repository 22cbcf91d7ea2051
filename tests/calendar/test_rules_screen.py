"""The rules editor driven with Pilot on the demo database, today 16/3/2023."""
import threading
from datetime import date

from textual.widgets import DataTable, Input

from db.models import Deadline, DeadlineRule
from ntm_tui.forms.deadline_rule import DeadlineRuleForm
from ntm_tui.screens.deadline_rules import DeadlineRulesScreen
from ntm_tui.widgets.choice import Choice
from tests.conftest import settle
from tests.screens.helpers import demo_app, error_under

TODAY = date(2023, 3, 16)


def make_app(demo_db):
    return demo_app(demo_db, TODAY)


async def open_rules(app, pilot):
    await settle(pilot)
    app.push_screen(DeadlineRulesScreen())
    await settle(pilot, lambda: app.screen.query_one("#rules", DataTable).row_count > 0)
    return app.screen


async def open_form(app, pilot, key: str):
    await pilot.press(key)
    await settle(pilot, lambda: isinstance(app.screen, DeadlineRuleForm))
    return app.screen


def cells(screen):
    table = screen.query_one("#rules", DataTable)
    return [[str(c) for c in table.get_row_at(n)] for n in range(table.row_count)]


async def fill(pilot, screen, **values):
    for name, value in values.items():
        widget = screen.query_one(f"#f-{name}")
        if isinstance(widget, Choice):
            widget.value = value
        else:
            widget.value = ""
            widget.focus()
            await pilot.pause()
            await pilot.press(*value)  # typed key by key, as the officer would
    await pilot.pause()


async def test_lists_the_seed_rules(demo_db):
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_rules(app, pilot)
        rows = cells(screen)
        assert [r[0] for r in rows] == ["Báo cáo tháng", "Báo cáo quý", "Báo cáo năm", "Họp BQL và UBND xã"]
        assert rows[0][1:] == ["Hằng tháng", "ngày 10 / ngày 15", "có"]
        assert rows[2][2] == "10/11 / 20/11"
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, DeadlineRulesScreen)


async def test_add_a_quarterly_rule_on_the_15th(demo_db):
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_rules(app, pilot)
        form = await open_form(app, pilot, "a")
        await fill(pilot, form, title="Báo cáo tỉnh", frequency="quarterly", due_day="15", due_month="3")
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: app.screen is screen and len(cells(screen)) == 5)
        assert cells(screen)[-1][:3] == ["Báo cáo tỉnh", "Hằng quý",
                                         "ngày 15, tháng 3 của quý / — (từ 16/03/2023)"]
        assert screen.query_one("#rules", DataTable).cursor_row == 4  # on the new rule
        assert app.undo_stack  # ctrl+z undoes the rule
    rule = DeadlineRule.get(DeadlineRule.title == "Báo cáo tỉnh")
    assert sorted(d.due_date for d in computed(2023) if d.rule_id == rule.id) == [
        date(2023, 6, 15), date(2023, 9, 15), date(2023, 12, 15)]  # from the day it was added
    assert Deadline.select().count() == 0


async def test_bad_value_keeps_the_form_open_with_a_vietnamese_message(demo_db):
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_rules(app, pilot)
        form = await open_form(app, pilot, "e")  # the first rule: monthly, 10 / 15
        assert form.query_one("#f-title", Input).value == "Báo cáo tháng"
        await fill(pilot, form, latest_day="5")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert "Hạn chậm nhất (05/01) trước hạn nộp (10/01)" in error_under(form)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DeadlineRulesScreen)
    assert DeadlineRule.get(DeadlineRule.title == "Báo cáo tháng").latest_day == 15


async def test_edit_moves_future_deadlines_and_toggle_switches_off(demo_db):
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_rules(app, pilot)
        form = await open_form(app, pilot, "enter")  # Enter edits too
        await fill(pilot, form, due_day="5", latest_day="12")
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: app.screen is screen and cells(screen)[0][2] == "ngày 5 / ngày 12")
        await pilot.press("down", "down", "down", "d")  # the board meeting off
        await settle(pilot, lambda: cells(screen)[3][3] == "không")
        assert screen.query_one("#rules", DataTable).cursor_row == 3
    monthly = DeadlineRule.get(DeadlineRule.kind == "monthly_report")
    dues = {d.period: d.due_date for d in computed(2023) if d.rule_id == monthly.id}
    assert dues["2023-03"] == date(2023, 3, 5) and dues["2023-04"] == date(2023, 4, 5)  # none recorded
    meeting = DeadlineRule.get(DeadlineRule.kind == "board_meeting")
    assert [d.period for d in computed(2023) if d.rule_id == meeting.id] == []
    assert Deadline.select().count() == 0


def computed(year):
    from db.services.communes import get_commune
    from db.services.deadlines import list_deadlines

    return list_deadlines(get_commune(), TODAY, date(year, 1, 1), date(year, 12, 31))


async def test_stale_row_is_refused_and_the_list_refreshed(demo_db):
    from db.services.deadline_rules import edit_rule

    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_rules(app, pilot)
        monthly = DeadlineRule.get(DeadlineRule.kind == "monthly_report")
        edit_rule(monthly.id, TODAY, due_day=8)  # another session, behind the screen's back
        from db.changelog import latest_change_id

        app.seen_change = latest_change_id()  # the app's poll would refresh the list first: hold it
        await pilot.press("d")
        await settle(pilot, lambda: cells(screen)[0][2] == "ngày 8 / ngày 15")
        assert "đã được người khác sửa" in " ".join(str(n.message) for n in app._notifications)
        assert cells(screen)[0][2:] == ["ngày 8 / ngày 15", "có"]  # refreshed, still active
    assert DeadlineRule.get_by_id(monthly.id).active


async def test_a_rule_saves_off_the_ui_thread_and_a_bad_number_stays_by_its_field(demo_db, monkeypatch):
    """The service checks the values in a worker thread; its refusal shows under the field it
    is about, the form stays open with what was typed, and a corrected value saves."""
    from db.services import deadline_rules

    threads = []
    real_check = deadline_rules.checked_rule

    def checked_rule(fields):
        threads.append(threading.current_thread())
        return real_check(fields)

    monkeypatch.setattr(deadline_rules, "checked_rule", checked_rule)
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_rules(app, pilot)
        form = await open_form(app, pilot, "a")
        await fill(pilot, form, title="Họp chi bộ", frequency="monthly", due_day="40")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert threads and threads[-1] is not threading.main_thread()
        assert app.screen is form
        assert "40" in error_under(form, "due_day") and error_under(form) == ""
        assert form.query_one("#f-title", Input).value == "Họp chi bộ"
        assert form.query_one("#f-due_day", Input).value == "40"
        await fill(pilot, form, due_day="25")
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: app.screen is screen and len(cells(screen)) == 5)
        assert all(t is not threading.main_thread() for t in threads)
    assert DeadlineRule.get(DeadlineRule.title == "Họp chi bộ").due_day == 25


def test_every_label_the_calendar_uses_exists_in_both_languages():
    import re
    from pathlib import Path

    from ntm_tui.i18n import _load

    LABELS = _load()  # every area's: the commands share help lines (help_date, help_format)
    root = Path(__file__).resolve().parents[2]
    files = ["ntm_tui/commands/deadlines.py", "ntm_tui/commands/submit.py", "ntm_tui/commands/rules.py",
             "ntm_tui/screens/deadline_rules.py", "ntm_tui/forms/deadline_rule.py"]
    used = {key for f in files for key in re.findall(r'\bt\("([a-z_]+)"', (root / f).read_text())}
    used |= {f"dl_rules_{a}_done" for a in ("on", "off")}
    used |= {f"dl_state_{s}" for s in ("upcoming", "due", "late", "submitted")}
    used |= {f"dl_freq_{f}" for f in ("monthly", "quarterly", "yearly")} | {f"dl_when_{f}" for f in ("monthly", "quarterly", "yearly")}
    from db.services.deadline_rules import RULE_KINDS
    from ntm_tui.forms.deadline_rule import NUMBER_FIELDS

    used |= {f"dl_kind_{k}" for k in RULE_KINDS} | {f"dl_field_{n}" for n in NUMBER_FIELDS}
    missing = sorted(k for k in used if k not in LABELS)
    assert missing == []
    assert all(vi and en for vi, en in LABELS.values())


def test_calendar_labels_collide_with_no_other_area():
    # labels from all areas are merged into one dict: a shared key would show another area's text
    import importlib
    import pkgutil

    import ntm_tui.i18n as i18n

    mine = set(importlib.import_module("ntm_tui.i18n.calendar").LABELS)
    for info in pkgutil.iter_modules(i18n.__path__):
        if info.name != "calendar":
            other = getattr(importlib.import_module(f"ntm_tui.i18n.{info.name}"), "LABELS", {})
            assert not mine & set(other), info.name


async def test_slash_finds_a_rule_without_accents_and_esc_shows_all_again(demo_db):
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_rules(app, pilot)
        everything = len(cells(screen))
        await pilot.press("slash", *"bao cao quy")
        await settle(pilot)
        found = cells(screen)
        assert 0 < len(found) < everything
        assert all("quý" in row[0].lower() for row in found)
        await pilot.press("enter", "e")  # Enter: to the rules found; e edits the one highlighted
        form = await settle(pilot, lambda: isinstance(app.screen, DeadlineRuleForm)) or app.screen
        assert "quý" in form.query_one("#f-title").value.lower()
        await pilot.press("escape")
        await settle(pilot, lambda: app.screen is screen)
        await pilot.press("escape")  # closes the find line: every rule again, the screen stays
        await settle(pilot)
        assert app.screen is screen and len(cells(screen)) == everything
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is not screen
