"""Start the app the way `ntm-tui` does (parser, context, database, NtmApp), headless, until the
dashboard shows its counts; then print JSON: the counts text and which heavy modules got imported.

    python tests/bench/probe.py --db DEMO [--commune NAME]

Used by the benchmark (import hygiene) and by tests/test_bench.py.
"""
from __future__ import annotations

import asyncio
import json
import sys
import time

HEAVY = ("reportlab", "tabulate", "openpyxl")


async def _drawn(argv: list[str]) -> dict:
    from textual.widgets import Static

    from ntm_tui.__main__ import build_parser
    from ntm_tui.app import NtmApp
    from ntm_tui.context import build_context

    started = time.perf_counter()
    args = build_parser().parse_args(argv)
    ctx = build_context(args)
    ctx.open()
    app = NtmApp(ctx)
    async with app.run_test(size=(80, 24)) as pilot:
        text = ""
        for _ in range(500):
            await pilot.pause()
            counts = app.screen.query("#counts")
            text = str(counts.first(Static).render()) if counts else ""
            if "/" in text:
                break
        ready = time.perf_counter() - started
        await pilot.press("ctrl+q")
    return {"counts": text, "ready_s": round(ready, 3),
            "heavy": sorted(m for m in sys.modules if m.split(".")[0] in HEAVY)}


def main(argv: list[str]) -> int:
    print(json.dumps(asyncio.run(_drawn(argv)), ensure_ascii=False))
    from db.connection import close_database

    close_database()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
