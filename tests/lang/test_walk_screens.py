"""Issue 16: every screen and form, walked in both languages at 80×24, shows no key id
("dl_yes", "key_save"), and the Vietnamese run none of the library's English words."""
from __future__ import annotations

import html
import re

import pytest

from ntm_tui.app import NtmApp
from ntm_tui.context import Context
from tests.conftest import settle
from tests.screens.helpers import TODAY

KEY_ID = re.compile(r"\b[a-z]+_[a-z_]+\b")
ENGLISH = re.compile(r"\b(Dismiss|Search|Cancel|Save|Quit|Focus|Toggle|Copy|Select|Submit|Help|"
                     r"Close|Delete|Back|Next|Previous|Undo|Palette|Commands?)\b")


def visible(app) -> str:
    """The frame as a person sees it: the text of the exported screenshot."""
    svg = app.export_screenshot()
    rows: dict[float, list[str]] = {}
    for attrs, body in re.findall(r"<text([^>]*)>(.*?)</text>", svg, re.S):
        y = re.search(r'y="([\d.]+)"', attrs)
        rows.setdefault(float(y.group(1)) if y else -1, []).append(html.unescape(re.sub("<[^>]+>", "", body)))
    return "\n".join("".join(parts).replace("\xa0", " ") for _, parts in sorted(rows.items()))


def check(text: str, lang: str, where: str) -> None:
    text = re.sub(r"\S*/\S*", " ", text)  # file paths (the test's own folder) are not labels
    ids = [w for w in KEY_ID.findall(text) if not w.startswith(("http", "www"))]
    assert not ids, (lang, where, ids)
    if lang == "vi":
        assert not ENGLISH.findall(text), (where, ENGLISH.findall(text), text)


# (keys pressed from the section, what it opens); Escape closes each
WALK = [
    ("1", []), ("2", []), ("2", ["down", "v"]), ("2", ["down", "n"]), ("2", ["down", "a"]), ("2", ["down", "e"]),
    ("2", ["down", "i"]),
    ("2", ["down", "enter"]), ("2", ["question_mark"]), ("3", []), ("4", []), ("5", []), ("5", ["r"]),
    ("6", []), ("6", ["ctrl+t"]), ("6", ["ctrl+b"]), ("7", []), ("1", ["ctrl+f"]), ("1", ["ctrl+p"]),
]


@pytest.mark.parametrize("lang", ["vi", "en"])
async def test_every_screen_speaks_one_language(demo_db, lang):
    from db.services.session import start_state
    from ntm_tui.i18n import set_lang

    set_lang(lang)
    ctx = Context(db_path=demo_db, db_explicit=True, today=TODAY, lang=lang)
    ctx.start = start_state(ctx.commune_name, None, TODAY)
    app = NtmApp(ctx)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for section, keys in WALK:
            await pilot.press("escape", "escape", section)
            await settle(pilot)
            section_screen = app.screen
            for key in keys:
                await pilot.press(key)
                await settle(pilot)
            assert not keys or app.screen is not section_screen, (section, keys)  # it opened
            for toast in app.screen.query("Toast"):
                toast.remove()  # a notice from an earlier step
            check(visible(app), lang, f"{section} {keys}")
            for _ in keys:
                await pilot.press("escape")
                await settle(pilot)
