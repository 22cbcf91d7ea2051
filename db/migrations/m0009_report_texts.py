"""Schema version 9: the officer's own text of each part of a periodic report, kept per
period; and a work's cost and funding source, which the report sums as "nguồn lực huy động"."""
from __future__ import annotations

STATEMENTS = [
    'CREATE TABLE "report_text" ("id" INTEGER NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(255) NOT NULL, "commune_id" INTEGER NOT NULL, "period" VARCHAR(255) NOT NULL, "part" VARCHAR(255) NOT NULL, "body" TEXT NOT NULL, FOREIGN KEY ("commune_id") REFERENCES "commune" ("id") ON DELETE CASCADE)',  # noqa: E501
    'CREATE INDEX "report_text_commune_id" ON "report_text" ("commune_id")',
    'CREATE UNIQUE INDEX "report_text_commune_id_period_part" ON "report_text" ("commune_id", "period", "part")',
    'ALTER TABLE "work_item" ADD COLUMN "cost" REAL',
    'ALTER TABLE "work_item" ADD COLUMN "funding_source" VARCHAR(255) NOT NULL DEFAULT \'\'',
]


def apply(database) -> None:
    for statement in STATEMENTS:
        database.execute_sql(statement)
