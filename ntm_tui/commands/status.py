"""`ntm-tui status`: criteria met per year, with the plan's counts."""
from __future__ import annotations

from ntm_tui.i18n import t

FORMATS = ("plain", "simple", "github", "grid", "csv", "json")


def register(sub, common) -> None:
    p = sub.add_parser("status", parents=[common], help=t("help_cmd_status"))
    p.add_argument("--year", metavar="Y", help=t("help_year"))
    p.add_argument("--format", choices=FORMATS, default="simple", help=t("help_format"))
    p.add_argument("--as-of", metavar="DATE", dest="as_of",
                   help=t("help_status_as_of"))
    p.add_argument("--indicators", action="store_true", help=t("help_status_indicators"))
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
