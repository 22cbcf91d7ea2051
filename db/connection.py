"""Opening the SQLite file: checks first, so a bad file gives a message, not a traceback."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from peewee import DatabaseError, OperationalError

from db.errors import StorageError
from db.models import database

SQLITE_HEADER = b"SQLite format 3\x00"
PRAGMAS = {
    "journal_mode": "wal",  # readers never block the writer; survives kill -9
    "foreign_keys": 1,
    "busy_timeout": 15000,  # wait for another session's write instead of failing
    "synchronous": "full",  # a reported commit survives a power cut
}


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


def open_database(path: str | Path, create: bool = True) -> bool:
    """Bind the models to the file at `path`. Returns True when the file is new."""
    path = Path(path).expanduser()
    exists = check_file(path, must_exist=not create)
    if not exists:
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError:
            raise StorageError("dir_create_failed", path=path.parent) from None
        if not path.exists():
            # Created owner-only: the commune's records are nobody else's business.
            try:
                os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
            except OSError:
                raise StorageError("db_readonly", path=path) from None
    if not database.is_closed():
        database.close()
    database.init(str(path), pragmas=PRAGMAS, check_same_thread=False)
    try:
        database.connect(reuse_if_open=True)
        database.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except (DatabaseError, OperationalError, sqlite3.DatabaseError) as exc:
        database.close()
        raise translate_error(exc, path) from None
    return not exists


def close_database() -> None:
    if not database.is_closed():
        database.close()


def translate_error(exc: Exception, path: str | Path | None = None) -> StorageError:
    """Turn sqlite errors into messages the officer understands."""
    text = str(exc).lower()
    path = path or database.database
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return StorageError("db_not_sqlite", path=path)
    if "readonly" in text or "read-only" in text:
        return StorageError("db_readonly", path=path)
    if "unable to open" in text:
        return StorageError("db_unreadable", path=path)
    if "disk is full" in text or "database or disk is full" in text:
        return StorageError("db_full", path=path)
    if "locked" in text or "busy" in text:
        return StorageError("db_locked")
    return StorageError("db_error", detail=str(exc))
