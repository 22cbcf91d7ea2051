"""`ntm-tui export KIND`: write an official PDF report (plan, report, evidence, assignments)."""
from __future__ import annotations

from ntm_tui.i18n import t


def register(sub, common) -> None:
    p = sub.add_parser("export", parents=[common], help=t("help_cmd_export"))
    p.add_argument("kind", metavar="KIND", help=t("help_export_kind"))
    p.add_argument("--year", metavar="Y", help=t("help_year"))
    p.add_argument("--period", metavar="P", help=t("help_export_period"))
    p.add_argument("--annex", action="store_true",
                   help=t("help_export_annex"))
    p.add_argument("--doc-lang", choices=("vi", "en"), default="vi", dest="doc_lang",
                   help=t("help_export_doc_lang"))
    p.add_argument("-o", "--output", metavar="FILE", help=t("help_export_output"))
    p.add_argument("--overwrite", action="store_true", help=t("help_overwrite"))
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    from pathlib import Path

    from exports.pdf import check_kind, default_filename, export_report
    from ntm_tui.paths import default_export_dir

    from exports.files import check_target

    kind = check_kind(args.kind)  # before touching the database: a typo costs nothing
    if args.output:  # so is a file that cannot be written (the report may fill in deadlines)
        check_target(Path(args.output), args.overwrite)
    ctx.open()
    commune = ctx.commune()
    period_year = (args.period or "").strip()[:4]
    year = ctx.year(args.year or (period_year if period_year.isdigit() else None))
    if args.output:
        output = Path(args.output).expanduser()
    else:
        folder = Path(ctx.config.export_dir).expanduser() if ctx.config.export_dir \
            else default_export_dir()
        output = folder / default_filename(kind, year, args.period)
    result = export_report(kind, commune.id, year, output, period=args.period,
                           font_path=ctx.config.font_path or None, lang=args.doc_lang,
                           overwrite=args.overwrite, today=ctx.today, annex=args.annex)
    print(t("export_done", path=result.path, pages=result.pages) if result.pages
          else t("export_done_docx", path=result.path))
    return 0
