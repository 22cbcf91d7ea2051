"""Data tables: a header row repeated on every page, wrapped text in every cell."""
from __future__ import annotations

from typing import Sequence

from exports.pdf.markup import esc, paragraph
from exports.pdf.styles import FRAME_W

LONG_CELL = 1200  # characters; about half a page in the narrowest text column


def data_table(headers: Sequence[str], rows: Sequence[Sequence[object]], shares: Sequence[float],
               styles: dict, centred: Sequence[int] = (), bold_rows: Sequence[int] = (),
               spans: Sequence[int] = (), keep_next: Sequence[int] = ()):
    """A bordered table whose columns split the frame width by `shares`.

    Cells are Paragraphs so long text wraps inside the cell. A cell given as ("raw", markup) is
    trusted markup (already escaped); anything else is escaped here. Rows in `spans` hold one
    cell spread over the whole width (a criterion heading inside the table). Span rows, bold
    rows and rows in `keep_next` never end a page: they head what follows."""
    from reportlab.lib import colors
    from reportlab.platypus import Spacer, Table, TableStyle

    total = sum(shares)
    widths = [FRAME_W * s / total for s in shares]

    def cell(value: object, col: int, bold: bool):
        if value is None or value == "":
            # Nothing to draw: a zero-size flowable is laid out like an empty Paragraph (no
            # line, no height) without being wrapped again at every measure and split.
            return Spacer(0, 0)
        text = value[1] if isinstance(value, tuple) and value[:1] == ("raw",) else esc(value)
        style = styles["cell_bold"] if bold else (
            styles["cell_center"] if col in centred else styles["cell"])
        return paragraph(text, style)

    data = [[paragraph(esc(h), styles["cell_head"]) for h in headers]]
    # FONTNAME: the spanned-over empty cells are drawn as strings, in Helvetica by default,
    # which would put an unembedded font into the PDF.
    commands = [("FONTNAME", (0, 0), (-1, -1), styles["cell"].fontName),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    for n, row in enumerate(rows, start=1):
        bold = (n - 1) in bold_rows
        if (n - 1) in spans:
            data.append([cell(row[0], 0, True)] + [""] * (len(headers) - 1))
            commands.append(("SPAN", (0, n), (-1, n)))
        else:
            data.append([cell(v, c, bold) for c, v in enumerate(row)])
        if (bold or (n - 1) in spans or (n - 1) in keep_next) and n < len(rows):
            commands.append(("NOSPLIT", (0, n), (len(headers) - 1, n + 1)))
    # A cell may hold up to 4000 characters, taller than a page: only then may rows split
    # inside (elsewhere a row split over two pages is harder to read).
    huge = any(len(str(v)) > LONG_CELL for row in rows for v in row)
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=int(huge))
    table.setStyle(TableStyle(commands))
    return table
