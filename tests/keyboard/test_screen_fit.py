"""80×24 without dead ends: ticks that read without colour, the export's overwrite box named
in its refusal."""
from textual.widgets import Input, Static

from ntm_tui.forms.assignment import AssignmentForm
from ntm_tui.widgets.checks import BoxCheckbox
from tests.conftest import settle
from tests.screens.helpers import demo_app, open_section


async def test_checked_and_unchecked_differ_without_colour(demo_db, tmp_path):
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "6")
        box = screen.query_one("#overwrite", BoxCheckbox)
        assert "[ ]" in box.render().plain
        box.value = True
        await pilot.pause()
        assert "[x]" in box.render().plain
        # the refusal names the box, not a command-line flag
        target = tmp_path / "r.pdf"
        target.write_bytes(b"%PDF old")
        box.value = False
        screen.query_one("#output", Input).value = str(target)
        await pilot.press("ctrl+e")
        await settle(pilot)
        said = str(screen.query_one("#rep-result", Static).render())
        assert "Ghi đè nếu tệp đã có" in said and "--overwrite" not in said
        assert target.read_bytes() == b"%PDF old"


async def test_checkbox_list_shows_ticks_as_text(demo_db):
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(pilot, "3")
        await pilot.press("v", "enter")  # criterion 1: its assignment form
        await settle(pilot, lambda: isinstance(app.screen, AssignmentForm))
        supports = app.screen.query_one("#f-supports")
        lines = [supports.render_line(y).text for y in range(min(4, supports.size.height))]
        assert all(line.lstrip().startswith(("[ ]", "[x]")) for line in lines if line.strip())
        before = lines[0].lstrip()[:3]
        supports.focus()
        await pilot.press("space")
        await pilot.pause()
        after = supports.render_line(0).text.lstrip()[:3]
        assert {before, after} == {"[ ]", "[x]"}
