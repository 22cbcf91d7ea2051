"""`ntm-tui submit ID`: mark a report sent (or a meeting held), optionally with its PDF."""
from __future__ import annotations

from ntm_tui.i18n import t


def register(sub, common) -> None:
    p = sub.add_parser("submit", parents=[common], help=t("help_submit"))
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--date", metavar="DATE", help="dd/mm/yyyy | yyyy-mm-dd")
    p.add_argument("--file", metavar="PDF")
    p.add_argument("--cancel", action="store_true", help=t("help_unsubmit"))
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    from db.rules import parse_date
    from db.services.deadlines import submit, unsubmit

    on = parse_date(args.date) if args.date else ctx.today
    file_path = ""
    if args.file:  # here the file must exist: it is named on this machine, by the person typing
        from pathlib import Path

        from db.errors import NotFoundError

        path = Path(args.file).expanduser()
        if not path.is_file():
            raise NotFoundError("file_not_found", path=args.file)
        file_path = str(path.resolve())
    ctx.open()
    ctx.commune()  # a database without a commune says so, not "deadline not found"
    if args.cancel:
        view = unsubmit(args.id, today=ctx.today)
        print(t("unsubmit_done", title=view.title, state=t(f"state_{view.state}")))
        return 0
    view = submit(args.id, on, file_path=file_path, today=ctx.today)
    print(t("submit_done", title=view.title, date=on.strftime("%d/%m/%Y")))
    return 0
