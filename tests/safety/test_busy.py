"""Another session holding the write lock: the next write waits; "database is locked" never
reaches the officer, only a clear "busy, try again" after the wait is exhausted."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time

import pytest

from db.connection import close_database
from db.errors import StorageError
from db.models import Commune, database
from tests.safety.conftest import ROOT, one_clear_line

HOLD = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE commune SET district = district")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


def hold_write_lock(path, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_a_write_waits_for_the_other_session(demo_db, cli):
    close_database()
    holder = hold_write_lock(demo_db, 1.5)
    started = time.monotonic()
    code, out, err = cli("--db", demo_db, "set", "12.2", "--value", "80")
    waited = time.monotonic() - started
    holder.wait(timeout=30)
    assert code == 0 and err == "", err
    assert waited >= 1.0  # it waited for the lock instead of failing


def test_lock_held_too_long_gives_the_busy_message(demo_db, monkeypatch):
    from db.services.results import set_result

    commune = Commune.get()
    database.execute_sql("PRAGMA busy_timeout = 100")
    monkeypatch.setattr(type(database), "begin_attempts", 2)
    holder = hold_write_lock(demo_db, 3)
    try:
        with pytest.raises(StorageError) as info:
            set_result(commune, 2023, "12.2", value="80")
    finally:
        holder.wait(timeout=30)
    assert info.value.key == "db_locked" and "đang bận" in info.value.message()
    assert set_result(commune, 2023, "12.2", value="80").status == "met"  # free again: works


def test_busy_message_on_the_command_line(demo_db, tmp_path):
    close_database()
    holder = hold_write_lock(demo_db, 4)
    code = ("import sys; from db.models import NtmDatabase; NtmDatabase.begin_attempts = 1; "
            "import db.connection as c; c.PRAGMAS['busy_timeout'] = 200; "
            "from ntm_tui.__main__ import main; sys.exit(main(sys.argv[1:]))")
    proc = subprocess.run([sys.executable, "-c", code, "--db", str(demo_db), "set", "12.2", "--value", "80"],
                          cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True,
                          text=True, timeout=60)
    holder.wait(timeout=30)
    assert proc.returncode == 2 and one_clear_line(proc.stderr) and "đang bận" in proc.stderr
    assert "locked" not in proc.stderr
    assert sqlite3.connect(demo_db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
