"""`ntm-tui search TEXT`: find anything of a year, with the app's search (db.services.search)."""
from __future__ import annotations

import json

from ntm_tui.i18n import t

FORMATS = ("plain", "simple", "github", "grid", "csv", "json")


def register(sub, common) -> None:
    p = sub.add_parser("search", parents=[common], help=t("help_search"))
    p.add_argument("text", nargs="+", metavar="TEXT", help=t("help_search_text"))
    p.add_argument("--year", metavar="Y", help=t("help_year"))
    p.add_argument("--format", choices=FORMATS, default="simple", help=t("help_format"))
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    from db.services.search import search
    from exports.text import render_table

    text = " ".join(args.text)
    ctx.open()
    commune = ctx.commune()
    year = ctx.year(args.year)
    hits = search(commune.id, year, text, today=ctx.today)
    if args.format == "json":
        print(json.dumps([{"kind": h.kind, "label": t(f"hit_{h.kind}"), "code": h.code,
                           "title": h.title, "context": h.context} for h in hits],
                         ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print(t("find_none", text=text))
        return 0
    rows = [(t(f"hit_{h.kind}"), h.code, h.title, h.context) for h in hits]
    headers = [t(k) for k in ("search_col_kind", "search_col_code", "search_col_title",
                              "search_col_context")]
    print(render_table(rows, headers, args.format, maxcolwidths=[None, None, 50, 30]))
    return 0
