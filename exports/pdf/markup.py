"""User text made safe for reportlab's Paragraph mini-language."""
from __future__ import annotations

import unicodedata


def esc(text: object) -> str:
    """Escape &, < and > so a name like "A & B" or "<5%" is printed, not parsed.

    (What xml.sax.saxutils.escape does, without its import: it pulls in urllib.request, http,
    email and ssl, about 25 ms of every export.)"""
    text = unicodedata.normalize("NFC", "" if text is None else str(text))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def lines(text: str | None) -> list[str]:
    """The non-empty lines of a free-text field."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
