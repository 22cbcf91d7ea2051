"""The Textual app: wiring only. Screens live in ntm_tui/screens/."""
from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Static

from ntm_tui.i18n import t


class NtmApp(App):
    TITLE = "ntm-tui"
    BINDINGS = [Binding("ctrl+q", "quit", t("key_quit"), id="quit")]

    def __init__(self, ctx) -> None:
        super().__init__()
        self.ctx = ctx

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="counts")
        yield Footer()

    def on_mount(self) -> None:
        from db.errors import NotFoundError
        from db.models import CriteriaSet, Criterion, Indicator
        from db.services.status import year_status

        try:
            commune = self.ctx.commune()
        except NotFoundError as exc:
            cset = CriteriaSet.select().first()
            n_crit = Criterion.select().where(Criterion.criteria_set == cset).count()
            n_ind = Indicator.select().join(Criterion).where(Criterion.criteria_set == cset).count()
            self.query_one("#counts", Static).update(
                f"{cset.name}: {n_crit} {t('criteria')}, {n_ind} {t('indicators')}\n\n"
                + exc.message(self.ctx.lang))
            return
        status = year_status(commune, self.ctx.year(None))
        lines = [f"{commune.name} — {t('year')} {status.year}", status.counts.text(self.ctx.lang)]
        if status.target_counts:
            lines.append(t("target") + ": " + status.target_counts.text(self.ctx.lang))
        self.query_one("#counts", Static).update("\n".join(lines))
