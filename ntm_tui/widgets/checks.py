"""Check boxes that read without colour: `[x]` ticked, `[ ]` not (issue 16).

Textual draws a check box as a coloured block holding an "X" whether it is ticked or not: on a
monochrome terminal, over some SSH clients, or to a colour-blind officer the two look alike.
"""
from __future__ import annotations

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.style import Style
from textual.widgets import Checkbox, SelectionList
from textual.widgets.selection_list import SelectionType
from textual.widgets._toggle_button import ToggleButton  # its glyphs, to find them in a line


def mark(ticked: bool) -> str:
    return "x" if ticked else " "


class BoxCheckbox(Checkbox):
    @property
    def _button(self) -> Content:
        button_style = self.get_visual_style("toggle--button")
        side_style = Style(foreground=button_style.background, background=self.background_colors[1])
        return Content.assemble(("[", side_style), (mark(self.value), button_style), ("]", side_style))


class BoxSelectionList(SelectionList[SelectionType]):
    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        if len(segments) < 3 or segments[1].text != ToggleButton.BUTTON_INNER \
                or segments[0].text != ToggleButton.BUTTON_LEFT:
            return strip  # a wrapped option's second line, or nothing drawn
        index = (segments[0].style.meta or {}).get("option") if segments[0].style else None
        if index is None:
            return strip
        ticked = self.get_option_at_index(index).value in self.selected
        segments[0:3] = [Segment("[", segments[0].style), Segment(mark(ticked), segments[1].style),
                         Segment("]", segments[2].style)]
        return Strip(segments, strip.cell_length)
