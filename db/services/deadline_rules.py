"""Deadline rules as data: the seed plan's regime by default, editable per commune.

A rule expands to one deadline per period (month, quarter or year). Nothing is stored per
deadline: the calendar is computed from the rules whenever it is shown (db/services/deadlines.py),
so editing a rule moves every deadline of it not yet recorded, in any year; a recorded one
(submitted, held) keeps the dates it was recorded with. A rule added later starts on the day it
was added (`starts_on`): it does not make the past late.
"""
from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from db.changelog import apply_changes, create_logged, new_batch
from db.dataclass_lite import dataclass
from db.errors import NotFoundError, ValidationError
from db.models import Commune, DeadlineRule, database
from db.services.records import checked_choice, checked_text
from db.services.communes import commune_of

FREQUENCIES = ("monthly", "quarterly", "yearly")
RULE_KINDS = ("monthly_report", "quarterly_report", "annual_report", "board_meeting", "custom")

# The seed plan's regime (Kế hoạch 249/KH-BQL, part IV). The board meets at least once a
# quarter: due by the quarter's last day (31 is clamped to 30 in June and September).
DEFAULT_RULES = [
    dict(kind="monthly_report", title="Báo cáo tháng", frequency="monthly",
         due_day=10, latest_day=15),
    dict(kind="quarterly_report", title="Báo cáo quý", frequency="quarterly",
         due_month=3, due_day=10, latest_month=3, latest_day=20),
    dict(kind="annual_report", title="Báo cáo năm", frequency="yearly",
         due_month=11, due_day=10, latest_month=11, latest_day=20),
    dict(kind="board_meeting", title="Họp BQL và UBND xã", frequency="quarterly",
         due_month=3, due_day=31),
]


@dataclass(frozen=True)
class RuleView:
    id: int
    kind: str
    title: str
    frequency: str
    due_month: int | None
    due_day: int
    latest_month: int | None
    latest_day: int | None
    active: bool
    version: int
    starts_on: date | None = None  # a rule added later gives no deadline due before it


def _view(rule: DeadlineRule) -> RuleView:
    return RuleView(rule.id, rule.kind, rule.title, rule.frequency, rule.due_month, rule.due_day,
                    rule.latest_month, rule.latest_day, bool(rule.active), rule.version,
                    rule.starts_on)


def _day(year: int, month: int, day: int) -> date:
    """Day `day` of the month, or the month's last day (a rule on the 31st in June, 29/2)."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _titled(title: str, unit: str, period: str) -> str:
    """"Báo cáo tháng" + 03/2023 → "Báo cáo tháng 03/2023"; "Họp BQL" → "Họp BQL tháng 03/2023"."""
    words = title.split()
    return f"{title} {period}" if words and words[-1].lower() == unit else f"{title} {unit} {period}"


def expand_rule(rule: DeadlineRule | RuleView, year: int) -> list[dict]:
    """The deadlines a rule gives in a year: period, title, due and latest dates."""
    def dates(month: int, latest_month: int) -> dict:
        latest = _day(year, latest_month, rule.latest_day) if rule.latest_day else None
        return dict(due=_day(year, month, rule.due_day), latest=latest)

    out = []
    if rule.frequency == "monthly":
        for month in range(1, 13):
            out.append(dict(period=f"{year}-{month:02d}", title=_titled(rule.title, "tháng", f"{month:02d}/{year}"),
                            **dates(month, month)))
    elif rule.frequency == "quarterly":
        for quarter in range(1, 5):
            first = (quarter - 1) * 3
            month = first + (rule.due_month or 3)
            out.append(dict(period=f"{year}-Q{quarter}", title=_titled(rule.title, "quý", f"{quarter}/{year}"),
                            **dates(month, first + (rule.latest_month or rule.due_month or 3))))
    elif rule.frequency == "yearly":
        month = rule.due_month or 12
        out.append(dict(period=str(year), title=f"{rule.title} {year}",
                        **dates(month, rule.latest_month or month)))
    return out


# Named in both languages: the message templates are shared, the field names are not.
FIELD_NAMES = {"due_day": "ngày hạn / due day", "due_month": "tháng hạn / due month",
               "latest_day": "ngày chậm nhất / latest day", "latest_month": "tháng chậm nhất / latest month"}


def _int(value: Any, field: str, low: int, high: int, required: bool = True) -> int | None:
    field = FIELD_NAMES.get(field, field)
    if value is None or str(value).strip() == "":
        if required:
            raise ValidationError("text_required", field=field)
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        raise ValidationError("rule_number_invalid", field=field, value=value, low=low, high=high) from None
    if not low <= number <= high:
        raise ValidationError("rule_number_invalid", field=field, value=value, low=low, high=high)
    return number


def checked_rule(fields: dict[str, Any]) -> dict[str, Any]:
    """Validate and normalise a rule's fields (numbers may come as text from a form)."""
    frequency = checked_choice(str(fields.get("frequency") or ""), "frequency", FREQUENCIES)
    months = {"monthly": 0, "quarterly": 3, "yearly": 12}[frequency]
    out = dict(
        kind=checked_choice(str(fields.get("kind") or "custom"), "kind", RULE_KINDS),
        title=checked_text(fields.get("title"), "title", required=True),
        frequency=frequency,
        due_day=_int(fields.get("due_day"), "due_day", 1, 31),
        latest_day=_int(fields.get("latest_day"), "latest_day", 1, 31, required=False),
        due_month=None, latest_month=None,
    )
    if months:  # a month of the year (yearly) or of the quarter (quarterly, 1-3)
        out["due_month"] = _int(fields.get("due_month"), "due_month", 1, months)
        out["latest_month"] = _int(fields.get("latest_month"), "latest_month", 1, months,
                                   required=False)
    if out["latest_day"] is None:
        out["latest_month"] = None
    probe = RuleView(0, out["kind"], out["title"], frequency, out["due_month"], out["due_day"],
                     out["latest_month"], out["latest_day"], True, 0)
    for year in (2023, 2024):  # a leap year and a common one: clamping differs in February
        for spec in expand_rule(probe, year):
            if spec["latest"] and spec["latest"] < spec["due"]:
                raise ValidationError("rule_latest_before_due", due=spec["due"].strftime("%d/%m"),
                                      latest=spec["latest"].strftime("%d/%m"))
    return out


def ensure_default_rules(commune: Commune, batch: str | None = None) -> list[DeadlineRule]:
    """The seed plan's rules for a commune that has none (a write: at its creation, or before
    the officer adds a rule). Reading never calls this."""
    rules = list(DeadlineRule.select().where(DeadlineRule.commune == commune).order_by(DeadlineRule.id))
    if not rules:
        batch = batch or new_batch()
        with database.atomic():
            rules = [create_logged(DeadlineRule, label=spec["title"], batch=batch, commune=commune,
                                   **spec) for spec in DEFAULT_RULES]
    return rules


def rules_of(commune: Commune, active_only: bool = False) -> list[DeadlineRule]:
    query = DeadlineRule.select().where(DeadlineRule.commune == commune)
    if active_only:
        query = query.where(DeadlineRule.active == True)  # noqa: E712
    return list(query.order_by(DeadlineRule.id))


def list_rules(commune: Commune) -> list[RuleView]:
    """The commune's rules as stored (none written here: a view never changes the database)."""
    commune = commune_of(commune)
    return [_view(r) for r in rules_of(commune)]


def _rule(rule_id: int) -> DeadlineRule:
    rule = DeadlineRule.get_or_none(DeadlineRule.id == rule_id)
    if rule is None:
        raise NotFoundError("rule_not_found", id=rule_id)
    return rule


def add_rule(commune: Commune, today: date, *, batch: str | None = None, **fields: Any) -> RuleView:
    """A commune's own rule (e.g. reports by the 15th of each quarter's last month). It starts
    today: its deadlines due before today are not shown late."""
    commune = commune_of(commune)
    values = checked_rule(fields)
    batch = batch or new_batch()
    with database.atomic():
        ensure_default_rules(commune, batch)
        rule = create_logged(DeadlineRule, label=values["title"], batch=batch, commune=commune,
                             starts_on=today, **values)
    return _view(rule)


def edit_rule(rule_id: int, today: date, expected_version: int | None = None, *,
              batch: str | None = None, **fields: Any) -> RuleView:
    """Change a rule: every deadline of it not yet recorded follows, in any year (they are
    computed); recorded ones keep what was recorded. `today` is kept for the callers."""
    rule = _rule(rule_id)
    merged = {name: getattr(rule, name) for name in
              ("kind", "title", "frequency", "due_month", "due_day", "latest_month", "latest_day")}
    merged.update(fields)
    values = checked_rule(merged)
    batch = batch or new_batch()
    with database.atomic():
        apply_changes(rule, values, label=values["title"], expected_version=expected_version,
                      batch=batch)
    return _view(_rule(rule_id))


def set_rule_active(rule_id: int, active: bool, today: date,
                    expected_version: int | None = None, batch: str | None = None) -> RuleView:
    """Deactivate (its deadlines not recorded go, in every year; recorded ones stay) or reactivate."""
    rule = _rule(rule_id)
    batch = batch or new_batch()
    with database.atomic():
        apply_changes(rule, {"active": active}, label=rule.title, expected_version=expected_version,
                      batch=batch)
    return _view(_rule(rule_id))
