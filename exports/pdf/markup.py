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


# (markup, style) → (the style, the parser's text and fragments); plain texts share the entry
# ("", style): only their one fragment's text differs.
_PARSED: dict[tuple[str, int], tuple[object, str, list]] = {}


def paragraph(markup: str, style):
    """A reportlab Paragraph of trusted markup (escape user text first).

    reportlab runs its markup parser (an HTMLParser) on every Paragraph, about 0.1 ms each,
    and a report has 500-600 cells. Here each style and each distinct markup is parsed once:
    plain text (no tag, no entity; most cells) becomes a copy of the style's one fragment
    holding the text, after the whitespace clean-up the parser's input gets; an empty cell
    has no fragment, as the parser makes none; repeated markup ("<b>Còn thiếu</b>") reuses
    copies of its fragments. Either way the Paragraph is the one the parser would have
    built (tests/exports/test_pdf_markup.py compares them)."""
    from copy import copy

    from reportlab.platypus import Paragraph
    from reportlab.platypus.paragraph import cleanBlockQuotedText

    if getattr(style, "textTransform", None) or getattr(style, "bulletText", None):
        return Paragraph(markup, style)
    plain = "<" not in markup and "&" not in markup
    if plain:
        text = cleanBlockQuotedText(markup)
        if not text:
            return Paragraph(text, style, frags=[])
    key = ("" if plain else markup, id(style))
    known = _PARSED.get(key)
    if known is None or known[0] is not style:
        parsed = Paragraph("x" if plain else markup, style)
        if parsed.style is not style or parsed.bulletText:  # <para …> or <bullet> markup
            return parsed
        if len(_PARSED) > 2000:  # the styles of earlier exports in a long-running app
            _PARSED.clear()
        known = _PARSED[key] = (style, parsed.text, [copy(f) for f in parsed.frags])
        if not plain:
            return parsed
    if plain:
        frag = copy(known[2][0])
        frag.text = text
        return Paragraph(text, style, frags=[frag])
    return Paragraph(known[1], style, frags=[copy(f) for f in known[2]])
