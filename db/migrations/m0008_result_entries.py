"""Schema version 8: every result keeps its history, each state with the day it holds from.

A report for a period reads the results as of the period's end (`result_entry`), so a report
exported again later says what it said when it was sent. Each existing result becomes its first
entry: it holds from its data date, else from the day it was last written.
"""
from __future__ import annotations

STATEMENTS = [
    'CREATE TABLE "result_entry" ("id" INTEGER NOT NULL PRIMARY KEY, "result_id" INTEGER NOT NULL, "commune_id" INTEGER NOT NULL, "indicator_id" INTEGER NOT NULL, "year" INTEGER NOT NULL, "status" VARCHAR(255) NOT NULL, "value" VARCHAR(255), "numerator" REAL, "denominator" REAL, "data_date" DATE, "note" TEXT NOT NULL, "version" INTEGER NOT NULL, "holds_from" DATE NOT NULL, "entered_at" DATETIME NOT NULL, "batch" VARCHAR(255) NOT NULL, FOREIGN KEY ("result_id") REFERENCES "result" ("id") ON DELETE CASCADE, FOREIGN KEY ("commune_id") REFERENCES "commune" ("id") ON DELETE CASCADE, FOREIGN KEY ("indicator_id") REFERENCES "indicator" ("id") ON DELETE CASCADE)',  # noqa: E501
    'CREATE INDEX "result_entry_result_id" ON "result_entry" ("result_id")',
    'CREATE INDEX "result_entry_commune_id" ON "result_entry" ("commune_id")',
    'CREATE INDEX "result_entry_indicator_id" ON "result_entry" ("indicator_id")',
    'CREATE INDEX "result_entry_batch" ON "result_entry" ("batch")',
    'CREATE INDEX "result_entry_commune_id_year_holds_from" ON "result_entry" ("commune_id", "year", "holds_from")',
]


def apply(database) -> None:
    for statement in STATEMENTS:
        database.execute_sql(statement)
    database.execute_sql(
        'INSERT INTO "result_entry" ("result_id", "commune_id", "indicator_id", "year", "status", '
        '"value", "numerator", "denominator", "data_date", "note", "version", "holds_from", '
        '"entered_at", "batch") '
        'SELECT "id", "commune_id", "indicator_id", "year", "status", "value", "numerator", '
        '"denominator", "data_date", "note", "version", '
        'COALESCE("data_date", date("updated_at")), "updated_at", \'\' FROM "result"')
