"""Merged communes (01/7/2025): a new commune made from two or three old ones.

Each old commune arrives as a database file or a dump of it (`read_source`: copied, never
changed, brought to the current schema). `merge_communes` copies each into the open database
whole — results with their history, plans, evidence, members, deadlines, change log — as a
commune of its own that names its successor and stays readable; then makes the new commune,
whose results for the year of the merger (its starting point) are built from theirs:
a percentage from the summed numerators and denominators, a result the old communes agree on
as it is, anything else left to be assessed again, with a note saying what each had.
"""
from __future__ import annotations

import json
import tempfile
from contextlib import closing
from dataclasses import field
from datetime import date
from pathlib import Path

from peewee import ForeignKeyField, sqlite3

from db import rules
from db.dataclass_lite import dataclass
from db.errors import ValidationError
from db.models import ALL_MODELS, ChangeLog, Commune, Result, Setting, database

CATALOGUE_TABLES = {"criteria_set", "criterion_group", "criterion", "indicator",
                    "indicator_threshold", "indicator_version", "indicator_part"}
MERGED_ON = date(2025, 7, 1)  # two-tier government: districts gone, communes merged


@dataclass
class Source:
    """One old commune's database, read whole: table → (columns, rows)."""
    path: Path
    tables: dict[str, tuple[list[str], list[tuple]]]

    def rows(self, table: str) -> list[dict]:
        columns, rows = self.tables.get(table, ([], []))
        return [dict(zip(columns, row)) for row in rows]


def _is_dump(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(64).lstrip().startswith(b"{")


def read_source(path: Path) -> Source:
    """The database or dump at `path`, copied into a temporary file, migrated, read whole.
    Call before the target database is opened (it opens and closes the copy)."""
    from db.backup import copy_database
    from db.bootstrap import prepare
    from db.connection import close_database, stat_file
    from db.portable import load

    path = Path(path).expanduser()
    stat_file(path, must_exist=True)  # a missing or unreadable file says so
    with tempfile.TemporaryDirectory(prefix="ntm-merge-") as tmp:
        copy = Path(tmp) / "source.db"
        close_database()
        if _is_dump(path):
            load(path, copy)
        else:
            copy_database(path, copy)
        prepare(copy, create=False)  # another program's database is refused; old schemas migrate
        close_database()
        with closing(sqlite3.connect(str(copy))) as conn:
            names = [r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
            tables = {}
            for name in names:
                cursor = conn.execute(f'SELECT * FROM "{name}" ORDER BY rowid')
                tables[name] = ([d[0] for d in cursor.description], cursor.fetchall())
    return Source(path, tables)


# --- copying an old commune in -------------------------------------------------------------------

def _catalogue_keys(source: Source) -> dict[str, dict[int, tuple]]:
    """Each catalogue row of the source by what names it across databases (set code, code)."""
    sets = {r["id"]: r["code"] for r in source.rows("criteria_set")}
    crits = {r["id"]: (sets[r["criteria_set_id"]], r["code"]) for r in source.rows("criterion")}
    return {
        "criteria_set": {i: (code,) for i, code in sets.items()},
        "criterion": crits,
        "criterion_group": {r["id"]: (sets[r["criteria_set_id"]], r["code"])
                            for r in source.rows("criterion_group")},
        "indicator": {r["id"]: (crits[r["criterion_id"]][0], r["code"]) for r in source.rows("indicator")},
    }


def _target_catalogue() -> dict[str, dict[tuple, int]]:
    sets = {r[0]: r[1] for r in database.execute_sql("SELECT id, code FROM criteria_set")}
    crits = {r[0]: (sets[r[1]], r[2]) for r in database.execute_sql(
        "SELECT id, criteria_set_id, code FROM criterion")}
    return {
        "criteria_set": {(code,): i for i, code in sets.items()},
        "criterion": {key: i for i, key in crits.items()},
        "criterion_group": {(sets[r[1]], r[2]): r[0] for r in database.execute_sql(
            "SELECT id, criteria_set_id, code FROM criterion_group")},
        "indicator": {(crits[r[1]][0], r[2]): r[0] for r in database.execute_sql(
            "SELECT id, criterion_id, code FROM indicator")},
    }


@dataclass
class _Copy:
    source: Source
    ids: dict[str, dict[int, int]] = field(default_factory=dict)  # table → source id → new id


def _copy_commune(source: Source, successor_name: str) -> Commune:
    """Every row of the source's one commune, with new ids; catalogue rows are the target's,
    matched by set and code (refused when the source holds one the target lacks)."""
    communes = source.rows("commune")
    if len(communes) != 1:
        raise ValidationError("merge_not_one_commune", path=source.path, count=len(communes))
    old = communes[0]
    from db.text import fold

    for other in Commune.select(Commune.name):
        if fold(other.name) == fold(old["name"]) or fold(other.name) == fold(successor_name):
            raise ValidationError("merge_name_taken", name=other.name)
    keys, target = _catalogue_keys(source), _target_catalogue()
    copy = _Copy(source)
    for model in ALL_MODELS:
        table = model._meta.table_name
        if table in CATALOGUE_TABLES:
            continue
        foreign = {f.column_name: f.rel_model._meta.table_name for f in model._meta.sorted_fields
                   if isinstance(f, ForeignKeyField)}
        mapped = copy.ids.setdefault(table, {})
        for row in source.rows(table):
            if not _belongs(table, row):
                continue
            row = dict(row)
            for column, parent in foreign.items():
                if row.get(column) is None or (table == "commune" and column == "successor_id"):
                    continue
                row[column] = _new_id(copy, keys, target, parent, row[column], source)
            if table == "change_log":
                row["record_id"] = copy.ids.get(row["table"], {}).get(row["record_id"], row["record_id"])
            if table == "commune":
                row.update(active=0, successor_id=None, merged_on=None)
            old_id = row.pop("id")
            columns = ", ".join(f'"{c}"' for c in row)
            cursor = database.execute_sql(
                f'INSERT INTO "{table}" ({columns}) VALUES ({", ".join("?" * len(row))})',
                list(row.values()))
            mapped[old_id] = cursor.lastrowid
    return Commune.get_by_id(copy.ids["commune"][old["id"]])


def _belongs(table: str, row: dict) -> bool:
    """Rows of the commune (its settings, its change log), not the database's own."""
    if table == Setting._meta.table_name or table == ChangeLog._meta.table_name:
        if row.get("commune_id") is None:
            return False
        if table == "change_log" and row.get("table") in CATALOGUE_TABLES:
            return False  # edits of the set: the set is the target's
    return True


def _new_id(copy: _Copy, keys: dict, target: dict, parent: str, value: int, source: Source) -> int:
    if parent in CATALOGUE_TABLES:
        key = keys.get(parent, {}).get(value)
        found = target.get(parent, {}).get(key) if key else None
        if found is None:
            raise ValidationError("merge_set_differs", path=source.path,
                                  what=" ".join(str(k) for k in (key or (parent, value))))
        return found
    return copy.ids[parent][value]


# --- the new commune's starting point ---------------------------------------------------------------

@dataclass
class MergeSummary:
    commune: Commune
    predecessors: list[Commune]
    year: int
    summed: list[str]  # percentages from the summed numerators and denominators
    agreed: list[str]  # results all old communes had
    reassess: list[str]  # to be assessed again


def merge_communes(sources: list[Source], name: str, code: str, province: str = "",
                   group: str | None = None, merged_on: date = MERGED_ON,
                   today: date | None = None) -> MergeSummary:
    """The old communes copied in, the new one made, its results for the year of the merger
    built from theirs; one transaction: nothing is half-merged."""
    from db.services.communes import create_commune, criteria_set_for_year, follow_shipped_sets

    if len(sources) < 2:
        raise ValidationError("merge_two_at_least")
    year = merged_on.year
    with database.atomic():
        olds = [_copy_commune(source, name) for source in sources]
        sets = {criteria_set_for_year(old, year).code for old in olds}
        if len(sets) != 1:
            raise ValidationError("merge_sets_differ", year=year, sets=", ".join(sorted(sets)))
        base = criteria_set_for_year(olds[0], year)
        commune = create_commune(name, "", province or olds[0].province, catalogue_code=base.code,
                                 from_year=base.period_start, code=code, group=group, today=today)
        follow_shipped_sets(commune)  # 2026–2030 from 2026, as a commune made now
        for old in olds:
            old.successor, old.merged_on, old.active = commune, merged_on, False
            old.save()
        summary = _starting_point(commune, olds, year)
    return summary


def _starting_point(commune: Commune, olds: list[Commune], year: int) -> MergeSummary:
    from db.context import current_user
    from db.result_entries import record_loaded
    from db.services.status import year_status

    statuses = [{i.code: i for i in year_status(old, year, with_evidence=False).indicators()}
                for old in olds]
    summary = MergeSummary(commune, olds, year, [], [], [])
    rows = []
    for ind in year_status(commune, year, with_evidence=False).indicators():
        items = [(old.name, status[ind.code]) for old, status in zip(olds, statuses) if ind.code in status]
        row = _combined(ind, items, summary)
        rows.append(dict(commune=commune.id, indicator=ind.id, year=year, version=1,
                         updated_by=current_user(), **row))
    if rows:
        Result.insert_many(rows).execute()
        record_loaded(commune.id)
    return summary


def _said(name: str, item) -> str:
    value = f" ({rules.group_thousands(item.value)})" if item.value else ""
    return f"{name}: {_STATUS_WORDS.get(item.status, item.status)}{value}"


_STATUS_WORDS = {rules.MET: "Đạt", rules.NOT_MET: "Chưa đạt", rules.NA: "Không áp dụng",
                 rules.UNASSESSED: "Chưa đánh giá"}


def _combined(ind, items: list, summary: MergeSummary) -> dict:
    dates = [i.data_date for _, i in items if i.data_date]
    data_date = max(dates) if dates else None
    parts = "; ".join(_said(name, item) for name, item in items)
    if ind.kind == rules.PERCENT and items and all(
            i.numerator is not None and i.denominator for _, i in items):
        num = sum(i.numerator for _, i in items)
        den = sum(i.denominator for _, i in items)
        percent = rules.ratio(num, den)
        value = rules.normalise_value(ind.target, f"{percent:.12f}", decimals=2)
        status = rules.evaluate(ind.target, f"{percent:.12f}") or rules.UNASSESSED
        summary.summed.append(ind.code)
        note = "Sáp nhập: cộng tử số, mẫu số của các xã cũ (" + "; ".join(
            f"{name} {rules.format_number(i.numerator)}/{rules.format_number(i.denominator)}"
            for name, i in items) + ")"
        return dict(status=status, value=value, value_number=percent, numerator=num,
                    denominator=den, data_date=data_date, note=note)
    statuses = {i.status for _, i in items}
    values = {i.value for _, i in items}
    if items and len(statuses) == 1 and statuses != {rules.UNASSESSED}:
        summary.agreed.append(ind.code)
        value = values.pop() if len(values) == 1 else None
        number = None
        if value and ind.kind in (rules.PERCENT, rules.AMOUNT):
            try:
                number = rules.parse_number(value)
            except ValidationError:
                number = None
        return dict(status=statuses.pop(), value=value, value_number=number, data_date=data_date,
                    note=f"Sáp nhập: các xã cũ cùng kết quả ({parts})")
    summary.reassess.append(ind.code)
    return dict(status=rules.UNASSESSED, value=None, data_date=None,
                note=f"Cần đánh giá lại sau sáp nhập ({parts})" if parts else
                "Cần đánh giá lại sau sáp nhập")


def predecessors_of(commune: Commune) -> list[Commune]:
    return list(Commune.select().where(Commune.successor == commune).order_by(Commune.name))


def describe(summary: MergeSummary) -> str:
    """For the command line's JSON."""
    return json.dumps({"commune": summary.commune.name, "year": summary.year,
                       "predecessors": [c.name for c in summary.predecessors],
                       "summed": summary.summed, "agreed": summary.agreed,
                       "reassess": summary.reassess}, ensure_ascii=False)
