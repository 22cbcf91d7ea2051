"""A database file of another program is refused untouched.

Opening a file for use converts it (WAL mode, this app's tables): that must happen only to a new
or empty file or to one of ours. Kept apart from `db.connection`'s header checks on purpose."""
from __future__ import annotations

from contextlib import closing
from pathlib import Path
from urllib.parse import quote

from peewee import sqlite3  # the SQLite library peewee uses: one copy per process

from db.errors import StorageError

SQLITE_HEADER = b"SQLite format 3\x00"
OUR_TABLES = frozenset({"commune", "change_log"})  # created by the first migration, never dropped


def _tables(path: Path) -> set[str] | None:
    """The tables in the file itself. immutable=1 reads only the main file: no -wal or -shm is
    created beside a stranger's file. Our own database's first tables may still sit in its
    WAL: then none are seen here, which is never taken for a foreign file."""
    uri = f"file:{quote(str(path.resolve()))}?immutable=1"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    except sqlite3.Error:
        return None  # damaged or unreadable: opening it gives the right message
    return {name for (name,) in rows if not name.startswith("sqlite_")}


def refuse_foreign(path: str | Path) -> None:
    """Raise StorageError("db_foreign") when `path` is an SQLite file holding tables but not
    this app's. A missing, empty or non-SQLite file is left to `open_database` to judge."""
    path = Path(path).expanduser()
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return
        with open(path, "rb") as handle:
            if handle.read(16) != SQLITE_HEADER:
                return
    except OSError:
        return
    tables = _tables(path)
    if tables and not OUR_TABLES <= tables:
        raise StorageError("db_foreign", path=path)
