"""Schema version 3: indexes for databases that hold many communes and years (a town, a province).

- result (commune, indicator, year): "the latest result up to a year" per indicator is one seek
  instead of a walk over every year of the commune (status, the space key, carry forward).
- evidence_item (commune, year, indicator, status): the status screen's evidence counts are
  read from the index alone (a year's dossier is hundreds of items per commune).
"""
from __future__ import annotations

STATEMENTS = [
    'CREATE INDEX IF NOT EXISTS "result_commune_id_indicator_id_year" '
    'ON "result" ("commune_id", "indicator_id", "year")',
    'CREATE INDEX IF NOT EXISTS "evidence_item_commune_id_year_indicator_id_status" '
    'ON "evidence_item" ("commune_id", "year", "indicator_id", "status")',
]


def apply(database) -> None:
    for statement in STATEMENTS:
        database.execute_sql(statement)
