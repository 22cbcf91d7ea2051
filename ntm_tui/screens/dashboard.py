"""Section 1, Tổng quan: counts now vs the start of the year vs the year's target, deadlines,
the year's targets still unmet, and every criterion as a progress bar."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ntm_tui.i18n import t
from ntm_tui.screens.base import SectionScreen
from ntm_tui.widgets.bars import progress_line
from ntm_tui.widgets.key_bar import KeyBar
from ntm_tui.widgets.title_bar import TitleBar


def load_dashboard(commune_id: int, year: int, today):
    """What the dashboard shows: the year's status and the urgent deadlines (services only)."""
    from db.services.status import year_status
    from ntm_tui.widgets.deadline_notice import urgent_deadlines

    return (year_status(commune_id, year, with_evidence=False), urgent_deadlines(commune_id, today))


def catalogue_summary(year: int) -> str:
    """Before any commune: this year's criteria set, as the first-run panel will use it."""
    from db.services.catalogue_edit import list_sets

    sets = list_sets()
    if not sets:
        return ""
    first = next((s for s in sets if s.period_start <= year <= s.period_end), sets[0])
    return f"{first.name}: {first.criteria} {t('criteria')}, {first.indicators} {t('indicators')}"


LATE_SHOWN = 3  # the oldest late deadlines; the rest are counted (all of them in Lịch)


class DashboardScreen(SectionScreen):
    SECTION = "dashboard"
    _loaded = None
    _shown_width = None  # the width the lines were cut to
    _deadlines_told = False  # the start-up toast is said once, after the first drawn screen

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="dashboard-body"):
            # The criteria's progress right under the counts: at 80×24 it is what the officer
            # opens the app to see; the late list below is bounded (the Lịch section has it all).
            yield Static(id="counts")
            yield Static(id="bars", classes="block")
            yield Static(id="deadlines", classes="block")
            yield Static(id="targets", classes="block")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = self.title_text()
        self.query_one("#dashboard-body").focus()
        ctx = self.app.ctx
        first = getattr(ctx, "start_dashboard", None)
        if first is not None and self.app.commune_id is not None:
            # The first frame is drawn complete, in one layout, from what start-up read
            # (ntm_tui.launch); reloads go through the workers.
            ctx.start_dashboard = None
            self._show(first)
            return
        self.refresh_data()

    def refresh_data(self) -> None:
        if self.app.commune_id is None:
            year = self.app.ctx.today.year
            self.run_db(lambda: catalogue_summary(year), self._show_first_run)
            return
        app = self.app
        commune_id, year, today = app.commune_id, app.year, app.ctx.today
        self.run_db(lambda: load_dashboard(commune_id, year, today), self._show)

    # --- no commune yet ------------------------------------------------------------------------
    def _show_first_run(self, summary: str) -> None:
        from db.messages import translate
        from ntm_tui.widgets.first_run import FirstRunPanel

        self.query_one("#counts", Static).update(
            Text(summary + "\n\n" + translate("no_commune", self.app.lang)))
        if not self.query(FirstRunPanel):
            body = self.query_one("#dashboard-body")
            body.mount(FirstRunPanel(), after=self.query_one("#counts"))

    # --- the year ------------------------------------------------------------------------------
    def _show(self, loaded) -> None:
        self._loaded = loaded
        # A moment after: the dashboard reaches the terminal first (importing in a thread holds
        # the interpreter, and the frame being written would wait behind it).
        self.set_timer(0.3, self.app.warm_up)
        status, (late, soon) = loaded
        for panel in self.query("FirstRunPanel"):
            panel.remove()
        lang = self.app.lang
        counts = Text()
        counts.append(f"{status.commune_name} — {t('year')} {status.year}\n", style="bold")
        from db.services.status import merger_words

        if merger_words(status, lang):  # the old communes beside the new one's years
            counts.append(merger_words(status, lang) + "\n", style="italic")
        counts.append(f"{t('now'):<10}{status.counts.text(lang)}\n", style="bold")
        counts.append(f"{t('year_start'):<10}{status.start_counts.text(lang)}\n")
        if status.target_counts:
            counts.append(f"{t('target'):<10}{status.target_counts.text(lang)}")
        else:
            counts.append(t("no_plan", year=status.year), style="italic")
        self.query_one("#counts", Static).update(counts)
        self.query_one("#deadlines", Static).update(self._deadlines_text(late, soon))
        self.query_one("#targets", Static).update(self._targets_text(status))
        self.query_one("#bars", Static).update(self._bars_text(status))
        self._shown_width = self.app.size.width
        if not self._deadlines_told:
            from ntm_tui.widgets.deadline_notice import notify_deadlines

            self._deadlines_told = True
            self.call_after_refresh(notify_deadlines, self.app, late, soon)

    def _deadlines_text(self, late, soon) -> Text:
        from db.rules import format_date
        from ntm_tui.widgets.deadline_notice import SOON_DAYS, describe

        text = Text()
        text.append(t("deadlines_title") + "\n", style="bold underline")
        if not late and not soon:
            text.append(t("dash_deadlines_none", days=SOON_DAYS))
        for d in late[:LATE_SHOWN]:
            text.append(f"{t('late_mark')} {describe(d)}\n", style="bold red")
        if len(late) > LATE_SHOWN:
            text.append(t("dash_more_late", count=len(late) - LATE_SHOWN) + "\n", style="red")
        for d in soon:
            if d.state == "due":  # past its due date, still before the latest date
                latest = format_date(d.latest_date) if d.latest_date else ""
                text.append(f"{t('due_mark')} {describe(d)}", style="bold yellow")
                text.append(f" ({t('latest_by', date=latest)})\n" if latest else "\n", style="yellow")
            else:
                text.append(f"{t('soon_mark')} {describe(d)}\n")
        text.rstrip()
        return text

    def _targets_text(self, status) -> Text:
        pending = [i for i in status.indicators() if i.targeted and not i.met]
        text = Text()
        text.append(t("targets_unmet", year=status.year, count=len(pending)) + "\n",
                    style="bold underline")
        width = max(20, self.app.size.width - 8)
        for item in pending:
            lead = f" — {item.lead}" if item.lead else ""
            line = f"{item.code:<5} {item.content}"
            room = width - len(lead) - 2
            if len(line) > room:
                line = line[:max(8, room - 1)] + "…"
            text.append(line)
            text.append(lead + "\n", style="dim")
        text.rstrip()
        return text

    def _bars_text(self, status) -> Text:
        text = Text()
        text.append(t("criteria_progress") + "\n", style="bold underline")
        width = max(30, self.app.size.width - 4)
        for crit in status.criteria:
            text.append_text(progress_line(crit.code, crit.name, crit.indicators_met,
                                           len(crit.indicators), width))
            text.append("\n")
        text.rstrip()
        return text

    def on_resize(self) -> None:
        # Lines are cut to the width: lay them out again when it changed (not at the first
        # resize events of start-up, which each cost a relayout before anything is drawn).
        if self._loaded is not None and self.app.size.width != self._shown_width:
            self._show(self._loaded)
