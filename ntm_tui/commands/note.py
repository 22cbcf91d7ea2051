"""`ntm-tui note ID TEXT`: the officer's note on a deadline ("" removes it)."""
from __future__ import annotations

from ntm_tui.i18n import t


def register(sub, common) -> None:
    p = sub.add_parser("note", parents=[common], help=t("dl_help_note"))
    p.add_argument("id", metavar="ID", help=t("dl_help_id"))
    p.add_argument("text", metavar="TEXT", help=t("dl_help_note_text"))
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    from db.services.deadlines import set_note

    ctx.open()
    commune = ctx.commune()  # a database without a commune says so, not "deadline not found"
    view = set_note(args.id, args.text, today=ctx.today, commune=commune)
    print(t("dl_note_done" if view.note else "dl_note_removed", title=view.title))
    return 0
