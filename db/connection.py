"""Opening the SQLite file: checks first, so a bad file gives a message, not a traceback."""
from __future__ import annotations

import os
import stat
from pathlib import Path
from urllib.parse import quote

from peewee import DatabaseError, OperationalError
from peewee import sqlite3  # the one SQLite library of the process, see read_header

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
HEADER_BYTES = 100


class LiveConnectionError(RuntimeError):
    """A programming error: a raw read of a database file this process has open in SQLite."""


# Why no descriptor of the database file may be opened beside a live connection: SQLite's
# locks on Unix are POSIX advisory locks, and closing ANY descriptor of a file drops every such
# lock the process holds on it, SQLite's included ("How To Corrupt An SQLite Database File",
# https://www.sqlite.org/howtocorrupt.html, section 2.2). The next short-lived `ntm-tui status`
# then believes it is the last connection, checkpoints and deletes -wal and -shm under the
# running app: failed saves, lost writes, a corrupt file. So:
#  - the file's bytes are read only by `read_header`, and only before connecting (it refuses
#    otherwise, see `held_open_here`);
#  - everything else asks SQLite itself (backup, restore, dump, load use sqlite3 connections:
#    SQLite keeps one lock table per file for all connections of the process and defers
#    closing a descriptor while another connection holds a lock, so those are safe, as long as
#    there is one SQLite library in the process (section 2.1 of the same page): db/ imports
#    peewee's module (`from peewee import sqlite3`: pysqlite3 when installed and newer), never
#    the standard library's directly;
#  - a missing file is created with O_EXCL (`create_private_file`): that never opens one that
#    exists.


def held_open_here(path: Path) -> bool:
    """True when this process has a descriptor of the file at `path` open: a connection in any
    thread (peewee keeps one per thread), or a sqlite3 connection of the backup code.

    Linux and macOS list the process's descriptors (/proc/self/fd, /dev/fd); each is compared by
    device and inode with fstat, which opens nothing. Elsewhere only the models' own connection
    in this thread can be seen."""
    try:
        wanted = os.stat(path)
    except OSError:
        return False
    for listing in ("/proc/self/fd", "/dev/fd"):
        try:
            names = os.listdir(listing)
        except OSError:
            continue
        for name in names:
            try:
                found = os.fstat(int(name))
            except (OSError, ValueError):  # the listing's own descriptor, already closed
                continue
            if (found.st_dev, found.st_ino) == (wanted.st_dev, wanted.st_ino):
                return True
        return False
    bound = getattr(database, "path", None)
    try:
        return not database.is_closed() and bound is not None and os.path.samefile(bound, path)
    except OSError:
        return False


def read_header(path: Path) -> bytes:
    """The first 100 bytes of the file (fewer when it is shorter). The only raw read of a
    database file in ntm-tui: refused while this process has the file open (see above)."""
    if held_open_here(path):
        raise LiveConnectionError(
            f"{path} is open in this process: its header is read before connecting, or by SQLite")
    with open(path, "rb") as handle:
        return handle.read(HEADER_BYTES)


def stat_file(path: Path, must_exist: bool) -> bool:
    """Return True when the file exists and is not empty; raise StorageError for a missing file
    (when it must exist) or a folder. Only stat: safe beside a live connection. Whether the
    content is SQLite is for SQLite to say (it answers "file is not a database")."""
    try:
        info = path.stat()
    except FileNotFoundError:
        if must_exist:
            raise StorageError("db_missing", path=path) from None
        return False
    except OSError:
        raise StorageError("db_unreadable", path=path) from None
    if stat.S_ISDIR(info.st_mode):
        raise StorageError("db_not_sqlite", path=path)
    return info.st_size > 0


def file_header(path: Path, must_exist: bool) -> bytes:
    """The header of a file about to be opened (b"" when missing or empty); StorageError when it
    is not SQLite. Reads the file: call it before connecting, never beside a connection."""
    if not stat_file(path, must_exist):
        return b""
    try:
        header = read_header(path)
    except OSError:
        raise StorageError("db_unreadable", path=path) from None
    if header and header[:16] != SQLITE_HEADER:
        raise StorageError("db_not_sqlite", path=path)
    return header


def check_file(path: Path, must_exist: bool) -> bool:
    """Return True when the file exists and looks like SQLite; raise StorageError otherwise.
    Reads the header: only before connecting (see `read_header`)."""
    return bool(file_header(path, must_exist))


def header_version(header: bytes) -> int:
    """PRAGMA user_version from the file header (offset 60), read without SQLite, so a database
    from a newer version is refused before anything could touch it."""
    return int.from_bytes(header[60:64], "big", signed=True) if len(header) == HEADER_BYTES else 0


def create_private_file(path: Path) -> None:
    """Create an empty file, owner-only (or shared by the group as NTM_TUI_UMASK says); one that
    exists is left alone and never opened."""
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, file_mode()))
    except FileExistsError:  # another session created it a moment ago
        pass


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
    close_database()  # first: the header is read with no connection open (see read_header)
    header = file_header(path, must_exist=not create)
    exists = bool(header)
    quick_check = True
    if exists:
        from db.migrations import SCHEMA_VERSION

        found = header_version(header)
        if found > SCHEMA_VERSION:
            raise StorageError("db_newer", found=found, supported=SCHEMA_VERSION)
        # quick_check reads every page: a truncated or damaged file is found now, not mid-edit.
        # It costs about 1 s per 70 MB, at every start and every command, so a large file (a
        # town or province keeping many communes) gets the header's truncation check instead;
        # damage elsewhere in it is still refused with the same message when a page is read.
        size = path.stat().st_size
        quick_check = size <= QUICK_CHECK_MAX_BYTES
        if not quick_check and truncated(header, size):
            raise StorageError("db_not_sqlite", path=path)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=dir_mode())
        except OSError:
            raise StorageError("dir_create_failed", path=path.parent) from None
        if not path.exists():
            # Created owner-only: the commune's records are nobody else's business.
            try:
                create_private_file(path)
            except OSError:
                raise StorageError("db_readonly", path=path) from None
    read_only = exists and not writable(path)
    # immutable=1 is the last resort for a WAL file in a read-only folder (no -shm possible).
    choices = ["mode=ro", "immutable=1"] if read_only else [""]
    for n, flags in enumerate(choices):
        try:
            _connect(path, flags, quick_check)
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


def _connect(path: Path, flags: str, quick_check: bool) -> None:
    if flags:
        target = f"file:{quote(str(path.resolve()))}?{flags}"
        database.init(target, pragmas=READ_ONLY_PRAGMAS, check_same_thread=False, uri=True,
                      timeout=15)
    else:
        database.init(str(path), pragmas=PRAGMAS, check_same_thread=False, timeout=15)
    database.read_only = bool(flags)
    database.path = path
    from db.text import vi_compare  # ORDER BY … COLLATE vi: Vietnamese alphabetical order

    database.register_collation(vi_compare, "vi")  # on this and every later (thread) connection
    database.connect(reuse_if_open=True)
    if quick_check:
        check = database.execute_sql("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise sqlite3.DatabaseError("database disk image is malformed")


def truncated(header: bytes, size: int) -> bool:
    """The file (`size` bytes) is shorter than the page count its header records (when that
    count is valid)."""
    if len(header) < HEADER_BYTES:
        return True
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if header[92:96] != header[24:28] or not pages:  # the count is stale: nothing to compare
        return False
    return size < pages * page_size


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
