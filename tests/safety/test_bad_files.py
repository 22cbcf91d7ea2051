"""Bad files and hostile conditions: one clear line, exit 2, nothing saved is lost.

Read-only cases need a user that permissions apply to: as root the test drops to `nobody`
inside the child process (after its imports, since the interpreter may live in /root)."""
from __future__ import annotations

import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from db.connection import close_database
from tests.safety.conftest import ROOT, digest, one_clear_line

NOBODY = 65534
AS_NOBODY = """
import os, sys
import sqlite3, json, csv, io, getpass, uuid, unicodedata, urllib.parse
import ntm_tui.__main__ as m
from ntm_tui.i18n import t; t("x"); m.build_parser()
import ntm_tui.context, ntm_tui.config, ntm_tui.paths, platformdirs, exports.text, tabulate
import db.bootstrap, db.catalogue, db.backup, db.portable, db.changelog
import db.migrations.m0001_initial, db.migrations.m0002_change_log_session
import db.services.communes, db.services.results, db.services.status
if os.geteuid() == 0:
    os.setgroups([]); os.setgid(%d); os.setuid(%d)
from db.connection import is_read_only, open_database
if sys.argv[1] == "--is-read-only":
    open_database(sys.argv[2], create=False); print(is_read_only()); sys.exit(0)
sys.exit(m.main(sys.argv[1:]))
""" % (NOBODY, NOBODY)


def as_user(*argv, env_dir: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), NTM_TUI_DATA=str(env_dir / "data"),
               NTM_TUI_CONFIG=str(env_dir / "config.json"))
    return subprocess.run([sys.executable, "-c", AS_NOBODY, *map(str, argv)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


@pytest.fixture
def shared_tmp():
    """A folder `nobody` can enter (pytest's tmp_path is root-only)."""
    folder = Path(tempfile.mkdtemp(prefix="ntm-safety-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def give(path: Path, mode: int) -> None:
    if os.geteuid() == 0:
        os.chown(path, NOBODY, NOBODY)
    path.chmod(mode)


@pytest.mark.parametrize("case", ["read-only folder", "read-only file"])
def test_read_only_database_reads_but_refuses_writes(demo_db, shared_tmp, case):
    close_database()
    folder = shared_tmp / "data"
    folder.mkdir()
    db = folder / "ntm.db"
    shutil.copy(demo_db, db)
    if case == "read-only folder":  # WAL cannot create ntm.db-wal / -shm here
        give(db, 0o600)
        if os.geteuid() != 0:
            folder.chmod(0o555)
    else:
        give(db, 0o400)
        give(folder, 0o700)
    before = digest(db)
    assert as_user("--is-read-only", db, env_dir=shared_tmp).stdout.strip() == "True"
    status = as_user("--db", db, "status", "--format", "plain", env_dir=shared_tmp)
    assert status.returncode == 0 and "9/19 tiêu chí" in status.stdout, status.stderr
    assert as_user("--db", db, "history", "--limit", "3", env_dir=shared_tmp).returncode == 0
    write = as_user("--db", db, "set", "12.2", "--value", "80", env_dir=shared_tmp)
    assert write.returncode == 2 and one_clear_line(write.stderr) and "chỉ đọc" in write.stderr
    assert digest(db) == before
    folder.chmod(0o755)


def test_writable_database_is_not_read_only(demo_db):
    from db.connection import is_read_only

    assert is_read_only() is False


def test_unreadable_database(demo_db, shared_tmp):
    close_database()
    db = shared_tmp / "root-only.db"
    shutil.copy(demo_db, db)
    db.chmod(0o600)
    if os.geteuid() != 0:
        db.chmod(0)
    result = as_user("--db", db, "status", env_dir=shared_tmp)
    assert result.returncode == 2 and one_clear_line(result.stderr) and "Không đọc được" in result.stderr


def damaged_files(demo_db: Path, folder: Path) -> dict[str, Path]:
    data = demo_db.read_bytes()
    files = {
        "text file": b"kh\xc3\xb4ng ph\xe1\xba\xa3i SQLite\n",
        "truncated to half": data[: len(data) // 2],
        "truncated to 5000 bytes": data[:5000],
        "header only": data[:100],
        "garbage after the header": data[:100] + os.urandom(8192),
        "zeroed middle": data[:8192] + b"\0" * 8192 + data[16384:],
    }
    paths = {}
    for name, content in files.items():
        path = folder / (name.replace(" ", "-") + ".db")
        path.write_bytes(content)
        paths[name] = path
    paths["a folder"] = folder / "folder.db"
    paths["a folder"].mkdir()
    return paths


@pytest.mark.parametrize("command", [["status"], ["set", "12.2", "--value", "80"], ["history"],
                                     ["backup", "OUT"], ["dump", "OUT"], ["restore"]])
def test_damaged_files_give_one_clear_line(demo_db, tmp_path, cli, command):
    close_database()
    tried = 0
    for name, path in damaged_files(demo_db, tmp_path).items():
        before = digest(path) if path.is_file() else None
        argv = [str(tmp_path / "out" / f"{path.stem}.x") if a == "OUT" else a for a in command]
        if command[0] == "restore":  # the damaged file as the backup to restore from
            code, _, err = cli("--db", demo_db, "restore", path, "--yes")
        else:
            code, _, err = cli("--db", path, *argv)
        assert code == 2 and one_clear_line(err), (name, err)
        assert before is None or digest(path) == before, name
        tried += 1
    assert tried == 7
    assert not list((tmp_path / "out").glob("*")) if (tmp_path / "out").exists() else True


def run_with_file_size_limit(limit: int, *argv) -> subprocess.CompletedProcess:
    """A full disk, simulated: writes past `limit` bytes fail (EFBIG) as they would with ENOSPC."""
    def restrict():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "ntm_tui", *map(str, argv)], preexec_fn=restrict,
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


def test_full_disk(demo_db, tmp_path):
    close_database()
    from db.portable import dump_document

    content = dump_document(demo_db)
    cases = [
        (50_000, ["backup", tmp_path / "b" / "x.db"]),
        (50_000, ["dump", tmp_path / "b" / "x.json"]),
        (20_000, ["set", "12.2", "--value", "90", "--note", "x" * 3900]),
    ]
    for limit, argv in cases:
        result = run_with_file_size_limit(limit, "--db", demo_db, *argv)
        assert result.returncode == 2 and one_clear_line(result.stderr), result.stderr
        assert "đĩa" in result.stderr
    assert not (tmp_path / "b").exists() or list((tmp_path / "b").iterdir()) == []
    assert sqlite3.connect(demo_db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert dump_document(demo_db) == content  # the failed write left everything as it was
    fresh = run_with_file_size_limit(20_000, "--db", tmp_path / "new.db", "demo")
    assert fresh.returncode == 2 and one_clear_line(fresh.stderr)
