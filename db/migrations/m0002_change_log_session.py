"""Schema version 2: the change log records which running session wrote each entry (so an open
screen can tell another officer's change from its own), and is indexed by (commune, id) for
`ntm-tui history` and the screens' polling of the latest change."""
from __future__ import annotations

STATEMENTS = [
    """ALTER TABLE "change_log" ADD COLUMN "session" VARCHAR(255) NOT NULL DEFAULT ''""",
    'CREATE INDEX "change_log_commune_id_id" ON "change_log" ("commune_id", "id")',
]


def apply(database) -> None:
    for statement in STATEMENTS:
        database.execute_sql(statement)
