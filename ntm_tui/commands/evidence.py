"""`ntm-tui evidence`: the evidence dossier of a year as a text table, gaps included."""
from __future__ import annotations

from ntm_tui.i18n import t

from ntm_tui.commands.status import FORMATS


def register(sub, common) -> None:
    p = sub.add_parser("evidence", parents=[common], help=t("help_cmd_evidence"))
    p.add_argument("--year", metavar="Y", help=t("help_year"))
    p.add_argument("--format", choices=FORMATS, default="simple", help=t("help_format"))
    p.add_argument("--missing", action="store_true",
                   help=t("help_evidence_missing"))
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    from db.services.status import year_status
    from exports.text import print_evidence

    ctx.open()
    commune = ctx.commune()
    status = year_status(commune, ctx.year(args.year))
    print_evidence(commune, status, args.format, ctx.lang, missing_only=args.missing)
    return 0
