"""Text that must fit a height: a table row (and the letterhead, a table too) cannot split.

reportlab lays a table row out whole. A row taller than the page stops the build with a
LayoutError, and `splitInRow`, which may split a row, adds page after page for ever on some
tables (each new page holding only the repeated header row). So text going into a table cell
is measured, and text taller than the room it has is cut where it still fits: it ends with
"…" and whatever the caller adds (the data tables point to a note that prints it whole).
"""
from __future__ import annotations

import re
from typing import Callable

ANY_HEIGHT = 1e9  # wrap at this height measures the text's full height
WORD_BACK = 30  # cut after the last whole word if it ends at most this many characters back
_SPACE = re.compile(r"\s")


def height_bound(text: str, font: str, size: float, leading: float, width: float) -> float:
    """At least the height of `text` wrapped at `width`, found without wrapping it: most cells
    are shown to fit by this alone.

    A line ends because the next word did not fit, and that word starts the next line, so any
    two lines in a row hold more than a width of text (less a space): n lines hold more than
    (n - 2) / 2 widths, i.e. n < 2 * text width / width + 2. A word longer than a line is split
    to fill it. `font` should be the widest face the text may take; a tenth more for safety."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines = len(text)  # at least a character a line
    if width > size:
        lines = min(lines, int(2 * 1.1 * stringWidth(text, font, size) / (width - size / 2) + 2))
    return lines * leading


def height_of(flowable, width: float) -> float:
    return flowable.wrap(width, ANY_HEIGHT)[1]


def fit(text: str, build: Callable[[str, bool], object], width: float, height: float
        ) -> tuple[object, bool]:
    """The flowable `build(text, False)` if it is at most `height` tall at `width`; else
    `build(head, True)` for the longest head of `text` that is, cut after a word when one ends
    near the cut (a long address or path has no space: it is cut inside). `build(s, True)`
    must add the "…". Returns the flowable and whether the text was cut."""
    whole = build(text, False)
    full = height_of(whole, width)
    if full <= height:
        return whole, False

    def head(end: int):
        flowable = build(text[:end].rstrip(), True)
        return flowable if height_of(flowable, width) <= height else None

    for end in _line_ends(whole, text, height):  # usually the first or second fits
        flowable = head(end)
        if flowable:
            return flowable, True
    lo, hi = 0, len(text) - 1  # a head of lo characters fits (0: the "…" alone is assumed to)
    # Height grows about as the text: search below a bit more than the share that fits,
    # which spares measuring long heads (the first guess of a plain search, half the text).
    guess = min(hi, int(len(text) * height / full * 1.25) + 40)
    while guess < hi and head(guess):  # rarely: more fits than guessed
        lo, guess = guess, min(hi, 2 * guess)
    hi = guess
    while lo < hi:  # a longer head is taller on the page, near enough for a binary search
        mid = (lo + hi + 1) // 2
        if head(mid):
            lo = mid
        else:
            hi = mid - 1
    # After a whole word if one ends near: the words after the "…" wrap differently, so the
    # head is measured again (and cut inside the word if no earlier end fits either).
    ends = [m.start() for m in _SPACE.finditer(text, max(1, lo - WORD_BACK), lo + 1)]
    for end in reversed(ends):
        flowable = head(end)
        if flowable:
            return flowable, True
    return build(text[:lo].rstrip(), True), True


def _line_ends(para, text: str, height: float) -> list[int]:
    """Where `text` stands at the end of the lines of `para` (its wrapped Paragraph) that
    leave a line or two below them within `height`, the most lines first: a head cut there
    ends after a whole line of the cell, and fits once the "…" is added, or nearly. Empty
    when the lines cannot be read."""
    lines = getattr(getattr(para, "blPara", None), "lines", None)
    leading = getattr(getattr(para, "style", None), "leading", 0)
    if not lines or not leading:
        return []
    counts = []  # the characters of each line, spaces left out
    for line in lines:
        words = line[1] if isinstance(line, tuple) else getattr(line, "words", ())
        counts.append(sum(len("".join(getattr(w, "text", w).split())) for w in words))
    ends = [i + 1 for i, ch in enumerate(text) if not ch.isspace()]
    most = min(int(height // leading) - 1, len(counts))
    out = []
    for n in range(most, max(0, most - 4), -1):
        shown = sum(counts[:n])
        if 0 < shown <= len(ends):
            out.append(ends[shown - 1])
    return out
