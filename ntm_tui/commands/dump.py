"""`ntm-tui dump FILE.json`: all data as JSON (stable order, so two dumps diff well)."""
from __future__ import annotations

from pathlib import Path

from ntm_tui.i18n import t


def register(sub, common) -> None:
    p = sub.add_parser("dump", parents=[common], help=t("help_dump"))
    p.add_argument("file", metavar="FILE.json", help=t("help_json_file"))
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    from db.portable import dump

    target = Path(args.file).expanduser()
    print(t("dump_done", rows=dump(ctx.db_path, target), path=target))
    return 0
