"""kill -9 a writer at random moments: the file stays intact and no reported commit is lost."""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import time

from db.connection import close_database
from tests.safety.conftest import worker

KILLS = 20


def test_kill_9_twenty_times_loses_nothing_reported(demo_db):
    close_database()
    rng = random.Random(6)
    reported: list[str] = []
    started = time.monotonic()
    for run in range(KILLS):
        proc = worker(demo_db, "loop", 0, f"crash{run}")  # a new note each run: every write changes
        # Wait for the first commit, then kill at a random moment among the next ones.
        first = proc.stdout.readline()
        assert first.endswith("\n"), proc.stderr.read()
        time.sleep(rng.uniform(0.0, 0.2))
        os.kill(proc.pid, signal.SIGKILL)
        rest, err = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        assert "Traceback" not in err
        lines = (first + rest).split("\n")
        reported += [line for line in lines[:-1] if line]  # the last piece may be cut mid-line
    elapsed = time.monotonic() - started
    conn = sqlite3.connect(demo_db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    logged = {b for (b,) in conn.execute("SELECT DISTINCT batch FROM change_log")}
    lost = set(reported) - logged
    assert not lost
    assert len(reported) > KILLS
    print(f"crash: {KILLS} kills survived, {len(reported)} reported commits, {len(lost)} lost, {elapsed:.1f}s")
