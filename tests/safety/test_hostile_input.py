"""Hostile or careless input on the command line (issue 17): a clear line and status 2, the
database unchanged; limits a person would expect; nothing sent to the terminal as a command."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from .conftest import ROOT, digest, one_clear_line

ESC = "\x1b"
CONTROL = [chr(c) for c in range(0x20) if c not in (0x0a,)] + ["\x7f"] + [chr(c) for c in range(0x80, 0xa0)]


def one_row(path, sql: str) -> tuple:
    """Read with a connection closed at once: the app refuses a file this process holds open."""
    from contextlib import closing

    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(sql).fetchone()


def single_line(err: str) -> bool:
    """One line, ours: "ntm-tui: …" or, for an option argparse refuses, "ntm-tui CMD: …"."""
    return "Traceback" not in err and len(err.strip().splitlines()) == 1 and err.startswith("ntm-tui")


def _refused(cli, db, *argv, says: str | None = None):
    before = digest(db)
    code, out, err = cli("--db", db, *argv)
    assert code == 2 and single_line(err), (argv, code, err)
    assert not any(c in err for c in CONTROL), repr(err)
    if says:
        assert says in err, err
    assert digest(db) == before, argv
    return err


@pytest.mark.parametrize("argv, says", [
    (["submit", "99999999999999999999"], None),
    (["rules", "off", "99999999999999999999"], None),
    (["history", "--limit", "99999999999999999999999"], "--limit"),
    (["set", "2.1", "--year", "2023", "--value", "inf"], "inf"),
    (["set", "2.1", "--year", "2023", "--value", "9" * 400], None),
    (["set", "2.1", "--year", "2023", "--value", "-250"], "0 đến 100%"),
    (["set", "2.1", "--year", "2023", "--value", "25000"], "0 đến 100%"),
    (["set", "2.1", "--year", "2023", "--numerator", "-5", "--denominator", "10"], "âm"),
    (["set", "2.1", "--year", "2023", "--numerator", "250", "--denominator", "10"], "0 đến 100%"),
    (["set", "2.1", "--year", "2023", "--value", "50", "--data-date", "0001-01-01"], "1900–2200"),
    (["set", "2.1", "--year", "2023", "--value", "50", "--data-date", "9999-12-31"], "1900–2200"),
    (["set", "2.1", "--year", "2023", "--value", "50", "--data-date", "01/01/1950"], "2016–2030"),
    (["set", "2.1", "--year", "1"], None),
    (["set", "2.1", "--year", "9999"], None),
    (["status", "--today", "9999-12-31"], "1900–2200"),
    (["submit", "1", "--date", "0001-01-01"], "1900–2200"),
    (["set", "1.1", "--year", "2023", "--note", "x" * 4001], "4000"),
    (["init", "--commune", "a" * 201, "--district", "d", "--province", "p"], "200"),
    (["init", "--commune", "Xã mới", "--district", "d" * 201, "--province", "p"], "200"),
    (["export", "report", "--year", "2023", "-o", "/tmp/" + "x" * 300 + ".pdf"], "quá dài"),
    (["backup", "~nosuchuser/b.db"], "~nosuchuser"),
    (["set", ESC + "[2J" + ESC + "]0;pwned\x07", "--met", "yes"], None),
    (["status", "--commune", ESC + "]0;title\x07"], None),
])
def test_refused_with_a_clear_line(demo_db, cli, argv, says):
    _refused(cli, demo_db, *argv, says=says)


def test_an_unknown_home_in_db_path(cli, tmp_path):
    code, out, err = cli("--db", "~nosuchuser/x.db", "status")
    assert code == 2 and one_clear_line(err) and "~nosuchuser" in err


def test_invalid_utf8_arguments_in_a_real_process(demo_db, tmp_path):
    """Bytes that are not UTF-8 (a Latin-1 terminal) reach Python as lone surrogates."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    before = digest(demo_db)
    for argv in ([b"set", b"1.1", b"--year", b"2023", b"--note", b"caf\xe9"],
                 [b"status", b"--commune", b"\xff\xfe"], [b"init", b"--commune", b"\xc3\x28",
                                                            b"--district", b"d"]):
        proc = subprocess.run([sys.executable.encode(), b"-m", b"ntm_tui", b"--db", str(demo_db).encode(),
                               *argv], cwd=ROOT, env=env, capture_output=True)
        err = proc.stderr.decode("utf-8")
        assert proc.returncode == 2 and one_clear_line(err) and "UTF-8" in err, err
    assert digest(demo_db) == before


def test_a_note_of_four_thousand_characters_is_kept(demo_db, cli):
    code, out, err = cli("--db", demo_db, "set", "1.1", "--year", "2023", "--note", "ghi chú " * 500)
    assert code == 0, err


def test_rounding_never_decides_the_result(demo_db, cli):
    """99.9999 % against >= 100 % is not met, and is not shown as 100."""
    code, out, err = cli("--db", demo_db, "set", "2.1", "--year", "2023", "--numerator", "999999",
                         "--denominator", "1000000")
    assert code == 0, err
    assert "Chưa đạt" in out and "(100)" not in out
    row = one_row(demo_db, "SELECT r.value, r.value_number, r.status FROM result r JOIN indicator i "
                           "ON i.id = r.indicator_id WHERE i.code = '2.1' AND r.year = 2023")
    assert row[2] == "not_met" and row[1] == pytest.approx(99.9999) and row[0] != "100"
    code, out, err = cli("--db", demo_db, "set", "2.1", "--year", "2023", "--value", "99,999999")
    assert code == 0 and "Chưa đạt" in out, (out, err)
    code, out, err = cli("--db", demo_db, "set", "2.1", "--year", "2023", "--numerator", "7",
                         "--denominator", "7")
    assert code == 0 and "Đạt" in out and "Chưa" not in out and "(100)" in out
    code, out, err = cli("--db", demo_db, "set", "12.2", "--year", "2023", "--numerator", "2",
                         "--denominator", "3")
    assert code == 0 and "(66,67)" in out  # ordinary ratios keep two decimals


def test_escape_sequences_never_reach_the_terminal(demo_db, cli):
    """Stored through a file or an old version, an ESC sequence is shown as �."""
    conn = sqlite3.connect(demo_db)
    evil = f"{ESC}[2J{ESC}]0;pwned\x07\x9b31m note"
    conn.execute("UPDATE result SET note = ? WHERE id = (SELECT min(id) FROM result)", (evil,))
    conn.execute("UPDATE commune SET name = ?", (f"Tân Thạnh{ESC}[31m",))
    conn.execute("INSERT INTO change_log (at, user, commune_id, batch, \"table\", record_id, label, action,"
                  " field, old, new, session) SELECT at, ?, commune_id, batch, \"table\", record_id, ?, action,"
                  " field, ?, ?, session FROM change_log ORDER BY id DESC LIMIT 1",
                  (f"x{ESC}]0;t\x07", f"l{ESC}[H", evil, evil))
    conn.commit()
    conn.close()
    for argv in (["history"], ["history", "--format", "csv"], ["history", "--format", "json"],
                 ["status", "--year", "2023"], ["status", "--year", "2023", "--format", "csv"],
                 ["status", "--year", "2023", "--indicators"], ["catalogue", "list"],
                 ["deadlines", "--today", "2023-03-16"], ["assignments", "--year", "2023"],
                 ["evidence", "--year", "2023"]):
        code, out, err = cli("--db", demo_db, *argv)
        assert code == 0, (argv, err)
        assert not any(c in out + err for c in CONTROL if c != "\t"), (argv, repr(out[:300]))
    code, out, err = cli("--db", demo_db, "history")
    assert "\ufffd" in out


def test_control_characters_are_not_stored(demo_db, cli):
    code, out, err = cli("--db", demo_db, "set", "1.1", "--year", "2023", "--note",
                         f"a{ESC}]0;pwned\x07b\nline two")
    assert code == 0
    note = one_row(demo_db, "SELECT note FROM result WHERE note LIKE 'a%' ORDER BY id DESC")[0]
    assert note == "a]0;pwnedb\nline two"


def test_a_backup_with_another_page_size_restores(demo_db, cli, tmp_path):
    big_pages = tmp_path / "pages-8192.db"
    conn = sqlite3.connect(demo_db)
    conn.execute("PRAGMA page_size = 8192")
    conn.execute("VACUUM INTO ?", (str(big_pages),))
    conn.close()
    assert one_row(big_pages, "PRAGMA page_size")[0] == 8192
    code, out, err = cli("--db", demo_db, "restore", big_pages, "--yes")
    assert code == 0, err
    assert cli("--db", demo_db, "status", "--year", "2023")[0] == 0
    assert [p.name for p in demo_db.parent.iterdir() if ".pages" in p.name] == []


def _dirty(path, name="Tân Thạnh\x1b]0;PWNED\x07\x1b[2J"):
    conn = sqlite3.connect(path)
    conn.execute("UPDATE commune SET name = ?", (name,))
    conn.commit()
    conn.close()


def test_a_restored_backup_is_cleaned_of_control_characters(demo_db, cli, tmp_path):
    backup = tmp_path / "b.db"
    assert cli("--db", demo_db, "backup", backup)[0] == 0
    _dirty(backup)
    code, out, err = cli("--db", demo_db, "restore", backup, "--yes")
    assert code == 0, err
    name = one_row(demo_db, "SELECT name FROM commune")[0]
    assert name == "Tân Thạnh]0;PWNED[2J"


def test_the_upgrade_cleans_text_saved_before(demo_db, cli, tmp_path):
    from .test_migrations import make_v1

    old = tmp_path / "v1" / "old.db"
    old.parent.mkdir()
    make_v1(demo_db, old)
    _dirty(old)
    code, out, err = cli("--db", old, "status", "--year", "2023")
    assert code == 0, err
    assert one_row(old, "SELECT name FROM commune")[0] == "Tân Thạnh]0;PWNED[2J"
    assert one_row(old, "SELECT count(*) FROM change_log WHERE login != ''")[0] == 0
