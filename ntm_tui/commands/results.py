"""`ntm-tui results export|import`: a year's indicator table to and from Excel."""
from __future__ import annotations

import sys
from pathlib import Path

from ntm_tui.i18n import t


def register(sub, common) -> None:
    from ntm_tui.__main__ import Parser

    p = sub.add_parser("results", help=t("res_help"))
    actions = p.add_subparsers(dest="results_action", parser_class=Parser, required=True)
    e = actions.add_parser("export", parents=[common], help=t("res_export_help"))
    e.add_argument("file", metavar="FILE", help=t("help_results_file"))
    e.add_argument("--year", metavar="Y", help=t("help_year"))
    e.add_argument("--overwrite", action="store_true", help=t("help_overwrite"))
    e.set_defaults(func=run_export)
    i = actions.add_parser("import", parents=[common], help=t("res_import_help"))
    i.add_argument("file", metavar="FILE", help=t("help_results_file"))
    i.add_argument("--year", metavar="Y", help=t("help_year"))
    i.add_argument("--dry-run", action="store_true", help=t("res_dry_run_help"))
    i.set_defaults(func=run_import)


def _xlsx(path: str) -> Path:
    from db.errors import ValidationError

    if Path(path).suffix.lower() not in (".xlsx", ".xlsm"):
        raise ValidationError("catalogue_format", path=path)
    return Path(path)


def run_export(args, ctx) -> int:
    from db.services.status import year_status
    from exports.files import check_target
    from exports.xlsx import write_results_xlsx

    path = check_target(_xlsx(args.file), args.overwrite)  # refused before the database is read
    ctx.open()
    status = year_status(ctx.commune(), ctx.year(args.year))
    write_results_xlsx(status, path, ctx.lang, exported_on=ctx.today, overwrite=args.overwrite)
    print(t("res_exported", rows=len(status.indicators()), year=status.year, path=path))
    return 0


def describe(change, lang: str) -> str:
    """One change as the officer reads it: code | field: old → new."""
    code, field, old, new = change.cells(lang)
    return t("res_change", code=code, field=field, old=old, new=new)


def run_import(args, ctx) -> int:
    from db.services.results_exchange import RowProblems, import_results

    path = _xlsx(args.file)
    ctx.open()
    commune = ctx.commune()
    year = ctx.year(args.year)
    try:
        outcome = import_results(commune, year, path, dry_run=args.dry_run)
    except RowProblems as exc:  # one line per problem, each naming its row
        for line in exc.lines(ctx.lang):
            sys.stderr.write(f"ntm-tui: {line}\n")
        return 2
    for change in outcome.changes:
        print(describe(change, ctx.lang))
    for note in outcome.notes:  # cells not applied as written, and why
        print(note.text(ctx.lang))
    if not outcome.changes:
        print(t("res_nothing", rows=outcome.rows))
    elif args.dry_run:
        print(t("res_dry_summary", count=len(outcome.changes)))
    else:
        print(t("res_applied", count=len(outcome.changes), batch=outcome.batch))
    return 0
