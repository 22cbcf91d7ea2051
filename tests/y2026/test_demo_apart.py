"""`ntm-tui demo` keeps the 2023 sample apart from the officer's data."""
from __future__ import annotations

import sqlite3

from tests.y2026.conftest import digest


def communes(db) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return [r[0] for r in con.execute("SELECT name FROM commune ORDER BY id")]
    finally:
        con.close()


def test_demo_goes_to_its_own_file_beside_the_database(tmp_path, cli, monkeypatch):
    data = tmp_path / "data"
    assert cli("init", "--commune", "Tân An", "--province", "An Giang", "--code", "30316")[0] == 0
    before = digest(data / "ntm.db")
    code, out, err = cli("demo")
    assert code == 0, err
    assert communes(data / "demo.db") == ["Tân Thạnh"]
    assert communes(data / "ntm.db") == ["Tân An"] and digest(data / "ntm.db") == before
    assert f"--db {data / 'demo.db'} --today 2023-03-16" in out
    # NTM_TUI_DB names the officer's data too: the sample still goes beside it.
    monkeypatch.setenv("NTM_TUI_DB", str(tmp_path / "mine" / "x.db"))
    (tmp_path / "mine").mkdir()
    assert cli("init", "--commune", "Long An")[0] == 0
    assert cli("demo")[0] == 0
    assert communes(tmp_path / "mine" / "demo.db") == ["Tân Thạnh"]
    assert communes(tmp_path / "mine" / "x.db") == ["Long An"]


def test_demo_refuses_a_database_with_other_communes_unless_asked(tmp_path, cli):
    db = tmp_path / "town.db"
    assert cli("--db", db, "init", "--commune", "Tân An", "--province", "An Giang")[0] == 0
    before = digest(db)
    code, _, err = cli("--db", db, "demo")
    assert code == 2 and "Tân An" in err and "--allow-others" in err
    assert len(err.strip().splitlines()) == 1 and digest(db) == before
    assert cli("--db", db, "demo", "--allow-others")[0] == 0
    assert communes(db) == ["Tân An", "Tân Thạnh"]


def test_demo_with_db_writes_there_and_once(tmp_path, cli):
    db = tmp_path / "sample.db"
    assert cli("--db", db, "demo")[0] == 0
    code, out, _ = cli("--db", db, "demo")
    assert code == 0 and "đã có" in out and communes(db) == ["Tân Thạnh"]
