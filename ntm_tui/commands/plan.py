"""`ntm-tui plan get|put`: the year's plan as a YAML file the officer can edit and read back."""
from __future__ import annotations

from pathlib import Path

from ntm_tui.i18n import t


def register(sub, common) -> None:
    from ntm_tui.__main__ import Parser

    p = sub.add_parser("plan", help=t("plan_cmd_help"))
    actions = p.add_subparsers(dest="plan_action", parser_class=Parser, required=True)
    g = actions.add_parser("get", parents=[common], help=t("plan_get_help"))
    g.add_argument("--year", metavar="Y", help=t("help_year"))
    g.add_argument("-o", "--output", metavar="FILE", help=t("plan_output_help"))
    g.add_argument("--overwrite", action="store_true", help=t("help_overwrite"))
    g.set_defaults(func=run_get)
    u = actions.add_parser("put", parents=[common], help=t("plan_put_help"))
    u.add_argument("file", metavar="FILE", help=t("help_plan_file"))
    u.add_argument("--year", metavar="Y", help=t("help_year"))
    u.set_defaults(func=run_put)


def run_get(args, ctx) -> int:
    from db.backup import write_private
    from db.services.plan_file import dump_plan, plan_data

    ctx.open()
    commune = ctx.commune()
    year = ctx.year(args.year, commune)
    text = dump_plan(plan_data(commune, year))
    if not args.output or args.output == "-":
        print(text, end="")
        return 0
    target = Path(args.output)
    write_private(target, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"), overwrite=args.overwrite)
    print(t("plan_get_done", year=year, path=target))
    return 0


def run_put(args, ctx) -> int:
    from db.errors import ValidationError
    from db.rules import parse_year
    from db.services.plan_file import put_plan

    path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ValidationError("file_not_found", path=path) from None
    except (OSError, UnicodeDecodeError):
        raise ValidationError("plan_file_invalid", problems=str(path)) from None
    ctx.open()
    commune = ctx.commune()
    year = put_plan(commune, text, parse_year(args.year) if args.year else None)
    print(t("plan_put_done", year=year, path=path))
    return 0
