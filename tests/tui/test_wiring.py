"""Screens built in other areas are reachable from the sections as a person would go."""
from textual.widgets import Input

from db.models import Indicator
from ntm_tui.forms.indicator_definition import IndicatorDefinitionForm
from ntm_tui.screens.deadline_rules import DeadlineRulesScreen
from ntm_tui.screens.results_import import ResultsImportScreen
from tests.conftest import settle as settle_until
from tests.tui.snap_app import make_app, settle


async def test_i_on_an_indicator_edits_its_definition(demo_db):
    assert Indicator.get(Indicator.code == "2.2").threshold is None
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("slash", *"2.2", "enter")
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, IndicatorDefinitionForm)
        form.query_one("#f-threshold", Input).value = "80"
        await pilot.press("ctrl+s")
        await settle_until(pilot, lambda: not isinstance(app.screen, IndicatorDefinitionForm))
        assert Indicator.get(Indicator.code == "2.2").threshold == 80.0
        await pilot.press("ctrl+z")  # the catalogue edit is undone like any other change
        await settle_until(pilot, lambda: Indicator.get(Indicator.code == "2.2").threshold is None)


async def test_rules_from_the_calendar_and_excel_import_from_reports(demo_db):
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, DeadlineRulesScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert app.current_mode == "calendar" and not isinstance(app.screen, DeadlineRulesScreen)
        await pilot.press("6")
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, ResultsImportScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, ResultsImportScreen)


async def test_read_only_database_is_announced(demo_db):
    from db.models import database

    database.read_only = True  # as open_database() sets it for a read-only file or folder
    try:
        app = make_app(demo_db)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert app.title.startswith("[CHỈ ĐỌC]")
            assert any("chỉ đọc" in n.message for n in app._notifications)
    finally:
        database.read_only = False
