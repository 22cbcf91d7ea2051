"""The Textual app: wiring only. Screens live in ntm_tui/screens/."""
from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from ntm_tui.i18n import t
from ntm_tui.screens.assignments import AssignmentsScreen
from ntm_tui.screens.base import SECTIONS
from ntm_tui.screens.calendar import CalendarScreen
from ntm_tui.screens.criteria import CriteriaScreen
from ntm_tui.screens.dashboard import DashboardScreen
from ntm_tui.screens.evidence import EvidenceScreen
from ntm_tui.screens.reports import ReportsScreen
from ntm_tui.screens.settings import SettingsScreen


class NtmApp(App):
    TITLE = "ntm-tui"
    MODES = {
        "dashboard": DashboardScreen, "criteria": CriteriaScreen, "assignments": AssignmentsScreen,
        "evidence": EvidenceScreen, "calendar": CalendarScreen, "reports": ReportsScreen,
        "settings": SettingsScreen,
    }
    DEFAULT_MODE = "dashboard"
    BINDINGS = [Binding("ctrl+q", "quit", t("key_quit"), id="quit")]

    def __init__(self, ctx) -> None:
        super().__init__()
        self.ctx = ctx
        self.commune_id: int | None = None
        self.year: int | None = None

    def on_load(self) -> None:
        from db.errors import NotFoundError

        try:
            commune = self.ctx.commune()
        except NotFoundError:
            return
        self.commune_id = commune.id
        self.year = self.ctx.year(None)

    def action_switch_section(self, name: str) -> None:
        if name in SECTIONS:
            self.switch_mode(name)
