"""The one door into the data: every database call of the app in a worker, one form base, one
change signal. Real files, the real app, another real process where one is needed."""
import ast
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from db.models import Commune, Plan, Result
from tests.conftest import settle
from tests.tui.snap_app import make_app

ROOT = Path(__file__).resolve().parents[2]
UI_FILES = [p for p in (ROOT / "ntm_tui").rglob("*.py") if "commands" not in p.parts]


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_screens_and_forms_never_import_the_models():
    assert [str(p.relative_to(ROOT)) for p in UI_FILES if "db.models" in _imports(p)] == []


def test_one_form_base():
    """Every modal form of the app is a Form (ntm_tui/forms/form.py); the help is a list."""
    from textual.screen import ModalScreen

    from ntm_tui.forms.form import Form

    bases = []
    for path in (ROOT / "ntm_tui" / "forms").glob("*.py"):
        module = __import__(f"ntm_tui.forms.{path.stem}", fromlist=["*"])
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, ModalScreen) and value.__module__ == module.__name__:
                if not issubclass(value, Form) and value.__name__ != "HelpScreen":
                    bases.append(value.__name__)
    assert bases == []
    assert not (ROOT / "ntm_tui" / "forms" / "base.py").exists()
    assert not (ROOT / "ntm_tui" / "forms" / "record_form.py").exists()


def result(code: str, year: int = 2023) -> Result | None:
    from db.models import Criterion, Indicator

    commune = Commune.select().first()
    return (Result.select().join(Indicator).join(Criterion)
            .where((Result.commune == commune) & (Result.year == year) & (Indicator.code == code))
            .first())


async def open_indicator(pilot, code: str) -> None:
    await pilot.press("2")
    await settle(pilot)
    await pilot.press("slash", *code, "enter")
    await settle(pilot)


async def test_saves_run_off_the_ui_thread(demo_db, monkeypatch):
    import db.changelog as changelog

    threads = []
    real = changelog.log  # every logged change passes here, whichever service wrote it

    def recording(*args, **kwargs):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(changelog, "log", recording)
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_indicator(pilot, "12.1")
        await pilot.press("n")
        await settle(pilot)
        app.screen.query_one("#f-note").text = ""
        await pilot.press(*"ghi chu", "ctrl+s")
        await settle(pilot)
    assert result("12.1").note == "ghi chu"
    assert threads and not any(threads)  # every write ran on a worker thread


async def test_a_locked_file_does_not_freeze_the_terminal(demo_db):
    """Another program holds the write lock: the press waits in its worker, the screen still
    answers keys (the next key is held at most the key watchdog's time, as if typed after the
    save), and the change lands once the lock is gone."""
    import asyncio

    from ntm_tui.key_order import WATCHDOG_SECONDS

    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_indicator(pilot, "12.1")
        other = sqlite3.connect(str(demo_db), timeout=1, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            await pilot.press("space")
            started = time.monotonic()
            await pilot.press("question_mark")  # the help opens while the write still waits
            while type(app.screen).__name__ != "HelpScreen" and time.monotonic() - started < 10:
                await asyncio.sleep(0.05)
            assert type(app.screen).__name__ == "HelpScreen"
            assert time.monotonic() - started < WATCHDOG_SECONDS + 2
            assert any(w.name == "write" and not w.is_finished for w in app.workers)  # still waiting
            await pilot.press("escape")
        finally:
            other.execute("ROLLBACK")
            other.close()
        await settle(pilot)
    assert result("12.1").status == "met"


async def test_undo_after_another_process_read_shows_the_database_value(demo_db):
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_indicator(pilot, "12.1")
        table = app.screen.query_one("IndicatorTable")
        await pilot.press("space")
        await settle(pilot)
        assert table.rows_by_key["i:12.1"][1].status == "met"
        subprocess.run([sys.executable, "-m", "ntm_tui", "--db", str(demo_db), "status"],
                       check=True, capture_output=True, timeout=60)
        await pilot.press("ctrl+z")
        await settle(pilot, lambda: table.rows_by_key["i:12.1"][1].status == "not_met")
    assert result("12.1").status == "not_met"


async def test_a_change_by_another_session_reaches_every_screen_shown(demo_db):
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_indicator(pilot, "12.1")
        table = app.screen.query_one("IndicatorTable")
        subprocess.run([sys.executable, "-m", "ntm_tui", "--db", str(demo_db), "set", "12.1",
                        "--met", "yes"], check=True, capture_output=True, timeout=60)
        await settle(pilot, lambda: table.rows_by_key["i:12.1"][1].status == "met", timeout=15)


@pytest.mark.parametrize("stale", ["commune", "plan"])
async def test_settings_are_saved_whole_or_not_at_all(demo_db, stale):
    """The commune's fields and the plan's header in one transaction: a conflict on either
    leaves both as they were."""
    from textual.widgets import Input

    from db.services.communes import get_commune
    from db.services.records import update_record

    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7")
        await settle(pilot, lambda: app.screen.query_one("#commune-name", Input).value != "")
        screen = app.screen
        commune = get_commune()
        plan = Plan.get((Plan.commune == commune) & (Plan.year == 2023))
        if stale == "commune":  # another session changes the commune after it was shown
            update_record(Commune, commune.id, {"province": "Kiên Giang"})
        else:
            update_record(Plan, plan.id, {"signer_name": "Người khác"})
        screen.query_one("#commune-district", Input).value = "Tân An"
        screen.query_one("#plan-number", Input).value = "300/KH-BQL"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "khác" in str(screen.query_one("#set-status").render())  # changed elsewhere
    commune = Commune.get_by_id(commune.id)
    assert commune.district != "Tân An"
    assert Plan.get_by_id(plan.id).number == "249/KH-BQL"
