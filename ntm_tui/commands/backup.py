"""`ntm-tui backup [FILE]`: a consistent copy of the database, even while others write."""
from __future__ import annotations

import sys
from pathlib import Path

from ntm_tui.i18n import t


def register(sub, common) -> None:
    p = sub.add_parser("backup", parents=[common], help=t("help_backup"))
    p.add_argument("file", nargs="?", metavar="FILE", help=t("help_backup_file"))
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    from db.backup import backup_now

    # Not through ctx.open(): a read-only, older or newer database can be backed up as it is.
    target = backup_now(ctx.db_path, Path(args.file).expanduser() if args.file else None)
    print(t("backup_done", path=target))
    return 0


def start_of_day_backup(ctx) -> Path | None:
    """The first start of each day keeps a copy (the last `backups_keep`). A failure is
    reported but never stops the app: the officer's data is still intact."""
    from db.backup import daily_backup, default_folder
    from db.errors import NtmError

    try:
        return daily_backup(ctx.db_path, default_folder(ctx.db_path), ctx.config.backups_keep)
    except NtmError as exc:
        sys.stderr.write(t("daily_backup_failed", detail=exc.message(ctx.lang)) + "\n")
        return None
    except OSError as exc:  # another user's backups folder: the app still starts
        from ntm_tui.__main__ import os_error_message

        sys.stderr.write(t("daily_backup_failed", detail=os_error_message(exc, ctx.lang)) + "\n")
        return None
