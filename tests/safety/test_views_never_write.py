"""A view never changes the database: `ntm-tui dump` before and after every read path is
byte-identical, on the demo and on a commune just made by `ntm-tui init`, on the command line
and in the app (sections 1-7 and years [ ]).

Before m0004, looking at a year wrote its deadlines: `status`, `deadlines --to …`, the exports
and `]` in the app each added rows (42 late deadlines from looking at 2024 and 2025).
"""
from __future__ import annotations

import shutil
from datetime import date

import pytest

from db.connection import close_database
from tests.conftest import settle

FORMATS = ("plain", "simple", "github", "grid", "csv", "json")
DAYS = ("2023-03-16", "2026-12-02")  # the demo's own day, and a day years later


def read_commands(out) -> list[list[str]]:
    """Every read path of the command line, with its options."""
    argv = []
    for fmt in FORMATS:
        argv += [["status", "--format", fmt], ["status", "--format", fmt, "--indicators"],
                 ["deadlines", "--format", fmt], ["assignments", "--format", fmt],
                 ["evidence", "--format", fmt], ["history", "--format", fmt], ["rules", "--format", fmt]]
    argv += [
        ["status", "--year", "2023"], ["status", "--year", "2024"], ["status", "--year", "2025", "--indicators"],
        ["deadlines", "--from", "2024-01-01", "--to", "2027-12-31"],
        ["deadlines", "--from", "2021-01-01"], ["deadlines", "--to", "2030-12-31"],
        ["deadlines", "--late"], ["deadlines", "--late", "--format", "json"],
        # --overwrite: the same file is written on each of the two days
        ["deadlines", "--from", "2023-01-01", "--to", "2026-12-31", "--ics", out / "lich.ics", "--overwrite"],
        ["assignments", "--criteria"], ["assignments", "--year", "2024"],
        ["evidence", "--missing"], ["evidence", "--year", "2024"],
        ["history", "--limit", "0"], ["history", "--code", "12.1"],
        ["catalogue", "list"],
    ]
    for kind in ("plan", "evidence", "assignments"):
        for year in ("2023", "2024"):
            argv.append(["export", kind, "--year", year, "-o", out / f"{kind}-{year}.pdf", "--overwrite"])
    for period in ("2023-03", "2023-Q1", "2024", "2025-Q4"):
        argv.append(["export", "report", "--year", period[:4], "--period", period,
                     "-o", out / f"report-{period}.pdf", "--overwrite"])
    return argv


def dump_bytes(cli, db, target) -> bytes:
    target.unlink(missing_ok=True)  # dump keeps an existing file
    code, _, err = cli("--db", db, "dump", target)
    assert code == 0, err
    return target.read_bytes()


@pytest.fixture
def init_db(tmp_path, cli):
    db = tmp_path / "init" / "xa.db"
    db.parent.mkdir()
    # Made in 2023: on the 2021–2025 set, then the 2026–2030 one, so every year asked is covered
    code, _, err = cli("--db", db, "init", "--commune", "Xã Mới", "--district", "Huyện A",
                       "--province", "Tỉnh B", "--today", "2023-03-16")
    assert code == 0, err
    return db


@pytest.fixture(params=["demo", "init"])
def commune_db(request, demo_db, tmp_path):
    close_database()
    if request.param == "demo":
        return demo_db
    return request.getfixturevalue("init_db")


def test_no_read_command_changes_the_database(commune_db, tmp_path, cli):
    out = tmp_path / "out"
    out.mkdir()
    before = dump_bytes(cli, commune_db, tmp_path / "before.json")
    ran = 0
    for today in DAYS:
        for argv in read_commands(out):
            code, _, err = cli("--db", commune_db, *argv, "--today", today)
            assert code in (0, 1) and "Traceback" not in err, (argv, err)
            ran += 1
            after = dump_bytes(cli, commune_db, tmp_path / "after.json")
            assert after == before, f"{' '.join(map(str, argv))} --today {today} changed the database"
    assert ran == 2 * len(read_commands(out)) > 80
    assert (out / "report-2023-Q1.pdf").read_bytes().startswith(b"%PDF")
    assert (out / "lich.ics").read_text().count("BEGIN:VEVENT") > 80


async def test_browsing_the_app_changes_nothing(commune_db, tmp_path, cli):
    from ntm_tui.app import NtmApp
    from ntm_tui.context import Context

    before = dump_bytes(cli, commune_db, tmp_path / "before.json")
    close_database()
    app = NtmApp(Context(db_path=commune_db, db_explicit=True, today=date(2026, 12, 2)))
    years = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key in ("1", "2", "3", "4", "5", "6", "7", "5", "1"):
            await pilot.press(key)
            await settle(pilot)
        seen = []
        for key in ("2", "down", "enter", "escape", "5", "r", "escape"):  # a detail, the rules
            await pilot.press(key)
            await settle(pilot)
            seen.append(type(app.screen).__name__)
        assert "IndicatorDetailScreen" in seen and "DeadlineRulesScreen" in seen, seen
        for keys in (["["] * 3, ["]"] * 6, ["["] * 2):
            for key in keys:
                await pilot.press(key)
                await settle(pilot)
                years.append(app.year)
                for section in ("5", "1", "2"):  # calendar, dashboard, criteria at each year
                    await pilot.press(section)
                    await settle(pilot)
    close_database()
    assert len(set(years)) >= 3  # the years really changed
    assert dump_bytes(cli, commune_db, tmp_path / "after.json") == before


def test_login_script_over_the_years_writes_nothing(demo_db, tmp_path, cli):
    """The README's login script run on days years apart."""
    close_database()
    copy = tmp_path / "copy.db"
    shutil.copy(demo_db, copy)
    before = dump_bytes(cli, copy, tmp_path / "a.json")
    for today in ("2023-03-16", "2024-06-30", "2030-01-01"):
        code, _, _ = cli("--db", copy, "deadlines", "--late", "--today", today)
        assert code == 1
    assert dump_bytes(cli, copy, tmp_path / "b.json") == before
