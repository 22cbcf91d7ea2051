"""The app as the snapshot and Pilot tests build it: fixed date, the test user, one database."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from ntm_tui.app import NtmApp
from ntm_tui.context import Context
from tests.conftest import workers_done

TODAY = date(2023, 3, 16)


def make_app(db_path: Path, lang: str = "vi", member_name: str = "") -> NtmApp:
    from ntm_tui.config import UserConfig

    ctx = Context(db_path=db_path, db_explicit=True, lang=lang, today=TODAY,
                  config=UserConfig(lang=lang, member_name=member_name))
    return NtmApp(ctx)


async def settle(pilot, rounds: int = 3) -> None:
    """Let database workers finish and their results reach the screen (a result may start
    another load, hence a few rounds)."""
    for _ in range(rounds):
        await workers_done(pilot.app)
        await pilot.pause()
