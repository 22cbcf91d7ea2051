"""`ntm-tui set CODE`: record an indicator's result for a year."""
from __future__ import annotations

from ntm_tui.i18n import t


def register(sub, common) -> None:
    p = sub.add_parser("set", parents=[common], help=t("help_cmd_set"))
    p.add_argument("code", metavar="CODE", help=t("help_set_code"))
    p.add_argument("--year", metavar="Y", help=t("help_year"))
    p.add_argument("--value", metavar="V", help=t("help_set_value"))
    p.add_argument("--met", metavar="yes|no|na", help=t("help_set_met"))
    p.add_argument("--note", metavar="TEXT", help=t("help_set_note"))
    p.add_argument("--numerator", metavar="N", help=t("help_set_numerator"))
    p.add_argument("--denominator", metavar="N", help=t("help_set_denominator"))
    p.add_argument("--data-date", metavar="DATE", help=t("help_set_data_date"))
    # A compound indicator (criterion 5, 12.1): each measured part, e.g. --part nam=72 --part nữ=68.
    p.add_argument("--part", action="append", metavar="KEY=VALUE",
                   help=t("help_set_part"))
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    from db.services.results import set_result

    parts = _parts(args.part) if args.part else None
    ctx.open()
    commune = ctx.commune()
    year = ctx.year(args.year)
    result = set_result(commune, year, args.code, value=args.value, met=args.met, note=args.note,
                        numerator=args.numerator, denominator=args.denominator,
                        data_date=args.data_date, parts=parts)
    from db.rules import group_thousands

    value = f" ({group_thousands(result.value)})" if result.value else ""  # how it was read: 1.234
    print(t("set_done", code=result.code, year=year, result=t(f"status_{result.status}"), value=value))
    return 0


def _parts(items: list[str]) -> dict[str, str]:
    """`--part nam=72 --part "mức độ 1=75"` → {"nam": "72", "mức độ 1": "75"}."""
    from db.errors import ValidationError

    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ValidationError("part_invalid", value=item, keys="KEY=VALUE")
        out[key.strip()] = value.strip()
    return out
