"""`ntm-tui history`: who changed what, when, old → new."""
from __future__ import annotations

import json
from datetime import datetime, time

from ntm_tui.i18n import t

FORMATS = ("plain", "simple", "github", "grid", "csv", "json")


def register(sub, common) -> None:
    p = sub.add_parser("history", parents=[common], help=t("help_history"))
    p.add_argument("--code", metavar="CODE", help=t("help_code"))
    p.add_argument("--since", metavar="DATE", help=t("help_since"))
    p.add_argument("--limit", metavar="N", default="50", help=t("help_limit"))
    p.add_argument("--format", choices=FORMATS, default="simple", help=t("help_format"))
    p.set_defaults(func=run)


def _limit(text: str) -> int:
    from db.errors import ValidationError

    try:
        value = int(text)
    except ValueError:
        raise ValidationError("limit_invalid", value=text) from None
    if not 0 <= value < 2 ** 31:
        raise ValidationError("limit_invalid", value=text)
    return value


def run(args, ctx) -> int:
    from db import rules
    from db.change_words import in_words, record_words, who
    from db.changelog import history
    from db.services.communes import list_communes
    from exports.text import render_table

    # Validate every option before opening anything.
    since = datetime.combine(rules.parse_date(args.since), time.min) if args.since else None
    limit = _limit(args.limit)
    code = args.code.strip() if args.code else None
    ctx.open()
    commune = ctx.commune() if ctx.commune_name or list_communes() else None
    entries = history(commune.id if commune else None, since=since, limit=limit or None,
                      code=code, include_global=True)
    if args.format == "json":
        print(json.dumps([{"id": e.id, "at": e.at.isoformat(), "user": e.user,
                           "login": getattr(e, "login", ""), "table": e.table,
                           "record_id": e.record_id, "label": e.label, "action": e.action,
                           "field": e.field, "old": e.old, "new": e.new, "batch": e.batch}
                          for e in entries], ensure_ascii=False, indent=2))
        return 0
    if not entries:
        print(t("history_empty"))
        return 0
    rows = [(e.at.strftime("%d/%m/%Y %H:%M"), who(e), record_words(e, ctx.lang), what)
            for e, what in in_words(entries, ctx.lang)]
    headers = [t(k) for k in ("hist_col_when", "col_user", "col_record", "col_change")]
    print(render_table(rows, headers, args.format))
    return 0
