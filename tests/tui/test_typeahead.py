"""Keys that arrive in one burst (SSH, tmux, a paste) land where they would typed slowly:
each key is handled, and a form it opens is ready, before the next one is delivered."""
from db.services.communes import get_commune
from db.services.status import year_status
from tests.conftest import settle
from tests.tui.snap_app import make_app


def indicator(code: str, year: int = 2023):
    return next(i for i in year_status(get_commune(), year).indicators() if i.code == code)


async def test_a_burst_fills_each_field_of_the_form_a_key_opened(demo_db):
    """`v` then `26` Tab `52` Tab `200` in one burst: before, «Giá trị» held 2652200."""
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("slash", *"12.2", "enter")
        await settle(pilot)
        # As the terminal delivers a burst: every key queued before any is handled.
        for key in ["v", "ctrl+a", "ctrl+k", "tab", "2", "6", "tab", "5", "2", "ctrl+s"]:
            app.simulate_key(key)
        await settle(pilot)
    item = indicator("12.2")
    assert (item.numerator, item.denominator) == (26, 52)
    assert item.value == "50"


async def test_a_burst_after_tab_goes_into_the_next_field(demo_db):
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await settle(pilot)
        for key in ["n", *"Lê Văn Tư", "tab", *"Phó Chủ tịch", "ctrl+s"]:
            app.simulate_key(key)
        await settle(pilot)
    from db.services.people import list_members

    member = next(m for m in list_members(get_commune()) if m.name.startswith("Lê Văn T"))
    assert (member.name, member.position) == ("Lê Văn Tư", "Phó Chủ tịch")
