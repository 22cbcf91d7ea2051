"""m0007: an existing database gains commune.code, empty for its communes, unique when given."""
from __future__ import annotations

import sqlite3

import pytest

from db.bootstrap import prepare
from db.connection import close_database
from db.migrations import SCHEMA_VERSION
from tests.safety.test_migrations import make_v1


def test_old_database_gains_an_empty_unique_code(demo_db, tmp_path):
    path = tmp_path / "old.db"
    make_v1(demo_db, path)
    prepare(path, create=False)
    close_database()
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 7
        assert con.execute("SELECT name, code FROM commune").fetchall() == [("Tân Thạnh", "")]
        con.execute("INSERT INTO commune (version, updated_at, updated_by, name, district, province, "
                    "active, created_at) VALUES (1, '2026-01-01', '', 'B', '', '', 0, '2026-01-01')")
        con.execute("UPDATE commune SET code = '30316' WHERE name = 'B'")
        with pytest.raises(sqlite3.IntegrityError):
            con.execute("UPDATE commune SET code = '30316' WHERE name = 'Tân Thạnh'")
    finally:
        con.close()
