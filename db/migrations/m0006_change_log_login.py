"""Schema version 6: the change log records the Unix login that made each change next to the
name the officer chose (settings or NTM_TUI_USER, which anyone can set), so on a shared server
"who" cannot be claimed in someone else's name. Text saved before input was cleaned of control
characters is cleaned now (an ESC sequence in a name reached the app's screen)."""
from __future__ import annotations

STATEMENTS = [
    """ALTER TABLE "change_log" ADD COLUMN "login" VARCHAR(255) NOT NULL DEFAULT ''""",
]


def apply(database) -> None:
    from db.scrub import scrub

    for statement in STATEMENTS:
        database.execute_sql(statement)
    scrub(database.connection())
