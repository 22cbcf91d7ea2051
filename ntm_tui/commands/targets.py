"""`ntm-tui targets`: the indicators the year's plan aims to reach, listed or changed."""
from __future__ import annotations

from ntm_tui.commands.status import FORMATS
from ntm_tui.i18n import t


def register(sub, common) -> None:
    p = sub.add_parser("targets", parents=[common], help=t("help_cmd_targets"))
    p.add_argument("--year", metavar="Y", help=t("help_year"))
    p.add_argument("--add", nargs="+", metavar="CODE", default=[],
                   help=t("help_targets_add"))
    p.add_argument("--remove", nargs="+", metavar="CODE", default=[],
                   help=t("help_targets_remove"))
    p.add_argument("--format", choices=FORMATS, default="simple", help=t("help_format"))
    p.set_defaults(func=run)


def document(view) -> dict:
    return {"year": view.year, "targets": [code for code, _ in view.targets],
            "new_criteria": view.new_criteria, "new_indicators": view.new_indicators,
            "start": {"criteria_met": view.start.criteria_met, "criteria_total": view.start.criteria_total,
                      "indicators_met": view.start.indicators_met,
                      "indicators_total": view.start.indicators_total},
            "target": {"criteria_met": view.target.criteria_met, "criteria_total": view.target.criteria_total,
                       "indicators_met": view.target.indicators_met,
                       "indicators_total": view.target.indicators_total}}


def run(args, ctx) -> int:
    import json

    from db.services import plans
    from exports.text import render_table
    from ntm_tui.i18n import t

    ctx.open()
    commune = ctx.commune()
    year = ctx.year(args.year, commune)
    if args.add or args.remove:
        view = plans.change_targets(commune, year, add=args.add, remove=args.remove)
    else:
        view = plans.targets_view(commune, year)
    if args.format == "json":
        print(json.dumps(document(view), ensure_ascii=False, indent=2))
        return 0
    if view.targets:
        print(render_table(view.targets, [t("targets_col_code"), t("targets_col_content")], args.format,
                           maxcolwidths=[None, 60]))
    if args.format == "csv":
        return 0
    print()
    if not view.targets:
        print(t("targets_none", year=year))
    else:
        print(t("targets_adds", n_crit=f"{len(view.new_criteria):02d}", crit="; ".join(view.new_criteria) or "-",
                n_ind=f"{len(view.new_indicators):02d}", ind="; ".join(view.new_indicators) or "-"))
    print(t("targets_start", counts=view.start.text(ctx.lang)))
    print(t("targets_goal", year=year, counts=view.target.text(ctx.lang)))
    return 0
