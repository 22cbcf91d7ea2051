"""Schema migrations. The version lives in the database (PRAGMA user_version).

Each migration is a module `mNNNN_<topic>.py` with `apply(database)`; they run in
order inside one transaction each. A database newer than the code is refused untouched.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from db.errors import StorageError
from db.models import database
from db.package_files import module_names


def _migration_modules() -> list[tuple[int, str]]:
    found = []
    for name in module_names(__file__):
        if name.startswith("m") and name[1:5].isdigit():
            found.append((int(name[1:5]), name))
    return sorted(found)


MIGRATIONS = _migration_modules()
SCHEMA_VERSION = MIGRATIONS[-1][0] if MIGRATIONS else 0


def current_version() -> int:
    return database.execute_sql("PRAGMA user_version").fetchone()[0]


def backup_before_migration(path: Path, version: int) -> Path:
    """Copy the database (SQLite online backup, checked, synced, owner-only) into the backups
    folder before touching its schema. Any failure stops the migration before it starts.
    It runs beside this process's open connection: the copy reads the file through SQLite only,
    never with a descriptor of its own (db.connection.read_header says why)."""
    from db.backup import backup_now, default_folder

    path = Path(path)
    try:
        return backup_now(path, folder=default_folder(path), tag=f"v{version}")
    except StorageError as exc:
        raise StorageError("migration_backup_failed", detail=exc.message("vi")) from None


def migrate(backup: Callable[[Path, int], Path] | None = backup_before_migration,
            upto: int | None = None) -> int:
    """Bring the open database up to SCHEMA_VERSION. Returns the number of steps applied.

    Each step re-reads the version inside its own (IMMEDIATE) transaction, so two sessions
    starting at once never apply a step twice."""
    version = current_version()
    if version > SCHEMA_VERSION:
        raise StorageError("db_newer", found=version, supported=SCHEMA_VERSION)
    pending = [(n, name) for n, name in MIGRATIONS if n > version and (upto is None or n <= upto)]
    if not pending:
        return 0
    if getattr(database, "read_only", False):
        raise StorageError("db_readonly", path=getattr(database, "path", database.database))
    if version > 0 and backup is not None:
        backup(Path(getattr(database, "path", database.database)), version)
    applied = 0
    for number, name in pending:
        module = importlib.import_module(f"{__name__}.{name}")
        with database.atomic():
            if current_version() >= number:
                continue  # another session applied it a moment ago
            module.apply(database)
            database.execute_sql(f"PRAGMA user_version = {number}")
            applied += 1
    return applied
