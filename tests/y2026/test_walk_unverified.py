"""`u` in Tiêu chí walks the unverified indicators one after another: ctrl+s saves and goes
on, ctrl+n goes on, Esc stops; on a commune created with `init` in 2026 (47 slots)."""
from __future__ import annotations

from datetime import date

from db.connection import close_database
from db.models import Indicator
from ntm_tui.__main__ import main
from ntm_tui.forms.indicator_definition import IndicatorDefinitionForm
from tests.conftest import settle
from tests.screens.helpers import demo_app, open_section

TODAY = date(2026, 12, 2)


async def test_u_walks_the_unverified_slots(tmp_path):
    db = tmp_path / "ntm.db"
    close_database()
    assert main(["--db", str(db), "--today", "2026-12-02", "init", "--commune", "Tân An",
                 "--province", "An Giang", "--code", "30316", "--group", "2"]) == 0
    close_database()
    app = demo_app(db, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(pilot, "2")
        await pilot.press("u")
        await settle(pilot, lambda: isinstance(app.screen, IndicatorDefinitionForm))
        form = app.screen
        assert "(1/47)" in form.form_title and form.definition.code == "1.1"
        assert app.focused.id == "f-content"
        # wording typed over the slot's, then saved: the next slot opens at once
        await pilot.press("ctrl+a", "shift+end", *"Chỉ tiêu thử một", "ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, IndicatorDefinitionForm)
                     and app.screen is not form)
        assert "(2/47)" in app.screen.form_title and app.screen.definition.code == "1.2"
        await pilot.press("ctrl+n")  # left as it is
        await settle(pilot, lambda: "(3/47)" in getattr(app.screen, "form_title", ""))
        await pilot.press("escape")
        await settle(pilot, lambda: not isinstance(app.screen, IndicatorDefinitionForm))
    contents = {i.code: i.content for i in Indicator.select().where(Indicator.code.in_(["1.1", "1.2"]))}
    assert contents["1.1"] == "Chỉ tiêu thử một" and contents["1.2"].startswith("Ô trống 2/47")
