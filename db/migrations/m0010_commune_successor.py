"""Schema version 10: merged communes (01/7/2025). An old commune names the commune it became
part of and the day; its own data stays, readable, beside the new commune's."""
from __future__ import annotations

STATEMENTS = [
    'ALTER TABLE "commune" ADD COLUMN "successor_id" INTEGER REFERENCES "commune" ("id") ON DELETE SET NULL',
    'ALTER TABLE "commune" ADD COLUMN "merged_on" DATE',
    'CREATE INDEX IF NOT EXISTS "commune_successor_id" ON "commune" ("successor_id")',
]


def apply(database) -> None:
    for statement in STATEMENTS:
        database.execute_sql(statement)
