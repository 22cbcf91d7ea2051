"""Schema versions: an old database is migrated after a backup; a newer one is left untouched."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from db.bootstrap import prepare
from db.connection import close_database
from db.errors import StorageError
from db.migrations import SCHEMA_VERSION, m0001_initial
from db.portable import dump_document
from tests.safety.conftest import digest, one_clear_line


def make_v1(demo_db: Path, target: Path) -> dict:
    """A schema-1 database built with m0001 only, filled with the demo's rows as they were in
    schema 1 (no change_log.session): what an officer's file looked like before 0002."""
    close_database()
    doc = dump_document(demo_db)
    conn = sqlite3.connect(target)
    for statement in m0001_initial.STATEMENTS:
        conn.execute(statement)
    for name, table in doc["tables"].items():
        columns = [c for c in table["columns"] if not (name == "change_log" and c in ("session", "login"))]
        keep = [table["columns"].index(c) for c in columns]
        rows = [[row[i] for i in keep] for row in table["rows"]]
        if rows:
            conn.executemany(f'INSERT INTO "{name}" ({", ".join(map(repr, columns))}) '
                             f'VALUES ({", ".join("?" * len(columns))})', rows)
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    return doc


def test_migration_from_the_first_schema_keeps_every_row(demo_db, tmp_path, cli):
    path = tmp_path / "v1" / "old.db"
    path.parent.mkdir()
    before = make_v1(demo_db, path)
    v1_digest = digest(path)
    prepare(path, create=False)  # migrates
    close_database()
    after = dump_document(path)
    assert after["schema_version"] == SCHEMA_VERSION >= 2
    for name, table in before["tables"].items():
        assert after["tables"][name]["rows"] == table["rows"] or name == "change_log"
    old_log, new_log = before["tables"]["change_log"], after["tables"]["change_log"]
    assert len(new_log["rows"]) == len(old_log["rows"])
    session = new_log["columns"].index("session")
    assert {row[session] for row in new_log["rows"]} == {""}  # old entries: no session known
    # The automatic backup is the untouched schema-1 database, owner-only.
    backups = list((path.parent / "backups").glob("old-v1-*.db"))
    assert len(backups) == 1 and oct(backups[0].stat().st_mode & 0o777) == "0o600"
    conn = sqlite3.connect(backups[0])
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == len(old_log["rows"])
    assert digest(path) != v1_digest
    # And the migrated database works: a new change is logged with its session.
    code, out, err = cli("--db", path, "set", "12.1", "--year", "2023", "--value", "71")
    assert code == 0, err
    row = sqlite3.connect(path).execute("SELECT session FROM change_log ORDER BY id DESC").fetchone()
    assert len(row[0]) == 16


def test_migration_refused_when_the_backup_cannot_be_made(demo_db, tmp_path, cli):
    path = tmp_path / "old.db"
    make_v1(demo_db, path)
    (tmp_path / "backups").write_text("a file where the backups folder should be")
    before = dump_document(path)
    code, _, err = cli("--db", path, "status")
    assert code == 2 and one_clear_line(err) and "Không sao lưu được" in err
    assert dump_document(path) == before
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 1


def test_two_sessions_starting_together_migrate_once(demo_db, tmp_path):
    from tests.safety.conftest import worker

    path = tmp_path / "old.db"
    make_v1(demo_db, path)
    procs = [worker(path, "loop", 2, f"m{n}") for n in range(3)]
    results = [p.communicate(timeout=60) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [e for _, e in results]
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def newer_copy(source: Path, target: Path, journal: str = "delete") -> Path:
    """A copy of `source` as a future version of ntm-tui would have left it."""
    close_database()
    conn = sqlite3.connect(source)
    conn.execute(f"VACUUM INTO '{target}'")
    conn.close()
    conn = sqlite3.connect(target)
    conn.execute(f"PRAGMA journal_mode = {journal}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    return target


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_newer_database_refused_byte_for_byte(demo_db, tmp_path, cli, journal):
    path = newer_copy(demo_db, tmp_path / "newer.db", journal)
    before = digest(path)
    for argv in (["status"], ["set", "12.1", "--value", "80"], ["history"], ["demo"], ["load", "x.json"]):
        code, _, err = cli("--db", path, *argv)
        assert code == 2 and one_clear_line(err), err
        assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir() if "newer" in p.name) == ["newer.db"]  # no -wal, -shm
    assert not (tmp_path / "backups").exists()
    # Reading it whole is still allowed, and still changes nothing.
    assert cli("--db", path, "dump", tmp_path / "out" / "x.json")[0] == 0
    assert cli("--db", path, "backup", tmp_path / "out" / "x.db")[0] == 0
    assert digest(path) == before
    with pytest.raises(StorageError) as info:
        prepare(path, create=False)
    assert info.value.key == "db_newer" and digest(path) == before


def test_newer_dump_and_backup_refused(demo_db, tmp_path, cli):
    close_database()
    dump = tmp_path / "new.json"
    assert cli("--db", demo_db, "dump", dump)[0] == 0
    doc = json.loads(dump.read_text())
    doc["schema_version"] = SCHEMA_VERSION + 1
    dump.write_text(json.dumps(doc))
    code, _, err = cli("--db", tmp_path / "target.db", "load", dump)
    assert code == 2 and "phiên bản mới hơn" in err and not (tmp_path / "target.db").exists()
    newer = newer_copy(demo_db, tmp_path / "newer-backup.db")
    before = digest(demo_db)
    code, _, err = cli("--db", demo_db, "restore", newer, "--yes")
    assert code == 2 and "phiên bản mới hơn" in err and digest(demo_db) == before
