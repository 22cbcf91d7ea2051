"""Bursts as the terminal delivers them (every key queued before any is handled), for the
cases issue 16 lists: the result from the criteria list, the evidence form, Settings after Esc."""
from db.models import EvidenceItem
from tests.conftest import settle
from tests.screens.helpers import demo_app


def burst(app, keys) -> None:
    for key in keys:
        app.simulate_key(key)


async def test_done_when_value_burst_stores_72_5(demo_db):
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, ["2", "slash", *"12.1", "enter", "v", "ctrl+a", "ctrl+k", *"72,5", "enter"])
        await settle(pilot)
    from db.services.communes import get_commune
    from db.services.status import year_status

    item = next(i for i in year_status(get_commune(), 2023).indicators() if i.code == "12.1")
    assert "72,5" in item.value  # 12.1 is measured in parts: the first one, «nam», got it


async def test_evidence_form_burst_fills_each_field(demo_db):
    app = demo_app(demo_db)
    before = EvidenceItem.select().count()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, ["4", "n", "ctrl+a", "ctrl+k", *"12.1", "enter",
                    *"Bien ban kiem tra", "tab", *"12/BB", "ctrl+s"])
        await settle(pilot)
    assert EvidenceItem.select().count() == before + 1
    item = EvidenceItem.select().order_by(EvidenceItem.id.desc()).first()
    assert (item.title, item.doc_number, item.indicator.code) == ("Bien ban kiem tra", "12/BB", "12.1")


async def test_settings_esc_then_digits_switch_sections_as_typed_slowly(demo_db):
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("7")
        await settle(pilot)
        name = app.screen.query_one("#commune-name")
        burst(app, ["tab", "escape", "3"])  # into a field, out of it, then a section key
        await settle(pilot)
        assert app.current_mode == "assignments"
        assert "3" not in name.value


async def test_esc_and_a_key_arriving_together_are_both_kept(demo_db):
    """Over tmux or SSH, Esc then 3 in one burst reaches Textual as "£" (its table of macOS
    Option keys), Esc then v as alt+v: both are Esc, then the key."""
    from ntm_tui.forms.result import ValueForm
    from ntm_tui.screens.deadline_rules import DeadlineRulesScreen

    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, ["5", "r"])
        await settle(pilot, lambda: isinstance(app.screen, DeadlineRulesScreen))
        await pilot.press("£")  # Esc 3: the rules close, then section 3
        # waited for, not only idle: on a loaded machine the section can come a frame later
        await settle(pilot, lambda: app.current_mode == "assignments")
        assert app.current_mode == "assignments" and not isinstance(app.screen, DeadlineRulesScreen)
        burst(app, ["2", "slash", *"12.2", "enter", "v"])
        await settle(pilot, lambda: isinstance(app.screen, ValueForm))
        first = app.screen
        await pilot.press("alt+v")  # Esc v: the form closes, and opens again
        await settle(pilot, lambda: isinstance(app.screen, ValueForm) and app.screen is not first)
        assert isinstance(app.screen, ValueForm) and app.screen is not first
        assert len([s for s in app.screen_stack if isinstance(s, ValueForm)]) == 1


async def test_a_key_after_enter_on_the_search_goes_where_the_focus_went(demo_db):
    """Enter in the list's search runs the field's own binding (submit) once the key has
    reached the app; the search then hands the focus to the list. The key after Enter waits
    for that: `v` opens the form, it is never typed into the search (seen as «12.2v»). The
    order of the two was left to chance, so the burst is sent several times."""
    from textual.widgets import Input

    from ntm_tui.forms.result import ValueForm

    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for code in ("12.2", "12.1", "8.3", "12.2", "2.1", "12.1", "8.3", "2.1"):
            burst(app, ["3"])  # from another section: the list is read again as it shows
            await settle(pilot, lambda: app.current_mode == "assignments")
            burst(app, ["2", "slash", *code, "enter", "v"])
            await settle(pilot, lambda: isinstance(app.screen, ValueForm)
                         or app.screen.query_one("#search", Input).value.endswith("v"))
            assert isinstance(app.screen, ValueForm), app.screen.query_one("#search", Input).value
            assert code in app.screen.form_title
            await pilot.press("escape")
            await settle(pilot, lambda: not isinstance(app.screen, ValueForm))
