"""The command palette (ctrl+p) in the officer's words: Vietnamese prompt and "nothing found",
and commands found when typed without accents ("nam sau" finds «Năm sau»).

Two private corners of Textual are touched, both checked by tests/keyboard/test_palette.py
(they fail loudly if a Textual upgrade moves them): the "No matches found" line, built inside
`CommandPalette._start_no_matches_countdown`, and the matcher a provider makes.
"""
from __future__ import annotations

import unicodedata

from rich.align import Align
from rich.text import Text
from textual.command import CommandPalette
from textual.content import Content
from textual.fuzzy import Matcher
from textual.system_commands import SystemCommandsProvider
from textual.widgets.option_list import Option

from ntm_tui.i18n import t


def fold_chars(text: str) -> str:
    """Lower case without diacritics, one character for one (highlights stay in place)."""
    out = []
    for ch in text:
        if ch in "đĐ":
            out.append("d")
            continue
        out.append((unicodedata.normalize("NFD", ch)[:1] or ch).lower())
    return "".join(out)


class FoldingMatcher(Matcher):
    """Textual's fuzzy matcher on text folded the way db.text.fold does."""

    def match(self, candidate: str) -> float:
        return self.fuzzy_search.match(fold_chars(self.query), fold_chars(candidate))[0]

    def highlight(self, candidate: str) -> Content:
        content = Content(candidate)
        score, offsets = self.fuzzy_search.match(fold_chars(self.query), fold_chars(candidate))
        if not score:
            return content
        for offset in offsets:
            if not candidate[offset].isspace():
                content = content.stylize(self.match_style, offset, offset + 1)
        return content


class Commands(SystemCommandsProvider):
    """The app's commands (App.get_system_commands), matched without accents."""

    def matcher(self, user_input: str, case_sensitive: bool = False) -> Matcher:
        return FoldingMatcher(user_input, match_style=self.match_style, case_sensitive=False)


class Palette(CommandPalette):
    def __init__(self) -> None:
        super().__init__(placeholder=t("palette_placeholder"), id="--command-palette")

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own, with its English line replaced (textual 8.x, command.py).
        from textual.command import CommandList

        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(t("palette_none"), style="not bold")), disabled=True,
                           id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
