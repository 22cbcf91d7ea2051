"""What the app needs to know before its first frame, read once at start."""
from __future__ import annotations

from datetime import date

from db.dataclass_lite import dataclass
from db.errors import NotFoundError


@dataclass(frozen=True)
class StartState:
    commune_id: int | None
    commune_name: str
    year: int | None
    latest_change: int  # the change log's last id: the poll reloads when it moves
    read_only: bool


def start_state(commune_name: str | None, year: int | None, today: date) -> StartState:
    from db.changelog import latest_change_id
    from db.connection import is_read_only
    from db.services.communes import default_year, get_commune

    latest = latest_change_id()
    try:
        commune = get_commune(commune_name)
    except NotFoundError:
        if commune_name:
            raise
        return StartState(None, "", None, latest, is_read_only())
    return StartState(commune.id, commune.name, year or default_year(commune, today), latest,
                      is_read_only())


def on_own_connection(fn):
    """Run `fn()` on this thread's own connection (peewee keeps one per thread), closed after:
    the app's workers each open theirs and leave nothing open behind them."""
    from db.models import database

    try:
        database.connect(reuse_if_open=True)
        return fn()
    finally:
        if not database.is_closed():
            database.close()
