"""The first-run form in 2026: province, optional district, official code, commune group; the
app then opens on 2026 against the national set, and `[` `]` stay within the sets it covers."""
from __future__ import annotations

from datetime import date

from textual.widgets import Static

from db.models import Commune, CommuneCriteriaSet
from ntm_tui.app import NtmApp
from ntm_tui.context import Context
from tests.conftest import settle


def app_on(path, today):
    return NtmApp(Context(db_path=path, db_explicit=True, today=today))


def counts(app) -> str:
    return str(app.screen.query_one("#counts", Static).render())


async def test_first_run_in_2026_asks_code_and_group_and_opens_on_2026(empty_db):
    app = app_on(empty_db, date(2026, 12, 2))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "2026-2030: 10 tiêu chí, 47 chỉ tiêu" in counts(app)
        await pilot.press(*"Tan An", "tab", *"An Giang", "tab", "tab", *"3031", "tab", "2", "enter")
        await settle(pilot)  # a 4-digit code is refused in place, nothing written
        assert "5 chữ số" in str(app.screen.query_one("#first-run-error", Static).render())
        assert Commune.select().count() == 0
        await pilot.press("shift+tab", "end", "6", "enter")
        await settle(pilot, lambda: app.commune_id is not None)
        assert "Năm 2026" in counts(app) and "0/10 tiêu chí, 0/47 chỉ tiêu" in counts(app)
        await pilot.press("left_square_bracket")  # 2025: no set of this commune covers it
        await settle(pilot)
        assert app.year == 2026
    commune = Commune.get()
    assert (commune.name, commune.province, commune.district, commune.code, commune.commune_group) == \
        ("Tan An", "An Giang", "", "30316", "2")
    assert [p.criteria_set.code for p in CommuneCriteriaSet.select()] == ["national-2026-2030"]


async def test_a_commune_of_2025_browses_into_2026_with_the_brackets(tmp_path, capsys):
    from db.connection import close_database
    from ntm_tui.__main__ import main

    db = tmp_path / "ntm.db"
    assert main(["--db", str(db), "--today", "2025-11-20", "init", "--commune", "Tân Thạnh",
                 "--province", "An Giang"]) == 0
    close_database()
    app = app_on(db, date(2025, 11, 20))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.year == 2025 and "/19 tiêu chí" in counts(app)
        await pilot.press("right_square_bracket")
        await settle(pilot, lambda: "/10 tiêu chí" in counts(app))
        assert app.year == 2026 and "0/47 chỉ tiêu" in counts(app)
        await pilot.press("left_square_bracket")
        await settle(pilot, lambda: "/19 tiêu chí" in counts(app))
        assert app.year == 2025
