"""A plain JSON copy of the whole database, readable without ntm-tui and loadable into a new one.

dump → load → dump gives the same bytes: tables sorted by name, columns in table order, rows
by id, values as SQLite holds them (dates are ISO text already), the schema version in the
header and no timestamp.
"""
from __future__ import annotations

import json
import os
from contextlib import closing
from pathlib import Path
from typing import Any

# peewee's SQLite module (pysqlite3 when installed and newer): one copy of SQLite per process,
# or closing this module's connections would drop the app's locks (db.connection.read_header)
from peewee import sqlite3

from db.errors import StorageError, ValidationError

FORMAT = "ntm-tui-dump"
# Tables the shipped criteria set fills on first start: a database holding only these is
# still "new", and load replaces them with the dump's.
CATALOGUE_TABLES = ("criteria_set", "criterion_group", "criterion", "indicator", "indicator_threshold")


def _user_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                        "AND name NOT LIKE 'sqlite_%' ORDER BY name")
    return [r[0] for r in rows]


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


def dump_document(db_path: Path) -> dict[str, Any]:
    """Read every table in one read transaction: a consistent snapshot while others write."""
    from db.backup import connect_source

    try:
        with closing(connect_source(db_path)) as conn:
            conn.execute("BEGIN")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {}
            for table in _user_tables(conn):
                columns = _columns(conn, table)
                rows = conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
                tables[table] = {"columns": columns, "rows": [list(r) for r in rows]}
            conn.execute("COMMIT")
    except sqlite3.Error as exc:
        from db.connection import translate_error

        raise translate_error(exc, db_path) from None
    return {"format": FORMAT, "schema_version": version, "tables": tables}


def render(doc: dict[str, Any]) -> str:
    """One row per line, so two dumps compare well with diff."""
    out = ["{", f'"format": {json.dumps(doc["format"])},',
           f'"schema_version": {json.dumps(doc["schema_version"])},', '"tables": {']
    names = sorted(doc["tables"])
    for n, name in enumerate(names):
        table = doc["tables"][name]
        out.append(f'{json.dumps(name)}: {{"columns": {json.dumps(table["columns"], ensure_ascii=False)},')
        out.append(' "rows": [')
        rows = [json.dumps(row, ensure_ascii=False) for row in table["rows"]]
        out.extend(f"  {row}," for row in rows[:-1])
        if rows:
            out.append(f"  {rows[-1]}")
        out.append(" ]}" + ("," if n + 1 < len(names) else ""))
    out += ["}", "}"]
    return "\n".join(out) + "\n"


def dump(db_path: Path, target: Path) -> int:
    """Write the JSON dump (owner-only, never a half file). Returns the number of rows."""
    from db.backup import write_private
    from db.connection import stat_file

    # stat, then SQLite's own verdict in dump_document: never a raw read of a file that may be
    # open in this process (db.connection.read_header).
    if not stat_file(Path(db_path), must_exist=True):
        raise StorageError("db_empty", path=db_path)
    doc = dump_document(Path(db_path))
    text = render(doc)
    write_private(Path(target), lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    return sum(len(t["rows"]) for t in doc["tables"].values())


INT64 = 2 ** 63


def _storable(value: Any) -> bool:
    """A value SQLite stores as it is: NULL, a 64-bit integer, a finite real, UTF-8 text."""
    import math

    if value is None:
        return True
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return -INT64 <= value < INT64
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, str):
        try:
            value.encode("utf-8")  # a lone surrogate (\ud800) is not text SQLite can hold
        except UnicodeEncodeError:
            return False
        return True
    return False


def _without_controls(row: list) -> list:
    """Text as the app stores it: no control characters (an ESC sequence in a dump from
    elsewhere would reach the terminal when shown)."""
    from db.text import strip_controls

    return [strip_controls(v) if isinstance(v, str) else v for v in row]


def _remove_stale_loads(db_path: Path) -> None:
    """A load killed before its rename leaves its temporary database: drop those whose
    process is gone (a load running now in another process keeps its file)."""
    from db.backup import remove_database_files

    for leftover in db_path.parent.glob(f".{db_path.name}.*.load"):
        try:
            pid = int(leftover.name.rsplit(".", 2)[-2])
            os.kill(pid, 0)
            continue  # still running
        except ProcessLookupError:
            remove_database_files(leftover)
        except (ValueError, PermissionError, OSError):
            continue


def _publish(tmp: Path, db_path: Path) -> None:
    """The finished temporary database takes the target's name in one rename: a kill at any
    moment leaves either no target or the whole one."""
    from db.backup import _sync_dir

    with closing(sqlite3.connect(str(tmp))) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, db_path)
    _sync_dir(db_path.parent)


def read_dump(path: Path) -> dict[str, Any]:
    """Parse and check the shape of a dump before anything is written."""
    from db.migrations import SCHEMA_VERSION

    path = Path(path)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StorageError("file_unreadable", path=path) from None
    except (OSError, UnicodeDecodeError):
        raise StorageError("file_unreadable", path=path) from None
    except ValueError as exc:
        raise ValidationError("dump_invalid", problem=f"JSON: {exc}", path=path) from None
    except RecursionError:
        raise ValidationError("dump_invalid", problem="JSON", path=path) from None

    def bad(problem: str) -> ValidationError:
        return ValidationError("dump_invalid", problem=problem, path=path)

    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise bad("format")
    version = doc.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise bad("schema_version")
    if version > SCHEMA_VERSION:
        raise StorageError("db_newer", found=version, supported=SCHEMA_VERSION)
    tables = doc.get("tables")
    if not isinstance(tables, dict):
        raise bad("tables")
    for name, table in tables.items():
        if not isinstance(table, dict) or not isinstance(table.get("columns"), list) \
                or not isinstance(table.get("rows"), list):
            raise bad(name)
        width = len(table["columns"])
        for row in table["rows"]:
            if not isinstance(row, list) or len(row) != width or not all(map(_storable, row)):
                raise bad(f"{name}: {str(row)[:60]}")
    return doc


def _is_new(db_path: Path) -> bool:
    """True when the file is missing, empty, or holds nothing but the shipped criteria set."""
    from db.backup import connect_read_only
    from db.connection import stat_file

    if not stat_file(db_path, must_exist=False):  # a foreign file: SQLite says so below
        return True
    try:
        with closing(connect_read_only(db_path)) as conn:
            for table in _user_tables(conn):
                if table not in CATALOGUE_TABLES and \
                        conn.execute(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone():
                    return False
    except sqlite3.Error as exc:
        from db.connection import translate_error

        raise translate_error(exc, db_path) from None
    return True


def load(source: Path, db_path: Path) -> int:
    """Load a dump into a new database. The data is built in a temporary file at the dump's
    schema version, checked (foreign keys, integrity), migrated to the current version and only
    then copied into `db_path`. Returns the number of rows loaded."""
    from db.backup import copy_into, private_dir, remove_database_files
    from db.connection import close_database, open_database
    from db.migrations import migrate
    from db.models import database

    from db.foreign import refuse_foreign

    db_path = Path(db_path).expanduser()
    doc = read_dump(Path(source))
    refuse_foreign(db_path)
    if not _is_new(db_path):
        raise StorageError("load_not_empty", path=db_path)
    private_dir(db_path.parent)
    _remove_stale_loads(db_path)
    tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.load")
    rows = 0
    try:
        close_database()
        open_database(tmp, create=True)
        migrate(backup=None, upto=doc["schema_version"])
        known = {t: set(_columns(database.connection(), t)) for t in _user_tables(database.connection())}
        database.execute_sql("PRAGMA foreign_keys = OFF")  # rows arrive in name order
        with database.atomic():
            for name in sorted(doc["tables"]):
                table = doc["tables"][name]
                if name not in known or not set(table["columns"]) <= known[name]:
                    raise ValidationError("dump_invalid", problem=name, path=source)
                if not table["rows"]:
                    continue
                columns = ", ".join(f'"{c}"' for c in table["columns"])
                marks = ", ".join("?" * len(table["columns"]))
                database.connection().executemany(
                    f'INSERT INTO "{name}" ({columns}) VALUES ({marks})', map(_without_controls, table["rows"]))
                rows += len(table["rows"])
            if database.execute_sql("PRAGMA foreign_key_check").fetchone():
                raise ValidationError("dump_invalid", problem="foreign keys", path=source)
        database.execute_sql("PRAGMA foreign_keys = ON")
        migrate(backup=None)
        close_database()
        if not db_path.exists() or db_path.stat().st_size == 0:
            _publish(tmp, db_path)  # nothing there to keep: rename, never half a file
        else:  # a database that holds only the shipped set, maybe open elsewhere: copied in
            copy_into(tmp, db_path)
    except sqlite3.IntegrityError as exc:
        raise ValidationError("dump_invalid", problem=str(exc), path=source) from None
    finally:
        close_database()
        remove_database_files(tmp)
    return rows

