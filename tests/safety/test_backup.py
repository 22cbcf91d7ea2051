"""Backups taken while others write, the daily rotation, and restore with its safety copy."""
from __future__ import annotations

import os
import pty
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from db.backup import daily_backup, default_folder
from db.connection import close_database
from db.portable import dump_document
from tests.safety.conftest import ROOT, digest, one_clear_line, worker


def count(path: Path, sql: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def test_backup_while_another_session_writes(demo_db, cli):
    close_database()
    writer = worker(demo_db, "loop", 0, "bk")
    assert writer.stdout.readline()  # it is writing now
    try:
        copies = []
        for _ in range(3):
            code, out, err = cli("--db", demo_db, "backup")
            assert code == 0, err
            copies.append(Path(out.split()[-1]))
    finally:
        writer.kill()
        writer.communicate()
    assert len(set(copies)) == 3
    folder = default_folder(demo_db)
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
    sizes = []
    for copy in copies:
        assert copy.parent == folder and oct(copy.stat().st_mode & 0o777) == "0o600"
        assert count(copy, "PRAGMA integrity_check") == "ok"
        assert count(copy, "PRAGMA journal_mode") == "delete"  # one self-contained file
        sizes.append(count(copy, "SELECT count(*) FROM change_log"))
    assert sizes == sorted(sizes) and sizes[-1] <= count(demo_db, "SELECT count(*) FROM change_log")


def test_backup_to_a_named_file_never_overwrites(demo_db, tmp_path, cli):
    close_database()
    target = tmp_path / "sub" / "copy.db"
    assert cli("--db", demo_db, "backup", target)[0] == 0
    before = digest(target)
    code, _, err = cli("--db", demo_db, "backup", target)
    assert code == 2 and one_clear_line(err) and "đã tồn tại" in err and digest(target) == before
    code, _, err = cli("--db", tmp_path / "missing.db", "backup")
    assert code == 2 and "Không tìm thấy" in err


def test_daily_backup_once_a_day_keeping_the_last_n(demo_db, tmp_path):
    close_database()
    folder = tmp_path / "daily"
    first = daily_backup(demo_db, folder, keep=3)
    assert first is not None and first.name == f"demo-auto-{datetime.now():%Y%m%d}.db"
    assert daily_backup(demo_db, folder, keep=3) is None  # second start the same day
    # Earlier days, as real copies, plus a manual backup that rotation must leave alone.
    for day in ("20240101", "20240102", "20240103", "20240104"):
        (folder / f"demo-auto-{day}.db").write_bytes(first.read_bytes())
    (folder / "demo-20240101-120000.db").write_bytes(first.read_bytes())
    stale, fresh = folder / ".demo-auto-20240104.db.99.tmp", folder / ".demo-auto-x.db.98.tmp"
    stale.write_bytes(b"cut short")
    fresh.write_bytes(b"being written by another session")
    os.utime(stale, (0, 0))
    first.unlink()
    again = daily_backup(demo_db, folder, keep=3)
    fresh.unlink()  # left alone: it may still be written
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["demo-20240101-120000.db", "demo-auto-20240103.db", "demo-auto-20240104.db", again.name]
    assert daily_backup(demo_db, folder, keep=0) is None


def test_two_sessions_starting_at_once_make_one_daily_backup(demo_db, tmp_path):
    close_database()
    folder = tmp_path / "daily"
    code = ("import sys; from pathlib import Path; from db.backup import daily_backup; "
            "print(daily_backup(Path(sys.argv[1]), Path(sys.argv[2]), 7))")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = [subprocess.Popen([sys.executable, "-c", code, str(demo_db), str(folder)], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    outputs = [p.communicate(timeout=60) for p in procs]
    assert all(err == "" for _, err in outputs), outputs
    made = [out.strip() for out, _ in outputs if out.strip() != "None"]
    assert len(made) == 1 and [p.name for p in folder.iterdir()] == [Path(made[0]).name]


def test_app_start_makes_the_daily_backup(demo_db, tmp_path, capsys):
    from ntm_tui.commands.backup import start_of_day_backup
    from ntm_tui.context import Context

    ctx = Context(db_path=demo_db, db_explicit=True)
    made = start_of_day_backup(ctx)
    assert made is not None and made.parent == default_folder(demo_db)
    (demo_db.parent / "backups").chmod(0o500)
    made.unlink()
    if os.geteuid() != 0:  # a failure warns, never stops the app
        assert start_of_day_backup(ctx) is None and "sao lưu" in capsys.readouterr().err
    (demo_db.parent / "backups").chmod(0o700)


def test_restore_needs_yes_without_a_terminal(demo_db, tmp_path, cli):
    close_database()
    backup = tmp_path / "b.db"
    cli("--db", demo_db, "backup", backup)
    cli("--db", demo_db, "set", "12.2", "--value", "99")
    before = digest(demo_db)
    proc = subprocess.run([sys.executable, "-m", "ntm_tui", "--db", str(demo_db), "restore", str(backup)],
                          cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and one_clear_line(proc.stderr) and "--yes" in proc.stderr
    assert digest(demo_db) == before


def test_restore_with_yes_keeps_a_safety_copy(demo_db, tmp_path, cli):
    close_database()
    backup = tmp_path / "b.db"
    cli("--db", demo_db, "backup", backup)
    at_backup = dump_document(demo_db)
    cli("--db", demo_db, "set", "12.2", "--value", "99")
    after_edit = dump_document(demo_db)
    code, out, err = cli("--db", demo_db, "restore", backup, "--yes")
    assert code == 0, err
    assert dump_document(demo_db) == at_backup
    safety = Path(out.strip().splitlines()[-1].split()[-1])
    assert safety.name.startswith("demo-before-restore-") and dump_document(safety) == after_edit
    assert oct(safety.stat().st_mode & 0o777) == "0o600"
    code, _, err = cli("--db", demo_db, "restore", demo_db, "--yes")
    assert code == 2 and one_clear_line(err)


def test_restore_asks_on_a_terminal(demo_db, tmp_path, cli):
    close_database()
    backup = tmp_path / "b.db"
    cli("--db", demo_db, "backup", backup)
    cli("--db", demo_db, "set", "12.2", "--value", "99")
    for answer, expected_code in (("khong\n", 1), ("co\n", 0)):
        before = digest(demo_db)
        main, child = pty.openpty()
        proc = subprocess.Popen([sys.executable, "-m", "ntm_tui", "--db", str(demo_db), "restore", str(backup)],
                                cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), stdin=child,
                                stdout=child, stderr=child)
        os.close(child)
        os.write(main, answer.encode())
        output = b""
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        os.close(main)
        assert proc.wait(timeout=60) == expected_code, output
        assert "Gõ 'co' để đồng ý" in output.decode()
        if expected_code == 1:
            assert digest(demo_db) == before
    assert count(demo_db, "SELECT count(*) FROM result WHERE value = '99'") == 0
