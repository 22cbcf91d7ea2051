"""User text made safe for reportlab's Paragraph mini-language."""
from __future__ import annotations

import unicodedata
from xml.sax.saxutils import escape


def esc(text: object) -> str:
    """Escape &, < and > so a name like "A & B" or "<5%" is printed, not parsed."""
    return escape(unicodedata.normalize("NFC", "" if text is None else str(text)))


def lines(text: str | None) -> list[str]:
    """The non-empty lines of a free-text field."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
