"""Section 1, Tổng quan: counts now vs the start of the year vs the year's target."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, Header, Static

from ntm_tui.i18n import t
from ntm_tui.screens.base import SectionScreen


class DashboardScreen(SectionScreen):
    SECTION = "dashboard"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="counts")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        from db.models import Commune, CriteriaSet, Criterion, Indicator
        from db.services.status import year_status

        app = self.app
        if app.commune_id is None:
            cset = CriteriaSet.select().first()
            n_crit = Criterion.select().where(Criterion.criteria_set == cset).count()
            n_ind = Indicator.select().join(Criterion).where(Criterion.criteria_set == cset).count()
            from db.messages import translate

            self.query_one("#counts", Static).update(
                f"{cset.name}: {n_crit} {t('criteria')}, {n_ind} {t('indicators')}\n\n"
                + translate("no_commune", app.ctx.lang))
            return
        commune = Commune.get_by_id(app.commune_id)
        status = year_status(commune, app.year)
        lines = [f"{commune.name} — {t('year')} {status.year}", status.counts.text(app.ctx.lang)]
        if status.target_counts:
            lines.append(t("target") + ": " + status.target_counts.text(app.ctx.lang))
        self.query_one("#counts", Static).update("\n".join(lines))
