"""Keys are the officer's: the settings file maps binding ids to keys, `?` shows them."""
import json

from db.models import Result
from ntm_tui.config import load_config
from ntm_tui.forms.help import HelpScreen
from tests.conftest import settle
from tests.screens.helpers import demo_app, open_section


def test_the_settings_file_keeps_only_keys_it_can_use(tmp_path):
    path = tmp_path / "config.json"
    path.write_text(json.dumps({"keys": {"toggle_met": "x", "help": "", "edit_value": 5}}), "utf-8")
    assert load_config(path).keys == {"toggle_met": "x"}
    path.write_text(json.dumps({"keys": ["x"]}), "utf-8")
    assert load_config(path).keys == {}


async def test_remapped_key_works_and_help_shows_it(demo_db):
    app = demo_app(demo_db)
    app.ctx.config.keys = {"toggle_met": "x", "help": "f1"}
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "2")
        table = screen.query_one("#indicators")
        table.move_cursor(row=1)
        await settle(pilot)
        item = screen.selected_indicator()
        before = Result.select().where(Result.indicator == item.id, Result.year == 2023).count()
        await pilot.press("space")  # no longer the toggle
        await settle(pilot)
        assert Result.select().where(Result.indicator == item.id, Result.year == 2023).count() == before
        await pilot.press("x")
        await settle(pilot)
        assert Result.select().where(Result.indicator == item.id, Result.year == 2023).count() == before + 1
        await pilot.press("f1")
        await settle(pilot, lambda: isinstance(app.screen, HelpScreen))
        keys = dict(app.screen.rows)
        assert "x" in [k for k, text in app.screen.rows if "Đạt" in text][0]
        assert "space" not in " ".join(keys)
