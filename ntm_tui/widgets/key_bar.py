"""The bottom line of every section: the keys that work here, as one line of text.

In place of Textual's Footer, which builds a widget per key and rebuilds them all after the
first frame (about a tenth of a second at every start). The text follows the same bindings
(`show=True`, one per action, the command palette last) and a click runs the key, as there."""
from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widgets import Static

from ntm_tui.i18n import t


class KeyBar(Static):
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--disabled"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        width: 100%;
        height: 1;
        background: $footer-background;
        color: $footer-description-foreground;
    }
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        text-style: bold;
    }
    KeyBar > .key-bar--disabled {
        text-style: dim;
    }
    """

    _spans: list[tuple[int, int, str]] = []  # (start, end, key) of each shown binding

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._show()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen) -> None:
        if self.is_attached and screen is self.screen:
            self._show()

    def _entries(self):
        """(key, key shown, description, enabled) for each binding the footer would show."""
        app = self.app
        active = self.screen.active_bindings
        seen: set[str] = set()
        for _node, binding, enabled, _tooltip in active.values():
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                yield binding.key, app.get_key_display(binding), binding.description, enabled
        palette = active.get(app.COMMAND_PALETTE_BINDING) if app.ENABLE_COMMAND_PALETTE else None
        if palette is not None and palette.binding.action not in seen:
            yield (palette.binding.key, app.get_key_display(palette.binding), t("key_palette"),
                   palette.enabled)

    def _fitting(self) -> list:
        """The entries that fit the line. When they do not all fit, `?` (every key of the
        screen) stays, last: the officer always sees where the rest is."""
        entries = list(self._entries())
        width = self.size.width or self.app.size.width
        length = sum(len(shown) + len(description) + 3 for _k, shown, description, _e in entries)
        if length <= width:
            return entries
        helps = [e for e in entries if e[0] == "question_mark"]
        rest = [e for e in entries if e[0] != "question_mark"]
        room = width - sum(len(e[1]) + len(e[2]) + 3 for e in helps)
        kept = []
        for entry in rest:
            room -= len(entry[1]) + len(entry[2]) + 3
            if room < 0:
                break
            kept.append(entry)
        return kept + helps

    def on_resize(self, event: events.Resize) -> None:
        self._show()

    def _show(self) -> None:
        key_style = self.get_component_rich_style("key-bar--key", partial=True)
        off_style = self.get_component_rich_style("key-bar--disabled", partial=True)
        text, spans = Text(no_wrap=True, overflow="crop"), []
        for key, shown, description, enabled in self._fitting():
            start = len(text)
            text.append(f" {shown}", key_style + off_style if not enabled else key_style)
            text.append(f" {description} ", off_style if not enabled else "")
            spans.append((start, len(text), key))
        self._spans = spans
        self.update(text, layout=False)  # one line, always: no layout pass needed

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                event.stop()
                self.app.simulate_key(key)
                return
