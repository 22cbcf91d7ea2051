"""What every section screen shares: database work off the UI thread, refresh on change."""
from __future__ import annotations

from typing import Any, Callable

from textual.screen import Screen

from ntm_tui.i18n import t
from ntm_tui.styled_once import StyledOnce
from ntm_tui.workers import DataChanged, read

SECTIONS = ["dashboard", "criteria", "assignments", "evidence", "calendar", "reports", "settings"]


class SectionScreen(StyledOnce, Screen):
    """Base of the section screens. `self.app.commune_id` and `self.app.year` say what is shown;
    `refresh_data` runs on mount, on return to the screen, after a change, a year switch, and
    when another session changed the database."""

    SECTION = ""

    def title_text(self) -> str:
        return t(f"section_{self.SECTION}")

    _left = False  # the screen was left (another section, a form over it) since it was loaded
    _read_for: tuple | None = None  # (commune, year, last change seen) when it last read

    def _now(self) -> tuple:
        app = self.app
        return app.commune_id, app.year, app.seen_change

    def on_screen_suspend(self) -> None:
        self._left = True
        if self._read_for is None:
            self._read_for = self._now()

    def on_screen_resume(self) -> None:
        # The first showing is loaded by on_mount. Textual resumes a new section screen twice
        # (once making it, once switching to it): only a return after leaving reads again, and
        # only when something changed since it read (a save, another session's, a year or a
        # commune switched): else the same rows were read and drawn again (570 evidence items
        # a year in a district file: half a second).
        self.sub_title = self.title_text()
        if not self.is_current:
            return  # made ahead of its first visit (NtmApp.warm_up): read when shown, if need be
        if self._left:
            self._left = False
            if self._read_for != self._now():
                self.refresh_data()
        self._read_for = self._now()

    def run_db(self, fn: Callable[[], Any], done: Callable[[Any], None] | None = None,
               exclusive: bool = True) -> None:
        """Load what the screen shows through the one door; a newer load replaces an older one."""
        read(self, fn, done, group="load", exclusive=exclusive)

    def on_data_changed(self, event: DataChanged) -> None:
        """The one change signal (ntm_tui.workers): this session's save or another's."""
        if event.origin is not self:
            self.refresh_data()
        self._read_for = self._now()

    def refresh_data(self) -> None:
        """Reload what the screen shows from the database."""
