"""Open a database ready for use: checked, migrated, with the shipped catalogue on first use."""
from __future__ import annotations

from pathlib import Path

from peewee import DatabaseError, OperationalError

from db.connection import close_database, open_database, translate_error
from db.migrations import migrate
from db.models import CriteriaSet


def prepare(path: str | Path, create: bool = True) -> bool:
    """Returns True when the database was created now."""
    from db.foreign import refuse_foreign

    refuse_foreign(path)  # another program's database is never converted
    new = open_database(path, create=create)
    try:
        migrate()
        if new or not CriteriaSet.select().exists():
            from db.catalogue import ensure_default_catalogue  # first run only: not at every start

            ensure_default_catalogue()
    except (DatabaseError, OperationalError) as exc:
        close_database()
        raise translate_error(exc, path) from None
    except Exception:
        close_database()
        raise
    return new
