"""The space key on the indicator list, timed in the real app driven in-process by Pilot.

    python tests/bench/keys.py DB PRESSES [--commune NAME]   # the times (s) as JSON, last line

run.py starts it so: a process holding only the app, as in the terminal.

Each press is timed from the key (`App.simulate_key`, as the terminal delivers it) until the
table's row shows the toggled result and the screen has flushed that update to the terminal
(no layout, repaint or dirty widget left pending), notifications included; the database is then
checked to hold the same result. The cursor
moves to the next indicator between presses, outside the timing.
"""
from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

RESULT_COLUMN = "tcol_result"
DEBUG = bool(os.environ.get("NTM_BENCH_DEBUG"))


async def key_latency(db: Path, commune_name: str | None, presses: int, timeout: float = 10.0
                      ) -> list[float]:
    from db.models import Result
    from ntm_tui.app import NtmApp
    from ntm_tui.context import Context
    from ntm_tui.i18n import t
    from ntm_tui.screens.criteria import CriteriaScreen
    from ntm_tui.widgets.indicator_table import IndicatorTable

    ctx = Context(db_path=Path(db), db_explicit=True, commune_name=commune_name)
    ctx.open()
    app = NtmApp(ctx)
    times: list[float] = []
    # Notifications on, as in the terminal (run_test leaves them out by default): whatever the
    # app shows to confirm a press is part of the press.
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("2")
        screen = app.screen
        assert isinstance(screen, CriteriaScreen), screen
        await _until(lambda: screen.status is not None, pilot, timeout)
        table = screen.query_one(IndicatorTable)
        column = _result_column(table, t)
        for _ in range(presses):
            item = await _indicator_under_cursor(table, pilot)
            key = table.cursor_key()
            before = _cell(table, key, column)
            started = time.perf_counter()
            app.simulate_key("space")  # as the terminal delivers it (pilot.press also waits for idle)
            try:
                await _until(lambda: _cell(table, key, column) != before, pilot, timeout)
            except TimeoutError:
                notes = [n.message for n in app._notifications]
                raise TimeoutError(f"{item.code}: row {key} still {before!r}; notifications {notes}")
            changed_at = time.perf_counter() - started
            await _until(lambda: _painted(screen), pilot, timeout)
            elapsed = time.perf_counter() - started
            if DEBUG:
                print(f"{item.code}: row changed {changed_at * 1000:.0f} ms, settled {elapsed * 1000:.0f} ms")
            row = Result.get((Result.commune == app.commune_id) & (Result.year == app.year)
                             & (Result.indicator == item.id))
            if row.status == item.status or t(f"res_{row.status}") != _cell(table, key, column):
                raise AssertionError(f"{item.code}: the database and the row disagree after space")
            times.append(elapsed)
            if table.cursor_row >= table.row_count - 1:
                table.move_cursor(row=0)
                await pilot.pause(0)
            else:
                await pilot.press("down")
        await pilot.press("ctrl+q")
    return times


def _result_column(table, t) -> int:
    for index, column in enumerate(table.ordered_columns):
        if column.key.value == RESULT_COLUMN:
            return index
    labels = [str(c.label) for c in table.ordered_columns]
    raise AssertionError(f"no result column ({RESULT_COLUMN}) in {labels}")


def _painted(screen) -> bool:
    """The screen has sent its pending update to the terminal (Textual's own flags: a layout,
    a repaint or dirty widgets wait for the next compositor refresh; and no widget on screen
    holds a refresh whose Update message has not reached the screen yet, which the screen's
    flags do not show: without that check a press could count as painted before its frame)."""
    if (getattr(screen, "_layout_required", False) or getattr(screen, "_repaint_required", False)
            or getattr(screen, "_dirty_widgets", None)):
        return False
    shown = getattr(getattr(screen, "_compositor", None), "visible_widgets", {})
    return not any(getattr(w, "_repaint_required", False) or getattr(w, "_repaint_regions", None)
                   for w in shown)


def _cell(table, key: str, column: int) -> str:
    try:
        return str(table.get_row(key)[column])
    except Exception:  # the table is being refilled
        return ""


def _asks(item) -> bool:
    """Space on it asks first (its value says otherwise): a dialog, not a timed press."""
    from db import rules

    other = rules.NOT_MET if item.status == rules.MET else rules.MET
    return rules.contradicts(item.target, item.value, other)


async def _indicator_under_cursor(table, pilot):
    for _ in range(table.row_count + 1):
        item = table.selected_indicator()
        if item is not None and not _asks(item):
            return item
        if table.cursor_row >= table.row_count - 1:
            table.move_cursor(row=0)
            await pilot.pause(0)
        else:
            await pilot.press("down")
    raise AssertionError("no indicator row in the table")


async def _until(condition, pilot, timeout: float) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the screen did not change in time")
        await asyncio.sleep(0.001)


def main(argv: list[str] | None = None) -> int:
    import argparse
    import json
    import sys

    root = Path(__file__).resolve().parents[2]
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    parser = argparse.ArgumentParser(description="time the space key on the indicator list")
    parser.add_argument("db", type=Path)
    parser.add_argument("presses", type=int)
    parser.add_argument("--commune")
    args = parser.parse_args(argv)
    times = asyncio.run(key_latency(args.db, args.commune, args.presses))
    print(json.dumps(times))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
