"""`ntm-tui assignments`: who leads each criterion and indicator, as a text table."""
from __future__ import annotations

from ntm_tui.i18n import t

from ntm_tui.commands.status import FORMATS


def register(sub, common) -> None:
    p = sub.add_parser("assignments", parents=[common], help=t("help_cmd_assignments"))
    p.add_argument("--year", metavar="Y", help=t("help_year"))
    p.add_argument("--format", choices=FORMATS, default="simple", help=t("help_format"))
    p.add_argument("--criteria", action="store_true", help=t("help_assign_criteria"))
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    from db.services.status import year_status
    from exports.text import print_assignments

    ctx.open()
    commune = ctx.commune()
    status = year_status(commune, ctx.year(args.year), with_evidence=False)
    print_assignments(commune, status, args.format, ctx.lang, with_indicators=not args.criteria)
    return 0
