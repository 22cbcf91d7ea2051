"""First visits: how long each section, form and the detail screen take to show a complete
frame the first time they are opened in a running app (the real app, headless, 80×24).

    python tests/bench/first_visits.py DB [COMMUNE] [--today DATE]

prints {NAME: {"complete": ms, "last_frame": ms}, …} as JSON. A fresh app per database; each
target is visited once, in the order an officer would, with Escape back to where it started.
The times run from the key, sent as the terminal driver sends it, to the complete frame (the
first frame whose cells, characters and styles, are those the visit ends on: frames after it
redraw what is already there) and to the last frame drawn before the app falls quiet (nothing
dirty, no worker running, no frame for 50 ms). Pilot's own waits are not in them."""
from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

ROW_1 = "row 1"  # not a key: the indicator list's cursor on its first indicator (the list keeps its row)

# (name, keys from the dashboard to where it starts, key that opens it, keys back)
TARGETS = [
    ("criteria", [], "2", []), ("detail", ["2", ROW_1], "enter", ["escape"]),
    ("value_form", ["2", ROW_1], "v", ["escape"]), ("note_form", ["2", ROW_1], "n", ["escape"]),
    ("assign_form", ["2", ROW_1], "a", ["escape"]), ("evidence_form", ["2", ROW_1], "e", ["escape"]),
    ("definition_form", ["2", ROW_1], "i", ["escape"]), ("assignments", [], "3", []),
    ("evidence", [], "4", []), ("calendar", [], "5", []), ("rules", ["5"], "r", ["escape"]),
    ("reports", [], "6", []), ("plan_text", ["6"], "ctrl+k", ["escape"]),
    ("report_text_form", ["6"], "ctrl+t", ["escape"]), ("settings", [], "7", []),
    ("search", ["1"], "ctrl+f", ["escape"]), ("help", ["1"], "question_mark", ["escape"]),
]


QUIET_S = 0.05  # no frame drawn for this long, nothing dirty, no worker running: the view is complete


async def _idle(app, pilot) -> None:
    """Until no worker runs. A load replaced by a newer one ends cancelled (the door's reads are
    exclusive per group): its answer is dropped, nothing failed. A failed worker is a bug the
    measure must not hide (the door's workers catch what a service refuses): it is raised."""
    from textual.worker import WorkerCancelled

    while True:
        await pilot.pause()
        running = [w for w in app.workers if not w.is_finished]
        if not running:
            return
        for worker in running:
            try:
                await worker.wait()
            except WorkerCancelled:
                continue


def _send(app, key: str) -> None:
    """The key as the driver delivers it, without Pilot's waits for idle (each at least 20 ms)."""
    import unicodedata

    from textual import events
    from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key

    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        char = unicodedata.lookup(_get_unicode_name_from_key(REPLACED_KEYS.get(key, key)))
    except KeyError:
        char = key if len(key) == 1 else None
    event = events.Key(key, char)
    event.set_sender(app)
    app._driver.send_message(event)


def _busy(app) -> bool:
    screen = app.screen
    return bool(any(not w.is_finished for w in app.workers) or screen._layout_required
                or screen._repaint_required or screen._dirty_widgets or screen._recompose_required)


def _content(screen) -> tuple:
    """What the terminal shows after a frame: every cell's character and style."""
    return tuple(tuple((segment.text, segment.style) for segment in strip)
                 for strip in screen._compositor.render_strips())


async def _time_to_frames(app, key: str) -> tuple[float, float]:
    """From the key to the complete frame (the first of the frames that end the visit showing
    what the last one shows: later ones redraw the same cells), and to the last frame drawn
    before the app falls quiet. Reading each frame's content is counted in the times."""
    frames: list[tuple[float, tuple]] = []
    display = app._display

    def counted(screen, update):
        at = time.perf_counter()
        shown = display(screen, update)
        frames.append((at, _content(screen)))
        return shown

    app._display = counted
    try:
        started = time.perf_counter()
        _send(app, key)
        while True:
            await asyncio.sleep(0.002)
            now = time.perf_counter()
            if frames and not _busy(app) and now - frames[-1][0] >= QUIET_S:
                final = frames[-1][1]
                complete = len(frames) - 1
                while complete > 0 and frames[complete - 1][1] == final:
                    complete -= 1
                return frames[complete][0] - started, frames[-1][0] - started
            if now - started > 10:
                raise TimeoutError(f"no complete frame 10 s after {key!r} ({len(frames)} frames drawn)")
    finally:
        app._display = display


def _profiler(name: str):
    """NTM_BENCH_PROFILE=NAME: the visit under cProfile, its top functions on stderr (sorted by
    NTM_BENCH_SORT, cumulative by default; NTM_BENCH_FILTER, NTM_BENCH_CALLERS narrow it)."""
    if os.environ.get("NTM_BENCH_PROFILE") != name:
        return None
    import cProfile

    profiler = cProfile.Profile()
    profiler.enable()
    return profiler


def _print_profile(profiler) -> None:
    import pstats

    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stderr).sort_stats(os.environ.get("NTM_BENCH_SORT", "cumulative"))
    stats.print_stats(os.environ.get("NTM_BENCH_FILTER", ""), 40)
    if os.environ.get("NTM_BENCH_CALLERS"):
        stats.print_callers(os.environ["NTM_BENCH_CALLERS"])


async def measure(db: Path, commune: str | None, today: date) -> dict[str, dict[str, float]]:
    from db.services.session import start_state
    from ntm_tui.app import NtmApp
    from ntm_tui.context import Context

    ctx = Context(db_path=db, db_explicit=True, today=today, commune_name=commune)
    ctx.start = start_state(commune, None, today)
    app = NtmApp(ctx)
    app.poll_changes = lambda: None  # no other session here: the poll only adds noise
    out: dict[str, dict[str, float]] = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await _idle(app, pilot)
        # As an officer comes to it: the dashboard read, the app done with what it prepares
        # meanwhile (NtmApp.warm_up makes the sections ahead, one per pause).
        waited = time.perf_counter()
        while not set(app.MODES) <= set(app._screen_stacks) and time.perf_counter() - waited < 5:
            await asyncio.sleep(0.05)
        await _idle(app, pilot)
        for name, before, key, back in TARGETS * (2 if os.environ.get("NTM_BENCH_TWICE") else 1):
            await pilot.press("escape", "escape", "1", *[k for k in before if k != ROW_1])
            await _idle(app, pilot)
            if ROW_1 in before:
                app.focused.move_cursor(row=1)
                await _idle(app, pilot)
            profiler = _profiler(name)
            complete, last = await _time_to_frames(app, key)
            out[name] = {"complete": round(complete * 1000, 1), "last_frame": round(last * 1000, 1)}
            if profiler is not None:
                _print_profile(profiler)
            await pilot.press(*back)
            await _idle(app, pilot)
    return out


def main(argv: list[str]) -> int:
    from db.bootstrap import prepare

    db = Path(argv[0])
    commune = argv[1] if len(argv) > 1 and not argv[1].startswith("--") else None
    today = date.fromisoformat(argv[argv.index("--today") + 1]) if "--today" in argv else date(2023, 3, 16)
    prepare(db, create=False)
    print(json.dumps(asyncio.run(measure(db, commune, today))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
