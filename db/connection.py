"""Opening the SQLite file: checks first, so a bad file gives a message, not a traceback."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from peewee import DatabaseError, OperationalError

from db.errors import StorageError
from db.models import database
from db.sharing import dir_mode, file_mode

SQLITE_HEADER = b"SQLite format 3\x00"
PRAGMAS = {
    "journal_mode": "wal",  # readers never block the writer; survives kill -9
    "foreign_keys": 1,
    "busy_timeout": 15000,  # wait for another session's write instead of failing
    "synchronous": "full",  # a reported commit survives a power cut
}
READ_ONLY_PRAGMAS = {"foreign_keys": 1, "busy_timeout": 15000}


QUICK_CHECK_MAX_BYTES = 32 * 2 ** 20  # files up to this size get the full quick_check at open


def check_file(path: Path, must_exist: bool) -> bool:
    """Return True when the file exists and looks like SQLite; raise StorageError otherwise."""
    if not path.exists():
        if must_exist:
            raise StorageError("db_missing", path=path)
        return False
    if path.is_dir():
        raise StorageError("db_not_sqlite", path=path)
    try:
        with open(path, "rb") as handle:
            header = handle.read(16)
    except OSError:
        raise StorageError("db_unreadable", path=path) from None
    if header and header != SQLITE_HEADER:
        raise StorageError("db_not_sqlite", path=path)
    return bool(header)


def header_version(path: Path) -> int:
    """PRAGMA user_version read from the file header (offset 60) without opening it with SQLite,
    so a database from a newer version is refused before anything could touch it."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError:
        return 0
    return int.from_bytes(header[60:64], "big", signed=True) if len(header) == 100 else 0


def writable(path: Path) -> bool:
    """WAL needs to write the file and to create -wal/-shm files beside it."""
    folder = path.parent
    wal_ok = all(os.access(p, os.W_OK) for p in (Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists())
    return os.access(path, os.W_OK) and os.access(folder, os.W_OK) and wal_ok


def open_database(path: str | Path, create: bool = True) -> bool:
    """Bind the models to the file at `path`. Returns True when the file is new.

    A file that cannot be written (read-only file, folder or disk) is opened read-only:
    reading commands work, writes give the db_readonly message, and is_read_only() says so.
    """
    path = Path(path).expanduser()
    exists = check_file(path, must_exist=not create)
    if exists:
        from db.migrations import SCHEMA_VERSION

        found = header_version(path)
        if found > SCHEMA_VERSION:
            raise StorageError("db_newer", found=found, supported=SCHEMA_VERSION)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=dir_mode())
        except OSError:
            raise StorageError("dir_create_failed", path=path.parent) from None
        if not path.exists():
            # Created owner-only: the commune's records are nobody else's business.
            try:
                os.close(os.open(path, os.O_CREAT | os.O_WRONLY, file_mode()))
            except OSError:
                raise StorageError("db_readonly", path=path) from None
    if not database.is_closed():
        database.close()
    read_only = exists and not writable(path)
    # immutable=1 is the last resort for a WAL file in a read-only folder (no -shm possible).
    choices = ["mode=ro", "immutable=1"] if read_only else [""]
    for n, flags in enumerate(choices):
        try:
            _connect(path, flags)
            break
        except (DatabaseError, OperationalError, sqlite3.DatabaseError) as exc:
            database.close()
            error = translate_error(exc, path)
            if error.key in ("db_unreadable", "db_readonly") and n + 1 < len(choices):
                continue  # mode=ro on WAL without a -shm says "readonly": try immutable
            if read_only and error.key == "db_unreadable":
                error = StorageError("db_readonly", path=path)
            raise error from None
    return not exists


def _connect(path: Path, flags: str) -> None:
    if flags:
        target = f"file:{quote(str(path.resolve()))}?{flags}"
        database.init(target, pragmas=READ_ONLY_PRAGMAS, check_same_thread=False, uri=True,
                      timeout=15)
    else:
        database.init(str(path), pragmas=PRAGMAS, check_same_thread=False, timeout=15)
    database.read_only = bool(flags)
    database.path = path
    database.connect(reuse_if_open=True)
    # quick_check reads every page: a truncated or damaged file is found now, not mid-edit.
    # It costs about 1 s per 70 MB, at every start and every command, so a large file (a town
    # or province keeping many communes) gets the header's truncation check instead; damage
    # elsewhere in it is still refused with the same message when a page is read.
    if path.stat().st_size > QUICK_CHECK_MAX_BYTES:
        if truncated(path):
            raise sqlite3.DatabaseError("database disk image is malformed")
        return
    check = database.execute_sql("PRAGMA quick_check").fetchone()[0]
    if check != "ok":
        raise sqlite3.DatabaseError("database disk image is malformed")


def truncated(path: Path) -> bool:
    """The file is shorter than the page count its header records (when that count is valid)."""
    with open(path, "rb") as handle:
        header = handle.read(100)
    if len(header) < 100:
        return True
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if header[92:96] != header[24:28] or not pages:  # the count is stale: nothing to compare
        return False
    return path.stat().st_size < pages * page_size


def is_read_only() -> bool:
    """True when the open database cannot be written (the app shows a read-only banner)."""
    path = getattr(database, "path", None)
    return bool(database.read_only) or (path is not None and not writable(path))


def close_database() -> None:
    if not database.is_closed():
        database.close()


def translate_error(exc: Exception, path: str | Path | None = None) -> StorageError:
    """Turn sqlite errors into messages the officer understands."""
    text = str(exc).lower()
    path = path or getattr(database, "path", None) or database.database
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return StorageError("db_not_sqlite", path=path)
    if "readonly" in text or "read-only" in text:
        return StorageError("db_readonly", path=path)
    if "unable to open" in text:
        return StorageError("db_unreadable", path=path)
    if "disk is full" in text or "database or disk is full" in text:
        return StorageError("db_full", path=path)
    if "disk i/o error" in text:
        return StorageError("db_io", path=path)
    if "locked" in text or "busy" in text:
        return StorageError("db_locked")
    return StorageError("db_error", detail=str(exc))
