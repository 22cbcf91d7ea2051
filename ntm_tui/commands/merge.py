"""`ntm-tui merge`: the new commune of a merger (01/7/2025) from the old communes' data."""
from __future__ import annotations

from ntm_tui.i18n import t


def register(sub, common) -> None:
    p = sub.add_parser("merge", parents=[common], help=t("merge_help"))
    p.add_argument("sources", nargs="+", metavar="SOURCE", help=t("merge_sources_help"))
    p.add_argument("--into", required=True, metavar="NAME", help=t("merge_into_help"))
    p.add_argument("--code", default="", metavar="12345", help=t("init_code_help"))
    p.add_argument("--province", default="", metavar="NAME", help=t("help_province"))
    p.add_argument("--group", default=None, metavar="1|2|3", help=t("init_group_help"))
    p.add_argument("--on", default="01/07/2025", metavar="DATE", help=t("merge_on_help"))
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    from db import rules
    from db.merging import merge_communes, read_source
    from db.services.communes import commune_code, commune_group

    commune_code(args.code), commune_group(args.group)  # checked before anything is read
    merged_on = rules.parse_date(args.on)
    sources = [read_source(path) for path in args.sources]  # copies: the files stay as they are
    ctx.open(create=True)
    summary = merge_communes(sources, args.into, args.code, args.province, args.group,
                             merged_on=merged_on, today=ctx.today)
    print(t("merge_done", name=summary.commune.name,
            olds=", ".join(c.name for c in summary.predecessors), year=summary.year))
    print(t("merge_summed", count=len(summary.summed), codes=", ".join(summary.summed) or "—"))
    print(t("merge_agreed", count=len(summary.agreed)))
    print(t("merge_reassess", count=len(summary.reassess), codes=", ".join(summary.reassess) or "—"))
    return 0
