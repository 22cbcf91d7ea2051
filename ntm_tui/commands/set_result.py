"""`ntm-tui set CODE`: record an indicator's result for a year."""
from __future__ import annotations

from ntm_tui.i18n import t


def register(sub, common) -> None:
    p = sub.add_parser("set", parents=[common], help="ghi kết quả chỉ tiêu / record a result")
    p.add_argument("code", metavar="CODE")
    p.add_argument("--year", metavar="Y")
    p.add_argument("--value", metavar="V")
    p.add_argument("--met", metavar="yes|no|na")
    p.add_argument("--note", metavar="TEXT")
    p.add_argument("--numerator", metavar="N")
    p.add_argument("--denominator", metavar="N")
    p.add_argument("--data-date", metavar="DATE")
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    from db.services.results import set_result

    ctx.open()
    commune = ctx.commune()
    year = ctx.year(args.year)
    result = set_result(commune, year, args.code, value=args.value, met=args.met, note=args.note,
                        numerator=args.numerator, denominator=args.denominator,
                        data_date=args.data_date)
    value = f" ({result.value})" if result.value else ""
    print(t("set_done", code=result.code, year=year, result=t(f"status_{result.status}"), value=value))
    return 0
