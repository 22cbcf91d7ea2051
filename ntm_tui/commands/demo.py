"""`ntm-tui demo`: load the Tân Thạnh 2023 sample into a file of its own.

The sample is history (the commune merged into xã Tân An on 01/7/2025): by default it goes to
`demo.db` beside the database, never into the officer's data; `--db FILE` names another file,
which is refused when it already holds other communes unless `--allow-others`."""
from __future__ import annotations

from ntm_tui.i18n import t


def register(sub, common) -> None:
    p = sub.add_parser("demo", parents=[common], help=t("help_cmd_demo"))
    p.add_argument("--allow-others", action="store_true", help=t("demo_into_help"))
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    from db.errors import ValidationError
    from db.models import Commune
    from db.services.demo import build_demo, has_demo

    if not getattr(args, "db", None):  # NTM_TUI_DB or the default names the officer's data
        ctx.db_path = ctx.db_path.with_name("demo.db")
        ctx.db_explicit = False
    ctx.open(create=True)
    if has_demo():
        print(t("demo_exists", db=ctx.db_path))
        print(t("demo_hint", db=ctx.db_path))
        return 0
    others = [c.name for c in Commune.select().order_by(Commune.id)]
    if others and not args.allow_others:
        raise ValidationError("demo_other_communes", path=ctx.db_path, names=", ".join(others[:3]))
    build_demo()
    print(t("demo_done", db=ctx.db_path))
    print(t("demo_hint", db=ctx.db_path))
    return 0
