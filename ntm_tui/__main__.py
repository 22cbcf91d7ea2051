"""Command line: parse, resolve paths, run. `ntm-tui` alone opens the app."""
from __future__ import annotations

import argparse
import contextlib
import sys

from ntm_tui.i18n import set_lang, t


# argparse's own messages, said in Vietnamese (its English reached the officer's terminal)
_ARGPARSE_VI = [
    (r"^unrecognized arguments: (.*)$", r"không hiểu tham số: \1"),
    (r"^the following arguments are required: (.*)$", r"thiếu tham số bắt buộc: \1"),
    (r"^argument (.*?): invalid choice: (.*?) \(choose from (.*)\)$",
     r"tham số \1: không có lựa chọn \2 (chọn một trong: \3)"),
    (r"^argument (.*?): expected one argument$", r"tham số \1: cần một giá trị"),
    (r"^argument (.*?): invalid (\w+) value: (.*)$", r"tham số \1: giá trị không hợp lệ: \3"),
    (r"^argument (.*?): (.*)$", r"tham số \1: \2"),
]


def _in_vietnamese(message: str) -> str:
    import re

    for pattern, words in _ARGPARSE_VI:
        if re.match(pattern, message):
            return re.sub(pattern, words, message)
    return message


def _help_width() -> int:
    """The terminal's width, found as argparse's own lookup does (COLUMNS, then the terminal,
    then 80), minus its margin of 2."""
    import os

    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return (columns if columns > 0 else 80) - 2


class HelpLayout(argparse.HelpFormatter):
    """argparse's help layout, told the width. argparse makes one for every argument added,
    to check it, and its own width lookup imports shutil (bz2 and lzma with it): about 1.5 ms
    of every command, help or not."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position, width or _help_width())

    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, t("help_usage") if prefix is None else prefix)

    def start_section(self, heading) -> None:
        # argparse's own headings are English whatever the language
        super().start_section(t(_HEADINGS[heading]) if heading in _HEADINGS else heading)


_HEADINGS = {"options": "help_options", "optional arguments": "help_options",  # 3.9 and before
             "positional arguments": "help_positionals"}


class Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", HelpLayout)
        super().__init__(*args, **kwargs)
        for action in self._actions:
            if "-h" in action.option_strings:  # argparse's own line, English otherwise
                action.help = t("help_help")

    def error(self, message: str) -> None:  # one clear line, exit 2, like every bad input
        from db.text import for_terminal

        en = _lang_hint() == "en"
        if not en:
            message = _in_vietnamese(message)
        prefix = "Argument error" if en else "Lỗi tham số"
        hint = f"see: {self.prog} --help" if en else f"xem: {self.prog} --help"
        sys.stderr.write(for_terminal(f"{self.prog}: {prefix}: {message} ({hint})", one_line=True) + "\n")
        raise SystemExit(2)


def record_id(text: str) -> int:
    """An id on the command line: a whole number SQLite can hold (argparse says so otherwise)."""
    why = ("an id is a whole number from 1 to 18 digits" if _lang_hint() == "en"
           else "mã số là số nguyên dương, tối đa 18 chữ số")
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{why}: {text!r}") from None
    if not 0 < value < 10 ** 18:
        raise argparse.ArgumentTypeError(f"{why}: {text!r}")
    return value


class TerminalSafe:
    """stdout for a command: control characters in data (a note, a name from a file) are shown
    as �, never sent to the terminal as commands."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        from db.text import for_terminal

        return self._stream.write(for_terminal(text))

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def check_arguments(argv: list[str]) -> None:
    """Arguments that no command can use, refused before anything is opened."""
    import os

    from db.errors import ValidationError

    for token in argv:
        try:
            token.encode("utf-8")
        except UnicodeEncodeError:  # bytes that are not UTF-8 arrive as lone surrogates
            raise ValidationError("arg_not_utf8", value=token.encode("utf-8", "replace").decode()) from None
        if "\x00" in token:
            raise ValidationError("arg_not_utf8", value=token.replace("\x00", "\\0"))
        value = token.split("=", 1)[1] if token.startswith("--") and "=" in token else token
        if value.startswith("~") and os.path.expanduser(value.split("/", 1)[0]) == value.split("/", 1)[0]:
            raise ValidationError("path_user_unknown", value=value)


def _root_cause(exc: BaseException) -> BaseException:
    """A full disk makes SQLite roll back on its own; peewee's rollback then fails with
    "cannot rollback - no transaction is active" and hides the reason: find the reason."""
    from db.connection import translate_error

    seen = exc
    while seen is not None:
        if translate_error(seen).key in ("db_full", "db_io", "db_readonly", "db_locked"):
            return seen
        seen = seen.__context__
    return exc


def os_error_message(exc: OSError, lang: str) -> str:
    import errno

    from db.messages import translate

    reasons = {errno.ENAMETOOLONG: "name_too_long", errno.ENOENT: "no_such_file",
               errno.EACCES: "permission", errno.EPERM: "permission", errno.ENOSPC: "disk_full",
               errno.EDQUOT: "disk_full", errno.EROFS: "read_only", errno.ENOTDIR: "not_a_folder",
               errno.EISDIR: "is_a_folder", errno.ELOOP: "link_loop"}
    reason = translate(f"os_{reasons.get(exc.errno, 'other')}", lang)
    return translate("file_error", lang, path=exc.filename or "", reason=reason)


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
                        help=t("help_today"))


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

    try:  # the owner's own bits are never masked: a file its owner cannot read helps nobody
        os.umask(int(os.environ.get("NTM_TUI_UMASK") or "077", 8) & 0o077)
    except ValueError:
        os.umask(0o077)


@contextlib.contextmanager
def cycles_left_to_exit(give_back: bool):
    """A command runs for a moment and exits, and the exit frees its memory: Python's cycle
    collector would only walk what the imports built, over and over (about 10 ms of a PDF
    export). Turned back on, it would walk everything the command made once more (11 ms) and
    again as Python shuts down (9 ms), so it stays off when the process ends with the command;
    a caller in the same process (the tests) gets it back."""
    import gc

    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on and give_back:
            gc.enable()


def main(argv: list[str] | None = None) -> int:
    """Run the command line; without argv it is the process's own, and the process ends with it."""
    ending_process = argv is None
    owner_only_files()
    set_lang(_lang_hint())
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    from db.errors import NtmError
    from ntm_tui.context import build_context

    from db.text import for_terminal

    ctx = None
    stdout = sys.stdout
    try:
        check_arguments(argv)
        ctx = build_context(args)
        set_lang(ctx.lang)
        handler = getattr(args, "func", None)
        if handler is None:
            from ntm_tui.launch import run_app

            return run_app(args, ctx) or 0
        sys.stdout = TerminalSafe(stdout)  # a command's output only: the app draws with escapes
        with cycles_left_to_exit(give_back=not ending_process):
            return handler(args, ctx) or 0
    except NtmError as exc:
        message = exc.message(ctx.lang if ctx else _lang_hint())
        # A list of problems (every bad row of a file) keeps its lines, each made safe.
        lines = [for_terminal(line, one_line=True) for line in message.split("\n")]
        sys.stderr.write("ntm-tui: " + "\n".join(lines) + "\n")
        return exc.exit_code
    except OverflowError:  # a number beyond what the database holds (an id of 20 digits)
        from db.messages import translate

        sys.stderr.write(f"ntm-tui: {translate('number_too_large', ctx.lang if ctx else _lang_hint())}\n")
        return 2
    except OSError as exc:  # a file or folder the command cannot use: say which and why
        if isinstance(exc, BrokenPipeError):
            return 0
        message = os_error_message(exc, ctx.lang if ctx else _lang_hint())
        sys.stderr.write(f"ntm-tui: {for_terminal(message, one_line=True)}\n")
        return 2
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

            message = translate_error(_root_cause(exc)).message(lang)
            sys.stderr.write(f"ntm-tui: {for_terminal(message, one_line=True)}\n")
            return 2
        sys.stderr.write(f"ntm-tui: {for_terminal(t('unexpected_error', detail=exc), one_line=True)}\n")
        return 1
    finally:
        sys.stdout = stdout
        from db.connection import close_database

        close_database()


if __name__ == "__main__":
    sys.exit(main())
