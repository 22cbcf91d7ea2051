"""`ntm-tui demo`: load the Tân Thạnh 2023 sample plan."""
from __future__ import annotations

from ntm_tui.i18n import t


def register(sub, common) -> None:
    p = sub.add_parser("demo", parents=[common], help="nạp dữ liệu mẫu Tân Thạnh 2023 / load the sample")
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    from db.services.demo import build_demo, has_demo

    ctx.open(create=True)
    if has_demo():
        print(t("demo_exists", db=ctx.db_path))
        return 0
    build_demo()
    print(t("demo_done", db=ctx.db_path))
    return 0
