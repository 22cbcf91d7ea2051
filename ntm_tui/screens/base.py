"""What every section screen shares: digit keys between sections, help, quit."""
from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen

from ntm_tui.i18n import t

SECTIONS = ["dashboard", "criteria", "assignments", "evidence", "calendar", "reports", "settings"]


class SectionScreen(Screen):
    """Base of the section screens. `self.app.commune_id` and `self.app.year` say what is shown."""

    SECTION = ""
    BINDINGS = [
        Binding(str(n), f"app.switch_section('{name}')", t(f"section_{name}"), show=False,
                id=f"section_{name}")
        for n, name in enumerate(SECTIONS, start=1)
    ]

    def title_text(self) -> str:
        return t(f"section_{self.SECTION}")

    def on_screen_resume(self) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        """Reload what the screen shows from the database (after a change or a year switch)."""
