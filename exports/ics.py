"""The deadlines as an iCalendar file for a phone calendar: one all-day event per deadline."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Sequence

from db.services.deadlines import DeadlineView


def uid_of(view: DeadlineView, commune_id: int) -> str:
    """Stable whether the deadline is only computed or recorded, and across re-export, so the
    phone updates events instead of doubling them (the same UIDs as before m0004)."""
    if view.source:  # one per work item or evidence item, whatever year its date moves to
        return f"ntm-{commune_id}-{view.source.replace(':', '-')}@ntm-tui"
    if view.rule_id is None:  # entered by hand: its row is its identity
        return f"ntm-{commune_id}-deadline-{view.record_id}@ntm-tui"
    return f"ntm-{commune_id}-rule-{view.rule_id}-{view.period}@ntm-tui"


def build_calendar(views: Sequence[DeadlineView], commune_id: int, name: str,
                   describe, stamp: datetime | None = None):
    """`describe(view)` gives the event's text (with the latest date): labels stay in ntm_tui."""
    from icalendar import Alarm, Calendar, Event  # deferred: only the export needs it

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
        if view.state != "submitted":  # a reminder at 08:00 the day before (the event starts at 0:00)
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", view.title)
            alarm.add("trigger", timedelta(hours=-16))
            event.add_component(alarm)
        cal.add_component(event)
    return cal


def write_ics(path: Path, views: Sequence[DeadlineView], commune_id: int, name: str, describe,
              stamp: datetime | None = None, overwrite: bool = False) -> int:
    from exports.files import write_bytes

    data = build_calendar(views, commune_id, name, describe, stamp).to_ical()
    write_bytes(Path(path), data, overwrite)
    return len(views)
