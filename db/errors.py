"""Errors the services raise: each carries a message for the user, never a traceback."""
from __future__ import annotations

from db.messages import translate


class NtmError(Exception):
    """A problem the user can act on. `key` names the message, `params` fill it."""

    exit_code = 2

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message("vi"))

    def message(self, lang: str = "vi") -> str:
        params = self.params
        field = params.get("field")
        if isinstance(field, str) and field.isidentifier() and field == field.lower():
            # A service names the field it checks by its stored name ("title"): the officer
            # reads its name in words ("Tên").
            from db.change_words import field_words

            params = {**params, "field": field_words(field, lang)}
        return translate(self.key, lang, **params)


class ValidationError(NtmError):
    """Bad input: nothing was saved."""


class ContradictsValue(ValidationError):
    """A result its own value contradicts: refused unless the officer confirms it by hand."""


class NotFoundError(NtmError):
    """A code, id or file that does not exist."""


class StorageError(NtmError):
    """The database file cannot be used (missing, unreadable, not SQLite, read-only, full)."""


class ConflictError(NtmError):
    """The record changed in another session since it was shown."""
