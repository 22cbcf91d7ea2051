"""Open a database ready for use: checked, migrated, with the shipped catalogue on first use."""
from __future__ import annotations

from pathlib import Path

from peewee import DatabaseError, OperationalError

from db.catalogues import SHIPPED
from db.connection import close_database, is_read_only, open_database, translate_error
from db.migrations import migrate
from db.models import CriteriaSet


def prepare(path: str | Path, create: bool = True) -> bool:
    """Returns True when the database was created now."""
    from db.foreign import refuse_foreign

    refuse_foreign(path)  # another program's database is never converted
    new = open_database(path, create=create)
    try:
        migrate()
        if new or _shipped_missing():
            from db.catalogue import ensure_shipped_catalogues  # first run only: not at every start

            ensure_shipped_catalogues()
            if not new:  # communes on the set before a newly shipped one go on with it
                from db.services.communes import follow_shipped_sets_everywhere

                follow_shipped_sets_everywhere()
    except (DatabaseError, OperationalError) as exc:
        close_database()
        raise translate_error(exc, path) from None
    except Exception:
        close_database()
        raise
    return new


def _shipped_missing() -> bool:
    """A set shipped since the database was made (one indexed count at each start); a
    read-only database is used as it is."""
    if is_read_only():
        return False
    return CriteriaSet.select().where(CriteriaSet.code.in_(SHIPPED)).count() < len(SHIPPED)
