"""`ntm-tui rules`: the deadline rules (list, add, edit, off/on); the app has the same as a screen."""
from __future__ import annotations

from ntm_tui.i18n import t

FORMATS = ("plain", "simple", "github", "grid", "csv", "json")
FIELDS = ("title", "kind", "frequency", "due_day", "due_month", "latest_day", "latest_month")


def register(sub, common) -> None:
    from ntm_tui.__main__ import Parser, record_id
    from db.services.deadline_rules import FREQUENCIES, RULE_KINDS

    p = sub.add_parser("rules", parents=[common], help=t("dl_help_rules"))
    p.add_argument("--format", choices=FORMATS, default="simple", help=t("help_format"))
    p.set_defaults(func=run, action=None)
    actions = p.add_subparsers(dest="action", parser_class=Parser)

    def fields(parser, required: bool) -> None:
        parser.add_argument("--title", required=required, metavar="TEXT", help=t("help_rules_title"))
        parser.add_argument("--kind", choices=RULE_KINDS, help=t("help_rules_kind"))
        parser.add_argument("--frequency", required=required, choices=FREQUENCIES,
                            help=t("help_rules_frequency"))
        for name in ("due_day", "due_month", "latest_day", "latest_month"):
            parser.add_argument("--" + name.replace("_", "-"), dest=name, metavar="N",
                                required=required and name == "due_day", help=t(f"help_rules_{name}"))

    fields(actions.add_parser("add", parents=[common], help=t("help_rules_add")), required=True)
    edit = actions.add_parser("edit", parents=[common], help=t("help_rules_edit"))
    edit.add_argument("id", type=record_id, metavar="ID", help=t("help_rules_id"))
    fields(edit, required=False)
    for name in ("off", "on"):
        actions.add_parser(name, parents=[common], help=t(f"help_rules_{name}")).add_argument(
            "id", type=record_id, metavar="ID", help=t("help_rules_id"))


def run(args, ctx) -> int:
    from db.services import deadline_rules as dr

    ctx.open()
    commune = ctx.commune()
    given = {name: getattr(args, name) for name in FIELDS if getattr(args, name, None) is not None}
    if args.action == "add":
        view = dr.add_rule(commune, ctx.today, **given)
    elif args.action == "edit":
        view = dr.edit_rule(args.id, ctx.today, **given)
    elif args.action in ("off", "on"):
        view = dr.set_rule_active(args.id, args.action == "on", ctx.today)
        print(t(f"dl_rules_{args.action}_done", title=view.title))
        return 0
    else:
        print(render(dr.list_rules(commune), args.format))
        return 0
    print(t("dl_rule_saved", title=view.title))
    return 0


def render(rules, fmt: str) -> str:
    import json
    from dataclasses import asdict

    from exports.text import render_table
    from ntm_tui.i18n.calendar import describe_when

    if fmt == "json":
        return json.dumps([asdict(r) for r in rules], ensure_ascii=False, indent=2,
                          default=lambda d: d.isoformat())  # starts_on: a date
    rows = [[r.id, r.title, t(f"dl_freq_{r.frequency}"), describe_when(r),
             t("dl_yes") if r.active else t("dl_no")] for r in rules]
    return render_table(rows, [t(k) for k in ("dl_col_id", "dl_col_rule", "dl_col_frequency", "dl_col_when",
                                              "dl_col_active")], fmt)
