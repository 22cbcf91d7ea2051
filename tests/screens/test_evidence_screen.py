"""Section 4: the evidence checklist, its filters, search and quick keys."""
from textual.widgets import DataTable, Static

from db.models import EvidenceItem, Indicator
from ntm_tui.forms.evidence import EvidenceForm
from ntm_tui.forms.prompt import TextPrompt
from tests.conftest import settle
from tests.screens.helpers import TODAY, demo_app, error_under, open_section, row_keys


async def test_mark_collected_then_checked_writes_status_and_today(demo_db):
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "4")
        first = int(row_keys(screen)[0])
        assert EvidenceItem.get_by_id(first).status == "missing"  # missing first
        await pilot.press("c")
        await settle(pilot)
        item = EvidenceItem.get_by_id(first)
        assert (item.status, item.status_date) == ("collected", TODAY)
        # the cursor stays on the item although it moved down the list
        assert row_keys(screen)[screen.query_one(DataTable).cursor_row] == str(first)
        await pilot.press("k")
        await settle(pilot)
        assert EvidenceItem.get_by_id(first).status == "checked"
        await pilot.press("ctrl+z")  # each mark is one undoable change
        await settle(pilot)
        assert EvidenceItem.get_by_id(first).status == "collected"


async def test_filter_and_search_ignore_diacritics(demo_db):
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "4")
        total = len(row_keys(screen))
        await pilot.press("f")  # missing only
        await pilot.pause()
        missing = row_keys(screen)
        assert 0 < len(missing) < total
        assert all(EvidenceItem.get_by_id(int(k)).status == "missing" for k in missing)
        await pilot.press("f", "f", "f")  # back to all
        await pilot.press("slash", *"BIEN BAN NGHIEM THU")
        await pilot.pause()
        keys = row_keys(screen)
        assert len(keys) == 1
        assert EvidenceItem.get_by_id(int(keys[0])).title.startswith("Biên bản nghiệm thu")
        await pilot.press("escape")
        await pilot.pause()
        assert len(row_keys(screen)) == total
        assert "TC1 0/2" in str(screen.query_one("#ev-summary", Static).render())


async def test_set_location_and_add_item_by_code(demo_db):
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "4")
        first = int(row_keys(screen)[0])
        await pilot.press("l")
        await settle(pilot, lambda: isinstance(app.screen, TextPrompt))
        await pilot.press(*"Tu 2 ngan 3", "enter")
        await settle(pilot, lambda: app.screen is screen)
        assert EvidenceItem.get_by_id(first).location.endswith("Tu 2 ngan 3")
        count = EvidenceItem.select().count()
        await pilot.press("n")
        await settle(pilot, lambda: isinstance(app.screen, TextPrompt))
        await pilot.press("ctrl+a", "ctrl+k", *"99", "enter")  # unknown code
        await settle(pilot)
        assert "99" in error_under(app.screen, "value")
        await pilot.press("backspace", "backspace", *"17.6", "enter")
        await settle(pilot, lambda: isinstance(app.screen, EvidenceForm))
        await pilot.press(*"Bao cao moi truong", "ctrl+s")
        await settle(pilot, lambda: app.screen is screen)
        assert EvidenceItem.select().count() == count + 1
        item = EvidenceItem.select().order_by(EvidenceItem.id.desc()).first()
        assert Indicator.get_by_id(item.indicator_id).code == "17.6"
        await settle(pilot, lambda: str(item.id) in row_keys(screen))


async def test_enter_edits_the_item_and_a_refused_title_stays_in_the_form(demo_db):
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "4")
        first = int(row_keys(screen)[0])
        before = EvidenceItem.get_by_id(first)
        await pilot.press("enter")
        form = await settle_form(pilot)
        assert form.query_one("#f-title").value == before.title
        form.query_one("#f-title").value = ""
        form.query_one("#f-location").value = "Kệ 4"
        await pilot.press("ctrl+s")  # the service refuses an empty title
        await settle(pilot)
        assert app.screen is form and "Không được để trống" in error_under(form, "title")
        assert form.query_one("#f-location").value == "Kệ 4"
        form.query_one("#f-title").value = "Tên mới"
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: app.screen is screen)
    after = EvidenceItem.get_by_id(first)
    assert (after.title, after.location) == ("Tên mới", "Kệ 4")


async def settle_form(pilot):
    await settle(pilot, lambda: isinstance(pilot.app.screen, EvidenceForm))
    return pilot.app.screen


async def test_quick_keys_are_also_palette_commands(demo_db):
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "4")
        first = int(row_keys(screen)[0])
        commands = {c.title: c for c in app.get_system_commands(screen)}
        assert {"Thu thập", "Kiểm tra", "Nơi lưu", "Lọc", "Tìm"} <= set(commands)
        await commands["Kiểm tra"].callback()
        await settle(pilot)
    assert EvidenceItem.get_by_id(first).status == "checked"
