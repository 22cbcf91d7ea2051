"""A fresh database has no commune: ask for one here (or suggest `ntm-tui demo`)."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from ntm_tui.i18n import t
from ntm_tui.workers import write


class FirstRunPanel(Vertical):
    def compose(self) -> ComposeResult:
        yield Static(t("first_run_title"), classes="form-title")
        for name, label, hint in (("name", t("tf_commune"), "Tân Thạnh"),
                                  ("district", t("tf_district"), "Tân Châu"),
                                  ("province", t("tf_province"), "An Giang")):
            yield Label(label, classes="field-label")
            yield Input(placeholder=hint, id=f"new-{name}")
        yield Static("", id="first-run-error", classes="error", markup=False)
        yield Static(t("first_run_hint"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#new-name", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        values = {name: self.query_one(f"#new-{name}", Input).value
                  for name in ("name", "district", "province")}

        today = self.app.ctx.today

        def create(batch: str):
            from db.services.communes import create_commune, default_year

            commune = create_commune(values["name"], values["district"], values["province"])
            return commune.id, commune.name, default_year(commune, today)

        def refused(error) -> None:  # stays on screen with what was typed
            self.query_one("#first-run-error", Static).update(error.message(self.app.lang))

        write(self, create, self._created, refused, undoable=False)

    def _created(self, saved) -> None:
        commune_id, name, year = saved.value
        self.app.set_commune(commune_id, name, year)
        self.app.notify(t("commune_created", name=name))
