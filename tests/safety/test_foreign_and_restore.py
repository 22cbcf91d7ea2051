"""Another program's database is never converted; a restore never empties the data; a killed
load never leaves half a database (issue 17)."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT, digest, one_clear_line


def _foreign(path: Path, journal: str) -> Path:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode = {journal}")
    conn.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO contacts (name) VALUES ('Ba')")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_a_foreign_database_is_refused_untouched(tmp_path, cli, journal):
    path = _foreign(tmp_path / "other-app.sqlite", journal)
    before = digest(path)
    for argv in (["status"], ["demo"], ["set", "1.1", "--met", "yes"], ["history"],
                 ["init", "--commune", "X", "--district", "Y", "--province", "Z"],
                 ["catalogue", "list"], ["load", tmp_path / "x.json"]):
        code, out, err = cli("--db", path, *argv)
        assert code == 2 and one_clear_line(err), (argv, err)
        assert digest(path) == before, argv
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other-app.sqlite"]  # no -wal, -shm, backups
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == journal
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")] == ["contacts"]
    conn.close()


def test_foreign_message_says_what_it_is(tmp_path, cli):
    path = _foreign(tmp_path / "other.sqlite", "delete")
    code, out, err = cli("--db", path, "status")
    assert "chương trình khác" in err
    code, out, err = cli("--db", path, "--lang", "en", "status")
    assert "another program" in err


def test_an_empty_sqlite_file_still_becomes_a_database(tmp_path, cli):
    path = tmp_path / "new.db"
    sqlite3.connect(path).close()  # zero bytes
    code, out, err = cli("--db", path, "demo")
    assert code == 0, err


def test_restore_into_a_foreign_database_is_refused(demo_db, tmp_path, cli):
    backup = tmp_path / "b.db"
    assert cli("--db", demo_db, "backup", backup)[0] == 0
    other = _foreign(tmp_path / "other.sqlite", "delete")
    before = digest(other)
    code, out, err = cli("--db", other, "restore", backup, "--yes")
    assert code == 2 and one_clear_line(err)
    assert digest(other) == before


def _empty_shell(path: Path, version: int = 5) -> Path:
    conn = sqlite3.connect(path)
    for table in ("commune", "change_log", "result"):
        conn.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY)")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    return path


def test_restore_of_a_file_without_data_is_refused(demo_db, tmp_path, cli):
    before = digest(demo_db)
    shell = _empty_shell(tmp_path / "shell.db")
    code, out, err = cli("--db", demo_db, "restore", shell, "--yes")
    assert code == 2 and one_clear_line(err) and "không có dữ liệu" in err, err
    # a real backup whose communes were deleted is refused too
    emptied = tmp_path / "emptied.db"
    assert cli("--db", demo_db, "backup", emptied)[0] == 0
    conn = sqlite3.connect(emptied)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DELETE FROM commune")
    conn.commit()
    conn.close()
    code, out, err = cli("--db", demo_db, "restore", emptied, "--yes")
    assert code == 2 and one_clear_line(err), err
    assert digest(demo_db) == before
    assert cli("--db", demo_db, "status")[0] == 0


def test_a_restore_that_fails_names_the_copy_and_puts_the_data_back(demo_db, tmp_path, cli):
    """A backup that passes the checks but cannot be brought up to this version."""
    odd = tmp_path / "odd.db"
    conn = sqlite3.connect(odd)
    for table in ("commune", "change_log", "result", "criteria_set", "criterion", "indicator"):
        conn.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY)")
        conn.execute(f"INSERT INTO {table} (id) VALUES (1)")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    _, status_before, _ = cli("--db", demo_db, "status", "--year", "2023")
    code, out, err = cli("--db", demo_db, "restore", odd, "--yes")
    assert code == 2 and one_clear_line(err), err
    copies = list((demo_db.parent / "backups").glob("*before-restore*"))
    assert len(copies) == 1 and str(copies[0]) in err
    code, status_after, err = cli("--db", demo_db, "status", "--year", "2023")
    assert code == 0 and status_after == status_before


def test_a_killed_load_leaves_no_half_database(demo_db, tmp_path, cli):
    """kill -9 at several moments of a load: the target is either absent or whole, and the
    next load cleans the temporary copy the killed one left."""
    dump = tmp_path / "all.json"
    assert cli("--db", demo_db, "dump", dump)[0] == 0
    env = dict(os.environ, PYTHONPATH=str(ROOT), NTM_TUI_UMASK="077")
    for delay in (0.3, 0.6, 0.9, 1.2):
        target = tmp_path / f"killed-{delay}.db"
        proc = subprocess.Popen([sys.executable, "-m", "ntm_tui", "--db", str(target), "load", str(dump)],
                                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if target.exists():  # the load had finished: the whole database is there
            code, out, err = cli("--db", target, "status", "--year", "2023")
            assert code == 0, err
        code, out, err = cli("--db", target, "load", dump)
        assert code == 0 or "đã có dữ liệu" in err, err
        assert cli("--db", target, "status", "--year", "2023")[0] == 0
        assert list(tmp_path.glob(f".{target.name}.*")) == []


def test_a_dump_with_escape_sequences_loads_without_them(demo_db, tmp_path, cli):
    import json

    dump = tmp_path / "all.json"
    assert cli("--db", demo_db, "dump", dump)[0] == 0
    doc = json.loads(dump.read_text(encoding="utf-8"))
    table = doc["tables"]["commune"]
    table["rows"][0][table["columns"].index("name")] = "Tân Thạnh\x1b]0;pwned\x07\x1b[2J"
    dump.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "loaded.db"
    code, out, err = cli("--db", target, "load", dump)
    assert code == 0, err
    conn = sqlite3.connect(target)
    name = conn.execute("SELECT name FROM commune").fetchone()[0]
    conn.close()
    assert name == "Tân Thạnh]0;pwned[2J"


@pytest.fixture
def tight_disk(tmp_path):
    """A real file system (tmpfs, needs root) with a little room beyond the demo database."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs to fill needs root")
    folder = tmp_path / "tight"
    folder.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=640k,mode=0700", "tmpfs", str(folder)],
                      capture_output=True).returncode:
        pytest.skip("mount is not permitted here")
    yield folder
    subprocess.run(["umount", str(folder)], check=True)


def test_a_full_disk_says_so_and_keeps_what_was_saved(demo_template, tight_disk, cli):
    import shutil

    db = tight_disk / "ntm.db"
    shutil.copy(demo_template, db)
    codes = ["1.1", "1.2", "2.1", "2.2", "12.1", "12.2"]
    saved, last = {}, None
    for n in range(300):
        code = codes[n % len(codes)]
        note = f"{n} " + "ghi chú dài " * 300
        rc, out, err = cli("--db", db, "set", code, "--year", "2023", "--note", note[:4000])
        if rc != 0:
            last = (rc, err)
            break
        saved[code] = note[:4000].strip()
    assert last is not None, "the disk never filled"
    rc, err = last
    assert rc == 2 and one_clear_line(err) and "đầy" in err, err
    assert "rollback" not in err
    close = sqlite3.connect(db)
    notes = dict(close.execute(
        "SELECT i.code, r.note FROM result r JOIN indicator i ON i.id = r.indicator_id WHERE r.year = 2023"))
    close.close()
    assert all(notes[code] == text for code, text in saved.items())
