"""The content of one export, written as JSON for the bare-reportlab baselines (pdf_baseline.py).

    python tests/bench/pdf_tables.py --db DEMO KIND --year 2023 [--period 2023] -o FILE.json

Run by the benchmark once per kind, before anything is timed. It goes through the exporter's own
entry point (`exports.pdf.export_report`) but stops before the PDF is laid out: the story handed
to the template is walked for the data tables (the bordered tables with a repeated header row;
the letterhead and signature layout tables are not data tables) and each is written down as what
a reader sees: the plain text of every cell, the column widths in points, the rows that hold one
cell spread over the whole width, and the cell padding. The page (A4, the decree's margins), the
regular font file and the cell font size and leading go in too, so that the baseline wraps its
text where the export wraps it.

Under "document" the whole story is written down too, flowable by flowable (paragraphs with their
markup and style, every table with its cells, lines and spans, spacers, rules, kept-together
groups), with the four bundled faces: the same-document baseline builds exactly that.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _tables(flowables) -> list:
    """Data tables in story order, looking inside containers (KeepTogether and the like)."""
    from reportlab.platypus import Table

    found = []
    for f in flowables:
        if isinstance(f, Table):
            if getattr(f, "repeatRows", 0):
                found.append(f)
        else:
            inner = getattr(f, "_content", None)
            if isinstance(inner, (list, tuple)):
                found += _tables(inner)
    return found


def _text(cell) -> str:
    """What a reader sees in a cell: a Paragraph's text, a string; an empty cell (a spanned-over
    string, or a zero-size flowable) is ""."""
    if hasattr(cell, "getPlainText"):
        return cell.getPlainText()
    return cell if isinstance(cell, str) else ""


def _describe(table) -> dict:
    rows = [[_text(c) for c in row] for row in table._cellvalues]
    spans = sorted({sr for _, (sc, sr), (ec, er) in table._spanCmds
                    if sc == 0 and ec in (-1, table._ncols - 1) and sr == er})
    cell = table._cellStyles[1 if table._nrows > 1 else 0][0]
    return {"widths": [float(w) for w in table._colWidths], "rows": rows, "spans": spans,
            "padding": [cell.leftPadding, cell.rightPadding, cell.topPadding, cell.bottomPadding]}


# --- the whole document, for the same-document baseline ------------------------------------------

ALIGN = {0: "left", 1: "center", 2: "right", 4: "justify"}


def _face(font_name: str, family) -> str:
    """Which of the four faces a style's font is (the export registers them under hashed names)."""
    for face in ("regular", "bold", "italic", "bold_italic"):
        if getattr(family, face) == font_name:
            return face
    return "regular"


def _style(style, family) -> dict:
    return {"face": _face(style.fontName, family), "size": style.fontSize, "leading": style.leading,
            "align": ALIGN.get(style.alignment, "left"), "before": style.spaceBefore,
            "after": style.spaceAfter, "indent": style.leftIndent, "first": style.firstLineIndent}


def _color(value) -> str:
    return value.hexval() if hasattr(value, "hexval") else str(value)


def _flowable(f, family) -> dict:
    """One flowable as data: what bare reportlab needs to build the same one."""
    from reportlab.platypus import (CondPageBreak, KeepTogether, PageBreak, Paragraph, Spacer,
                                    Table)
    from reportlab.platypus.flowables import HRFlowable

    if isinstance(f, Paragraph):
        return {"p": f.text, "style": _style(f.style, family)}
    if isinstance(f, Table):
        cell = f._cellStyles[1 if f._nrows > 1 else 0][0]
        return {"table": [[_cell(c, family) for c in row] for row in f._cellvalues],
                "widths": [float(w) for w in f._colWidths], "repeat": f.repeatRows,
                "lines": [[op, list(a), list(b), w, _color(c)] for op, a, b, w, c, *_ in f._linecmds],
                "spans": [[list(a), list(b)] for _, a, b in f._spanCmds],
                "padding": [cell.leftPadding, cell.rightPadding, cell.topPadding, cell.bottomPadding],
                "valign": cell.valign}
    if isinstance(f, KeepTogether):
        return {"keep": [_flowable(x, family) for x in f._content]}
    if isinstance(f, CondPageBreak):
        return {"condbreak": f.height}
    if isinstance(f, PageBreak):
        return {"pagebreak": True}
    if isinstance(f, HRFlowable):
        return {"rule": f.width, "thickness": f.lineWidth, "before": f.spaceBefore,
                "after": f.spaceAfter}
    if isinstance(f, Spacer):
        return {"space": [f.width, f.height]}
    raise TypeError(f"the baseline has no counterpart for {type(f).__name__}")


def _cell(value, family):
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return [_flowable(x, family) for x in value]
    return [_flowable(value, family)]


def capture(db: Path, kind: str, year: int, period: str | None, today: date | None = None) -> dict:
    from db.bootstrap import prepare
    from db.connection import close_database
    from db.services.communes import get_commune
    from exports import pdf
    from exports.pdf import styles, template
    from exports.pdf.fonts import BUNDLED

    captured: dict = {}

    def keep(path, info, story, family, job_styles, lang, annex=None) -> int:
        captured["tables"] = [_describe(t) for t in _tables(story)]
        whole = assemble(info, story, job_styles, lang, annex)  # as template.build lays it out
        captured["document"] = [_flowable(f, family) for f in whole]
        cell = job_styles["cell"]
        captured["font_size"], captured["leading"] = cell.fontSize, cell.leading
        return 0

    prepare(db, create=False)
    real, assemble = template.build, template.assemble
    template.build = keep
    try:
        with tempfile.TemporaryDirectory() as tmp:  # the export leaves an empty file there
            pdf.export_report(kind, get_commune(None).id, year, Path(tmp) / "unused.pdf",
                              period=period, today=today, overwrite=True)
    finally:
        template.build = real
        close_database()
    return {"kind": kind, "page": {"width": styles.PAGE_W, "height": styles.PAGE_H,
                                   "left": styles.LEFT, "right": styles.RIGHT,
                                   "top": styles.TOP, "bottom": styles.BOTTOM},
            "font": str(BUNDLED["regular"]), "faces": {k: str(v) for k, v in BUNDLED.items()},
            **captured}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind")
    parser.add_argument("--db", required=True)
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("--period")
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args(argv)
    data = capture(Path(args.db), args.kind, args.year, args.period)
    Path(args.output).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
