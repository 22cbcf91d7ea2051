"""dump → load → dump is the identity; load never writes into a database already in use."""
from __future__ import annotations

import json
import sqlite3

import pytest

from db.connection import close_database
from db.migrations import SCHEMA_VERSION
from tests.safety.conftest import digest, one_clear_line


def test_dump_load_dump_identical(demo_db, tmp_path, cli):
    close_database()
    first, second, copy = tmp_path / "a.json", tmp_path / "b.json", tmp_path / "copy.db"
    code, out, err = cli("--db", demo_db, "dump", first)
    assert code == 0, err
    code, out, err = cli("--db", copy, "load", first)
    assert code == 0 and "Đã nạp" in out, err
    assert cli("--db", copy, "dump", second)[0] == 0
    assert first.read_bytes() == second.read_bytes()
    doc = json.loads(first.read_text(encoding="utf-8"))
    assert doc["format"] == "ntm-tui-dump" and doc["schema_version"] == SCHEMA_VERSION
    assert list(doc["tables"]) == sorted(doc["tables"])
    assert {"commune", "result", "change_log", "evidence_item", "plan"} <= set(doc["tables"])
    plan = doc["tables"]["plan"]
    assert plan["rows"][0][plan["columns"].index("doc_date")] == "2023-02-24"  # ISO dates
    for path in (first, copy):
        assert oct(path.stat().st_mode & 0o777) == "0o600"
    # The loaded database is a working one: same status, and it takes new changes.
    status = [cli("--db", p, "status", "--year", "2023", "--format", "json")[1] for p in (demo_db, copy)]
    assert status[0] == status[1]
    assert cli("--db", copy, "set", "12.2", "--value", "75")[0] == 0


def test_load_into_a_freshly_created_database_replaces_the_shipped_catalogue(demo_db, tmp_path, cli):
    close_database()
    dump, fresh = tmp_path / "a.json", tmp_path / "fresh.db"
    cli("--db", demo_db, "dump", dump)
    assert cli("--db", fresh, "status")[0] == 2  # created with the catalogue, no commune yet
    code, _, err = cli("--db", fresh, "load", dump)
    assert code == 0, err
    assert cli("--db", fresh, "dump", tmp_path / "b.json")[0] == 0
    assert dump.read_bytes() == (tmp_path / "b.json").read_bytes()


def broken_dumps(doc: dict) -> dict[str, str]:
    def variant(change) -> str:
        copy = json.loads(json.dumps(doc))
        change(copy)
        return json.dumps(copy)

    return {
        "not json": "{ không phải JSON",
        "other format": variant(lambda d: d.update(format="x")),
        "no version": variant(lambda d: d.pop("schema_version")),
        "short row": variant(lambda d: d["tables"]["commune"]["rows"][0].pop()),
        "nested value": variant(lambda d: d["tables"]["commune"]["rows"][0].__setitem__(1, [1])),
        "unknown table": variant(lambda d: d["tables"].update(x={"columns": ["a"], "rows": [[1]]})),
        "unknown column": variant(lambda d: d["tables"]["commune"]["columns"].__setitem__(1, "nope")),
        "dangling foreign key": variant(lambda d: d["tables"]["result"]["rows"][0].__setitem__(
            d["tables"]["result"]["columns"].index("commune_id"), 999)),
        "duplicate id": variant(lambda d: d["tables"]["unit"]["rows"].append(d["tables"]["unit"]["rows"][0])),
    }


def test_bad_dumps_refused_and_nothing_created(demo_db, tmp_path, cli):
    close_database()
    good = tmp_path / "good.json"
    cli("--db", demo_db, "dump", good)
    doc = json.loads(good.read_text(encoding="utf-8"))
    for name, text in broken_dumps(doc).items():
        bad = tmp_path / "bad.json"
        bad.write_text(text, encoding="utf-8")
        target = tmp_path / "target.db"
        code, _, err = cli("--db", target, "load", bad)
        assert code == 2 and one_clear_line(err), (name, err)
        assert not target.exists() or sqlite3.connect(target).execute(
            "SELECT count(*) FROM sqlite_master").fetchone()[0] == 0, name
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == [], name
    print(f"bad dumps tried: {len(broken_dumps(doc))}")


def test_load_refuses_a_database_in_use_and_dump_never_overwrites(demo_db, tmp_path, cli):
    close_database()
    dump = tmp_path / "a.json"
    cli("--db", demo_db, "dump", dump)
    before = digest(demo_db)
    code, _, err = cli("--db", demo_db, "load", dump)
    assert code == 2 and "đã có dữ liệu" in err and digest(demo_db) == before
    dump_before = digest(dump)
    code, _, err = cli("--db", demo_db, "dump", dump)
    assert code == 2 and "đã tồn tại" in err and digest(dump) == dump_before


@pytest.mark.parametrize("argv", [["load", "missing.json"], ["dump", "/proc/nope/x.json"]])
def test_unreadable_or_unwritable_paths(demo_db, tmp_path, cli, argv, monkeypatch):
    close_database()
    monkeypatch.chdir(tmp_path)
    code, _, err = cli("--db", demo_db, *argv)
    assert code == 2 and one_clear_line(err), err
