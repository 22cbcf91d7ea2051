"""Section 4: the evidence checklist, its filters, search and quick keys."""
from textual.widgets import DataTable, Static

from db.models import EvidenceItem, Indicator
from tests.screens.helpers import TODAY, demo_app, open_section, row_keys


async def test_mark_collected_then_checked_writes_status_and_today(demo_db):
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "4")
        first = int(row_keys(screen)[0])
        assert EvidenceItem.get_by_id(first).status == "missing"  # missing first
        await pilot.press("c")
        await pilot.pause()
        item = EvidenceItem.get_by_id(first)
        assert (item.status, item.status_date) == ("collected", TODAY)
        # the cursor stays on the item although it moved down the list
        assert row_keys(screen)[screen.query_one(DataTable).cursor_row] == str(first)
        await pilot.press("k")
        await pilot.pause()
        assert EvidenceItem.get_by_id(first).status == "checked"


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
        await pilot.press("l", *"Tu 2 ngan 3", "enter")
        await pilot.pause()
        assert EvidenceItem.get_by_id(first).location.endswith("Tu 2 ngan 3")
        count = EvidenceItem.select().count()
        await pilot.press("n", "ctrl+a", "ctrl+k", *"99", "enter")  # unknown code
        await pilot.pause()
        assert "99" in str(app.screen.query_one("#error", Static).render())
        await pilot.press("backspace", "backspace", *"17.6", "enter")
        await pilot.pause()
        await pilot.press(*"Bao cao moi truong", "ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert EvidenceItem.select().count() == count + 1
        item = EvidenceItem.select().order_by(EvidenceItem.id.desc()).first()
        assert Indicator.get_by_id(item.indicator_id).code == "17.6"
        assert str(item.id) in row_keys(screen)


async def test_quick_keys_are_also_palette_commands(demo_db):
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "4")
        first = int(row_keys(screen)[0])
        commands = {c.title: c for c in app.get_system_commands(screen)}
        assert {"Thu thập", "Kiểm tra", "Nơi lưu", "Lọc", "Tìm"} <= set(commands)
        await commands["Kiểm tra"].callback()
        await pilot.pause()
    assert EvidenceItem.get_by_id(first).status == "checked"
