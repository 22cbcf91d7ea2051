"""Fixtures of the TUI tests: the language is global, put it back after each test."""
import pytest

from ntm_tui.i18n import set_lang


@pytest.fixture(autouse=True)
def vietnamese_after():
    yield
    set_lang("vi")
