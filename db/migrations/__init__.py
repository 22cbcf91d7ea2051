"""Schema migrations. The version lives in the database (PRAGMA user_version).

Each migration is a module `mNNNN_<topic>.py` with `apply(database)`; they run in
order inside one transaction each. A database newer than the code is refused untouched.
"""
from __future__ import annotations

import importlib
import pkgutil
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Callable

from db.errors import StorageError
from db.models import database


def _migration_modules() -> list[tuple[int, str]]:
    found = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("m") and info.name[1:5].isdigit():
            found.append((int(info.name[1:5]), info.name))
    return sorted(found)


MIGRATIONS = _migration_modules()
SCHEMA_VERSION = MIGRATIONS[-1][0] if MIGRATIONS else 0


def current_version() -> int:
    return database.execute_sql("PRAGMA user_version").fetchone()[0]


def backup_before_migration(path: Path, version: int) -> Path:
    """Copy the database with SQLite's online backup before touching its schema."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.v{version}-{stamp}.bak{path.suffix or '.db'}")
    source = sqlite3.connect(str(path))
    try:
        dest = sqlite3.connect(str(target))
        with dest:
            source.backup(dest)
        dest.close()
    finally:
        source.close()
    target.chmod(0o600)
    return target


def migrate(backup: Callable[[Path, int], Path] | None = backup_before_migration) -> int:
    """Bring the open database up to SCHEMA_VERSION. Returns the number of steps applied."""
    version = current_version()
    if version > SCHEMA_VERSION:
        raise StorageError("db_newer", found=version, supported=SCHEMA_VERSION)
    pending = [(n, name) for n, name in MIGRATIONS if n > version]
    if not pending:
        return 0
    if version > 0 and backup is not None:
        backup(Path(database.database), version)
    for number, name in pending:
        module = importlib.import_module(f"{__name__}.{name}")
        with database.atomic():
            module.apply(database)
            database.execute_sql(f"PRAGMA user_version = {number}")
    return len(pending)
