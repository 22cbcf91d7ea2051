"""Schema version 7: a commune's official 5-digit code (Quyết định 19/2025/QĐ-TTg: stable,
never reused). Empty for communes made before; unique when given. The district stays, empty
for the communes of the two-tier government (from 01/7/2025)."""
from __future__ import annotations

STATEMENTS = [
    """ALTER TABLE "commune" ADD COLUMN "code" VARCHAR(255) NOT NULL DEFAULT ''""",
    """CREATE UNIQUE INDEX IF NOT EXISTS "commune_code" ON "commune" ("code") WHERE "code" != ''""",
]


def apply(database) -> None:
    for statement in STATEMENTS:
        database.execute_sql(statement)
