"""Section 7, Cài đặt: the commune, the year worked on, the plan's document data (shared, in
the database) and the officer's own preferences (in the user config file)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Input, Select, Static

from db import rules
from db.errors import ConflictError, NtmError, ValidationError
from db.models import Commune, Plan
from db.services import communes, people, plans
from db.services.records import update_record
from ntm_tui.forms.record_form import field_row, optional_date, selected, text_input
from ntm_tui.i18n import t
from ntm_tui.screens.base import SectionScreen
from ntm_tui.screens.listing import PaletteFromBindings, current_commune, lang_of
from ntm_tui.widgets.key_bar import KeyBar
from ntm_tui.widgets.title_bar import TitleBar

COMMUNE_FIELDS = ("name", "district", "province")
PLAN_FIELDS = ("number", "issuing_body", "issuing_unit", "signer_title", "signer_name")


def check_font(path: str) -> str:
    """Empty = the bundled font; otherwise an existing TrueType file."""
    path = path.strip()
    if not path:
        return ""
    file = Path(path).expanduser()
    if file.suffix.lower() != ".ttf":
        raise ValidationError("font_invalid", path=path)
    if not file.is_file():
        raise ValidationError("font_missing", path=path)
    return str(file)


def check_folder(path: str) -> str:
    """Empty = the default export folder; a missing folder is created at the first export."""
    path = path.strip()
    if path and Path(path).expanduser().exists() and not Path(path).expanduser().is_dir():
        raise ValidationError("not_a_folder", path=path)
    return path


class SettingsScreen(PaletteFromBindings, SectionScreen):
    SECTION = "settings"
    DEFAULT_CSS = """
    SettingsScreen #set-form { height: 1fr; padding: 0 1; }
    SettingsScreen .heading { text-style: bold; color: $accent; margin-top: 1; }
    SettingsScreen .row { height: auto; }
    SettingsScreen .row-label { width: 26; }
    SettingsScreen .row > Input, SettingsScreen .row > Select { width: 1fr; }
    SettingsScreen #set-status { height: auto; padding: 0 1; }
    SettingsScreen #set-status.error { color: $text-error; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", t("key_save"), id="settings_save"),
        Binding("escape", "leave_field", t("key_leave_field"), id="settings_leave_field"),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="set-form"):
            yield from self.fields()
        yield Static(t("set_hint"), id="set-status")
        yield KeyBar()

    def stored(self) -> dict[str, object]:
        """What the fields show: commune and plan rows of the database, the user config."""
        commune = current_commune(self)
        config = self.app.ctx.config
        plan = plans.get_plan(commune, self.app.year)
        # The versions shown: saving over another session's later change is refused.
        self.seen = {"commune": commune.version, "plan": plan.version if plan else None}
        self.members = [(m.name, m.name) for m in people.list_members(commune)]
        known = {name for name, _ in self.members}
        values: dict[str, object] = {f"commune-{n}": getattr(commune, n) for n in COMMUNE_FIELDS}
        values["year"] = str(self.app.year)
        values["plan-doc_date"] = rules.format_date(plan.doc_date) if plan else ""
        values.update({f"plan-{n}": getattr(plan, n) if plan else "" for n in PLAN_FIELDS})
        values.update(member_name=config.member_name if config.member_name in known else Select.NULL,
                      user_name=config.user_name, font_path=config.font_path,
                      export_dir=config.export_dir,
                      lang=config.lang if config.lang in ("vi", "en") else "vi")
        return values

    def fields(self) -> ComposeResult:
        if current_commune(self) is None:
            yield Static(t("no_commune_short"))
            return
        v = self.stored()

        def row(key: str, field_id: str, placeholder: str = ""):
            return field_row(t(key), text_input(str(v[field_id]), field_id, placeholder))

        yield Static(t("set_commune"), classes="heading")
        for name in COMMUNE_FIELDS:
            yield row(f"set_{name}", f"commune-{name}")
        yield row("set_year", "year")
        yield Static(t("set_plan", year=self.app.year), classes="heading", id="plan-heading")
        yield row("set_plan_number", "plan-number", "249/KH-BQL")
        yield row("set_plan_date", "plan-doc_date", "dd/mm/yyyy")
        for name in PLAN_FIELDS[1:]:
            yield row(f"set_{name}", f"plan-{name}", t(f"set_{name}_hint"))
        yield Static(t("set_personal"), classes="heading")
        yield field_row(t("set_member"), Select(self.members, prompt=t("none_chosen"), id="member_name",
                                                compact=True, value=v["member_name"]))
        yield row("set_user_name", "user_name", t("set_user_name_hint"))
        yield field_row(t("set_lang"), Select([("Tiếng Việt", "vi"), ("English", "en")],
                                              allow_blank=False, id="lang", compact=True,
                                              value=v["lang"]))
        yield row("set_font", "font_path", t("set_font_hint"))
        yield row("set_export_dir", "export_dir", t("set_export_dir_hint"))

    def on_mount(self) -> None:
        self.loaded = self.typed()

    def typed(self) -> dict[str, object]:
        return {w.id: w.value for w in self.query("#set-form Input, #set-form Select")}

    def refresh_data(self, force: bool = False) -> None:
        """Show what is stored now (after a year switch or another session's change), unless
        the officer is in the middle of editing: their typing is never thrown away.
        Values are set in place: rebuilding the widgets races with the change poll."""
        if current_commune(self) is None or not self.query("#set-form Input"):
            return
        if not force and self.typed() != getattr(self, "loaded", {}):
            return
        values = self.stored()
        self.query_one("#member_name", Select).set_options(self.members)
        for widget in self.query("#set-form Input, #set-form Select"):
            widget.value = values[widget.id]
        self.query_one("#plan-heading", Static).update(t("set_plan", year=self.app.year))
        self.loaded = self.typed()

    def value(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value

    def action_leave_field(self) -> None:
        # Out of the fields, digits switch sections again instead of typing.
        self.set_focus(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        inputs = list(self.query(Input))
        if event.input is inputs[-1]:
            self.action_save()
        else:
            self.focus_next()

    def say(self, text: str, error: bool = False) -> None:
        status = self.query_one("#set-status", Static)
        status.set_class(error, "error")
        status.update(text)

    def action_save(self) -> None:
        commune = current_commune(self)
        if commune is None:
            return
        try:
            self.save(commune)
        except ConflictError as exc:
            self.refresh_data(force=True)  # show the other session's values; re-enter yours
            self.say(exc.message(lang_of(self)), error=True)
            return
        except NtmError as exc:
            self.say(exc.message(lang_of(self)), error=True)
            return
        self.say(t("set_saved"))
        self.notify(t("set_saved"))

    def save(self, commune: Commune) -> None:
        """Validate every field first, then write: bad input leaves everything as it was."""
        from db.changelog import new_batch
        from ntm_tui.config import save_config

        commune_changes = {n: communes.require_text(self.value(f"commune-{n}"), n) if n == "name"
                           else self.value(f"commune-{n}").strip() for n in COMMUNE_FIELDS}
        year = rules.parse_year(self.value("year"))
        communes.criteria_set_for_year(commune, year)  # refuses a year outside the set's period
        plan_changes: dict[str, object] = {n: self.value(f"plan-{n}").strip() for n in PLAN_FIELDS}
        plan_changes["doc_date"] = optional_date(self.value("plan-doc_date"))
        config = replace(self.app.ctx.config, member_name=selected(self.query_one("#member_name", Select)) or "",
                         user_name=self.value("user_name").strip(),
                         lang=selected(self.query_one("#lang", Select)) or "vi",
                         font_path=check_font(self.value("font_path")),
                         export_dir=check_folder(self.value("export_dir")))
        batch = new_batch()
        update_record(Commune, commune.id, commune_changes, label=commune.name,
                      expected_version=self.seen["commune"], batch=batch)
        plan_year = self.app.year  # the plan fields shown belong to the year shown
        plan = plans.get_plan(commune, plan_year)
        if plan is not None or any(plan_changes.values()):
            plan = plan or plans.ensure_plan(commune, plan_year)
            update_record(Plan, plan.id, plan_changes, label=f"KH {plan_year}", batch=batch,
                          expected_version=self.seen["plan"])
        communes.put_setting("current_year", str(year), commune)
        save_config(config)
        self.apply(config, year)

    def apply(self, config, year: int) -> None:
        """Take the new settings into the running app."""
        from db.context import set_user

        app = self.app
        app.ctx.config = config
        set_user(config.user_name or None)
        if config.lang != app.ctx.lang:
            self.notify(t("set_lang_restart"))
        commune = current_commune(self)
        app.set_commune(commune.id, commune.name, year)  # title and year of every section
        self.refresh_data(force=True)
        app.refresh_screens()
