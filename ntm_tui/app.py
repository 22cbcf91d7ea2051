"""The Textual app: wiring only. Screens live in ntm_tui/screens/, forms in ntm_tui/forms/."""
from __future__ import annotations

from collections import deque
from typing import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from ntm_tui import collector
from ntm_tui.i18n import t
from ntm_tui.key_order import OrderedKeys
from ntm_tui.screens.base import SECTIONS
from ntm_tui.workers import DataChanged, poll, read, write

POLL_SECONDS = 2.0  # how soon another session's change shows here
IDLE_COLLECT_SECONDS = 1.5  # a pause this long between keys lets the cycle collector run
UNDO_DEPTH = 50


def _section(module: str, name: str):
    """A section screen imported when first opened: start-up pays only for the dashboard."""
    def build() -> Screen:
        from importlib import import_module

        screen = getattr(import_module(f"ntm_tui.screens.{module}"), name)()
        # A new mode screen makes Textual re-parse every stylesheet (about 100 ms, the app's
        # own and each widget's) to bring a screen up to date that was never out of date: our
        # screens add no CSS of their own (it is all in app.tcss), so mark it current.
        screen._css_update_count = screen.app._css_update_count
        return screen
    return build


WARM_MODULES = tuple(f"ntm_tui.{name}" for name in (
    "screens.criteria", "screens.indicator_detail", "screens.assignments", "screens.evidence",
    "screens.calendar", "screens.deadline_rules", "screens.reports", "screens.settings",
    "screens.search", "screens.plan_text", "forms.result", "forms.assignment", "forms.evidence",
    "forms.indicator_definition", "forms.report_text", "forms.plan_text", "forms.help")) + (
    # What the reads behind a first visit import: 15 ms of the detail's first read otherwise.
    "db.services.indicator_detail", "db.services.plan_template", "db.services.report_texts",
    "exports.pdf.period")


def _palette_commands():
    from ntm_tui.palette import Commands  # when ctrl+p is first pressed, not at start

    return Commands


class NtmApp(OrderedKeys, App):
    TITLE = "ntm-tui"
    CSS_PATH = "app.tcss"
    # The dashboard is not among MODES: the first screen is the default one (get_default_screen)
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
    COMMANDS = {lambda: _palette_commands()}  # matched without accents (ntm_tui.palette)
    BINDINGS = [
        Binding("ctrl+q", "quit", t("key_quit"), id="quit", priority=True),
        Binding("question_mark", "show_keys", t("key_help"), id="help"),
        Binding("ctrl+z", "undo", t("key_undo"), id="undo"),
        Binding("ctrl+f", "find", t("key_find"), show=False, id="find"),
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
        # Every widget class brings its own CSS; with more sources than Textual's parse cache
        # holds (64), each new one re-parsed them all (about 100 ms on a first visit).
        self.stylesheet._parse_cache.maxsize = 512
        # No smooth scrolling or fades: each step is a frame sent down a slow SSH link, and a
        # form scrolling to its focused field kept drawing for 100 ms after it was complete.
        self.animation_level = "none"
        self.ctx = ctx
        self.lang = ctx.lang
        set_lang(ctx.lang)  # labels built at run time follow --lang / the setting
        if ctx.start is None:
            from ntm_tui.launch import read_start

            read_start(ctx)
        self.commune_id: int | None = None
        self.commune_name = ""
        self.year: int | None = None
        self.undo_stack: deque[str] = deque(maxlen=UNDO_DEPTH)
        self.seen_change = 0

    # --- state --------------------------------------------------------------------------
    def on_load(self) -> None:
        start = self.ctx.start  # read before the app started (ntm_tui.launch), not here
        self.seen_change = start.latest_change
        self._read_only = start.read_only
        if start.commune_id is not None:
            self.set_commune(start.commune_id, start.commune_name, start.year)

    def set_commune(self, commune_id: int, name: str, year: int) -> None:
        self.commune_id, self.commune_name, self.year = commune_id, name, year
        self.title = f"{name} · {t('year')} {year}"
        if self.read_only:
            self.title = f"[{t('read_only_short')}] {self.title}"

    @property
    def read_only(self) -> bool:
        """A read-only file, folder or disk: the officer can look but not change anything."""
        return getattr(self, "_read_only", False)

    async def switch_language(self, lang: str) -> None:
        """The interface in `lang` at once: bindings said again, every screen made anew (the
        section shown is opened again, its data read again). Nothing unsaved is lost: the
        settings screen calls this after it saved."""
        from ntm_tui.i18n import set_lang
        from ntm_tui.relabel import relabel_bindings

        set_lang(lang)
        self.lang = self.ctx.lang = lang
        relabel_bindings()
        self._bindings = type(self)._merged_bindings.copy()
        current = self.current_mode
        factories = {"dashboard": _section("dashboard", "DashboardScreen"), **self.MODES}
        if current != "dashboard":
            await self.remove_mode("dashboard")
            self.add_mode("dashboard", factories["dashboard"])
            await self.switch_mode("dashboard")
        for mode, factory in factories.items():
            if mode != "dashboard" and mode in self._modes:
                await self.remove_mode(mode)
                self.add_mode(mode, factory)
        if current == "dashboard":
            await self.switch_mode("criteria")
            await self.remove_mode("dashboard")
            self.add_mode("dashboard", factories["dashboard"])
        await self.switch_mode(current)
        if self.commune_id is not None:
            self.set_commune(self.commune_id, self.commune_name, self.year)  # "Năm" → "Year"
        self.refresh_bindings()

    _warmed = False

    def warm_up(self) -> None:
        """Once the dashboard shows what the officer came for: import the sections and forms
        and build the year's holiday calendar in a thread, so that their first visit does not
        wait for it (the calendar alone cost a first visit of Lịch about 140 ms)."""
        if self._warmed:
            return
        self._warmed = True
        year = self.year

        def work() -> None:
            from importlib import import_module

            from db.workdays import warm

            for module in WARM_MODULES:
                import_module(module)
            if year is not None:
                warm(year, self.lang)
            self.call_from_thread(self._make_sections_ahead, list(self.MODES))
        self.run_worker(work, thread=True, group="warm", name="warm", exit_on_error=False)

    def _make_sections_ahead(self, modes: list[str]) -> None:
        """Each section's screen made (composed, styled, loaded) while the officer reads the
        dashboard, one per pause, so that its first visit costs what a later one does (making
        it cost 100–300 ms). One the officer opened meanwhile is left as it is."""
        if not self._running or self._exit:
            return  # closing: a screen made now would change the stacks Textual is closing
        while modes and modes[0] in self._screen_stacks:
            modes.pop(0)
        if not modes or self.commune_id is None:
            if not modes:
                collector.freeze_what_lives()  # the sections live as long as the app
            return
        mode = modes.pop(0)
        self._init_mode(mode)  # Textual's own way of making a mode's screen, without showing it
        screen = self._screen_stacks[mode][0]
        screen._left = True  # shown later: read again then if anything changed meanwhile
        screen._read_for = (self.commune_id, self.year, self.seen_change)
        self.set_timer(0.05, lambda: self._make_sections_ahead(modes))

    def get_default_screen(self) -> Screen:
        return _section("dashboard", "DashboardScreen")()

    def on_mount(self) -> None:
        if self.ctx.config.keys:  # the officer's own keys (settings file), shown by `?` as well
            self.set_keymap(self.ctx.config.keys)
        self.call_after_refresh(collector.start)
        self._idle_collector = collector.IdleCollector()
        self.set_interval(IDLE_COLLECT_SECONDS, self._collect_when_idle, name="collect")
        self.add_mode("dashboard", _section("dashboard", "DashboardScreen"))  # its stack exists
        self.set_interval(POLL_SECONDS, self.poll_changes, name="poll")
        if self.read_only:
            self.notify(t("read_only_banner"), severity="error", timeout=30)

    # --- the change signal ----------------------------------------------------------------------
    def on_data_changed(self, event: DataChanged) -> None:
        """One signal for every change, ours or another session's: each screen of the current
        stack that shows data reads it again (but the one that already shows it); the screens
        of other sections read again when they are shown."""
        for screen in self.screen_stack:
            if screen is not event.origin and screen.is_mounted and not screen._closing:
                screen.post_message(DataChanged(event.batch, event.origin))

    def data_changed(self, origin: Screen | None = None) -> None:
        self.post_message(DataChanged(None, origin))

    def _collect_when_idle(self) -> None:
        busy = self._key_busy or any(not w.is_finished for w in self.workers)
        self._idle_collector.tick(self._key_count, bool(busy))

    def poll_changes(self) -> None:
        from db.changelog import latest_change_id

        def seen(latest: int) -> None:
            if latest != self.seen_change:  # not ">": a restored backup may have fewer changes
                self.seen_change = latest
                self.data_changed()

        poll(self, latest_change_id, seen)

    def show_error(self, error) -> None:
        from db.errors import ConflictError

        text = error.message(self.lang) if hasattr(error, "message") else str(error)
        self.notify(text, severity="error", timeout=8)
        if isinstance(error, ConflictError):
            self.data_changed()  # show the other session's change

    def saved_change(self, saved, message: str = "", undoable: bool = True) -> None:
        """A change of this session was saved (ntm_tui.workers.write): remember it for ctrl+z,
        say so, signal it. `saved.shown_by` already shows it, unless another session changed
        something too (then every screen reads again)."""
        if undoable and saved.batch:
            self.undo_stack.append(saved.batch)
        if message:
            self.notify(message, timeout=4)
        self.seen_change = max(self.seen_change, saved.latest) if not saved.others else saved.latest
        self.post_message(DataChanged(saved.batch, None if saved.others else saved.shown_by))

    # --- actions ------------------------------------------------------------------------------
    _show_at_once = False

    def action_switch_section(self, name: str) -> None:
        if name in SECTIONS:
            self._show_at_once = name in self._screen_stacks  # made already (ahead, or before)
            try:
                self.switch_mode(name)
            finally:
                self._show_at_once = False

    def delay_update(self, delay: float = 0.05) -> None:
        """Textual holds every frame for 50 ms when it switches modes, to hide a screen still
        being made. A section made already is complete: it shows at once (that hold was a
        third of a section's first visit)."""
        if not self._show_at_once:
            super().delay_update(delay)

    def action_command_palette(self) -> None:
        """ctrl+p in Vietnamese, commands found typed without accents (ntm_tui.palette)."""
        from ntm_tui.palette import Palette

        if self.use_command_palette and not Palette.is_open(self):
            self.push_screen(Palette())

    def action_find(self) -> None:
        from ntm_tui.screens.search import SearchScreen  # issue 16: find anything

        if self.commune_id is not None and not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen())

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

        def undo(_batch: str):
            from db.changelog import undo_batch

            undo_batch(batch)

        write(self, undo, message=t("undone"), undoable=False)

    def action_change_year(self, step: int) -> None:
        if self.commune_id is None:
            return
        year = self.year + step

        commune_id = self.commune_id

        def check():
            from db.services.communes import criteria_set_for_year

            criteria_set_for_year(commune_id, year)  # refuses years outside the set
            return year

        def switch(new_year: int) -> None:
            self.set_commune(self.commune_id, self.commune_name, new_year)
            self.notify(t("year_switched", year=new_year), timeout=3)
            self.data_changed()

        read(self, check, switch, group="year")

    def action_open_deadline_rules(self) -> None:
        """The reporting regime as data: the officer edits the rules, deadlines follow."""
        from ntm_tui.screens.deadline_rules import DeadlineRulesScreen

        if self.commune_id is not None:
            self.push_screen(DeadlineRulesScreen())  # the calendar reloads when shown again

    def action_import_results(self) -> None:
        """Values back from a sector's Excel sheet, previewed before anything is written."""
        from ntm_tui.screens.results_import import ResultsImportScreen

        if self.commune_id is not None:
            self.push_screen(ResultsImportScreen(self.commune_id, self.year))

    # --- command palette ------------------------------------------------------------------------
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for n, name in enumerate(SECTIONS, start=1):
            yield SystemCommand(f"{n} {t(f'section_{name}')}", t("palette_section"),
                                lambda name=name: self.action_switch_section(name))
        yield SystemCommand(t("key_year_prev"), "[", lambda: self.action_change_year(-1))
        yield SystemCommand(t("key_year_next"), "]", lambda: self.action_change_year(1))
        yield SystemCommand(t("key_undo"), "ctrl+z", self.action_undo)
        yield SystemCommand(t("key_find"), "ctrl+f", self.action_find)
        yield SystemCommand(t("key_deadline_rules"), "5 → r", self.action_open_deadline_rules)
        yield SystemCommand(t("key_import_results"), "6 → ctrl+o", self.action_import_results)
        yield SystemCommand(t("key_help"), "?", self.action_show_keys)
        extra = getattr(screen, "palette_commands", None)
        if extra is not None:
            yield from extra()
        yield SystemCommand(t("key_quit"), "ctrl+q", self.action_quit)
