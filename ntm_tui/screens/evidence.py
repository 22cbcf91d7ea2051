"""Section: evidence."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, Header, Static

from ntm_tui.i18n import t
from ntm_tui.screens.base import SectionScreen


class EvidenceScreen(SectionScreen):
    SECTION = "evidence"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("coming_soon"), id="body")
        yield Footer()
