"""The PDF baseline: bare reportlab, an A4 SimpleDocTemplate holding one Table of plain strings
with as many rows and columns as the exported report's tables.

    python tests/bench/pdf_baseline.py --rows R --cols C -o FILE
"""
from __future__ import annotations

import argparse
import sys

from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--cols", type=int, required=True)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args(argv)
    data = [[f"cell {r}.{c}" for c in range(args.cols)] for r in range(args.rows)]
    doc = SimpleDocTemplate(args.output, pagesize=A4)
    doc.build([Table(data, repeatRows=1)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
