"""`ntm-tui submit ID`: mark a report sent (or a meeting held), optionally with its PDF."""
from __future__ import annotations

from ntm_tui.i18n import t


def register(sub, common) -> None:
    p = sub.add_parser("submit", parents=[common], help=t("dl_help_submit"))
    p.add_argument("id", metavar="ID", help=t("dl_help_id"))
    p.add_argument("--date", metavar="DATE", help=t("help_date"))
    p.add_argument("--file", metavar="PDF", help=t("help_submit_file"))
    p.add_argument("--cancel", action="store_true", help=t("dl_help_unsubmit"))
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    from db.rules import parse_date
    from db.services.deadlines import submit, unsubmit

    on = parse_date(args.date) if args.date else ctx.today
    ctx.open()
    commune = ctx.commune()  # a database without a commune says so, not "deadline not found"
    if args.cancel:
        view = unsubmit(args.id, today=ctx.today, commune=commune)
        print(t("dl_unsubmit_done", title=view.title, state=t(f"dl_state_{view.state}")))
        return 0
    view = submit(args.id, on, file_path=args.file or "", today=ctx.today, commune=commune)
    print(t("dl_submit_done", title=view.title, date=on.strftime("%d/%m/%Y")))
    return 0
