"""The app shell: dashboard, year switch, help, palette, first run, small terminals."""
from textual.widgets import Static

from db.models import Commune
from ntm_tui.forms.help import HelpScreen
from ntm_tui.i18n import set_lang
from tests.tui.snap_app import make_app, settle


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_dashboard_counts_deadlines_targets_and_bars(demo_db):
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        counts = text_of(app, "#counts")
        assert "Hiện nay  9/19 tiêu chí, 40/57 chỉ tiêu" in counts
        assert "Mục tiêu  15/19 tiêu chí, 49/57 chỉ tiêu" in counts
        deadlines = text_of(app, "#deadlines")
        assert "TRỄ 10/01/2023" in deadlines  # 16/03/2023: January's report is late
        # due on 10/03, within its grace period: says so, with the latest date
        assert "HẠN 10/03/2023  Báo cáo quý 1/2023 (chậm nhất 20/03/2023)" in deadlines
        assert "10/04/2023" not in deadlines  # more than 7 days away
        targets = text_of(app, "#targets")
        assert "12.1" in targets and "Trần Thị Bình" in targets
        bars = text_of(app, "#bars")
        assert bars.count("\n") == 19 and "█" in bars
        # The start notification names what is late.
        assert any("Trễ hạn: 3" in n.message for n in app._notifications)


async def test_year_switch_refreshes_and_stops_at_the_sets_period(demo_db):
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert app.year == 2022
        assert "Năm 2022" in text_of(app, "#counts")
        await pilot.press("2")
        await settle(pilot)
        assert "Năm 2022" in text_of(app, "#criteria-status")
        for _ in range(4):
            await pilot.press("right_square_bracket")
            await settle(pilot)
        assert app.year == 2025  # 2026 is outside An Giang 2021–2025: refused with a message
        assert any("2026" in n.message for n in app._notifications)


async def test_question_mark_lists_the_keys_of_the_screen(demo_db):
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        rows = dict((text, key) for key, text in app.screen.rows)
        assert rows["Tìm"] == "/" and rows["Đạt/Chưa đạt"] == "space"
        assert rows["Hoàn tác"] == "^z" and "Tiêu chí" in rows
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_every_section_opens_with_its_digit_and_from_the_palette(demo_db):
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for digit, mode in zip("2345671", ["criteria", "assignments", "evidence", "calendar",
                                          "reports", "settings", "dashboard"]):
            await pilot.press(digit)
            await settle(pilot)  # a key waits for the section the previous one opened to load
            assert app.current_mode == mode
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "6 Báo cáo" in titles and "Hoàn tác" in titles
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"6 B")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_mode == "reports"
        await pilot.press("ctrl+q")
    assert app.return_code == 0


async def test_first_run_creates_the_commune(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "ntm-tui demo" in text_of(app, "#counts")
        await pilot.press("enter")  # empty name: refused in place
        await settle(pilot)
        assert "Không được để trống" in text_of(app, "#first-run-error")
        await pilot.press(*"Vinh Xuong", "tab", *"An Giang", "tab", *"Tan Chau", "enter")
        await settle(pilot)
        assert app.commune_id is not None
        assert "0/19 tiêu chí" in text_of(app, "#counts")  # 2023: the An Giang set
    commune = Commune.get()
    assert (commune.name, commune.district, commune.province) == ("Vinh Xuong", "Tan Chau", "An Giang")


async def test_english(demo_db):
    set_lang("en")
    app = make_app(demo_db, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Now       9/19 criteria, 40/57 indicators" in text_of(app, "#counts")
        await pilot.press("2")
        await settle(pilot)
        assert "Filter: All" in text_of(app, "#criteria-status")


async def test_small_terminal_never_crashes(demo_db):
    app = make_app(demo_db)
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        for keys in (["2"], ["slash", *"12.1", "enter"], ["enter"], ["question_mark"],
                     ["escape"], ["v"], ["escape"], ["escape"], ["1"]):
            await pilot.press(*keys)
            await settle(pilot)
        await pilot.resize_terminal(30, 10)
        await settle(pilot)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert app.current_mode == "dashboard"


async def test_title_and_key_bars_follow_the_screen_and_a_click_runs_the_key(demo_db):
    from ntm_tui.widgets.key_bar import KeyBar
    from ntm_tui.widgets.title_bar import TitleBar

    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert str(app.screen.query_one(TitleBar).render()) == "Tân Thạnh · Năm 2023 — Tổng quan"
        bar = app.screen.query_one(KeyBar)
        keys = str(bar.render())
        assert "^q Thoát" in keys and "^p Bảng lệnh" in keys
        # A click on "? Phím tắt" opens the keys, as the footer's keys did.
        await pilot.click(bar, offset=(keys.index("? ") + 1, 0))
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("2")
        await settle(pilot)
        assert str(app.screen.query_one(TitleBar).render()).endswith("— Tiêu chí")
        assert "space Đạt/Chưa đạt" in str(app.screen.query_one(KeyBar).render())
        await pilot.press("left_square_bracket")  # the year is in the title, kept in step
        await settle(pilot)
        assert "Năm 2022" in str(app.screen.query_one(TitleBar).render())


async def test_collection_resumes_after_the_first_frame(demo_db):
    """run_app turns the garbage collector off for the start; the first frame turns it on."""
    import gc

    app = make_app(demo_db)
    gc.disable()
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()
