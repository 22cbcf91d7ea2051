"""`ntm-tui catalogue export|import|list|use`: criteria sets as files the officer can edit."""
from __future__ import annotations

from pathlib import Path

from ntm_tui.i18n import t

YAML_SUFFIXES = (".yaml", ".yml")
XLSX_SUFFIXES = (".xlsx", ".xlsm")


def register(sub, common) -> None:
    from ntm_tui.__main__ import Parser

    p = sub.add_parser("catalogue", help=t("cat_help"))
    actions = p.add_subparsers(dest="catalogue_action", parser_class=Parser, required=True)
    e = actions.add_parser("export", parents=[common], help=t("cat_export_help"))
    e.add_argument("file", metavar="FILE", help=t("help_catalogue_file"))
    e.add_argument("--set", dest="set_code", metavar="CODE", help=t("help_catalogue_set"))
    e.add_argument("--overwrite", action="store_true", help=t("help_overwrite"))
    e.set_defaults(func=run_export)
    i = actions.add_parser("import", parents=[common], help=t("cat_import_help"))
    i.add_argument("file", metavar="FILE", nargs="?", help=t("help_catalogue_file"))
    i.add_argument("--replace", action="store_true", help=t("cat_replace_help"))
    i.add_argument("--shipped", action="store_true", help=t("cat_shipped_help"))
    i.add_argument("--dry-run", action="store_true", help=t("cat_dry_run_help"))
    i.set_defaults(func=run_import)
    ls = actions.add_parser("list", parents=[common], help=t("cat_list_help"))
    ls.set_defaults(func=run_list)
    u = actions.add_parser("use", parents=[common], help=t("cat_use_help"))
    u.add_argument("code", metavar="CODE", help=t("help_catalogue_code"))
    u.add_argument("--from-year", required=True, metavar="Y", help=t("help_catalogue_from_year"))
    u.add_argument("--group", metavar="G", help=t("cat_group_help"))
    u.set_defaults(func=run_use)


def file_kind(path: Path) -> str:
    from db.errors import ValidationError

    suffix = Path(path).suffix.lower()
    if suffix in YAML_SUFFIXES:
        return "yaml"
    if suffix in XLSX_SUFFIXES:
        return "xlsx"
    raise ValidationError("catalogue_format", path=path)


def _default_set(ctx):
    """The set the commune works with this year; with no commune, the only (or shipped) set."""
    from db.catalogue import DEFAULT_CATALOGUE
    from db.errors import NotFoundError
    from db.models import CriteriaSet
    from db.services.catalogue_edit import get_set
    from db.services.communes import criteria_set_for_year

    try:
        commune = ctx.commune()
        return criteria_set_for_year(commune, ctx.year(None), check=False)
    except NotFoundError:
        sets = list(CriteriaSet.select())
        return sets[0] if len(sets) == 1 else get_set(DEFAULT_CATALOGUE)


def run_export(args, ctx) -> int:
    from db.catalogue import catalogue_document, write_yaml
    from db.services.catalogue_edit import get_set
    from exports.files import check_target, safe_target

    kind = file_kind(args.file)
    path = check_target(Path(args.file), args.overwrite)  # refused before the database is read
    ctx.open()
    cset = get_set(args.set_code) if args.set_code else _default_set(ctx)
    document = catalogue_document(cset)
    if kind == "xlsx":
        from exports.xlsx import write_catalogue_xlsx

        write_catalogue_xlsx(document, path, overwrite=args.overwrite)
    else:
        with safe_target(path, args.overwrite) as tmp:  # whole file or none, never via a link
            write_yaml(document, tmp)
    counts = document["stated_counts"]
    print(t("cat_exported", code=cset.code, criteria=counts["criteria"],
            indicators=counts["indicators"], path=path))
    return 0


def run_import(args, ctx) -> int:
    from db.catalogue import default_catalogue_path, load_catalogue_file
    from db.errors import ValidationError
    from db.services.catalogue_edit import import_catalogue

    if args.shipped == bool(args.file):  # one of them: a file, or the set shipped with the app
        raise ValidationError("catalogue_file_or_shipped")
    path = default_catalogue_path() if args.shipped else Path(args.file)
    file_kind(path)
    spec = load_catalogue_file(path)  # validated before the database is touched
    ctx.open()
    if args.dry_run:
        return _preview(spec, args.replace)
    summary = import_catalogue(spec, replace=args.replace)
    if summary.created:
        print(t("cat_imported", code=summary.code, criteria=summary.criteria,
                indicators=summary.indicators))
    else:
        print(t("cat_replaced", code=summary.code, criteria=summary.criteria,
                indicators=summary.indicators, added=", ".join(summary.added) or t("cat_none"),
                removed=", ".join(summary.removed) or t("cat_none")))
        if summary.reworded:
            print(t("cat_reworded", codes=", ".join(summary.reworded)))
    return 0


def _preview(spec, replace: bool) -> int:
    """Each indicator the import adds or changes, with what changes, in words."""
    from db.services.catalogue_edit import preview_catalogue

    preview = preview_catalogue(spec, replace=replace)
    summary = preview.summary
    print(t("cat_preview_head", code=summary.code, criteria=summary.criteria,
            indicators=summary.indicators))
    if summary.created:
        print(t("cat_preview_new_set"))
    else:
        for code, changed in preview.changes:
            print(f"  {code}: {', '.join(t('cat_change_' + name) for name in changed)}")
        if summary.removed:
            print(t("cat_preview_removed", codes=", ".join(summary.removed)))
        if not preview.changes and not summary.removed:
            print(t("cat_preview_none"))
        if summary.reworded:
            print(t("cat_reworded", codes=", ".join(summary.reworded)))
    print(t("cat_preview_unknown", count=preview.unknown_thresholds))
    print(t("cat_preview_tail"))
    return 0


def run_list(args, ctx) -> int:
    from db.services.catalogue_edit import list_sets
    from exports.text import render_table

    ctx.open()
    rows = [(s.code, s.name, f"{s.period_start}–{s.period_end}", f"{s.criteria}/{s.indicators}",
             f"{s.verified}/{s.indicators}", s.sourced, s.recalled, s.unknown_thresholds,
             ", ".join(f"{name} ({year})" for name, year in s.used_by))
            for s in list_sets()]
    headers = [t(k) for k in ("cat_col_code", "cat_col_name", "cat_col_period", "cat_col_counts",
                              "cat_col_verified", "cat_col_sourced", "cat_col_recalled",
                              "cat_col_unknown", "cat_col_used")]
    print(render_table(rows, headers, "simple"))
    return 0


def run_use(args, ctx) -> int:
    from db import rules
    from db.services.catalogue_edit import get_set, use_criteria_set

    year = rules.parse_year(args.from_year)
    ctx.open()
    commune = ctx.commune()
    use_criteria_set(commune, args.code, year, group=args.group)
    print(t("cat_used", commune=commune.name, code=get_set(args.code).code, year=year))
    if args.group is not None:
        print(t("cat_group_set", group=args.group))
    return 0
