"""The app starts on a database and shows the counts."""
from ntm_tui.app import NtmApp
from ntm_tui.context import Context


async def test_app_shows_counts_on_demo(demo_db):
    app = NtmApp(Context(db_path=demo_db, db_explicit=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = str(app.query_one("#counts").render())
        assert "9/19 tiêu chí, 40/57 chỉ tiêu" in text
        assert "15/19 tiêu chí, 49/57 chỉ tiêu" in text
        await pilot.press("ctrl+q")
    assert app.return_code in (0, None)


async def test_app_on_new_database_shows_catalogue(empty_db):
    app = NtmApp(Context(db_path=empty_db, db_explicit=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = str(app.query_one("#counts").render())
        assert "19 tiêu chí, 57 chỉ tiêu" in text
