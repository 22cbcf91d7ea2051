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
        return translate(self.key, lang, **self.params)


class ValidationError(NtmError):
    """Bad input: nothing was saved."""


class NotFoundError(NtmError):
    """A code, id or file that does not exist."""


class StorageError(NtmError):
    """The database file cannot be used (missing, unreadable, not SQLite, read-only, full)."""


class ConflictError(NtmError):
    """The record changed in another session since it was shown."""
