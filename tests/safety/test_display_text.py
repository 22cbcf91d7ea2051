"""`db.text.for_display`: the one call that keeps control characters in data from reaching a
screen (issue 17); what has none comes back as the very same objects."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from db.text import for_display, for_terminal


@dataclass(frozen=True)
class Row:
    code: str
    note: str
    value: float | None = None
    tags: tuple = ()


@dataclass
class Page:
    title: str
    rows: list = field(default_factory=list)
    extra: dict = field(default_factory=dict)


class Pair(NamedTuple):
    a: str
    b: int


def test_control_characters_are_shown_not_sent():
    page = Page("Tân Thạnh\x1b]0;PWNED\x07", [Row("1.1", "a\x1b[2Jb\nc\td", 1.5, ("x\x9b",))],
                {"k": Pair("\x1b[H", 2)})
    shown = for_display(page)
    assert shown.title == "Tân Thạnh\ufffd]0;PWNED\ufffd"
    assert shown.rows[0].note == "a\ufffd[2Jb\nc\td" and shown.rows[0].value == 1.5
    assert shown.rows[0].tags == ("x\ufffd",)
    assert shown.extra["k"] == Pair("\ufffd[H", 2)
    assert page.title.startswith("Tân Thạnh\x1b")  # the original is left as it was


def test_clean_data_is_returned_as_is():
    page = Page("Tân Thạnh", [Row("1.1", "ghi chú\nhai dòng")], {"k": Pair("x", 1)})
    assert for_display(page) is page


def test_for_terminal_one_line():
    assert for_terminal("a\nb\tc\x1b", one_line=True) == "a b c\ufffd"
    assert for_terminal("\u202eabc") == "\ufffdabc"
