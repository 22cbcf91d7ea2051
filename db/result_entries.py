"""Writing and undoing the history of results (`ResultEntry`, schema 8).

Every write of a result appends the state it left, with the day that state holds from: the
data date the officer gave with this very edit, else the day it was entered. Undoing a batch
removes the entries it added, so the history never holds a value the officer took back.
"""
from __future__ import annotations

from datetime import date

from db.context import today
from db.models import Result, ResultEntry, now


def record(row: Result, batch: str, dated: date | None = None) -> ResultEntry:
    """The state `row` now holds, from `dated` (a data date given with the edit), else today; a
    past year's result entered without a date holds from that year's last day (it says how
    the year ended, and that year's report, exported again, shows it as entered later)."""
    if dated is None:
        dated = min(today(), date(row.year, 12, 31))
    return ResultEntry.create(
        result=row.id, commune=row.commune_id, indicator=row.indicator_id, year=row.year,
        status=row.status, value=row.value, numerator=row.numerator,
        denominator=row.denominator, data_date=row.data_date, note=row.note or "",
        version=row.version, holds_from=dated, entered_at=now(), batch=batch)


def record_many(rows: list[Result], batch: str) -> None:
    """Rows written in bulk (the demo, an import): each holds from its data date."""
    for row in rows:
        record(row, batch, row.data_date)


def undo(batch: str, undo_batch: str, results: list[Result]) -> None:
    """After `batch` was reverted: its entries go. A reverted result with no entry of its own in
    `batch` (an undo being undone) gets its restored state as a new entry."""
    removed = {r for (r,) in ResultEntry.select(ResultEntry.result)
               .where(ResultEntry.batch == batch).tuples()}
    ResultEntry.delete().where(ResultEntry.batch == batch).execute()
    for row in results:
        if row.id not in removed:
            record(row, undo_batch, row.data_date)


def record_loaded(commune_id: int) -> None:
    """Results written in bulk without entries (the demo's baseline, a loaded dump): each one's
    state becomes its first entry, holding from its data date, else the day it was written."""
    from peewee import Value, fn

    have = ResultEntry.select(ResultEntry.result)
    rows = (Result.select(Result.id, Result.commune, Result.indicator, Result.year, Result.status,
                          Result.value, Result.numerator, Result.denominator, Result.data_date,
                          Result.note, Result.version,
                          fn.COALESCE(Result.data_date, fn.date(Result.updated_at)),
                          Result.updated_at, Value(""))
            .where((Result.commune == commune_id) & Result.id.not_in(have)))
    fields = [ResultEntry.result, ResultEntry.commune, ResultEntry.indicator, ResultEntry.year,
              ResultEntry.status, ResultEntry.value, ResultEntry.numerator,
              ResultEntry.denominator, ResultEntry.data_date, ResultEntry.note,
              ResultEntry.version, ResultEntry.holds_from, ResultEntry.entered_at, ResultEntry.batch]
    ResultEntry.insert_from(rows, fields).execute()
