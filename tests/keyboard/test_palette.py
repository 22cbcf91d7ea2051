"""The command palette speaks Vietnamese and finds commands typed without accents."""
from textual.command import CommandInput, CommandList

from ntm_tui.palette import FoldingMatcher, Palette, fold_chars
from tests.conftest import settle
from tests.screens.helpers import demo_app


def test_fold_keeps_one_character_for_one():
    assert fold_chars("Năm sau · Đạt") == "nam sau · dat"
    assert len(fold_chars("Tiếng Việt")) == len("Tiếng Việt")
    assert FoldingMatcher("nam sau").match("Năm sau") > 0
    assert FoldingMatcher("tim moi").match("Tìm mọi thứ") > 0


def prompts(app) -> list[str]:
    options = app.screen.query_one(CommandList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_palette_in_vietnamese_finds_unaccented_commands(demo_db):
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot, lambda: isinstance(app.screen, Palette))
        assert app.screen.query_one(CommandInput).placeholder.startswith("Tìm lệnh…")
        await pilot.press(*"tim moi thu")
        await settle(pilot, lambda: any("Tìm mọi thứ" in p for p in prompts(app)))
        await pilot.press("ctrl+a", "ctrl+k", *"zzqqxx")
        await settle(pilot, lambda: any("Không tìm thấy" in p for p in prompts(app)))
        assert not any("No matches" in p for p in prompts(app))
