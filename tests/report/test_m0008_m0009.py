"""m0008/m0009 on a database of schema 7: each result becomes its first history entry (holding
from its data date), the report texts table and a work's cost and source appear."""
from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import date

from db.bootstrap import prepare
from db.connection import close_database


def test_a_schema_7_database_gets_its_results_history(demo_template, tmp_path):
    db = tmp_path / "old.db"
    shutil.copy(demo_template, db)
    with closing(sqlite3.connect(db)) as con, con:
        con.execute('DROP TABLE "result_entry"')
        con.execute('DROP TABLE "report_text"')
        con.execute('ALTER TABLE "work_item" DROP COLUMN "cost"')
        con.execute('ALTER TABLE "work_item" DROP COLUMN "funding_source"')
        con.execute('DROP INDEX "commune_successor_id"')  # m0010 too
        con.execute('ALTER TABLE "commune" DROP COLUMN "successor_id"')
        con.execute('ALTER TABLE "commune" DROP COLUMN "merged_on"')
        con.execute("PRAGMA user_version = 7")
        results = con.execute('SELECT COUNT(*) FROM "result"').fetchone()[0]
    prepare(db, create=False)
    try:
        from db.services.status import year_status

        assert year_status(1, 2023, as_of=date(2023, 3, 31)).counts.indicators_met == 40
        assert year_status(1, 2023, as_of=date(2022, 6, 30)).counts.indicators_met == 0  # not yet dated
    finally:
        close_database()
    with closing(sqlite3.connect(db)) as con, con:
        assert con.execute('SELECT COUNT(*) FROM "result_entry"').fetchone()[0] == results > 0
        assert con.execute('SELECT MIN("holds_from") FROM "result_entry"').fetchone()[0] == "2022-12-31"
        assert con.execute('SELECT COUNT(*) FROM "report_text"').fetchone()[0] == 0
        con.execute('SELECT "cost", "funding_source" FROM "work_item"').fetchall()
