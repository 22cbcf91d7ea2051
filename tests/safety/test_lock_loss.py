"""Issue 12, lock loss: no descriptor of the database file is opened beside a live connection.

On Linux closing any descriptor of a file drops every POSIX lock the process holds on it,
SQLite's included. The daily backup used to read the header with open() inside the app's
process; the next `ntm-tui status` then believed it was the last connection and deleted -wal
and -shm under the running app (failed saves, lost writes, a corrupt file).
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from contextlib import closing
from pathlib import Path

import pytest

from db import connection
from db.backup import backup_now, daily_backup, default_folder, validate_backup
from db.bootstrap import prepare
from db.connection import close_database, open_database
from db.migrations import backup_before_migration
from db.portable import dump
from db.services.communes import get_commune
from db.services.results import set_result
from tests.safety import locks
from tests.safety.conftest import ROOT

needs_lock_table = pytest.mark.skipif(
    not locks.available(), reason="the kernel's lock table (/proc/locks) is Linux-only")


def _env(db: Path) -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT), NTM_TUI_DB=str(db))


def _second_command(db: Path, argv: list[str]) -> subprocess.CompletedProcess:
    """Another shell's short-lived command: it opens the file, reads, closes."""
    return subprocess.run([sys.executable, "-m", "ntm_tui", *argv], cwd=ROOT, env=_env(db),
                          capture_output=True, text=True, timeout=60)


@needs_lock_table
@pytest.mark.parametrize("mode", ["write", "read"])
def test_app_keeps_its_locks_files_and_writes_through_backup_and_other_commands(
        demo_template, tmp_path, mode):
    db = tmp_path / "ntm.db"
    shutil.copy(demo_template, db)  # this test process never connects: only the holder does
    holder = subprocess.Popen([sys.executable, "-m", "tests.safety.lock_holder", str(db), mode],
                              cwd=ROOT, env=_env(db), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        started = json.loads(holder.stdout.readline() or "{}")
        assert started.get("backup"), holder.stderr.read()
        assert Path(started["backup"]).exists()  # the first start of the day made its copy
        problems = []
        held = locks.posix_locks(holder.pid, *locks.database_files(db))
        if not all(held.values()) or len(held) != 2:
            problems.append(f"after the backup: locks {held}")
        commands = [["status"], ["deadlines", "--late"], ["status", "--format", "json"],
                    ["deadlines", "--late"]]
        for n, argv in enumerate(commands, start=1):
            done = _second_command(db, argv)
            if done.returncode not in (0, 1) or done.stderr:
                problems.append(f"round {n}: {argv} exit {done.returncode} {done.stderr.strip()}")
            for suffix in ("-wal", "-shm"):
                if not Path(f"{db}{suffix}").exists():
                    problems.append(f"round {n}: {suffix} gone under the app")
            held = locks.posix_locks(holder.pid, *locks.database_files(db))
            if not all(held.values()) or len(held) != 2:
                problems.append(f"round {n}: locks {held}")
            holder.stdin.write(f"toggle {n}\n")
            holder.stdin.flush()
            answer = holder.stdout.readline().strip()
            if answer != "ok":
                problems.append(f"round {n}: save: {answer}")
        holder.stdin.write("quit\n")
        holder.stdin.flush()
        integrity_in_app = holder.stdout.readline().strip()
        assert holder.wait(timeout=60) == 0, holder.stderr.read()
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
    assert problems == []
    assert integrity_in_app == "ok"
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        notes = {r[0] for r in conn.execute(
            "SELECT new FROM change_log WHERE field = 'note' AND new LIKE 'round-%'")}
        last = conn.execute("SELECT status, note FROM result WHERE year = 2023 AND note LIKE "
                            "'round-%'").fetchall()
    rounds = range(1, len(commands) + 1)
    assert {f"round-{n}" for n in rounds} <= notes  # every save of the app is in the file
    assert last == [("not_met" if len(commands) % 2 else "met", f"round-{len(commands)}")]


@needs_lock_table
def test_backup_dump_and_migration_backup_in_the_app_process_keep_its_locks(demo_db, tmp_path):
    """Everything the app (or a command) may run beside its own connection, in one process;
    each judged alone (reopened before it), so a failure names the path that drops the locks."""
    steps = {
        "daily backup": lambda: daily_backup(demo_db, default_folder(demo_db), 7),
        "backup": lambda: backup_now(demo_db, tmp_path / "copy.db"),
        "backup before a migration": lambda: backup_before_migration(demo_db, 1),
        "dump": lambda: dump(demo_db, tmp_path / "dump.json"),
        "check a backup": lambda: validate_backup(tmp_path / "copy.db"),
    }
    lost = {}
    for name, step in steps.items():
        prepare(demo_db, create=False)
        set_result(get_commune(None), 2023, "12.1", met="yes")  # a write: the WAL is in use
        before = locks.posix_locks(os.getpid(), *locks.database_files(demo_db))
        assert all(before.values()) and len(before) == 2
        step()
        after = locks.posix_locks(os.getpid(), *locks.database_files(demo_db))
        if after != before:
            lost[name] = after
    assert lost == {}


@needs_lock_table
def test_large_file_header_check_comes_before_connecting(demo_template, tmp_path, monkeypatch):
    """Files over QUICK_CHECK_MAX_BYTES get a header check instead of quick_check: it used to
    read the file after connecting, which dropped the new connection's lock at once."""
    db = tmp_path / "big.db"
    shutil.copy(demo_template, db)
    monkeypatch.setattr(connection, "QUICK_CHECK_MAX_BYTES", 0)
    prepare(db, create=False)
    set_result(get_commune(None), 2023, "12.1", met="yes")
    held = locks.posix_locks(os.getpid(), *locks.database_files(db))
    assert all(held.values()) and len(held) == 2


def test_large_truncated_file_is_still_refused_before_connecting(demo_template, tmp_path, monkeypatch):
    from db.errors import StorageError

    db = tmp_path / "cut.db"
    data = demo_template.read_bytes()
    db.write_bytes(data[: len(data) // 2])
    monkeypatch.setattr(connection, "QUICK_CHECK_MAX_BYTES", 0)
    with pytest.raises(StorageError) as caught:
        open_database(db, create=False)
    assert caught.value.key == "db_not_sqlite"
    assert not Path(f"{db}-wal").exists()  # refused before SQLite touched it


def test_header_is_never_read_beside_a_connection(demo_db):
    """The only raw read of a database file refuses while this process has the file open: a
    programming error, not a user's."""
    from db.connection import LiveConnectionError, held_open_here, read_header

    assert held_open_here(demo_db)
    with pytest.raises(LiveConnectionError):
        read_header(demo_db)
    close_database()
    assert not held_open_here(demo_db)
    assert read_header(demo_db).startswith(b"SQLite format 3\x00")


def test_a_connection_in_another_thread_counts(demo_template, tmp_path):
    """peewee keeps one connection per thread: closing this thread's is not enough."""
    from db.connection import LiveConnectionError

    db = tmp_path / "threads.db"
    shutil.copy(demo_template, db)
    open_database(db, create=False)
    opened, release = threading.Event(), threading.Event()

    def worker():
        from db.models import CriteriaSet

        CriteriaSet.select().count()  # this thread's own connection
        opened.set()
        release.wait(30)
        close_database()

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        assert opened.wait(30)
        close_database()  # this thread's only
        with pytest.raises(LiveConnectionError):
            open_database(db, create=False)  # would read the header beside the worker's
    finally:
        release.set()
        thread.join()
    close_database()
    assert open_database(db, create=False) is False


def test_a_plain_sqlite3_connection_counts(demo_template, tmp_path):
    from db.connection import LiveConnectionError, held_open_here, read_header

    db = tmp_path / "plain.db"
    shutil.copy(demo_template, db)
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        assert held_open_here(db)
        with pytest.raises(LiveConnectionError):
            read_header(db)
    assert not held_open_here(db)


def test_db_uses_one_sqlite_library_the_one_peewee_uses():
    """Two copies of SQLite in one process do not share their lock tables ("How To Corrupt",
    section 2.1): a connection of the other copy closing its descriptor drops the app's locks.
    peewee picks pysqlite3 when it is installed and newer, so db/ takes the module from peewee."""
    import ast

    import peewee

    direct = []
    for path in sorted((ROOT / "db").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module] if isinstance(node, ast.ImportFrom) else []
            if any(n and n.split(".")[0] in ("sqlite3", "pysqlite3") for n in names):
                direct.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert direct == []
    from db import backup, portable

    assert backup.sqlite3 is portable.sqlite3 is connection.sqlite3 is peewee.sqlite3
