"""The PDF baseline: the export's data tables built with bare reportlab.

    python tests/bench/pdf_baseline.py --tables TABLES.json -o FILE
    python tests/bench/pdf_baseline.py --rows R --cols C -o FILE      (the old, tiny reference)

With --tables (the JSON written by tests/bench/pdf_tables.py before anything is timed) this is
what a bare reportlab program needs to print the same tables: an A4 SimpleDocTemplate with the
export's page margins; the bundled Liberation Serif regular face registered and embedded (the
standard Helvetica has no Vietnamese glyphs); every cell a Paragraph in one plain ParagraphStyle
at the export's cell size and leading, so that the text wraps inside the export's column widths
where the export wraps it; the export's cell padding, a grid, the header row repeated on each
page, and the rows that span the whole width spanned. Nothing else: no database, nothing imported
from ntm-tui, no letterhead, headings, body paragraphs, signature, bold or italic faces, page
numbers or document info.

With --rows/--cols: one Table of tiny plain strings ("cell r.c") in Helvetica, nothing embedded
and nothing wrapped; kept as a secondary reference (the figure the budget was first measured
against).
"""
from __future__ import annotations

import argparse
import json
import sys

from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Table


def tiny(rows: int, cols: int, output: str) -> None:
    data = [[f"cell {r}.{c}" for c in range(cols)] for r in range(rows)]
    doc = SimpleDocTemplate(output, pagesize=A4)
    doc.build([Table(data, repeatRows=1)])


def same_tables(spec: dict, output: str) -> int:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, Spacer

    pdfmetrics.registerFont(TTFont("Serif", spec["font"]))
    style = ParagraphStyle("cell", fontName="Serif", fontSize=spec["font_size"],
                           leading=spec["leading"])
    page = spec["page"]
    doc = SimpleDocTemplate(output, pagesize=A4, leftMargin=page["left"],
                            rightMargin=page["right"], topMargin=page["top"],
                            bottomMargin=page["bottom"])

    def para(text: str):
        return Paragraph(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"),
                         style)

    story = []
    for table in spec["tables"]:
        left, right, top, bottom = table["padding"]
        commands = [("FONTNAME", (0, 0), (-1, -1), "Serif"),
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), left),
                    ("RIGHTPADDING", (0, 0), (-1, -1), right),
                    ("TOPPADDING", (0, 0), (-1, -1), top),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), bottom)]
        commands += [("SPAN", (0, r), (-1, r)) for r in table["spans"]]
        data = [[para(text) if text else "" for text in row] for row in table["rows"]]
        story += [Table(data, colWidths=table["widths"], repeatRows=1, style=commands),
                  Spacer(1, 12)]
    doc.build(story)
    return doc.page


def same_document(spec: dict, output: str) -> int:
    """The whole export, flowable by flowable, in bare reportlab (no page numbers)."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import (CondPageBreak, KeepTogether, PageBreak, Paragraph, Spacer,
                                    Table, TableStyle)
    from reportlab.platypus.flowables import HRFlowable

    for face, path in spec["faces"].items():
        pdfmetrics.registerFont(TTFont(face, path))
    pdfmetrics.registerFontFamily("regular", normal="regular", bold="bold", italic="italic",
                                  boldItalic="bold_italic")
    align = {"left": 0, "center": 1, "right": 2, "justify": 4}
    styles: dict = {}

    def style(s: dict) -> ParagraphStyle:
        key = tuple(sorted(s.items()))
        if key not in styles:
            styles[key] = ParagraphStyle(
                f"s{len(styles)}", fontName=s["face"], fontSize=s["size"], leading=s["leading"],
                alignment=align[s["align"]], spaceBefore=s["before"], spaceAfter=s["after"],
                leftIndent=s["indent"], firstLineIndent=s["first"])
        return styles[key]

    def build(item: dict):
        if "p" in item:
            return Paragraph(item["p"], style(item["style"]))
        if "table" in item:
            left, right, top, bottom = item["padding"]
            commands = [("VALIGN", (0, 0), (-1, -1), item["valign"]),
                        ("LEFTPADDING", (0, 0), (-1, -1), left),
                        ("RIGHTPADDING", (0, 0), (-1, -1), right),
                        ("TOPPADDING", (0, 0), (-1, -1), top),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), bottom)]
            commands += [(op, tuple(a), tuple(b), w, colors.HexColor(c))
                         for op, a, b, w, c in item["lines"]]
            commands += [("SPAN", tuple(a), tuple(b)) for a, b in item["spans"]]
            data = [[c if isinstance(c, str) else [build(x) for x in c] for c in row]
                    for row in item["table"]]
            return Table(data, colWidths=item["widths"], repeatRows=item["repeat"],
                         style=TableStyle(commands))
        if "keep" in item:
            return KeepTogether([build(x) for x in item["keep"]])
        if "condbreak" in item:
            return CondPageBreak(item["condbreak"])
        if "pagebreak" in item:
            return PageBreak()
        if "rule" in item:
            return HRFlowable(width=item["rule"], thickness=item["thickness"],
                              spaceBefore=item["before"], spaceAfter=item["after"])
        width, height = item["space"]
        return Spacer(width, height)

    page = spec["page"]
    doc = SimpleDocTemplate(output, pagesize=A4, leftMargin=page["left"],
                            rightMargin=page["right"], topMargin=page["top"],
                            bottomMargin=page["bottom"])
    doc.build([build(item) for item in spec["document"]])
    return doc.page


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", help="the tables' JSON (tests/bench/pdf_tables.py)")
    parser.add_argument("--document", help="the same JSON: build the whole document")
    parser.add_argument("--rows", type=int)
    parser.add_argument("--cols", type=int)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args(argv)
    if args.document:
        with open(args.document, encoding="utf-8") as f:
            same_document(json.load(f), args.output)
    elif args.tables:
        with open(args.tables, encoding="utf-8") as f:
            same_tables(json.load(f), args.output)
    elif args.rows and args.cols:
        tiny(args.rows, args.cols, args.output)
    else:
        parser.error("--tables, or --rows and --cols")
    return 0


if __name__ == "__main__":
    sys.exit(main())
