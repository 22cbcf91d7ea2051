"""A choice among labelled values on one line, for the forms and settings.

Textual's Select builds its drop-down list when it is mounted, each one about 12 ms of a form's
opening (issue 16: every form within 150 ms). This one is a single line: ←/→ step through the
choices, a typed letter goes to the next choice that starts with it (accents ignored: "k"
finds "Không"), Enter or space opens the whole list in a small window built only then.
`value`, `is_blank()` and `set_options()` work as they do on a Select.
"""
from __future__ import annotations

import time
from typing import Any, Iterable, Sequence

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import OptionList

from ntm_tui.i18n import t


class _Empty:
    def __repr__(self) -> str:
        return "Choice.EMPTY"


TYPED_RESET_S = 1.0  # letters typed within this time make one prefix ("ng" → "Nguyễn …")


def _starting_with(labels: Sequence[str], typed: str, after: int) -> int | None:
    """The first label after `after` (wrapping round) that starts with `typed`, accents and
    case ignored; else the first with a word that does ("2" finds "Nhóm 2")."""
    from db.text import fold

    prefix = fold(typed)
    count = len(labels)
    order = [(after + step) % count for step in range(1, count + 1)]
    folded = {index: fold(labels[index]) for index in order}
    for index in order:
        if folded[index].startswith(prefix):
            return index
    for index in order:
        if any(word.startswith(prefix) for word in folded[index].split()):
            return index
    return None


def typed_character(event: events.Key) -> str | None:
    """A letter, digit or sign typed to jump to a choice (space opens the list instead); the
    key is the jump's alone then."""
    if not event.is_printable or not event.character or event.character == " ":
        return None
    event.stop()
    event.prevent_default()
    return event.character


class TypedPrefix:
    """Letters typed one after another, as one prefix until a pause ("ng" → "Nguyễn …");
    a letter that would make a prefix nothing starts with starts a new one."""

    def __init__(self) -> None:
        self.text, self._at = "", 0.0

    def find(self, character: str, labels: Sequence[str], current: int) -> int | None:
        now = time.monotonic()
        longer = (self.text if now - self._at < TYPED_RESET_S else "") + character
        self._at = now
        found = _starting_with(labels, longer, current - 1) if len(longer) > 1 else None
        self.text = longer if found is not None else character
        return found if found is not None else _starting_with(labels, character, current)


class Choice(Widget, can_focus=True):
    EMPTY = _Empty()  # not BLANK: Textual's Widget.BLANK (true) draws a widget empty

    DEFAULT_CSS = """
    Choice { height: 1; width: 1fr; padding: 0 1 0 0; background: $surface; }  /* as an Input */
    Choice:focus { background: $block-cursor-background; color: $block-cursor-foreground;
                   text-style: bold; }
    Choice.-blank { color: $text-muted; }
    Choice:disabled { color: $text-disabled; }
    """
    BINDINGS = [
        Binding("left", "step(-1)", t("key_choice_prev"), show=False, id="choice_prev"),
        Binding("right", "step(1)", t("key_choice_next"), show=False, id="choice_next"),
        Binding("enter,space", "open", t("key_choice_open"), show=False, id="choice_open"),
    ]

    value: reactive[Any] = reactive(EMPTY, init=False)

    class Changed(Message):
        def __init__(self, choice: Choice, value: Any) -> None:
            super().__init__()
            self.choice, self.value = choice, value

        @property
        def control(self) -> Choice:
            return self.choice

    def __init__(self, options: Iterable[tuple[str, Any]], *, value: Any = EMPTY,
                 allow_blank: bool = True, prompt: str = "", title: str = "",
                 id: str | None = None, disabled: bool = False) -> None:
        super().__init__(id=id, disabled=disabled)
        self.allow_blank, self.prompt, self.title = allow_blank, prompt, title
        self._options: list[tuple[str, Any]] = []
        self._typed = TypedPrefix()
        self.set_options(options)
        if value is not self.EMPTY:
            self.set_reactive(Choice.value, self._valid(value))

    # --- what it holds ----------------------------------------------------------------------
    def _choices(self) -> list[tuple[str, Any]]:
        """Every choice in order, the blank one first when the field may stay empty."""
        blank = [(self.prompt or t("none_chosen"), self.EMPTY)] if self.allow_blank else []
        return blank + self._options

    def _valid(self, value: Any) -> Any:
        if value is None or value is self.EMPTY or value not in [v for _, v in self._options]:
            return self.EMPTY if self.allow_blank or not self._options else self._options[0][1]
        return value

    def set_options(self, options: Iterable[tuple[str, Any]]) -> None:
        self._options = [(str(label), value) for label, value in options]
        self.set_reactive(Choice.value, self._valid(self.value))
        self._shown()

    def is_blank(self) -> bool:
        return self.value is self.EMPTY

    def _index(self) -> int:
        values = [v for _, v in self._choices()]
        return values.index(self.value) if self.value in values else 0

    def validate_value(self, value: Any) -> Any:
        return self._valid(value)

    def watch_value(self, value: Any) -> None:
        self._shown()
        self.post_message(self.Changed(self, value))

    def _shown(self) -> None:
        self.set_class(self.is_blank(), "-blank")
        self.refresh()

    def render(self) -> Content:
        choices = self._choices()
        label = choices[self._index()][0] if choices else ""
        width = max(self.size.width - 1, 1)  # the right padding
        arrow = " ▼"
        if len(label) + len(arrow) > width:
            label = label[: max(width - len(arrow) - 1, 0)] + "…"
        return Content(label.ljust(width - len(arrow)) + arrow)

    # --- keys ---------------------------------------------------------------------------------
    def action_step(self, step: int) -> None:
        choices = self._choices()
        if choices:
            self.value = choices[(self._index() + step) % len(choices)][1]

    def on_key(self, event: events.Key) -> None:
        character = typed_character(event)
        if character is None:
            return
        choices = self._choices()
        found = self._typed.find(character, [label for label, _ in choices], self._index())
        if found is not None:
            self.value = choices[found][1]

    def action_open(self) -> None:
        choices = self._choices()
        if not choices:
            return

        def chosen(index: int | None) -> None:
            if index is not None:
                self.value = choices[index][1]
            self.focus()

        self.app.push_screen(ChoiceList(self.title, [label for label, _ in choices], self._index()),
                             chosen)


class ChoiceList(ModalScreen[int | None]):
    """The whole list of a choice: ↑/↓ and a typed letter move, Enter takes, Esc leaves it."""

    DEFAULT_CSS = """
    ChoiceList { align: center middle; background: $background 0%; }
    ChoiceList > OptionList { width: 60; max-width: 100%; height: auto; max-height: 18;
                              border: round $accent; background: $surface; }
    """
    BINDINGS = [Binding("escape", "cancel", t("key_cancel"), id="choice_cancel")]

    def __init__(self, title: str, labels: list[str], current: int) -> None:
        super().__init__()
        self.title_text, self.labels, self.current = title, labels, current
        self._typed = TypedPrefix()

    def compose(self):
        options = OptionList(*self.labels)
        options.border_title = self.title_text
        yield options

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = self.current
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_index)

    def on_key(self, event: events.Key) -> None:
        character = typed_character(event)
        if character is None:
            return
        options = self.query_one(OptionList)
        at = options.highlighted if options.highlighted is not None else -1
        found = self._typed.find(character, self.labels, at)
        if found is not None:
            options.highlighted = found

    def action_cancel(self) -> None:
        self.dismiss(None)
