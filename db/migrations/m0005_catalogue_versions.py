"""Schema version 5: dated versions of an indicator (an amendment such as Quyết định 211/QĐ-TTg of
01/3/2024 changes its wording, kind or target from a date on) and the measured parts of a compound
indicator (criterion 5: schools; 12.1: men and women each), for the indicator or for one version.
New tables only: the rows already stored are not touched. An existing database takes the updated
shipped set with `ntm-tui catalogue import --replace` (results are kept)."""
from __future__ import annotations

STATEMENTS = [
    'CREATE TABLE "indicator_version" ("id" INTEGER NOT NULL PRIMARY KEY, "indicator_id" INTEGER NOT NULL, "valid_from" DATE NOT NULL, "content" TEXT NOT NULL, "kind" VARCHAR(255) NOT NULL, "op" VARCHAR(255) NOT NULL, "threshold" REAL, "unit" VARCHAR(255), "source" TEXT NOT NULL, "note" TEXT NOT NULL, FOREIGN KEY ("indicator_id") REFERENCES "indicator" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "indicator_version_indicator_id" ON "indicator_version" ("indicator_id")',
    'CREATE UNIQUE INDEX "indicator_version_indicator_id_valid_from" ON "indicator_version" ("indicator_id", "valid_from")',
    'CREATE TABLE "indicator_part" ("id" INTEGER NOT NULL PRIMARY KEY, "indicator_id" INTEGER NOT NULL, "version_id" INTEGER, "position" INTEGER NOT NULL, "key" VARCHAR(255) NOT NULL, "label" TEXT NOT NULL, "kind" VARCHAR(255) NOT NULL, "op" VARCHAR(255), "threshold" REAL, "unit" VARCHAR(255), "when_part" VARCHAR(255), "when_op" VARCHAR(255), "when_value" REAL, "when_threshold" REAL, FOREIGN KEY ("indicator_id") REFERENCES "indicator" ("id") ON DELETE CASCADE, FOREIGN KEY ("version_id") REFERENCES "indicator_version" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "indicator_part_indicator_id" ON "indicator_part" ("indicator_id")',
    'CREATE INDEX "indicator_part_version_id" ON "indicator_part" ("version_id")',
]


def apply(database) -> None:
    for statement in STATEMENTS:
        database.execute_sql(statement)
