"""`ntm-tui restore FILE [--yes]`: replace the data by a backup's, keeping a copy first."""
from __future__ import annotations

import sys
from pathlib import Path

from ntm_tui.i18n import t

YES = {"co", "có", "c", "y", "yes"}


def register(sub, common) -> None:
    p = sub.add_parser("restore", parents=[common], help=t("help_restore"))
    p.add_argument("file", metavar="FILE", help=t("help_backup_source"))
    p.add_argument("--yes", action="store_true", help=t("help_yes"))
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    from db.backup import restore, validate_backup
    from db.bootstrap import prepare
    from db.errors import NtmError, StorageError, ValidationError
    from db.foreign import refuse_foreign

    source = Path(args.file).expanduser()
    version = validate_backup(source)  # a bad file is refused before anyone is asked
    refuse_foreign(ctx.db_path)  # another program's database is not replaced either
    if not args.yes:
        if not sys.stdin.isatty():
            raise ValidationError("restore_needs_yes")
        answer = input(t("restore_confirm", db=ctx.db_path, file=source, version=version))
        if answer.strip().lower() not in YES:
            print(t("restore_cancelled"))
            return 1
    safety = restore(source, ctx.db_path)
    try:
        prepare(ctx.db_path, create=False)  # an older backup is brought up to this version
        _scrub()  # a backup from elsewhere may hold ESC sequences: no screen receives them
    except NtmError as exc:
        if safety is None:
            raise
        from db.backup import copy_into
        from db.connection import close_database

        close_database()
        copy_into(safety, ctx.db_path)  # the data as it was before, not a half-usable file
        raise StorageError("restore_failed_kept", detail=exc.message(ctx.lang), path=safety) from None
    print(t("restore_done", db=ctx.db_path, file=source))
    if safety:
        print(t("restore_safety", path=safety))
    return 0


def _scrub() -> None:
    from db.models import database
    from db.scrub import scrub

    with database.atomic():
        scrub(database.connection())
