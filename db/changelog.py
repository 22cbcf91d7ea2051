"""The change log: every service that changes data writes who, when, what, old → new.

`apply_changes` is the one way rows the officer edits are changed: it checks the
record's version (a stale edit from another session is refused), logs each field,
and bumps the version, all in one transaction.
"""
from __future__ import annotations

from datetime import date, datetime

from peewee import Model

from db.context import current_user, login_name
from db.dataclass_lite import dataclass
from db.errors import ConflictError
from db.models import ChangeLog, VersionedModel, database, now


def new_batch() -> str:
    import uuid  # deferred: only writes need it, and every command imports this module

    return uuid.uuid4().hex[:16]


SESSION = new_batch()  # this running process; written with each change (schema 2)


def to_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Model):
        return str(value.get_id())
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def log(record: Model, action: str, field: str = "", old: object = None, new: object = None,
        label: str = "", batch: str | None = None, commune_id: int | None = None) -> ChangeLog:
    return ChangeLog.create(
        at=now(), user=current_user(), commune=commune_id, batch=batch or new_batch(),
        table=record._meta.table_name, record_id=record.get_id(), label=label,
        action=action, field=field, old=to_text(old), new=to_text(new), session=SESSION,
        login=login_name(),
    )


def _commune_id(record: Model) -> int | None:
    if record._meta.table_name == "commune":  # a commune's own creation is its history, not all's
        return record.id
    value = getattr(record, "commune_id", None)
    if value is not None:
        return value
    plan = getattr(record, "plan", None) if hasattr(record, "plan_id") else None
    return getattr(plan, "commune_id", None)


def apply_changes(record: VersionedModel, changes: dict[str, object], label: str = "",
                  expected_version: int | None = None, batch: str | None = None) -> list[ChangeLog]:
    """Set fields on a row, logging each real change. Returns the log entries written."""
    batch = batch or new_batch()
    cls = type(record)
    with database.atomic():  # IMMEDIATE: nobody else writes between the read and the update
        fresh = None
        if record.get_id() is not None:
            fresh = cls.get_or_none(cls._meta.primary_key == record.get_id())
            if fresh is None or (expected_version is not None and fresh.version != expected_version):
                raise _conflict(fresh)
        entries = []
        for name, new in changes.items():
            # Old values from the row as stored now, so the log never records a stale "old".
            source = fresh if fresh is not None else record
            old = getattr(source, name + "_id", None) if _is_fk(record, name) else getattr(source, name)
            new_cmp = new.get_id() if isinstance(new, Model) else new
            if to_text(old) == to_text(new_cmp):
                continue
            setattr(record, name, new)
            entries.append((name, old, new_cmp))
        if not entries:
            return []
        guard = fresh.version if fresh is not None else record.version
        record.version = (guard or 0) + 1
        record.updated_at = now()
        record.updated_by = current_user()
        rows = cls.update(**{n: getattr(record, n) for n, _, _ in entries},
                          version=record.version, updated_at=record.updated_at,
                          updated_by=record.updated_by)
        # The guard: the row is changed only if its version is still the one checked above.
        query = rows.where((cls._meta.primary_key == record.get_id()) & (cls.version == guard))
        if query.execute() != 1:
            raise _conflict(cls.get_or_none(cls._meta.primary_key == record.get_id()))
        return [log(record, "update", n, o, v, label=label, batch=batch,
                    commune_id=_commune_id(record)) for n, o, v in entries]


def _conflict(fresh: VersionedModel | None) -> ConflictError:
    if fresh is None:
        return ConflictError("conflict", who="?", when="?")
    when = fresh.updated_at.strftime("%d/%m/%Y %H:%M") if isinstance(fresh.updated_at, datetime) \
        else fresh.updated_at
    return ConflictError("conflict", who=fresh.updated_by or "?", when=when)


def create_logged(model: type[VersionedModel], label: str = "", batch: str | None = None,
                  **fields: object) -> VersionedModel:
    with database.atomic():
        fields.setdefault("updated_by", current_user())
        record = model.create(**fields)
        log(record, "create", label=label, batch=batch, commune_id=_commune_id(record),
            new=label or None)
    return record


def delete_logged(record: VersionedModel, label: str = "", batch: str | None = None) -> None:
    """Delete a row; the whole row goes into the log as JSON so undo can restore it."""
    import json

    snapshot = {name: to_text(getattr(record, field.column_name if hasattr(field, "rel_model")
                                      else name))
                for name, field in record._meta.fields.items()}
    with database.atomic():
        log(record, "delete", label=label, batch=batch, commune_id=_commune_id(record),
            old=json.dumps(snapshot, ensure_ascii=False))
        record.delete_instance()


def _is_fk(record: Model, name: str) -> bool:
    from peewee import ForeignKeyField

    return isinstance(record._meta.fields.get(name), ForeignKeyField)


@dataclass(frozen=True)
class ChangeEntry:
    id: int
    at: datetime
    user: str
    table: str
    record_id: int
    label: str
    action: str
    field: str
    old: str | None
    new: str | None
    batch: str
    session: str = ""
    login: str = ""  # the Unix account (m0006); `user` is the name it chose


def history(commune_id: int | None = None, table: str | None = None, record_id: int | None = None,
            label_prefix: str | None = None, since: datetime | None = None,
            limit: int | None = None, code: str | None = None,
            include_global: bool = False) -> list[ChangeEntry]:
    """Newest first. `code` matches an indicator or criterion code exactly ("12.1" finds
    "12.1 / 2023", not "12.10 / 2023"); `include_global` adds entries tied to no commune
    (criteria set edits) to a commune's history."""
    query = ChangeLog.select().order_by(ChangeLog.id.desc())
    if commune_id is not None:
        mine = ChangeLog.commune == commune_id
        query = query.where(mine | ChangeLog.commune.is_null() if include_global else mine)
    if table:
        query = query.where(ChangeLog.table == table)
    if record_id is not None:
        query = query.where(ChangeLog.record_id == record_id)
    if label_prefix:
        query = query.where(ChangeLog.label.startswith(label_prefix))
    if code:
        query = query.where((ChangeLog.label == code) | ChangeLog.label.startswith(code + " "))
    if since is not None:
        query = query.where(ChangeLog.at >= since)
    if limit:
        query = query.limit(limit)
    return [ChangeEntry(c.id, c.at, c.user, c.table, c.record_id, c.label, c.action, c.field,
                        c.old, c.new, c.batch, c.session, c.login) for c in query]


def _from_text(field, text: str | None):
    """The inverse of to_text for one model field."""
    from peewee import BooleanField, DateField, DateTimeField, FloatField, ForeignKeyField, IntegerField

    if text is None:
        return None
    if isinstance(field, BooleanField):
        return text in ("1", "True", "true")
    if isinstance(field, (IntegerField, ForeignKeyField)):
        return int(text)
    if isinstance(field, FloatField):
        return float(text)
    if isinstance(field, DateTimeField):
        return datetime.fromisoformat(text)
    if isinstance(field, DateField):
        return date.fromisoformat(text)
    return text


def last_batch(commune_id: int | None = None, user: str | None = None) -> str | None:
    query = ChangeLog.select(ChangeLog.batch).order_by(ChangeLog.id.desc())
    if commune_id is not None:
        query = query.where(ChangeLog.commune == commune_id)
    if user is not None:
        query = query.where(ChangeLog.user == user)
    row = query.first()
    return row.batch if row else None


def undo_batch(batch: str) -> list[ChangeLog]:
    """Revert one user action: fields back to their old values, created rows removed,
    deleted rows restored. The undo is itself logged, as a new batch."""
    import json

    from db import models

    tables = {m._meta.table_name: m for m in models.ALL_MODELS}
    entries = list(ChangeLog.select().where(ChangeLog.batch == batch).order_by(ChangeLog.id.desc()))
    undo = new_batch()
    written: list[ChangeLog] = []
    results: dict[int, Model] = {}  # results reverted: their history follows (schema 8)
    with database.atomic():
        for entry in entries:
            model = tables.get(entry.table)
            if model is None:
                continue
            record = model.get_or_none(model._meta.primary_key == entry.record_id)
            if entry.action == "update" and record is not None and entry.field in model._meta.fields:
                field = model._meta.fields[entry.field]
                changes = {entry.field: _from_text(field, entry.old)}
                if isinstance(record, VersionedModel):
                    written += apply_changes(record, changes, label=entry.label, batch=undo)
                    if entry.table == "result":
                        results[record.id] = record
                else:
                    setattr(record, entry.field, changes[entry.field])
                    record.save()
            elif entry.action == "create" and record is not None:
                delete_logged(record, label=entry.label, batch=undo)
            elif entry.action == "delete" and record is None and entry.old and entry.old.startswith("{"):
                data = json.loads(entry.old)
                values = {name: _from_text(model._meta.fields[name], value)
                          for name, value in data.items() if name in model._meta.fields}
                model.insert(**values).execute()
                restored = model.get_by_id(entry.record_id)
                written.append(log(restored, "create", label=entry.label, batch=undo,
                                   commune_id=_commune_id(restored)))
        from db import result_entries

        result_entries.undo(batch, undo, list(results.values()))
    return written


def latest_change_id(other_sessions: bool = False) -> int:
    """Screens poll this to see other sessions' changes (`other_sessions`: ignore this
    process's own, so a screen does not reload after its own save)."""
    query = ChangeLog.select(ChangeLog.id).order_by(ChangeLog.id.desc())
    if other_sessions:
        query = query.where(ChangeLog.session != SESSION)
    row = query.first()
    return row.id if row else 0


def changes_after(after: int, batch: str) -> tuple[int, bool]:
    """(the latest change id, whether any change after `after` belongs to another batch than
    `batch`). After its own write a screen shows that change itself, without reading everything
    again, only when nothing else was changed since `after`, the last change it has shown."""
    from peewee import Case, fn

    latest, others = (ChangeLog.select(fn.MAX(ChangeLog.id),
                                       fn.SUM(Case(None, [(ChangeLog.batch != batch, 1)], 0)))
                      .where(ChangeLog.id > after).tuples().get())
    if latest is None:  # nothing after it: the log was replaced (a restored backup)
        return after, True
    return latest, bool(others)
