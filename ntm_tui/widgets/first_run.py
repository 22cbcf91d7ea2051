"""A fresh database has no commune: ask for one here (or suggest `ntm-tui demo`)."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from ntm_tui.i18n import t
from ntm_tui.workers import write


# (field, label key, placeholder): the district is optional (two-tier government since 01/7/2025);
# the code is the official 5-digit one; the group picks the 2026–2030 set's thresholds.
FIELDS = (("name", "tf_commune", "Tân An"), ("province", "tf_province", "An Giang"),
          ("district", "tf_district_optional", ""), ("code", "tf_code", "30316"),
          ("group", "tf_group", "2"))


class FirstRunPanel(Vertical):
    def compose(self) -> ComposeResult:
        yield Static(t("first_run_title"), classes="form-title")
        for name, label, hint in FIELDS:
            yield Label(t(label), classes="field-label")
            yield Input(placeholder=hint, id=f"new-{name}")
        yield Static(t("first_run_groups"), classes="hint")
        yield Static("", id="first-run-error", classes="error", markup=False)
        yield Static(t("first_run_hint"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#new-name", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        values = {name: self.query_one(f"#new-{name}", Input).value for name, _, _ in FIELDS}
        today = self.app.ctx.today

        def create(batch: str):
            from db.services.communes import create_commune, default_year

            commune = create_commune(values["name"], values["district"], values["province"],
                                     code=values["code"], group=values["group"], today=today)
            return commune.id, commune.name, default_year(commune, today)

        def refused(error) -> None:  # stays on screen with what was typed
            self.query_one("#first-run-error", Static).update(error.message(self.app.lang))

        write(self, create, self._created, refused, undoable=False)

    def _created(self, saved) -> None:
        commune_id, name, year = saved.value
        self.app.set_commune(commune_id, name, year)
        self.app.notify(t("commune_created", name=name))
