"""Late deadlines and those due soon: the dashboard lists them, the app says them at start."""
from __future__ import annotations

from datetime import date, timedelta

from ntm_tui.i18n import t

SOON_DAYS = 7


def urgent_deadlines(commune, today: date, days: int = SOON_DAYS):
    """(late, soon): open deadlines past their latest date, and those due within `days`
    (including the ones past their due date but still within the grace period)."""
    from db.services.deadlines import DUE, LATE, SUBMITTED, list_deadlines

    items = list_deadlines(commune, today, end=today + timedelta(days=days))
    late = [d for d in items if d.state == LATE]
    soon = [d for d in items if d.state == DUE or (d.state != SUBMITTED and d.state != LATE
                                                   and d.due_date >= today)]
    return late, soon


def describe(deadline) -> str:
    from db.rules import format_date

    return f"{format_date(deadline.due_date)}  {deadline.title}"


def notify_deadlines(app, late, soon) -> None:
    """At start: one notification naming what is late and what is due within a week (the
    dashboard's first load found them; its list stays on screen after the toast goes)."""
    if not late and not soon:
        return
    # Short: the dashboard lists them all; the toast must not cover the screen.
    lines = []
    if late:
        lines.append(t("deadlines_late", count=len(late)) + ", " + t("latest") + ": "
                     + late[-1].title)
    if soon:
        lines.append(t("deadlines_soon", count=len(soon), days=SOON_DAYS) + ": "
                     + soon[0].title)
    app.notify("\n".join(lines), title=t("deadlines_title"),
               severity="warning" if late else "information", timeout=10)
