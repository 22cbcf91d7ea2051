"""The Textual app: wiring only. Screens live in ntm_tui/screens/, forms in ntm_tui/forms/."""
from __future__ import annotations

from collections import deque
from typing import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from ntm_tui.i18n import t
from ntm_tui.screens.base import SECTIONS, run_db

POLL_SECONDS = 2.0  # how soon another session's change shows here
UNDO_DEPTH = 50


def _section(module: str, name: str):
    """A section screen imported when first opened: start-up pays only for the dashboard."""
    def build() -> Screen:
        from importlib import import_module

        return getattr(import_module(f"ntm_tui.screens.{module}"), name)()
    return build


def _collect_from_now_on() -> None:
    """After the first frame: what start-up built stays for good (gc.freeze keeps the collector
    from walking it again at every later full collection), and collection resumes (run_app
    turned it off for the start). One collection first, so no garbage is frozen with it."""
    import gc

    gc.collect()
    gc.freeze()
    gc.enable()


class NtmApp(App):
    TITLE = "ntm-tui"
    CSS_PATH = "app.tcss"
    # The dashboard is not among MODES: Textual re-parses every stylesheet when it makes a
    # MODES screen (about 25 ms), so the first screen is the default one (get_default_screen)
    # and becomes the "dashboard" mode once it exists (on_mount), for the sections to switch back.
    MODES = {
        "criteria": _section("criteria", "CriteriaScreen"),
        "assignments": _section("assignments", "AssignmentsScreen"),
        "evidence": _section("evidence", "EvidenceScreen"),
        "calendar": _section("calendar", "CalendarScreen"),
        "reports": _section("reports", "ReportsScreen"),
        "settings": _section("settings", "SettingsScreen"),
    }
    DEFAULT_MODE = "dashboard"
    BINDINGS = [
        Binding("ctrl+q", "quit", t("key_quit"), id="quit", priority=True),
        Binding("question_mark", "show_keys", t("key_help"), id="help"),
        Binding("ctrl+z", "undo", t("key_undo"), id="undo"),
        Binding("left_square_bracket", "change_year(-1)", t("key_year_prev"), show=False,
                id="year_prev"),
        Binding("right_square_bracket", "change_year(1)", t("key_year_next"), show=False,
                id="year_next"),
        *[Binding(str(n), f"switch_section('{name}')", t(f"section_{name}"), show=False,
                  id=f"section_{name}") for n, name in enumerate(SECTIONS, start=1)],
    ]

    def __init__(self, ctx) -> None:
        from ntm_tui.i18n import set_lang

        super().__init__()
        self.ctx = ctx
        self.lang = ctx.lang
        set_lang(ctx.lang)  # labels built at run time follow --lang / the setting
        self.commune_id: int | None = None
        self.commune_name = ""
        self.year: int | None = None
        self.undo_stack: deque[str] = deque(maxlen=UNDO_DEPTH)
        self.seen_change = 0

    # --- state --------------------------------------------------------------------------
    def on_load(self) -> None:
        from db.changelog import latest_change_id
        from db.errors import NotFoundError

        self.seen_change = latest_change_id()
        try:
            commune = self.ctx.commune()
        except NotFoundError:
            return
        self.set_commune(commune.id, commune.name, self.ctx.year(None))

    def set_commune(self, commune_id: int, name: str, year: int) -> None:
        self.commune_id, self.commune_name, self.year = commune_id, name, year
        self.title = f"{name} · {t('year')} {year}"
        if self.read_only:
            self.title = f"[{t('read_only_short')}] {self.title}"

    def commune(self):
        """The commune row, for use inside database workers."""
        from db.models import Commune

        return Commune.get_by_id(self.commune_id)

    @property
    def read_only(self) -> bool:
        """A read-only file, folder or disk: the officer can look but not change anything."""
        from db.connection import is_read_only

        if not hasattr(self, "_read_only"):
            self._read_only = is_read_only()
        return self._read_only

    def get_default_screen(self) -> Screen:
        return _section("dashboard", "DashboardScreen")()

    def on_mount(self) -> None:
        self.call_after_refresh(_collect_from_now_on)
        self.add_mode("dashboard", _section("dashboard", "DashboardScreen"))  # its stack exists
        self.set_interval(POLL_SECONDS, self.poll_changes, name="poll")
        if self.read_only:
            self.notify(t("read_only_banner"), severity="error", timeout=30)

    # --- refresh --------------------------------------------------------------------------
    def refresh_screens(self, shown_by: Screen | None = None) -> None:
        """Reload every screen of the current mode's stack that shows data (but `shown_by`)."""
        for screen in self.screen_stack:
            refresh = getattr(screen, "refresh_data", None)
            if refresh is not None and screen.is_mounted and screen is not shown_by:
                refresh()

    def poll_changes(self) -> None:
        from db.changelog import latest_change_id

        try:
            latest = latest_change_id()
        except Exception:  # a locked or vanished file: try again at the next tick
            return
        if latest != self.seen_change:  # not ">": a restored backup may have fewer changes
            self.seen_change = latest
            self.refresh_screens()

    def show_error(self, error) -> None:
        from db.errors import ConflictError

        self.notify(error.message(self.lang), severity="error", timeout=8)
        if isinstance(error, ConflictError):
            self.refresh_screens()

    def changed(self, batch: str | None, message: str = "", shown_by: Screen | None = None,
                latest: int | None = None) -> None:
        """A change of this session was saved: remember it for ctrl+z, say so, refresh.

        `shown_by`: the screen that already shows the change, and `latest` the last change id
        when nobody else had changed anything since `seen_change` (the space key)."""
        from db.changelog import latest_change_id

        if batch:
            self.undo_stack.append(batch)
        if message:
            self.notify(message, timeout=4)
        # Our own change is about to be shown: the poll must not reload every screen again
        # for it (read before the reload, so a change by another session is not skipped).
        if shown_by is None or latest is None:
            shown_by, latest = None, latest_change_id()
        self.seen_change = latest
        self.refresh_screens(shown_by)

    # --- actions ------------------------------------------------------------------------------
    def action_switch_section(self, name: str) -> None:
        if name in SECTIONS:
            self.switch_mode(name)

    def action_show_keys(self) -> None:
        from ntm_tui.forms.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen.for_screen(self.screen))

    def action_undo(self) -> None:
        if not self.undo_stack:
            self.notify(t("undo_empty"), severity="warning")
            return
        batch = self.undo_stack.pop()

        def undo():
            from db.changelog import undo_batch

            undo_batch(batch)

        run_db(self, undo, lambda _: self.changed(None, t("undone")), group="write")

    def action_change_year(self, step: int) -> None:
        if self.commune_id is None:
            return
        year = self.year + step

        def check():
            from db.services.communes import criteria_set_for_year

            criteria_set_for_year(self.commune(), year)  # refuses years outside the set
            return year

        def switch(new_year: int) -> None:
            self.set_commune(self.commune_id, self.commune_name, new_year)
            self.notify(t("year_switched", year=new_year), timeout=3)
            self.refresh_screens()

        run_db(self, check, switch, group="write")

    def action_open_deadline_rules(self) -> None:
        """The reporting regime as data: the officer edits the rules, deadlines follow."""
        from ntm_tui.screens.deadline_rules import DeadlineRulesScreen

        if self.commune_id is not None:
            self.push_screen(DeadlineRulesScreen())  # the calendar reloads when shown again

    def action_import_results(self) -> None:
        """Values back from a sector's Excel sheet, previewed before anything is written."""
        from ntm_tui.screens.results_import import ResultsImportScreen

        if self.commune_id is not None:
            self.push_screen(ResultsImportScreen(self.commune_id, self.year),
                             lambda batch: self.changed(batch, t("saved") if batch else ""))

    # --- command palette ------------------------------------------------------------------------
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for n, name in enumerate(SECTIONS, start=1):
            yield SystemCommand(f"{n} {t(f'section_{name}')}", t("palette_section"),
                                lambda name=name: self.action_switch_section(name))
        yield SystemCommand(t("key_year_prev"), "[", lambda: self.action_change_year(-1))
        yield SystemCommand(t("key_year_next"), "]", lambda: self.action_change_year(1))
        yield SystemCommand(t("key_undo"), "ctrl+z", self.action_undo)
        yield SystemCommand(t("key_deadline_rules"), "5 → r", self.action_open_deadline_rules)
        yield SystemCommand(t("key_import_results"), "6 → ctrl+o", self.action_import_results)
        yield SystemCommand(t("key_help"), "?", self.action_show_keys)
        extra = getattr(screen, "palette_commands", None)
        if extra is not None:
            yield from extra()
        yield SystemCommand(t("key_quit"), "ctrl+q", self.action_quit)
