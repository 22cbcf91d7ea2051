"""`ntm-tui deadlines`: the reporting calendar; `--late` for a login script, `--ics` for a phone."""
from __future__ import annotations

from ntm_tui.i18n import t

FORMATS = ("plain", "simple", "github", "grid", "csv", "json")


def register(sub, common) -> None:
    p = sub.add_parser("deadlines", parents=[common], help=t("dl_help_deadlines"))
    p.add_argument("--from", dest="start", metavar="DATE", help=t("help_date"))
    p.add_argument("--to", dest="end", metavar="DATE", help=t("help_date"))
    p.add_argument("--late", action="store_true", help=t("dl_help_late"))
    p.add_argument("--ics", metavar="FILE", help=t("dl_help_ics"))
    p.add_argument("--overwrite", action="store_true", help=t("dl_help_overwrite"))
    p.add_argument("--format", choices=FORMATS, default="simple", help=t("help_format"))
    p.set_defaults(func=run)


def _d(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def note_of(view) -> str:
    """The last column: when it was sent, or why the due date is a day off; the officer's note."""
    if view.state == "submitted":
        text = t("dl_submitted_on", date=_d(view.submitted_on), who=view.submitted_by)
    elif view.flag:
        text = t("dl_flag_suggest", flag=view.flag, date=_d(view.suggested_date))
    else:
        text = ""
    return f"{text} · {view.note}" if text and view.note else text or view.note


def document(view) -> dict:
    """One row of `--format json` (and the columns of csv): ISO dates, state codes."""
    iso = lambda d: d.isoformat() if d else None  # noqa: E731
    return {"id": view.id, "kind": view.kind, "period": view.period, "title": view.title,
            "due_date": iso(view.due_date), "latest_date": iso(view.latest_date),
            "state": view.state, "flags": view.flags, "suggested_date": iso(view.suggested_date),
            "submitted_on": iso(view.submitted_on), "submitted_by": view.submitted_by,
            "file_path": view.file_path, "source": view.source, "note": view.note}


def render(views, fmt: str) -> str:
    import json

    from exports.text import render_table

    if fmt == "json":
        return json.dumps([document(v) for v in views], ensure_ascii=False, indent=2)
    if fmt == "csv":
        docs = [document(v) for v in views]
        keys = list(document(views[0]).keys()) if views else ["id"]
        return render_table([["; ".join(d[k]) if k == "flags" else d[k] for k in keys] for d in docs],
                            keys, "csv")
    rows = [[v.id, _d(v.due_date), _d(v.latest_date), v.title, t(f"dl_state_{v.state}"), note_of(v)]
            for v in views]
    return render_table(rows, [t(k) for k in ("dl_col_id", "dl_col_due", "dl_col_latest", "dl_col_title",
                                              "dl_col_state", "dl_col_flag")], fmt)


def run(args, ctx) -> int:
    from datetime import date
    from pathlib import Path

    from db.errors import ValidationError
    from db.rules import parse_date
    from db.services.deadlines import LATE, list_deadlines

    start = parse_date(args.start) if args.start else None  # validate before touching the file
    end = parse_date(args.end) if args.end else None
    if start and end and start > end:
        raise ValidationError("date_range_invalid", start=_d(start), end=_d(end))
    ics = Path(args.ics).expanduser() if args.ics else None
    if ics and not ics.parent.is_dir():  # refused before the database is opened
        raise ValidationError("file_write_failed_because", path=args.ics, detail=t("dl_no_such_folder"))
    if ics:
        from exports.files import check_target

        check_target(ics, args.overwrite)
    if not (start or end or args.late):  # the whole year of today by default
        start, end = date(ctx.today.year, 1, 1), date(ctx.today.year, 12, 31)
    ctx.open()
    commune = ctx.commune()
    views = list_deadlines(commune, ctx.today, start, end, lang=ctx.lang,
                           states=(LATE,) if args.late else None)
    if args.ics:
        from exports.ics import write_ics

        count = write_ics(ics, views, commune.id,
                          t("dl_ics_calendar_name", commune=commune.name), describe,
                          overwrite=args.overwrite)
        print(t("dl_ics_done", count=count, path=args.ics))
    elif args.late and args.format not in ("json", "csv"):
        for v in views:
            print(t("dl_late_line", id=v.id, title=v.title, due=_d(v.due_date),
                    latest=_d(v.latest_date or v.due_date)))
        if not views:
            print(t("dl_late_none"))
    elif views or args.format in ("json", "csv"):
        print(render(views, args.format))
    else:
        print(t("dl_deadlines_none"))
    return 1 if args.late and views else 0


def describe(view) -> str:
    text = t("dl_ics_description", due=_d(view.due_date), latest=_d(view.latest_date or view.due_date))
    note = note_of(view)
    return f"{text}\n{note}" if note else text
