"""The migrated schema matches the models; the change log records who, when, what, old → new;
user text is stored, never run."""
from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from db.changelog import SESSION, latest_change_id
from db.models import ALL_MODELS, ChangeLog, Commune, Indicator, database
from tests.safety.conftest import ROOT, one_clear_line


def test_migrations_build_exactly_the_models_schema(empty_db):
    for model in ALL_MODELS:
        table = model._meta.table_name
        columns = {row[1] for row in database.execute_sql(f'PRAGMA table_info("{table}")')}
        assert columns == {f.column_name for f in model._meta.sorted_fields}, table
        indexes = {row[1] for row in database.execute_sql(f'PRAGMA index_list("{table}")')
                   if not row[1].startswith("sqlite_")}
        declared = {i._name for i in model._meta.fields_to_index()}
        assert declared <= indexes, (table, declared - indexes)


def test_history_command_shows_who_when_what(demo_db, cli, monkeypatch):
    from db.context import set_user

    set_user("Nguyễn Văn A")
    from db.services.results import set_result

    set_result(Commune.get(), 2023, "12.2", value="72,5")
    set_result(Commune.get(), 2023, "17.10", met="no", note="không thuộc 17.1")
    set_user(None)
    code, out, _ = cli("--db", demo_db, "history", "--code", "17.1", "--format", "json")
    assert "17.10" not in out  # codes match exactly, not by prefix
    code, out, err = cli("--db", demo_db, "history", "--code", "12.2", "--format", "json")
    assert code == 0, err
    entries = json.loads(out)
    assert entries and all(e["label"].startswith("12.2 /") for e in entries)
    status = next(e for e in entries if e["field"] == "status")
    assert (status["user"], status["old"], status["new"]) == ("Nguyễn Văn A", "not_met", "met")
    code, out, _ = cli("--db", demo_db, "history", "--code", "12.2", "--limit", "1")
    assert "Nguyễn Văn A" in out and "Chưa đạt → Đạt" in out and len(out.splitlines()) == 3
    code, out, _ = cli("--db", demo_db, "--lang", "en", "history", "--since", "01/01/2100", "--format", "csv")
    assert code == 0 and out.strip() == "No changes yet."
    for bad in (["--limit", "-1"], ["--limit", "nhiều"], ["--since", "31/02/2023"], ["--format", "xml"]):
        code, _, err = cli("--db", demo_db, "history", *bad)
        assert code == 2 and "Traceback" not in err


def test_latest_change_id_can_skip_this_sessions_changes(demo_db):
    from db.services.results import set_result

    before_other = latest_change_id(other_sessions=True)
    set_result(Commune.get(), 2023, "12.2", value="71")
    assert latest_change_id() > before_other
    assert latest_change_id(other_sessions=True) == before_other
    assert ChangeLog.select().order_by(ChangeLog.id.desc()).first().session == SESSION


def test_user_text_is_stored_never_run(demo_db, tmp_path, cli):
    from db.services.evidence import add_evidence

    marker = tmp_path / "pwned"
    hostile = f'$(touch {marker}); `touch {marker}` | touch {marker} & "; rm -rf ~'
    item = add_evidence(Commune.get(), Indicator.get(Indicator.code == "12.2"), 2023, hostile,
                        location=hostile, note=hostile)
    code, _, _ = cli("--db", demo_db, "set", "12.2", "--note", hostile)
    assert code == 0 and not marker.exists()
    conn = sqlite3.connect(demo_db)
    assert conn.execute("SELECT location FROM evidence_item WHERE id = ?", (item.id,)).fetchone()[0] == hostile
    # No code path hands text to a shell.
    shell = re.compile(r"shell\s*=\s*True|os\.system\(|os\.popen\(|os\.exec\w*\(|startfile\(")
    for folder in ("db", "ntm_tui", "exports"):
        for source in (ROOT / folder).rglob("*.py"):
            assert not shell.search(source.read_text(encoding="utf-8")), source


def test_long_text_refused(demo_db, cli):
    code, _, err = cli("--db", demo_db, "set", "12.2", "--note", "x" * 4001)
    assert code == 2 and one_clear_line(err) and "quá dài" in err


def test_files_created_owner_only(tmp_path, cli):
    db = tmp_path / "data" / "ntm.db"
    assert cli("--db", db, "demo")[0] == 0
    cli("--db", db, "backup")
    cli("--db", db, "dump", tmp_path / "dumps" / "a.json")
    created = [p for p in tmp_path.rglob("*") if p.name != "config.json"]
    for path in created:
        mode = path.stat().st_mode & 0o777
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))
    assert {Path(p).name for p in created} >= {"ntm.db", "backups", "a.json", "dumps"}


def test_commune_fields_and_settings_are_limited(empty_db, cli):
    from db.errors import ValidationError
    from db.services.communes import put_setting

    code, _, err = cli("--db", empty_db, "init", "--commune", "Vĩnh Xương", "--district", "x" * 301)
    assert code == 2 and one_clear_line(err) and "quá dài" in err
    with pytest.raises(ValidationError):
        put_setting("plan_recipients", "x" * 4001)
