"""Cài đặt → ctrl+o: the database's communes; one entered by mistake is deleted from the
keyboard (and brought back with ctrl+z), another is opened; one with data is refused."""
from textual.widgets import DataTable

from db.connection import close_database
from db.models import Commune
from ntm_tui.__main__ import main
from ntm_tui.forms.confirm import ConfirmDelete
from ntm_tui.screens.communes import CommunesScreen
from tests.conftest import settle
from tests.screens.helpers import demo_app, error_under, open_section


def _names(screen) -> list[str]:
    table = screen.query_one(DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def _to(pilot, screen, name: str) -> None:
    screen.query_one(DataTable).move_cursor(row=_names(screen).index(name))
    await settle(pilot)


async def test_delete_undo_open_and_refuse(demo_db):
    close_database()
    assert main(["--db", str(demo_db), "init", "--commune", "Vĩnh Phú"]) == 0
    close_database()
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(pilot, "7")
        await pilot.press("ctrl+o")
        await settle(pilot, lambda: isinstance(app.screen, CommunesScreen) and app.screen.views)
        screen = app.screen
        assert _names(screen) == ["Tân Thạnh", "Vĩnh Phú"]
        await _to(pilot, screen, "Vĩnh Phú")
        await pilot.press("delete")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmDelete))
        assert "Vĩnh Phú" in app.screen.intro
        await pilot.press("enter")
        await settle(pilot, lambda: app.screen is screen and _names(screen) == ["Tân Thạnh"])
        assert not Commune.select().where(Commune.name == "Vĩnh Phú").exists()
        await pilot.press("ctrl+z")
        await settle(pilot, lambda: _names(screen) == ["Tân Thạnh", "Vĩnh Phú"])
        # one with data: the confirmation says what it holds, nothing goes
        await _to(pilot, screen, "Tân Thạnh")
        await pilot.press("delete")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmDelete)  # the open one: open another first
        await _to(pilot, screen, "Vĩnh Phú")
        await pilot.press("enter")
        await settle(pilot, lambda: app.commune_name == "Vĩnh Phú")
        assert not isinstance(app.screen, CommunesScreen)
        await pilot.press("ctrl+o")
        await settle(pilot, lambda: isinstance(app.screen, CommunesScreen) and app.screen.views)
        await _to(pilot, app.screen, "Tân Thạnh")
        await pilot.press("delete")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmDelete))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDelete) and "kết quả" in error_under(app.screen)
    assert Commune.select().where(Commune.name == "Tân Thạnh").exists()
    assert Commune.get(Commune.name == "Vĩnh Phú").active
