"""Several sessions on one database: every write lands, none is lost, stale edits are refused."""
from __future__ import annotations

import sqlite3
import time

from db.connection import close_database
from db.models import Commune, Indicator, Result
from tests.safety.conftest import worker

PROCESSES, WRITES = 4, 50


def test_four_processes_fifty_writes_each_all_logged(demo_db):
    close_database()
    started = time.monotonic()
    procs = [worker(demo_db, "loop", WRITES, f"p{n}") for n in range(PROCESSES)]
    outputs = [p.communicate(timeout=120) for p in procs]
    elapsed = time.monotonic() - started
    assert [p.returncode for p in procs] == [0] * PROCESSES, [e for _, e in outputs]
    assert all(err == "" for _, err in outputs), [e for _, e in outputs]  # zero errors, no "locked"
    reported = [line for out, _ in outputs for line in out.split()]
    assert len(reported) == len(set(reported)) == PROCESSES * WRITES
    conn = sqlite3.connect(demo_db)
    logged = {b for (b,) in conn.execute("SELECT DISTINCT batch FROM change_log")}
    assert set(reported) <= logged
    notes = {n for (n,) in conn.execute("SELECT new FROM change_log WHERE field = 'note'")}
    assert {f"p{n}-{i}" for n in range(PROCESSES) for i in range(1, WRITES + 1, 2)} <= notes
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    print(f"concurrency: {PROCESSES}x{WRITES} writes, {len(reported)} logged, {elapsed:.1f}s")


def test_version_guard_lets_exactly_one_stale_writer_through(demo_db, tmp_path):
    commune = Commune.get()
    indicator = Indicator.get(Indicator.code == "12.2")
    row = Result.get((Result.commune == commune) & (Result.indicator == indicator) & (Result.year == 2022))
    close_database()
    start = tmp_path / "go"
    procs = [worker(demo_db, "race", row.id, row.version, start) for _ in range(4)]
    time.sleep(0.5)  # most of the four have read the row and wait at the start line
    start.touch()
    answers = sorted(p.communicate(timeout=60)[0].strip() for p in procs)
    assert answers == ["conflict", "conflict", "conflict", "ok"]
    conn = sqlite3.connect(demo_db)
    assert conn.execute("SELECT version FROM result WHERE id = ?", (row.id,)).fetchone()[0] == row.version + 1
    assert conn.execute("SELECT count(*) FROM change_log WHERE label = 'race'").fetchone()[0] == 1
