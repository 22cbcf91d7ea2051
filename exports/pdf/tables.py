"""Data tables: a header row repeated on every page, wrapped text in every cell.

No row is taller than half a page. reportlab cannot split a row over two pages (a taller row
stops the build, and its `splitInRow` adds empty pages for ever on some tables), and a cell
holds up to 4000 characters: pages of a narrow column. A cell whose text would be taller shows
what fits, then "… (xem ghi chú 1)"; under the table, "Ghi chú:" gives note 1, the column's
name and the whole text, in paragraphs that split over pages like any text: the reader sees
where a cell was cut and finds all that was typed.
"""
from __future__ import annotations

import unicodedata
from typing import Sequence

from db.dataclass_lite import dataclass
from exports.pdf.fit import fit, height_bound, height_of
from exports.pdf.labels import label
from exports.pdf.markup import esc, paragraph
from exports.pdf.styles import FRAME_H, FRAME_W

CELL_MAX = FRAME_H / 2  # the tallest text in a cell, in points: half a page
CELL_MIN = 60.0  # rows kept together are cut to share a page, but not below this (≈ 4 lines)
PADDING = (3, 3, 2, 3)  # left, right, top, bottom
STYLED = ("b", "i")  # a cell given as ("b", text) or ("i", text) is in bold or italics


@dataclass
class _Text:
    """A cell's text before it becomes a Paragraph (a cut one, if it is too tall)."""
    tag: str
    text: str
    style: object
    width: float  # the room for the text: the column less the padding
    column: str  # the column's name, for the note
    bound: float  # the text is no taller than this (height_bound)
    _whole: object = None
    exact: float | None = None  # the height, once measured

    def markup(self, text: str) -> str:
        return f"<{self.tag}>{esc(text)}</{self.tag}>" if self.tag else esc(text)

    def whole(self):
        if self._whole is None:
            self._whole = paragraph(self.markup(self.text), self.style)
        return self._whole

    def height(self, exact: bool) -> float:
        if not exact:
            return self.bound
        if self.exact is None:
            self.exact = height_of(self.whole(), self.width)
        return self.exact


def _level(heights: list[float], room: float) -> float:
    """The height L to cut rows to so that they share `room`: sum(min(h, L)) = room."""
    rest, left = room, len(heights)
    for h in sorted(heights):
        if h * left >= rest:
            return rest / left
        rest, left = rest - h, left - 1
    return max(heights)


def data_table(headers: Sequence[str], rows: Sequence[Sequence[object]], shares: Sequence[float],
               styles: dict, centred: Sequence[int] = (), bold_rows: Sequence[int] = (),
               spans: Sequence[int] = (), keep_next: Sequence[int] = (), lang: str = "vi") -> list:
    """A bordered table whose columns split the frame width by `shares`, then the notes of the
    cells cut to fit (usually none): a list of flowables for the story.

    Cells are Paragraphs so long text wraps inside the cell; ("b", text) and ("i", text) are
    bold or italic text, anything else is plain text. All text is escaped here. Rows in
    `spans` hold one cell spread over the whole width (a criterion heading inside the table).
    Span rows, bold rows and rows in `keep_next` never end a page: they head what follows. When
    rows kept together would not fit on a page, their tallest cells are cut further."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    total = sum(shares)
    widths = [FRAME_W * s / total for s in shares]
    left, right, top, bottom = PADDING
    widest = styles["cell_bold"].fontName  # bounds hold for any face

    def text_of(value: object, col: int, bold: bool, width: float, column: str) -> _Text | None:
        if value is None or value == "":
            return None
        styled = isinstance(value, tuple) and len(value) == 2 and value[0] in STYLED
        tag, text = (value[0], value[1]) if styled else ("", value)
        text = unicodedata.normalize("NFC", str(text))  # as esc() prints it
        style = styles["cell_bold"] if bold else (
            styles["cell_center"] if col in centred else styles["cell"])
        return _Text(tag, text, style, width, column,
                     height_bound(text, widest, style.fontSize, style.leading, width))

    grid: list[list[_Text | None]] = []
    for n, row in enumerate(rows):
        if n in spans:
            grid.append([text_of(row[0], 0, True, FRAME_W - left - right, "")])
        else:
            grid.append([text_of(v, c, n in bold_rows, widths[c] - left - right, headers[c])
                         for c, v in enumerate(row)])

    def row_height(n: int, exact: bool) -> float:
        return max((min(t.height(exact), CELL_MAX) for t in grid[n] if t), default=0.0) \
            + top + bottom

    # Which rows stay with the next one, and how tall a cell may be in each row.
    head = [paragraph(esc(h), styles["cell_head"]) for h in headers]
    room = FRAME_H - max(height_of(p, w - left - right) for p, w in zip(head, widths)) \
        - top - bottom - styles["cell"].leading  # a page below the repeated header, a line spare
    linked = [(n in bold_rows or n in spans or n in keep_next) and n + 1 < len(rows)
              for n in range(len(rows))]
    caps = [CELL_MAX] * len(rows)
    n = 0
    while n < len(rows):
        end = n
        while linked[end]:
            end += 1
        chain = range(n, end + 1)
        if end > n and sum(row_height(r, False) for r in chain) > room:
            heights = [row_height(r, True) for r in chain]
            if sum(heights) > room:
                level = _level(heights, room) - top - bottom
                if level >= CELL_MIN:
                    for r in chain:
                        caps[r] = level
                else:  # too many rows to keep together: let them end a page
                    for r in chain:
                        linked[r] = False
        n = end + 1

    notes: list[tuple[str, str]] = []  # (column, whole text) of each cut cell: notes 1, 2, …

    def cell(t: _Text | None, cap: float):
        if t is None:
            # Nothing to draw: a zero-size flowable is laid out like an empty Paragraph (no
            # line, no height) without being wrapped again at every measure and split.
            return Spacer(0, 0)
        if t.bound <= cap or (t.exact is not None and t.exact <= cap):
            return t.whole()
        marker = esc(label("cell_cut", lang, n=len(notes) + 1))

        def build(s: str, cut: bool):
            if not cut:
                return t.whole()
            return Paragraph(f"{t.markup(s + '…')} <i>{marker}</i>", t.style)

        flowable, cut = fit(t.text, build, t.width, cap)
        if cut:
            notes.append((t.column, t.text))
        return flowable

    data = [head]
    # FONTNAME: the spanned-over empty cells are drawn as strings, in Helvetica by default,
    # which would put an unembedded font into the PDF.
    commands = [("FONTNAME", (0, 0), (-1, -1), styles["cell"].fontName),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), left), ("RIGHTPADDING", (0, 0), (-1, -1), right),
                ("TOPPADDING", (0, 0), (-1, -1), top), ("BOTTOMPADDING", (0, 0), (-1, -1), bottom)]
    for n, texts in enumerate(grid):
        data.append([cell(t, caps[n]) for t in texts] + [""] * (len(headers) - len(texts)))
        if n in spans:
            commands.append(("SPAN", (0, n + 1), (-1, n + 1)))
        if linked[n]:
            commands.append(("NOSPLIT", (0, n + 1), (len(headers) - 1, n + 2)))
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    if not notes:
        return [table]
    out = [table, paragraph(esc(label("notes", lang)), styles["note_head"])]
    for n, (column, text) in enumerate(notes, start=1):
        out.append(paragraph(f"({n}) " + (f"{esc(column)}: " if column else "") + esc(text),
                             styles["note"]))
    return out
