"""The app starts on a database, shows the counts, and every section opens with its digit."""
from datetime import date

from textual.widgets import Static

from ntm_tui.app import NtmApp
from ntm_tui.context import Context
from tests.conftest import settle


async def test_app_shows_counts_on_demo(demo_db):
    app = NtmApp(Context(db_path=demo_db, db_explicit=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: "/57" in str(app.screen.query_one("#counts", Static).render()))
        text = str(app.screen.query_one("#counts", Static).render())
        assert "9/19 tiêu chí, 40/57 chỉ tiêu" in text
        assert "15/19 tiêu chí, 49/57 chỉ tiêu" in text
        for digit, mode in zip("2345671", ["criteria", "assignments", "evidence", "calendar", "reports",
                                          "settings", "dashboard"]):
            await pilot.press(digit)
            await pilot.pause()
            assert app.current_mode == mode
        await pilot.press("ctrl+q")
    assert app.return_code in (0, None)


async def test_app_on_new_database_shows_catalogue(empty_db):
    app = NtmApp(Context(db_path=empty_db, db_explicit=True, today=date(2023, 3, 16)))  # 2021–2025
    async with app.run_test(size=(80, 24)) as pilot:
        def counts() -> str:
            return str(app.screen.query_one("#counts", Static).render())

        # settle: the PDF tests load the machine; a bare pause() can come before the worker.
        await settle(pilot, lambda: "57 chỉ tiêu" in counts())
        text = counts()
        assert "19 tiêu chí, 57 chỉ tiêu" in text
