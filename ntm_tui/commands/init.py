"""`ntm-tui init`: create a commune (and the database on first use)."""
from __future__ import annotations

from pathlib import Path

from ntm_tui.i18n import t


def register(sub, common) -> None:
    from ntm_tui.__main__ import Parser, common_options

    parent = Parser(add_help=False)
    common_options(parent, top=False, commune=False)  # --commune here names the new commune
    p = sub.add_parser("init", parents=[parent], help=t("help_cmd_init"))
    p.add_argument("--commune", dest="new_commune", required=True, metavar="NAME",
                   help=t("help_init_commune"))
    p.add_argument("--province", default="", metavar="NAME", help=t("help_province"))
    p.add_argument("--district", default="", metavar="NAME", help=t("init_district_help"))
    p.add_argument("--code", default="", metavar="12345", help=t("init_code_help"))
    p.add_argument("--group", default=None, metavar="1|2|3", help=t("init_group_help"))
    p.add_argument("--catalogue", metavar="FILE",
                   help=t("help_init_catalogue"))
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    from db.catalogue import install_catalogue, load_catalogue_file
    from db.models import CommuneCriteriaSet, CriteriaSet, database
    from db.services.communes import commune_code, commune_group, create_commune

    commune_code(args.code), commune_group(args.group)  # checked before the database is touched
    spec = load_catalogue_file(Path(args.catalogue)) if args.catalogue else None  # validate first
    ctx.open(create=True)
    with database.atomic():
        code = None
        if spec is not None:
            existing = CriteriaSet.get_or_none(CriteriaSet.code == spec.code)
            code = (existing or install_catalogue(spec)).code
        commune = create_commune(args.new_commune, args.district, args.province, catalogue_code=code,
                                 code=args.code, group=args.group, today=ctx.today)
    print(t("init_done", name=commune.name, db=ctx.db_path))
    periods = (CommuneCriteriaSet.select(CommuneCriteriaSet, CriteriaSet).join(CriteriaSet)
               .where(CommuneCriteriaSet.commune == commune).order_by(CommuneCriteriaSet.from_year))
    print(t("init_set", sets="; ".join(t("init_set_item", code=p.criteria_set.code, year=p.from_year)
                                        for p in periods)))
    if commune.commune_group:
        print(t("init_group", group=commune.commune_group))
    return 0
