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
            if not isinstance(row, list) or len(row) != width or not all(
                    v is None or (isinstance(v, (int, float, str)) and not isinstance(v, bool))
                    for v in row):
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
    from db.connection import close_database, create_private_file, open_database
    from db.migrations import migrate
    from db.models import database

    db_path = Path(db_path).expanduser()
    doc = read_dump(Path(source))
    if not _is_new(db_path):
        raise StorageError("load_not_empty", path=db_path)
    private_dir(db_path.parent)
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
                    f'INSERT INTO "{name}" ({columns}) VALUES ({marks})', table["rows"])
                rows += len(table["rows"])
            if database.execute_sql("PRAGMA foreign_key_check").fetchone():
                raise ValidationError("dump_invalid", problem="foreign keys", path=source)
        database.execute_sql("PRAGMA foreign_keys = ON")
        migrate(backup=None)
        close_database()
        create_private_file(db_path)  # never opens an existing file
        copy_into(tmp, db_path)
    except sqlite3.IntegrityError as exc:
        raise ValidationError("dump_invalid", problem=str(exc), path=source) from None
    finally:
        close_database()
        remove_database_files(tmp)
    return rows

