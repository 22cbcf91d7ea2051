"""Helpers for the criteria-set and spreadsheet tests: the CLI run in-process, files on disk."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db.connection import close_database
from ntm_tui.__main__ import main

DATA = Path(__file__).parent / "data"
NATIONAL = DATA / "national-2026-2030.yaml"


@pytest.fixture
def cli(capsys):
    def run(*argv):
        close_database()
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err
    return run


def log_rows(db: Path, batch: str | None = None) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        if batch:
            return con.execute("select label, field, old, new from change_log where batch = ? order by id",
                               (batch,)).fetchall()
        return con.execute("select label, field, old, new from change_log order by id").fetchall()
    finally:
        con.close()


def table_dump(db: Path, *tables: str) -> dict:
    """Every row of the tables named: to prove a refused import changed nothing."""
    con = sqlite3.connect(db)
    try:
        return {t: con.execute(f"select * from {t} order by id").fetchall() for t in tables}
    finally:
        con.close()
