"""Command line: parse, resolve paths, run. `ntm-tui` alone opens the app."""
from __future__ import annotations

import argparse
import sys

from ntm_tui.i18n import set_lang, t


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one clear line, exit 2, like every bad input
        self.print_usage(sys.stderr)
        prefix = "Lỗi tham số" if _lang_hint() != "en" else "Argument error"
        sys.stderr.write(f"{self.prog}: {prefix}: {message}\n")
        raise SystemExit(2)


def _lang_hint() -> str:
    argv = sys.argv[1:]
    if "--lang" in argv:
        i = argv.index("--lang")
        return argv[i + 1] if i + 1 < len(argv) else "vi"
    return "vi"


def common_options(parser: argparse.ArgumentParser, top: bool, commune: bool = True) -> None:
    """Options every command takes, before or after the command name."""
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--db", metavar="PATH", default=default, help=t("help_db"))
    parser.add_argument("--lang", choices=("vi", "en"), default=default, help=t("help_lang"))
    if commune:
        parser.add_argument("--commune", metavar="NAME", default=default, help=t("help_commune"))
    parser.add_argument("--today", metavar="DATE", default=default,
                        help="dd/mm/yyyy | yyyy-mm-dd")


GLOBAL_VALUE_OPTIONS = ("--db", "--lang", "--commune", "--today")
HELP_FLAGS = {"-h", "--help"}


def command_name(argv: list[str]) -> str | None:
    """The command word in argv (skipping global options and their values), if any."""
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token in GLOBAL_VALUE_OPTIONS:
            skip = True
        elif not token.startswith("-"):
            return token
    return None


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser; given argv, only the command being run is built (help and typos get all)."""
    from ntm_tui.commands import command_modules

    parser = Parser(prog="ntm-tui", description="Nông thôn mới — ntm-tui")
    common_options(parser, top=True)
    sub = parser.add_subparsers(dest="command", parser_class=Parser)
    common = Parser(add_help=False)
    common_options(common, top=False)
    only = command_name(argv) if argv is not None else None
    if argv is not None and only is None and not HELP_FLAGS.intersection(argv):
        sub.metavar = t("command_metavar")
        return parser  # `ntm-tui` alone opens the app: no command parser is needed
    for module in command_modules(only):
        module.register(sub, common)
    return parser


def owner_only_files() -> None:
    """Everything this process creates (database, backups, exports) is the owner's alone,
    unless NTM_TUI_UMASK says otherwise (e.g. 027 to share with a group)."""
    import os

    try:
        os.umask(int(os.environ.get("NTM_TUI_UMASK", "077"), 8))
    except ValueError:
        os.umask(0o077)


def main(argv: list[str] | None = None) -> int:
    owner_only_files()
    set_lang(_lang_hint())
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    from db.errors import NtmError
    from ntm_tui.context import build_context

    ctx = None
    try:
        ctx = build_context(args)
        set_lang(ctx.lang)
        handler = getattr(args, "func", None)
        if handler is None:
            from ntm_tui.launch import run_app

            return run_app(args, ctx) or 0
        return handler(args, ctx) or 0
    except NtmError as exc:
        sys.stderr.write(f"ntm-tui: {exc.message(ctx.lang if ctx else _lang_hint())}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write(t("interrupted") + "\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # never a traceback for the officer; NTM_TUI_DEBUG shows it
        import os
        from peewee import sqlite3  # the library peewee uses (pysqlite3 when installed)

        from peewee import DatabaseError

        if os.environ.get("NTM_TUI_DEBUG"):
            raise
        lang = ctx.lang if ctx else _lang_hint()
        if isinstance(exc, (DatabaseError, sqlite3.DatabaseError)):
            from db.connection import translate_error

            sys.stderr.write(f"ntm-tui: {translate_error(exc).message(lang)}\n")
            return 2
        sys.stderr.write(f"ntm-tui: {t('unexpected_error', detail=exc)}\n")
        return 1
    finally:
        from db.connection import close_database

        close_database()


if __name__ == "__main__":
    sys.exit(main())
