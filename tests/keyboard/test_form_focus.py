"""Every form opens on its first field, Tab stops only on fields and buttons the officer can
see, and the save button is on screen at 80×24 without scrolling."""
import pytest
from textual.widgets import Button, Checkbox, Input, SelectionList, TextArea

from ntm_tui.forms.form import Form
from ntm_tui.widgets.choice import Choice
from tests.conftest import settle
from tests.screens.helpers import demo_app, open_section
from tests.tui.test_detail import open_detail

FIELDS = (Input, Choice, Checkbox, SelectionList, TextArea, Button)

OPENERS = {  # (section key, keys that open the form)
    "member": ("3", ("n",)),
    "unit": ("3", ("u",)),
    "assignment": ("3", ("v", "enter")),
    "evidence": ("4", ("n", "enter")),
    "rule": ("5", ("r", "a")),
    "confirm": ("4", ("delete",)),
}


async def check_form(pilot) -> None:
    app = pilot.app
    await settle(pilot, lambda: isinstance(app.screen, Form))
    form = app.screen
    specs = [s for s in form._specs.values() if not s.disabled]
    if specs:
        first = form.first_focus or specs[0].name
        assert app.focused is form.query_one(f"#f-{first}")
    chain = form.focus_chain
    assert chain, "something to focus"
    for widget in chain:
        assert isinstance(widget, FIELDS), f"Tab stops on {widget!r}"
        assert widget.display and widget.region.width > 0, f"Tab stops on a hidden {widget!r}"
    save = form.query_one("#save", Button)
    assert 0 <= save.region.y < 24 and save.region.height > 0  # on screen, no scrolling
    assert "Ctrl+S" in str(save.label) or "Enter" in str(save.label)


@pytest.mark.parametrize("name", sorted(OPENERS))
async def test_form_opens_on_its_first_field(demo_db, name):
    section, keys = OPENERS[name]
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(pilot, section)
        await pilot.press(*keys)
        await check_form(pilot)


@pytest.mark.parametrize("key", ["t", "w"])
async def test_plan_forms_open_on_their_first_field(demo_db, key):
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(pilot, "2.1")
        await pilot.press(key)
        await check_form(pilot)
