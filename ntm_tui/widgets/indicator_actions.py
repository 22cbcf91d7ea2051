"""Quick keys on an indicator, shared by the list (2) and the detail screen: saved at once,
confirmed (in the list's status line, else with a notification), undone with ctrl+z."""
from __future__ import annotations

from textual.binding import Binding

from ntm_tui.i18n import t
from ntm_tui.workers import write

INDICATOR_BINDINGS = [
    Binding("space", "toggle_met", t("key_toggle"), id="toggle_met"),
    Binding("v", "edit_value", t("key_value"), id="edit_value"),
    Binding("n", "edit_note", t("key_note"), id="edit_note"),
    Binding("a", "assign", t("key_assign"), id="assign"),
    Binding("e", "add_evidence", t("key_evidence"), id="add_evidence"),
    Binding("i", "edit_definition", t("key_definition"), id="edit_definition"),
    Binding("g", "toggle_target", t("key_target"), id="toggle_target"),
]


def result_message(view, lang: str) -> str:
    """"12.1 / 2023: Đạt (72,5)" after a save. (Here, not with the forms: the space key would
    import them on its first press.)"""
    from db.rules import group_thousands

    value = f" ({group_thousands(view.value)})" if view.value else ""  # how it was read: 1.234
    return f"{view.code} / {view.year}: {t('status_' + view.status)}{value}"


class IndicatorActions:
    """Mixin for a Screen: `selected_indicator()` gives the IndicatorStatus under the cursor
    (None on a criterion row) and `selected_criterion_id()` its criterion."""

    def selected_indicator(self):
        raise NotImplementedError

    def selected_criterion_id(self) -> int | None:
        raise NotImplementedError

    def _need_indicator(self):
        item = self.selected_indicator()
        if item is None:
            self.app.notify(t("pick_indicator"), severity="warning")
        return item

    def confirm(self, message: str) -> bool:
        """Say a quick key's change was saved in the screen itself; False: a notification."""
        return False

    def show_result(self, result) -> bool:
        """Show a result this screen just wrote (a ResultView) without reading the database
        again; False when the screen has to reload instead."""
        return False

    def after_toggle(self) -> None:
        """Once a space press is saved: the list goes on to the next indicator (a setting)."""

    def action_toggle_met(self) -> None:
        item = self._need_indicator()
        if item is None:
            return
        app = self.app
        commune_id, year = app.commune_id, app.year
        # A result carried from an earlier year has no row this year yet: 0 (no row expected)
        # refuses the press if another session wrote that row meanwhile, instead of overwriting.
        expected = item.result_version if item.result_year == year else 0

        def toggle(batch: str, by_hand: bool = False):
            from db.services.results import toggle_met

            return toggle_met(commune_id, year, item.code, expected_version=expected, batch=batch,
                              by_hand=by_hand)

        def refused(error: Exception) -> None:
            """The value says otherwise: asked once; confirmed, it is recorded as set by hand."""
            from db.errors import ContradictsValue
            from ntm_tui.forms.confirm import ConfirmChange

            if not isinstance(error, ContradictsValue):
                app.show_error(error)
                return
            app.push_screen(ConfirmChange(error.message(app.lang),
                                          lambda batch: toggle(batch, by_hand=True),
                                          done=t("saved")))

        def done(saved) -> None:
            # Only our own change since the last one shown: the row is updated in place, the
            # year is not read again (a space press stays well under 50 ms on a district file).
            view = saved.value
            if not saved.others and self.show_result(view):
                saved.shown_by = self
            message = result_message(view, app.lang)
            if not self.confirm(message):
                app.notify(message, timeout=4)
            # Only now, with the row: one frame instead of two (drawing the moved cursor slowed
            # the save's thread and held the row back a frame), and a refused press stays put.
            self.after_toggle()
            self.offer_carry(view)

        write(self, toggle, done, failed=refused)

    def action_toggle_target(self) -> None:
        """The year's target: marked / unmarked at once, undone with ctrl+z."""
        item = self._need_indicator()
        if item is None:
            return
        app = self.app
        commune_id, year, indicator_id, code = app.commune_id, app.year, item.id, item.code

        def toggle(batch: str):
            from db.services.plans import toggle_target

            return toggle_target(commune_id, year, indicator_id, batch=batch)

        def done(saved) -> None:
            message = t("target_on" if saved.value else "target_off", code=code, year=year)
            if not self.confirm(message):
                app.notify(message, timeout=4)

        write(self, toggle, done)

    def _open_result_form(self, form_class) -> None:
        item = self._need_indicator()
        if item is not None:
            self.app.push_screen(form_class(self.app.commune_id, self.app.year, item),
                                 self.offer_carry)

    def offer_carry(self, view) -> None:
        """A result saved for a year whose next year already has its own, now different (a
        past year corrected): say that the next year's start changes, and offer to correct it
        too. The save itself said so (ResultView.next_year): no read of its own."""
        from db.services.results import ResultView

        if not isinstance(view, ResultView) or view.next_year is None:
            return
        from ntm_tui.forms.confirm import ConfirmChange

        app = self.app
        commune_id, code, year, following = app.commune_id, view.code, view.year, view.next_year

        def carry(batch: str):
            from db.services.results import carry_correction

            return carry_correction(commune_id, code, year, expected_version=following.version,
                                    batch=batch)

        question = t("carry_question", code=code, year=year, next=year + 1,
                     old=result_message(following, app.lang).split(": ", 1)[1],
                     new=result_message(view, app.lang).split(": ", 1)[1])
        app.push_screen(ConfirmChange(question, carry, done=t("carry_done", code=code, next=year + 1)))

    def action_edit_value(self) -> None:
        from ntm_tui.forms.result import ValueForm

        self._open_result_form(ValueForm)

    def action_edit_note(self) -> None:
        from ntm_tui.forms.result import NoteForm

        self._open_result_form(NoteForm)

    def _push_form(self, form) -> None:
        self.app.push_screen(form)  # it saves through the door: the change signal follows

    def action_assign(self) -> None:
        from ntm_tui.forms.assignment import open_assignment_form

        criterion_id = self.selected_criterion_id()
        if criterion_id is None:
            return
        item = self.selected_indicator()
        open_assignment_form(self, self.app.commune_id, criterion_id, item.id if item else None)

    def action_add_evidence(self) -> None:
        from ntm_tui.forms.evidence import open_evidence_form

        item = self._need_indicator()
        if item is not None:
            open_evidence_form(self, self.app.commune_id, item.id, self.app.year)

    def action_edit_definition(self) -> None:
        """The catalogue editor: wording, target, thresholds, verified with its source."""
        from ntm_tui.forms.indicator_definition import IndicatorDefinitionForm

        from ntm_tui.workers import read

        item = self._need_indicator()
        if item is not None:
            indicator_id = item.id

            def load():
                from db.services.catalogue_edit import indicator_definition

                return indicator_definition(indicator_id)

            read(self, load, lambda d: self._push_form(IndicatorDefinitionForm(d)), group="open_form")
