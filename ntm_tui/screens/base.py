"""What every section screen shares: database work off the UI thread, refresh on change."""
from __future__ import annotations

from typing import Any, Callable

from textual.dom import DOMNode
from textual.screen import Screen

from ntm_tui.i18n import t

SECTIONS = ["dashboard", "criteria", "assignments", "evidence", "calendar", "reports", "settings"]


def _in_thread(app, fn: Callable[[], Any], done: Callable[[Any], None] | None) -> None:
    """Body of a thread worker: peewee keeps one connection per thread, so open ours and
    close it after; errors come back to the UI thread as a message, never a traceback."""
    import sqlite3

    from peewee import DatabaseError

    from db.connection import translate_error
    from db.errors import NtmError
    from db.models import database

    error: Exception | None = None
    result: Any = None
    try:
        database.connect(reuse_if_open=True)
        result = fn()
    except NtmError as exc:
        error = exc
    except (DatabaseError, sqlite3.Error) as exc:
        error = translate_error(exc)
    finally:
        if not database.is_closed():
            database.close()
    try:
        if error is not None:
            app.call_from_thread(app.show_error, error)
        elif done is not None:
            app.call_from_thread(done, result)
    except RuntimeError:  # the app closed while we worked
        pass


def run_db(node: DOMNode, fn: Callable[[], Any], done: Callable[[Any], None] | None = None,
           group: str = "db", exclusive: bool = False) -> None:
    """Run `fn` (database work) in a thread worker owned by `node`; `done(result)` runs on the
    UI thread afterwards. The screen never freezes on a slow disk or a locked database."""
    app = node.app
    node.run_worker(lambda: _in_thread(app, fn, done), thread=True, group=group,
                    exclusive=exclusive, exit_on_error=False)


class SectionScreen(Screen):
    """Base of the section screens. `self.app.commune_id` and `self.app.year` say what is shown;
    `refresh_data` runs on mount, on return to the screen, after a change, a year switch, and
    when another session changed the database."""

    SECTION = ""

    def title_text(self) -> str:
        return t(f"section_{self.SECTION}")

    _shown_before = False

    def on_screen_resume(self) -> None:
        # The first showing is loaded by on_mount; loading twice raced the settings form's mount.
        self.sub_title = self.title_text()
        if self._shown_before:
            self.refresh_data()
        self._shown_before = True

    def run_db(self, fn: Callable[[], Any], done: Callable[[Any], None] | None = None,
               exclusive: bool = False) -> None:
        run_db(self, fn, done, exclusive=exclusive)

    def refresh_data(self) -> None:
        """Reload what the screen shows from the database."""
