"""Section 7: commune, current year, plan document data and personal settings."""
import json
import os
from datetime import date

from textual.widgets import Input, Static

from db.models import Commune, Plan, Setting
from tests.screens.helpers import demo_app, open_section


def set_field(screen, field_id: str, value: str) -> None:
    screen.query_one(f"#{field_id}", Input).value = value


def status(screen) -> str:
    return str(screen.query_one("#set-status", Static).render())


async def test_save_year_plan_number_and_personal_settings(demo_db, tmp_path):
    font = tmp_path / "TimesNewRoman.ttf"
    font.write_bytes(b"\0\1\0\0")
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "7")
        screen.query_one("#plan-number", Input).focus()
        await pilot.press("ctrl+a", "ctrl+k", *"250/KH-BQL", "enter")
        set_field(screen, "plan-doc_date", "1/3/2023")
        set_field(screen, "commune-district", "thị xã Tân Châu (mới)")
        set_field(screen, "user_name", "Ngân")
        set_field(screen, "font_path", str(font))
        screen.query_one("#year", Input).focus()
        await pilot.press("ctrl+a", "ctrl+k", *"2024", "ctrl+s")
        await pilot.pause()
        assert "Đã lưu" in status(screen)
        assert app.year == 2024
        assert screen.query_one("#year", Input).value == "2024"
    commune = Commune.get_by_id(app.commune_id)
    assert Setting.get((Setting.key == "current_year") & (Setting.commune == commune)).value == "2024"
    assert commune.district == "thị xã Tân Châu (mới)"
    plan = Plan.get((Plan.commune == commune) & (Plan.year == 2023))
    assert (plan.number, plan.doc_date) == ("250/KH-BQL", date(2023, 3, 1))
    config = json.loads(open(os.environ["NTM_TUI_CONFIG"], encoding="utf-8").read())
    assert config["user_name"] == "Ngân" and config["font_path"] == str(font)


async def test_bad_input_is_refused_and_nothing_saved(demo_db, tmp_path):
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "7")
        commune = Commune.get_by_id(app.commune_id)
        for field, value, message in [
            ("year", "2031", "ngoài giai đoạn"),
            ("year", "hai nghìn", "Năm không hợp lệ"),
            ("plan-doc_date", "30/02/2023", "Ngày không hợp lệ"),
            ("font_path", str(tmp_path / "times.otf"), ".ttf"),
            ("font_path", str(tmp_path / "none.ttf"), "Không tìm thấy tệp phông chữ"),
            ("commune-name", "  ", "Không được để trống"),
            ("commune-code", "3031", "5 chữ số"),
        ]:
            original = screen.query_one(f"#{field}", Input).value
            set_field(screen, field, value)
            set_field(screen, "plan-number", "999/KH-BQL")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert message in status(screen), (field, status(screen))
            set_field(screen, field, original)
        assert app.year == 2023
    assert Commune.get_by_id(commune.id).version == commune.version
    assert Plan.get((Plan.commune == commune) & (Plan.year == 2023)).number == "249/KH-BQL"
    assert not os.path.exists(os.environ["NTM_TUI_CONFIG"])


async def test_the_commune_code_and_group_are_set_here(demo_db):
    from ntm_tui.widgets.choice import Choice

    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "7")
        assert screen.query_one("#commune-code", Input).value == ""
        screen.query_one("#commune-code", Input).focus()
        await pilot.press(*"30316", "tab")  # on to the group, chosen from the keyboard
        assert app.focused.id == "commune-commune_group"
        await pilot.press("enter", "down", "down", "enter")  # the list: blank, Nhóm 1, Nhóm 2
        group = screen.query_one("#commune-commune_group", Choice)
        assert group.value == "2"
        await pilot.press("3")  # a digit finds "Nhóm 3" by its word; a section is not switched
        assert group.value == "3" and app.screen is screen
        await pilot.press("2", "ctrl+s")
        await pilot.pause()
        assert "Đã lưu" in status(screen), status(screen)
        assert screen.query_one("#commune-commune_group", Choice).value == "2"
    commune = Commune.get_by_id(app.commune_id)
    assert (commune.code, commune.commune_group) == ("30316", "2")
