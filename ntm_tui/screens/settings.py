"""Section 7, Cài đặt: the commune, the year worked on, the plan's document data (shared, in
the database) and the officer's own preferences (in the user config file)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Input, Static

from db.errors import ConflictError, ValidationError
from ntm_tui.forms.form import field_row, selected, text_input
from ntm_tui.i18n import t
from ntm_tui.widgets.choice import Choice
from ntm_tui.screens.base import SectionScreen
from ntm_tui.screens.listing import PaletteFromBindings, lang_of
from ntm_tui.widgets.key_bar import KeyBar
from ntm_tui.widgets.title_bar import TitleBar
from ntm_tui.workers import write

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
    AUTO_FOCUS = ""  # digits switch sections until Tab enters the fields
    DEFAULT_CSS = """
    SettingsScreen #set-form { height: 1fr; padding: 0 1; }
    SettingsScreen .heading { text-style: bold; color: $accent; margin-top: 1; }
    SettingsScreen .row { height: auto; }
    SettingsScreen .row-label { width: 26; }
    SettingsScreen .row > Input, SettingsScreen .row > Choice { width: 1fr; }
    SettingsScreen #set-status { height: auto; padding: 0 1; }
    SettingsScreen #set-status.error { color: $text-error; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", t("key_save"), id="settings_save"),
        Binding("ctrl+o", "communes", t("key_communes"), id="settings_communes"),
        Binding("escape", "leave_field", t("key_leave_field"), id="settings_leave_field"),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="set-form", can_focus=False):  # Tab goes to the fields
            yield from self.fields()
        yield Static(t("set_hint"), id="set-status")
        yield KeyBar()

    seen: dict[str, int | None] = {}
    members: list[tuple[str, str]] = []

    def fields(self) -> ComposeResult:
        """Built empty; the stored values arrive from a worker (refresh_data)."""
        if self.app.commune_id is None:
            yield Static(t("no_commune_short"))
            return

        def row(key: str, field_id: str, placeholder: str = ""):
            return field_row(t(key), text_input("", field_id, placeholder))

        yield Static(t("set_commune"), classes="heading")
        for name in COMMUNE_FIELDS:
            yield row(f"set_{name}", f"commune-{name}")
        yield row("set_code", "commune-code", "12345")
        yield field_row(t("set_group"), Choice([(t("set_group_n", n=n), str(n)) for n in (1, 2, 3)],
                                               prompt=t("none_chosen"), id="commune-commune_group",
                                               title=t("set_group")))
        yield row("set_year", "year")
        yield Static(t("set_plan", year=self.app.year), classes="heading", id="plan-heading")
        yield row("set_plan_number", "plan-number", "249/KH-BQL")
        yield row("set_plan_date", "plan-doc_date", "dd/mm/yyyy")
        for name in PLAN_FIELDS[1:]:
            yield row(f"set_{name}", f"plan-{name}", t(f"set_{name}_hint"))
        yield Static(t("set_personal"), classes="heading")
        yield field_row(t("set_member"), Choice([], prompt=t("none_chosen"), id="member_name",
                                                title=t("set_member")))
        yield row("set_user_name", "user_name", t("set_user_name_hint"))
        yield field_row(t("set_lang"), Choice([("Tiếng Việt", "vi"), ("English", "en")],
                                              allow_blank=False, id="lang", value="vi",
                                              title=t("set_lang")))
        yield field_row(t("set_space_next"), Choice([(t("yes_word"), "yes"), (t("no_word"), "no")],
                                                    allow_blank=False, id="space_moves_next", value="yes",
                                                    title=t("set_space_next")))
        yield row("set_font", "font_path", t("set_font_hint"))
        yield row("set_export_dir", "export_dir", t("set_export_dir_hint"))

    def on_mount(self) -> None:
        self.loaded = self.typed()
        self.refresh_data()

    def typed(self) -> dict[str, object]:
        return {w.id: w.value for w in self.query("#set-form Input, #set-form Choice")}

    def refresh_data(self, force: bool = False) -> None:
        """Show what is stored now (after a year switch or another session's change), unless
        the officer is in the middle of editing: their typing is never thrown away.
        Values are set in place: rebuilding the widgets races with the change poll."""
        if self.app.commune_id is None or not self.query("#set-form Input"):
            return
        from db.services.settings import settings_view

        commune_id, year = self.app.commune_id, self.app.year
        self.run_db(lambda: settings_view(commune_id, year), lambda view: self.show(view, year, force))

    def show(self, view, year: int, force: bool = False) -> None:
        if not force and self.typed() != getattr(self, "loaded", {}):
            return
        from db.rules import format_date

        config = self.app.ctx.config
        # The versions shown: saving over another session's later change is refused.
        self.seen = {"commune": view.commune_version, "plan": view.plan_version}
        self.shown_year = year
        self.members = [(name, name) for name in view.members]
        values: dict[str, object] = {f"commune-{n}": view.commune[n] for n in COMMUNE_FIELDS}
        values["commune-code"] = view.commune["code"]
        values["commune-commune_group"] = view.commune["commune_group"] or Choice.EMPTY
        values["year"] = str(self.app.year)
        values["plan-doc_date"] = format_date(view.plan["doc_date"])
        values.update({f"plan-{n}": str(view.plan[n] or "") for n in PLAN_FIELDS})
        values.update(member_name=config.member_name if config.member_name in view.members else Choice.EMPTY,
                      user_name=config.user_name, font_path=config.font_path,
                      export_dir=config.export_dir,
                      lang=config.lang if config.lang in ("vi", "en") else "vi",
                      space_moves_next="yes" if config.space_moves_next else "no")
        self.query_one("#member_name", Choice).set_options(self.members)
        for widget in self.query("#set-form Input, #set-form Choice"):
            widget.value = values[widget.id]
        self.query_one("#plan-heading", Static).update(t("set_plan", year=year))
        self.loaded = self.typed()

    def value(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value

    def action_communes(self) -> None:
        """The database's communes: open another, delete one entered by mistake."""
        from ntm_tui.screens.communes import CommunesScreen

        self.app.push_screen(CommunesScreen())

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
        """Check the personal settings here, then save the commune's in one transaction
        through the door; the personal file is written once the database has taken the rest."""
        from db.errors import NtmError

        commune_id = self.app.commune_id
        if commune_id is None or not hasattr(self, "shown_year"):
            return
        lang = lang_of(self)
        try:
            config = replace(self.app.ctx.config,
                             member_name=selected(self.query_one("#member_name", Choice)) or "",
                             user_name=self.value("user_name").strip(),
                             lang=selected(self.query_one("#lang", Choice)) or "vi",
                             space_moves_next=selected(self.query_one("#space_moves_next", Choice)) != "no",
                             font_path=check_font(self.value("font_path")),
                             export_dir=check_folder(self.value("export_dir")))
        except NtmError as exc:
            self.say(exc.message(lang), error=True)
            return
        commune_fields = {n: self.value(f"commune-{n}") for n in (*COMMUNE_FIELDS, "code")}
        commune_fields["commune_group"] = selected(self.query_one("#commune-commune_group", Choice))
        plan_fields: dict[str, object] = {n: self.value(f"plan-{n}") for n in PLAN_FIELDS}
        plan_fields["doc_date"] = self.value("plan-doc_date").strip()
        year_text, plan_year, seen = self.value("year"), self.shown_year, dict(self.seen)

        def save(batch: str):
            from db.services.settings import save_settings

            return save_settings(commune_id, plan_year, commune_fields, plan_fields, year_text,
                                 seen["commune"], seen["plan"], batch=batch)

        def refused(error) -> None:
            if isinstance(error, ConflictError):
                self.refresh_data(force=True)  # show the other session's values; re-enter yours
            self.say(error.message(lang), error=True)

        write(self, save, lambda saved: self.apply(config, saved.value,
                                                   commune_fields["name"].strip(), plan_year), refused)

    def apply(self, config, year: int, name: str, plan_year: int | None = None) -> None:
        """Take the new settings into the running app (the database has them already)."""
        from db.context import set_user
        from ntm_tui.config import save_config

        app = self.app
        try:
            save_config(config)
        except OSError as exc:
            self.say(str(exc), error=True)
            return
        app.ctx.config = config
        set_user(config.user_name or None)
        app.set_commune(app.commune_id, name, year)  # title and year of every section
        if config.lang != app.ctx.lang:  # every screen is made anew in the new language
            app.run_worker(app.switch_language(config.lang), group="language")
            return
        # What is typed is what is stored now: the reload the change signal brings shows the
        # plan fields of the year now worked on.
        self.loaded = self.typed()
        said = t("set_saved_year", year=plan_year) if plan_year else t("set_saved")
        self.say(said)
        self.notify(said)
