"""`ntm-tui load FILE.json`: a dump into a new (missing or unused) database."""
from __future__ import annotations

from pathlib import Path

from ntm_tui.i18n import t


def register(sub, common) -> None:
    p = sub.add_parser("load", parents=[common], help=t("help_load"))
    p.add_argument("file", metavar="FILE.json", help=t("help_json_file"))
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    from db.portable import load

    rows = load(Path(args.file).expanduser(), ctx.db_path)
    print(t("load_done", rows=rows, db=ctx.db_path))
    return 0
