"""`ntm-tui status`: criteria met per year, with the plan's counts."""
from __future__ import annotations

FORMATS = ("plain", "simple", "github", "grid", "csv", "json")


def register(sub, common) -> None:
    p = sub.add_parser("status", parents=[common], help="tình hình đạt tiêu chí / criteria status")
    p.add_argument("--year", metavar="Y")
    p.add_argument("--format", choices=FORMATS, default="simple")
    p.add_argument("--indicators", action="store_true", help="liệt kê cả chỉ tiêu / list indicators too")
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    from db.services.status import year_status
    from exports.text import print_status

    ctx.open()
    commune = ctx.commune()
    status = year_status(commune, ctx.year(args.year, commune))
    print_status(status, args.format, ctx.lang, with_indicators=args.indicators)
    return 0
