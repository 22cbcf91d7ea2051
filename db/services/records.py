"""Generic edit of an officer-editable row: validate text, check version, log, save."""
from __future__ import annotations

from typing import Any

from db.changelog import apply_changes, delete_logged
from db.errors import NotFoundError, ValidationError
from db.models import VersionedModel
from db.text import MAX_SHORT, MAX_TEXT, clean


def get_record(model: type[VersionedModel], record_id: int) -> VersionedModel:
    record = model.get_or_none(model._meta.primary_key == record_id)
    if record is None:
        raise NotFoundError("record_not_found", table=model._meta.table_name, id=record_id)
    return record


def checked_text(value: Any, field: str, required: bool = False, long: bool = False) -> str:
    text = clean(value)
    if required and not text:
        raise ValidationError("text_required", field=field)
    limit = MAX_TEXT if long else MAX_SHORT
    if len(text) > limit:
        raise ValidationError("text_too_long", length=len(text), limit=limit)
    return text


def checked_choice(value: str, field: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise ValidationError("choice_invalid", field=field, value=value)
    return value


def update_record(model: type[VersionedModel], record_id: int, changes: dict[str, Any],
                  label: str = "", expected_version: int | None = None,
                  batch: str | None = None) -> VersionedModel:
    record = get_record(model, record_id)
    apply_changes(record, changes, label=label, expected_version=expected_version, batch=batch)
    return get_record(model, record_id)


def delete_record(model: type[VersionedModel], record_id: int, label: str = "",
                  batch: str | None = None) -> None:
    delete_logged(get_record(model, record_id), label=label, batch=batch)
