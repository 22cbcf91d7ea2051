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


# style → (the style, the fragment reportlab's parser makes of plain text in it)
_PLAIN_FRAGS: dict[int, tuple[object, object]] = {}


def paragraph(markup: str, style):
    """A reportlab Paragraph of trusted markup (escape user text first).

    Most cells and lines are plain text: no tag, no entity. reportlab would still run its markup
    parser (an HTMLParser) on each, about 0.1 ms a cell, only to produce one fragment in the
    style's font with the text in it. Here that fragment is made once per style by the parser
    itself and copied for each plain text, after the same whitespace clean-up the parser's input
    gets: the Paragraph is the one the parser would have built (tests/exports check it)."""
    from reportlab.platypus import Paragraph

    if "<" in markup or "&" in markup or not markup.strip() or getattr(style, "textTransform", None):
        return Paragraph(markup, style)
    from copy import copy

    from reportlab.platypus.paragraph import cleanBlockQuotedText

    known = _PLAIN_FRAGS.get(id(style))
    if known is None or known[0] is not style:
        if len(_PLAIN_FRAGS) > 100:  # the styles of earlier exports in a long-running app
            _PLAIN_FRAGS.clear()
        known = _PLAIN_FRAGS[id(style)] = (style, Paragraph("x", style).frags[0])
    text = cleanBlockQuotedText(markup)
    frag = copy(known[1])
    frag.text = text
    return Paragraph(text, style, frags=[frag])
