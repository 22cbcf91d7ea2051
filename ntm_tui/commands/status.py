"""`ntm-tui status`: criteria met per year, with the plan's counts."""
from __future__ import annotations

FORMATS = ("plain", "simple", "github", "grid", "csv", "json")


def register(sub, common) -> None:
    p = sub.add_parser("status", parents=[common], help="tình hình đạt tiêu chí / criteria status")
    p.add_argument("--year", metavar="Y")
    p.add_argument("--format", choices=FORMATS, default="simple")
    p.add_argument("--as-of", metavar="NGÀY", dest="as_of",
                   help="số liệu tính đến ngày (dd/mm/yyyy hoặc yyyy-mm-dd) / as of a date")
    p.add_argument("--indicators", action="store_true", help="liệt kê cả chỉ tiêu / list indicators too")
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    from db.rules import parse_date
    from db.services.status import year_status
    from exports.text import print_status

    as_of = parse_date(args.as_of) if args.as_of else None  # a bad date: one line, exit 2
    ctx.open()
    commune = ctx.commune()
    year = ctx.year(args.year or (str(as_of.year) if as_of else None), commune)
    status = year_status(commune, year, as_of=as_of)
    print_status(status, args.format, ctx.lang, with_indicators=args.indicators)
    return 0
