"""A past year corrected after the next year has its own result: the officer is told the next
year's start changes and may carry the correction forward (#16)."""
from db.models import Result
from db.services.communes import get_commune
from db.services.results import set_result
from ntm_tui.forms.confirm import ConfirmChange
from tests.conftest import settle
from tests.screens.helpers import demo_app, open_section


def _result(code, year):
    return (Result.select().join(Result.indicator.rel_model)
            .where((Result.year == year) & (Result.indicator.rel_model.code == code)).get())


async def set_2023_value(pilot, value: str) -> None:
    """12.2's value typed in its form from the indicator list (the demo works on 2023)."""
    await open_section(pilot, "2")
    await pilot.press("slash", *"12.2", "enter")
    await settle(pilot)
    await pilot.press("v")
    await settle(pilot)
    await pilot.press("ctrl+a", "shift+end", *value, "ctrl+s")


async def test_correcting_2023_offers_to_carry_it_into_2024(demo_db):
    commune = get_commune()
    set_result(commune, 2023, "12.2", value="20")
    set_result(commune, 2024, "12.2", value="20")  # 2024 has its own row, same as 2023 was
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await set_2023_value(pilot, "26,5")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmChange))
        question = app.screen.intro
        assert "2024" in question and "26,5" in question and "20" in question
        await pilot.press("enter")
        await settle(pilot, lambda: not isinstance(app.screen, ConfirmChange))
    assert _result("12.2", 2023).value == "26,5" and _result("12.2", 2024).value == "26,5"
    assert _result("12.2", 2024).status == "met"


async def test_no_question_when_the_next_year_has_no_row_or_agrees(demo_db):
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await set_2023_value(pilot, "27")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmChange)
    assert not Result.select().where(Result.year == 2024).exists()
