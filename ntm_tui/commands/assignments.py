"""`ntm-tui assignments`: who leads each criterion and indicator, as a text table."""
from __future__ import annotations

from ntm_tui.commands.status import FORMATS


def register(sub, common) -> None:
    p = sub.add_parser("assignments", parents=[common], help="bảng phân công / who leads what")
    p.add_argument("--year", metavar="Y")
    p.add_argument("--format", choices=FORMATS, default="simple")
    p.add_argument("--criteria", action="store_true", help="chỉ liệt kê tiêu chí / criteria only")
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    from db.services.status import year_status
    from exports.text import print_assignments

    ctx.open()
    commune = ctx.commune()
    status = year_status(commune, ctx.year(args.year), with_evidence=False)
    print_assignments(commune, status, args.format, ctx.lang, with_indicators=not args.criteria)
    return 0
