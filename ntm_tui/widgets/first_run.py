"""A fresh database has no commune: ask for one here (or suggest `ntm-tui demo`)."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from ntm_tui.i18n import t
from ntm_tui.screens.base import run_db


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

        def create():
            from db.errors import NtmError
            from db.services.communes import create_commune, default_year

            try:
                commune = create_commune(values["name"], values["district"], values["province"])
            except NtmError as exc:  # stays on screen with what was typed
                return exc
            return commune.id, commune.name, default_year(commune, self.app.ctx.today)

        run_db(self, create, self._created, group="save", exclusive=True)

    def _created(self, outcome) -> None:
        from db.errors import NtmError

        if isinstance(outcome, NtmError):
            self.query_one("#first-run-error", Static).update(outcome.message(self.app.lang))
            return
        commune_id, name, year = outcome
        self.app.set_commune(commune_id, name, year)
        self.app.notify(t("commune_created", name=name))
        self.app.refresh_screens()
