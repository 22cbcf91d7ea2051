"""Backups with SQLite's online backup API: a consistent copy even while others write.

Every file written here goes first to a hidden temporary name in the target folder, is
checked, synced and then renamed, so a power cut or a full disk never leaves a half backup
under a real name. Files are owner-only (0600) in owner-only folders (0700).
"""
from __future__ import annotations

import os
from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import Callable
from urllib.parse import quote

# peewee's SQLite module (pysqlite3 when installed and newer): one copy of SQLite per process,
# or closing this module's connections would drop the app's locks (db.connection.read_header)
from peewee import sqlite3

from db.errors import StorageError
from db.sharing import dir_mode, file_mode

AUTO_TAG = "auto"


def private_dir(folder: Path) -> Path:
    """Create `folder` (and parents) readable by its owner only."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=dir_mode())
    except OSError:
        raise StorageError("dir_create_failed", path=folder) from None
    return folder


def default_folder(db_path: Path) -> Path:
    return Path(db_path).parent / "backups"


def _is_full(exc: BaseException) -> bool:
    text = str(exc).lower()
    return getattr(exc, "errno", None) in (28, 27) or "full" in text or "too large" in text


def write_private(target: Path, fill: Callable[[Path], None], overwrite: bool = False) -> Path:
    """Create `target` through a temporary file that `fill` writes; rename only when done."""
    target = Path(target)
    private_dir(target.parent)
    if target.exists() and not overwrite:
        raise StorageError("file_exists", path=target)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, file_mode()))
        fill(tmp)
        # A raw descriptor, but of our own temporary file, which no connection has open any more
        # (fill closed its own): never of a live database (db.connection.read_header).
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)  # the data is on disk before the name appears
        finally:
            os.close(fd)
        if overwrite:
            os.replace(tmp, target)
        else:
            os.link(tmp, target)  # fails if someone else created it meanwhile: first one wins
            os.unlink(tmp)
        _sync_dir(target.parent)
    except FileExistsError:
        raise StorageError("file_exists", path=target) from None
    except (OSError, sqlite3.Error) as exc:
        key = "db_full" if _is_full(exc) else "db_io" if "i/o" in str(exc).lower() else "file_write_failed"
        raise StorageError(key, path=target) from None
    finally:
        remove_database_files(tmp)
    return target


def remove_database_files(path: Path) -> None:
    """Remove a temporary database with its journal files, if they are there."""
    for leftover in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            leftover.unlink()
        except OSError:
            pass


def _sync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def connect_read_only(path: Path) -> sqlite3.Connection:
    """Open without any chance of changing the file (never creates it either). A WAL file in
    a folder we cannot write has no -shm to share: then it is read as immutable."""
    base = f"file:{quote(str(Path(path).resolve()))}"
    conn = sqlite3.connect(f"{base}?mode=ro", uri=True, timeout=15)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
        return sqlite3.connect(f"{base}?immutable=1", uri=True)


def connect_source(path: Path) -> sqlite3.Connection:
    """For reading a live database: a read-only connection cannot recover a WAL file another
    session is converting or left behind (SQLITE_READONLY_RECOVERY), a normal one can; it only
    reads, so the data is never changed. mode=ro only when the file cannot be written anyway.
    mode=rw never creates a missing file. A connection, not open(): safe in a process that has
    the database open (db.connection, read_header)."""
    from db.connection import writable

    path = Path(path)
    if not writable(path):
        return connect_read_only(path)
    return sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=rw", uri=True, timeout=15)


def open_source(path: Path) -> sqlite3.Connection:
    """A connection to the database to copy, after SQLite has said it is one: StorageError for
    a missing, empty, unreadable or foreign file. The app calls this (daily backup, backup
    before a migration) with its own connection open, so the file is judged by stat and by
    SQLite, never read directly (see db.connection.read_header)."""
    from db.connection import stat_file, translate_error

    if not stat_file(path, must_exist=True):
        raise StorageError("db_empty", path=path)
    try:
        conn = connect_source(path)
    except sqlite3.Error as exc:
        raise translate_error(exc, path) from None
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        conn.close()
        raise translate_error(exc, path) from None
    return conn


def copy_database(source: Path, dest: Path, src: sqlite3.Connection | None = None) -> None:
    """Online backup of `source` (through `src` when given) into the file `dest`, left as one
    self-contained file."""
    with closing(src or connect_source(source)) as src, closing(sqlite3.connect(str(dest))) as out:
        src.backup(out)
        out.execute("PRAGMA journal_mode=DELETE")  # no -wal needed to read the copy
        check = out.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise StorageError("backup_invalid", path=source, detail=check)


def backup_to(source: Path, target: Path, overwrite: bool = False) -> Path:
    """Copy the database at `source` to `target` (a new file unless `overwrite`)."""
    source = Path(source)
    src = open_source(source)
    try:
        return write_private(Path(target), lambda tmp: copy_database(source, tmp, src),
                             overwrite=overwrite)
    finally:
        src.close()


def timestamped_name(db_path: Path, tag: str = "", when: datetime | None = None) -> str:
    when = when or datetime.now()
    stem = Path(db_path).stem
    return f"{stem}-{tag + '-' if tag else ''}{when:%Y%m%d-%H%M%S}.db"


def backup_now(db_path: Path, target: Path | None = None, folder: Path | None = None,
               tag: str = "") -> Path:
    """`ntm-tui backup`: to `target`, or a new timestamped file in the backups folder."""
    if target is not None:
        return backup_to(db_path, target)
    folder = Path(folder) if folder else default_folder(db_path)
    name = timestamped_name(db_path, tag)
    for n in range(1, 100):  # two backups in the same second (two sessions migrating at once)
        candidate = folder / (name if n == 1 else name.replace(".db", f"-{n}.db"))
        if candidate.exists():
            continue
        try:
            return backup_to(db_path, candidate)
        except StorageError as exc:
            if exc.key != "file_exists":
                raise
    raise StorageError("file_exists", path=folder / name)


def _daily_files(db_path: Path, folder: Path) -> list[Path]:
    pattern = f"{Path(db_path).stem}-{AUTO_TAG}-" + "[0-9]" * 8 + ".db"
    return sorted(folder.glob(pattern))


def daily_backup(db_path: Path, folder: Path, keep: int) -> Path | None:
    """At the first start of a day copy the database to `<stem>-auto-YYYYMMDD.db` and keep the
    last `keep` of them. Returns the new file, or None when today's exists (or keep < 1)."""
    db_path, folder = Path(db_path), Path(folder)
    if keep < 1 or not db_path.exists() or db_path.stat().st_size == 0:
        return None
    target = folder / f"{db_path.stem}-{AUTO_TAG}-{datetime.now():%Y%m%d}.db"
    if target.exists():
        return None
    _remove_stale_temporaries(folder)
    try:
        backup_to(db_path, target)
    except StorageError as exc:
        if exc.key == "file_exists":  # another session made it a moment ago
            return None
        raise
    for old in _daily_files(db_path, folder)[:-keep]:
        try:
            old.unlink()
        except OSError:
            pass
    return target


def _remove_stale_temporaries(folder: Path, age: float = 3600) -> None:
    """A copy cut short (power cut, kill) leaves its hidden temporary file: drop old ones."""
    import time

    for leftover in folder.glob(".*.tmp*"):
        try:
            if time.time() - leftover.stat().st_mtime > age:
                leftover.unlink()
        except OSError:  # another session removed it first, or it is not ours to remove
            continue


RESTORE_TABLES = frozenset({"commune", "change_log", "result", "criteria_set", "criterion", "indicator"})


def validate_backup(path: Path) -> int:
    """Check a file before restoring it: SQLite, intact, ours, not newer. Returns its version.
    Judged by stat and SQLite only, like a live database (db.connection.read_header)."""
    from db.connection import stat_file
    from db.migrations import SCHEMA_VERSION

    path = Path(path)
    if not stat_file(path, must_exist=True):
        raise StorageError("db_not_sqlite", path=path)
    try:
        with closing(connect_read_only(path)) as conn:
            check = conn.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            holds_data = tables >= RESTORE_TABLES and all(
                conn.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone() for name in ("commune", "criteria_set"))
    except sqlite3.Error:
        raise StorageError("db_not_sqlite", path=path) from None
    if check != "ok":
        raise StorageError("db_not_sqlite", path=path)
    if not {"commune", "change_log", "result"} <= tables or version < 1:
        raise StorageError("backup_not_ntm", path=path)
    if not holds_data:  # it would replace everything by nothing
        raise StorageError("backup_no_data", path=path)
    if version > SCHEMA_VERSION:
        raise StorageError("db_newer", found=version, supported=SCHEMA_VERSION)
    return version


def restore(backup_file: Path, db_path: Path, folder: Path | None = None) -> Path | None:
    """Replace the database's content by the backup's. The current content is first copied
    to `<stem>-before-restore-<time>.db` in `folder`; that copy's path is returned (None when
    there was nothing to keep)."""
    backup_file, db_path = Path(backup_file), Path(db_path)
    if backup_file.resolve() == db_path.resolve():
        raise StorageError("restore_same_file", path=backup_file)
    validate_backup(backup_file)
    from db.connection import close_database, create_private_file, stat_file

    close_database()
    safety = None
    # A foreign file at db_path is refused by the safety copy (db_not_sqlite), before any change.
    if stat_file(db_path, must_exist=False):
        safety = backup_now(db_path, folder=folder or default_folder(db_path), tag="before-restore")
    else:
        private_dir(db_path.parent)
        create_private_file(db_path)
    try:
        copy_into(backup_file, db_path)
    except StorageError as exc:
        if safety is None:
            raise
        raise StorageError("restore_failed_kept", detail=exc.message("vi"), path=safety) from None
    return safety


def copy_into(source: Path, db_path: Path) -> None:
    """Put `source`'s content into the database file at `db_path` through the backup API,
    which locks the target like a write, so sessions that have it open see a consistent
    database before and after (their next read shows the new content)."""
    resized = None
    try:
        with closing(connect_read_only(source)) as src, \
                closing(sqlite3.connect(str(db_path), timeout=15)) as dest:
            resized = _with_page_size_of(dest, src, db_path)
            if resized is not None:
                src.close()
                src = connect_read_only(resized)
            src.backup(dest)
            dest.execute("PRAGMA journal_mode=WAL")
    except sqlite3.Error as exc:
        from db.connection import translate_error

        raise translate_error(exc, db_path) from None
    finally:
        if resized is not None:
            remove_database_files(resized)


def _with_page_size_of(dest: sqlite3.Connection, src: sqlite3.Connection, db_path: Path) -> Path | None:
    """A database in WAL mode cannot change its page size, so a backup with other pages (a file
    made with page_size 8192) is first copied to a temporary file with the target's page size."""
    size = dest.execute("PRAGMA page_size").fetchone()[0]
    if src.execute("PRAGMA page_size").fetchone()[0] == size \
            or dest.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        return None
    tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.pages.tmp")
    remove_database_files(tmp)
    src.execute(f"PRAGMA page_size = {int(size)}")
    src.execute("VACUUM INTO ?", (str(tmp),))
    return tmp
