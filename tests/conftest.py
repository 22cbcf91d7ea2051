"""Shared fixtures: real SQLite files in tmp_path, never :memory:."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from db.bootstrap import prepare
from db.connection import close_database


@pytest.fixture(autouse=True)
def isolated_env(tmp_path, monkeypatch):
    """No test touches the real user folders."""
    monkeypatch.setenv("NTM_TUI_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("NTM_TUI_CONFIG", str(tmp_path / "config.json"))
    monkeypatch.setenv("NTM_TUI_EXPORTS", str(tmp_path / "exports"))
    monkeypatch.delenv("NTM_TUI_DB", raising=False)
    monkeypatch.setenv("NTM_TUI_USER", "tester")
    umask = os.umask(0o022)  # main() sets 077 for the process: give each test the same start
    os.umask(umask)
    yield
    os.umask(umask)
    close_database()
    from db.context import set_user

    set_user(None)  # the settings screen sets the change-log name process-wide
    from ntm_tui.i18n import set_lang

    set_lang("vi")  # main([..., "--lang", "en"]) sets it process-wide; later tests expect vi


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """The demo database built once per test session; tests get copies."""
    from db.services.demo import build_demo

    path = tmp_path_factory.mktemp("template") / "demo.db"
    prepare(path)
    build_demo()
    close_database()
    return path


@pytest.fixture
def demo_db(demo_template, tmp_path) -> Path:
    """A fresh copy of the demo database, opened."""
    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    prepare(path, create=False)
    return path


@pytest.fixture
def empty_db(tmp_path) -> Path:
    path = tmp_path / "empty.db"
    prepare(path)
    return path


async def workers_done(app) -> None:
    """Wait for the app's workers. A load replaced by a newer one ends cancelled (the door's
    reads are exclusive per group): that is no failure, its answer is simply dropped."""
    from textual.worker import WorkerCancelled, WorkerFailed

    while True:
        running = [w for w in app.workers if not w.is_finished]
        if not running:
            return
        for worker in running:
            try:
                await worker.wait()
            except (WorkerCancelled, WorkerFailed):
                pass


async def settle(pilot, condition=None, timeout: float = 10.0) -> None:
    """Wait until the app is idle, its workers done and `condition()` holds.

    A bare `pilot.pause()` is not enough when the machine is loaded: thread workers
    may still be writing, and a test that asserts too early fails by chance."""
    import asyncio
    import time

    deadline = time.monotonic() + timeout
    while True:
        await pilot.pause()
        await workers_done(pilot.app)
        await pilot.pause()
        if condition is None or condition():
            return
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached within %.0f s" % timeout)
        await asyncio.sleep(0.05)
