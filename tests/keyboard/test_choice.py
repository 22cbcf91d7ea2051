"""A choice in a form, from the keyboard only (ntm_tui/widgets/choice.py): ←/→ step, a typed
letter jumps without accents, Enter opens the whole list; what is chosen is what is saved."""
from db.models import Indicator
from db.services.catalogue_edit import indicator_definition
from ntm_tui.app import NtmApp
from ntm_tui.context import Context
from ntm_tui.forms.indicator_definition import IndicatorDefinitionForm
from ntm_tui.widgets.choice import Choice, ChoiceList
from tests.conftest import workers_done


async def _definition_form(app, pilot, code):
    ind = Indicator.get(Indicator.code == code)
    results = []
    app.push_screen(IndicatorDefinitionForm(indicator_definition(ind.id)), results.append)
    await pilot.pause()
    return app.screen, results


async def test_keys_choose_and_the_choice_is_saved(demo_db):
    app = NtmApp(Context(db_path=demo_db, db_explicit=True))
    async with app.run_test(size=(80, 24)) as pilot:
        form, results = await _definition_form(app, pilot, "12.2")  # a percentage
        kind = form.query_one("#f-kind", Choice)
        drawn = kind.render_line(0).text  # what reaches the terminal
        assert drawn.strip().startswith("Tỷ lệ %") and drawn.rstrip().endswith("▼")  # not "percent"
        await pilot.press("tab")
        assert app.focused is kind
        await pilot.press("right")
        assert kind.value == "amount" and not form.query_one("#f-threshold").disabled
        await pilot.press("left", "left")
        assert kind.value == "absence"
        assert form.query_one("#f-threshold").disabled  # a yes/no kind has no number
        await pilot.press("s")  # "Số lượng …": typed without its accent
        assert kind.value == "amount"
        await pilot.press("d")  # "Đạt/Không đạt": đ is found from d
        assert kind.value == "yesno"
        # Enter opens the whole list on the current choice; ↓ and Enter take the next one.
        await pilot.press("enter")
        assert isinstance(app.screen, ChoiceList)
        await pilot.press("down", "enter")
        assert app.screen is form and app.focused is kind and kind.value == "absence"
        # Esc in the list changes nothing and stays in the form.
        await pilot.press("enter", "down", "escape")
        assert app.screen is form and kind.value == "absence"
        await pilot.press("right", "right", "ctrl+s")  # → amount
        await workers_done(app)
        await pilot.pause()
        assert results and app.screen is not form
    assert Indicator.get(Indicator.code == "12.2").kind == "amount"


async def test_keys_sent_in_one_burst_land_in_order(demo_db):
    """Tab then a letter, sent together: the letter chooses in the field Tab moved to."""
    app = NtmApp(Context(db_path=demo_db, db_explicit=True))
    async with app.run_test(size=(80, 24)) as pilot:
        form, _ = await _definition_form(app, pilot, "12.2")
        for key in ("tab", "s", "tab", "<", "tab", "9"):  # no pause between keys, as over SSH
            app.simulate_key(key)
        await pilot.pause()
        await workers_done(app)
        assert form.query_one("#f-kind", Choice).value == "amount"
        assert form.query_one("#f-op", Choice).value == "<="
        assert app.focused.id == "f-threshold" and form.query_one("#f-threshold").value.endswith("9")
