"""`ntm-tui delete-commune --commune NAME`: remove a commune entered by mistake, only while it
holds no data (its default deadline rules and settings go with it; `history` shows it)."""
from __future__ import annotations

from ntm_tui.i18n import t


def register(sub, common) -> None:
    p = sub.add_parser("delete-commune", parents=[common], help=t("help_delete_commune"))
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    from db.errors import ValidationError
    from db.services.deleting import delete_commune

    if not ctx.commune_name:
        raise ValidationError("text_required", field="--commune")
    ctx.open()
    name = delete_commune(ctx.commune().id)
    print(t("commune_deleted", name=name))
    return 0
