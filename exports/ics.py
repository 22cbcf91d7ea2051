"""The deadlines as an iCalendar file for a phone calendar: one all-day event per deadline."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Sequence

from db.errors import ValidationError
from db.services.deadlines import DeadlineView


def uid_of(view: DeadlineView, commune_id: int) -> str:
    """Stable across regeneration and re-export, so the phone updates events instead of doubling them."""
    origin = view.source.replace(":", "-") if view.source else f"rule-{view.rule_id or 'x'}"
    return f"ntm-{commune_id}-{origin}-{view.period or view.id}@ntm-tui"


def build_calendar(views: Sequence[DeadlineView], commune_id: int, name: str,
                   describe, stamp: datetime | None = None):
    """`describe(view)` gives the event's text (the latest date first): labels stay in ntm_tui."""
    from icalendar import Calendar, Event  # deferred: only the export needs it

    cal = Calendar()
    cal.add("prodid", "-//ntm-tui//deadlines//VI")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    stamp = stamp or datetime.now(timezone.utc).replace(microsecond=0)
    for view in views:
        event = Event()
        event.add("uid", uid_of(view, commune_id))
        event.add("dtstamp", stamp)
        event.add("summary", view.title)
        event.add("dtstart", view.due_date)  # a date, not a datetime: an all-day event
        event.add("dtend", view.due_date + timedelta(days=1))
        event.add("description", describe(view))
        event.add("categories", [view.kind])
        cal.add_component(event)
    return cal


def write_ics(path: Path, views: Sequence[DeadlineView], commune_id: int, name: str, describe,
              stamp: datetime | None = None) -> int:
    data = build_calendar(views, commune_id, name, describe, stamp).to_ical()
    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise ValidationError("file_write_failed", path=path, detail=exc.strerror or exc) from None
    return len(views)
