"""Deadlines: computed from the rules, work items' due dates and evidence expiry; recorded on demand.

The calendar is derived for any period when it is shown, and looking at it never writes. A
`Deadline` row is written only when the officer records something about one deadline (sent,
held, with the date and the file; a note); cancelling that record removes the row, and the
computed deadline (with the rule's current dates) is back. A submitted row keeps the title and
dates it was recorded with; an open row holding only a note follows the computed deadline. A
row without rule or source is a deadline entered by hand.

Each deadline has a key a person can type (`ntm-tui submit R1-2024-03`), stable whether or not
it is recorded:

- `R<rule>-<period>`: rule <rule> (see `ntm-tui rules`) in a month `2024-03`, a quarter
  `2024-Q1` or a year `2024`;
- `W<id>`: a work item's due date; `E<id>`: an evidence item's expiry date;
- `D<id>` (or the bare number): a row entered by hand, or any recorded row by its number.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from db import rules
from db.changelog import apply_changes, create_logged, delete_logged, new_batch
from db.context import current_user
from db.dataclass_lite import dataclass
from db.errors import ConflictError, NotFoundError, ValidationError
from db.models import ChangeLog, Commune, Deadline, DeadlineRule, EvidenceItem, Plan, WorkItem, database
from db.services.deadline_rules import DEFAULT_RULES, expand_rule, rules_of  # noqa: F401 (re-exported)
from db.services.records import checked_text
from db.workdays import day_off, working_day_before
from db.services.communes import commune_of

UPCOMING, DUE, LATE, SUBMITTED = "upcoming", "due", "late", "submitted"
STATES = (UPCOMING, DUE, LATE, SUBMITTED)
WORK_ITEM, EVIDENCE_EXPIRY = "work_item", "evidence_expiry"
ONE_OFF_SOURCES = ("work_item:", "evidence:")
START_KEY = "deadlines_from"  # Setting: the year the commune's calendar starts (lists without --from)
YEARS_AROUND = 30  # rules are expanded within this many years of today: a typo like 0001 stays cheap


@dataclass(frozen=True)
class DeadlineView:
    id: str  # the key a person types: R1-2024-03, W12, E40, D7
    kind: str
    period: str
    title: str
    due_date: date
    latest_date: date | None
    state: str
    submitted_on: date | None
    submitted_by: str
    file_path: str
    version: int  # of the recorded row; 0 while the deadline is only computed
    rule_id: int | None = None
    source: str = ""  # "work_item:12", "evidence:40" for one-off deadlines
    lang: str = "vi"  # of the holiday names in `flag`
    record_id: int | None = None  # the Deadline row once something is recorded
    note: str = ""  # the officer's note

    # The holiday flag is worked out when first read: the holiday tables are a large import
    # (hundreds of modules) that the dashboard, the start notice and the PDF report never need.
    @property
    def flag(self) -> str:
        """Why the due date is not a working day: "Chủ nhật", "Tết Nguyên Đán", … ("" if it is)."""
        return day_off(self.due_date, self.lang)

    @property
    def suggested_date(self) -> date | None:
        """When the due date is not a working day: the working day before."""
        return working_day_before(self.due_date) if self.flag else None

    @property
    def flags(self) -> list[str]:
        return [self.flag] if self.flag else []


@dataclass(frozen=True)
class _Computed:
    """One deadline as the rules, a work item or an evidence item give it today."""
    key: str
    commune_id: int
    kind: str
    period: str
    title: str
    due_date: date
    latest_date: date | None = None
    rule_id: int | None = None
    source: str = ""
    done_on: date | None = None  # a finished work item: shown as done
    done_by: str = ""


def state_of(deadline, today: date) -> str:
    """On the due date itself still upcoming; the day after, due; the day after the latest, late."""
    if deadline.status == "submitted":
        return SUBMITTED
    return _state(deadline.due_date, deadline.latest_date, today)


def _state(due: date, latest: date | None, today: date) -> str:
    if today > (latest or due):
        return LATE
    if today > due:
        return DUE
    return UPCOMING


# --- keys ------------------------------------------------------------------------------------

_SOURCE_LETTERS = {"work_item": "W", "evidence": "E"}
_RULE_KEY = re.compile(r"R(\d{1,9})-(\d{4}(?:-(?:0[1-9]|1[0-2]|Q[1-4]))?)")
_SOURCE_KEY = re.compile(r"([WE])(\d{1,9})")
_ROW_KEY = re.compile(r"D?(\d{1,9})")


def rule_key(rule_id: int, period: str) -> str:
    return f"R{rule_id}-{period}"


def key_of(row: Deadline) -> str:
    """The key of a recorded row: the same as the computed deadline it records."""
    if row.rule_id is not None and row.period:
        return rule_key(row.rule_id, row.period)
    name, _, number = row.source.partition(":")
    if name in _SOURCE_LETTERS and number.isdigit():
        return f"{_SOURCE_LETTERS[name]}{number}"
    return f"D{row.id}"


# --- the calendar start ------------------------------------------------------------------------

def calendar_start(commune: Commune, today: date) -> date:
    """Where a list without a start date begins (`deadlines --late`, the dashboard): 1 January of
    the year set (the demo's 2023; m0004 sets it to the first year the old code generated), else
    the day the commune was entered: a commune made in December is not told that the year's
    reports before it existed are late (as a rule added later starts on its day)."""
    from db.services.communes import get_setting

    stored = get_setting(START_KEY, commune).strip()
    if stored.isdigit() and int(stored) >= 1:
        return date(int(stored), 1, 1)
    made = (ChangeLog.select(ChangeLog.at)
            .where((ChangeLog.table == "commune") & (ChangeLog.record_id == commune.id)
                   & (ChangeLog.action == "create")).order_by(ChangeLog.id).first())
    return min(made.at.date() if made else today, today)


def set_calendar_start(commune: Commune, year: int) -> None:
    """The commune's calendar starts on 1 January of `year` (a write: the demo, a new commune)."""
    from db.services.communes import put_setting

    put_setting(START_KEY, str(int(year)), commune)


# --- computing ---------------------------------------------------------------------------------

def _from_rules(commune: Commune, start: date, end: date, today: date,
                rule: DeadlineRule | None = None) -> list[_Computed]:
    first = max(start.year, today.year - YEARS_AROUND)
    last = min(end.year, today.year + YEARS_AROUND)
    out = []
    for r in [rule] if rule is not None else rules_of(commune, active_only=True):
        for year in range(first, last + 1):
            for spec in expand_rule(r, year):
                if not start <= spec["due"] <= end or (r.starts_on and spec["due"] < r.starts_on):
                    continue
                out.append(_Computed(rule_key(r.id, spec["period"]), r.commune_id, r.kind,
                                     spec["period"], spec["title"], spec["due"], spec["latest"],
                                     rule_id=r.id))
    return out


def _work_deadline(work: WorkItem, commune_id: int) -> _Computed:
    done = work.status == "done"
    return _Computed(f"W{work.id}", commune_id, WORK_ITEM, str(work.due_date.year),
                     f"Hoàn thành: {work.title}", work.due_date, source=f"work_item:{work.id}",
                     done_on=work.updated_at.date() if done else None,
                     done_by=work.updated_by if done else "")


def _evidence_deadline(item: EvidenceItem) -> _Computed:
    return _Computed(f"E{item.id}", item.commune_id, EVIDENCE_EXPIRY, str(item.expiry_date.year),
                     f"Minh chứng hết hạn: {item.title}", item.expiry_date,
                     source=f"evidence:{item.id}")


def _one_offs(commune: Commune, start: date, end: date) -> list[_Computed]:
    """Work items' due dates (a cancelled one has none; a finished one shows as done) and
    evidence expiry dates."""
    works = (WorkItem.select(WorkItem).join(Plan)
             .where((Plan.commune == commune) & WorkItem.due_date.between(start, end)
                    & (WorkItem.status != "cancelled")))
    items = EvidenceItem.select().where((EvidenceItem.commune == commune)
                                        & EvidenceItem.expiry_date.between(start, end))
    return [_work_deadline(w, commune.id) for w in works] + [_evidence_deadline(i) for i in items]


def _row_view(row: Deadline, today: date, lang: str) -> DeadlineView:
    return DeadlineView(key_of(row), row.kind, row.period, row.title, row.due_date, row.latest_date,
                        state_of(row, today), row.submitted_on, row.submitted_by, row.file_path,
                        row.version, rule_id=row.rule_id, source=row.source, lang=lang,
                        record_id=row.id, note=row.note)


def _computed_view(c: _Computed, today: date, lang: str, noted: Deadline | None = None) -> DeadlineView:
    """The computed deadline; `noted`: its open row that holds a note (the dates stay computed)."""
    state = SUBMITTED if c.done_on else _state(c.due_date, c.latest_date, today)
    return DeadlineView(c.key, c.kind, c.period, c.title, c.due_date, c.latest_date, state,
                        c.done_on, c.done_by, "", noted.version if noted else 0, rule_id=c.rule_id,
                        source=c.source, lang=lang, record_id=noted.id if noted else None,
                        note=noted.note if noted else "")


def _follows(row: Deadline) -> bool:
    """An open row of a rule or a one-off holds only a note: it follows the computed deadline."""
    return row.status != "submitted" and (row.rule_id is not None or bool(row.source))


def _view(row: Deadline | None, computed: _Computed | None, today: date, lang: str) -> DeadlineView:
    if row is not None and not (computed is not None and _follows(row)):
        return _row_view(row, today, lang)
    return _computed_view(computed, today, lang, noted=row)


def view_of(d: Deadline, today: date, lang: str = "vi") -> DeadlineView:
    return _row_view(d, today, lang)


def list_deadlines(commune: Commune, today: date, start: date | None = None,
                   end: date | None = None, states: tuple[str, ...] | None = None,
                   lang: str = "vi") -> list[DeadlineView]:
    """Deadlines due between start and end (inclusive), by due date. Reads only.

    Without a start: from the commune's calendar start (`calendar_start`); without an end: to
    the end of this year (or of the start's year). A submitted deadline shows as recorded, with
    the dates it was recorded with; a noted one with its note and the computed dates."""
    commune = commune_of(commune)
    start = start or min(calendar_start(commune, today), end or today)
    end = end or date(max(today.year, start.year), 12, 31)
    recorded = {key_of(row): row for row in Deadline.select().where(Deadline.commune == commune)}
    views = [_row_view(row, today, lang) for row in recorded.values()
             if start <= row.due_date <= end and not _follows(row)]
    for c in _from_rules(commune, start, end, today) + _one_offs(commune, start, end):
        row = recorded.get(c.key)
        if row is None or _follows(row):
            views.append(_computed_view(c, today, lang, noted=row))
    views.sort(key=lambda v: (v.due_date, v.rule_id is None, v.rule_id or 0, v.period, v.id))
    return [v for v in views if states is None or v.state in states]


def year_calendar(commune: Commune, today: date, year: int,
                  lang: str = "vi") -> tuple[date, list[DeadlineView]]:
    """The year's deadlines as Lịch shows them, and the day they start from: 1 January, or the
    commune's calendar start when later (`calendar_start`). A commune entered in December is
    not shown the year's earlier reports as late (issue 16: a new commune opened with 18)."""
    commune = commune_of(commune)
    start, end = max(date(year, 1, 1), calendar_start(commune, today)), date(year, 12, 31)
    return start, (list_deadlines(commune, today, start, end, lang=lang) if start <= end else [])


# --- one deadline by its key ---------------------------------------------------------------------

def _parse(key: int | str) -> tuple:
    """("R", rule id, period) | ("W" or "E", id) | ("D", row id); NotFoundError if none."""
    text = str(key).strip().upper()
    if m := _RULE_KEY.fullmatch(text):
        return "R", int(m.group(1)), m.group(2)
    if m := _SOURCE_KEY.fullmatch(text):
        return m.group(1), int(m.group(2))
    if m := _ROW_KEY.fullmatch(text):
        return "D", int(m.group(1))
    raise NotFoundError("deadline_not_found", id=str(key).strip())


def _recorded(parsed: tuple) -> Deadline | None:
    if parsed[0] == "R":
        return Deadline.get_or_none((Deadline.rule == parsed[1]) & (Deadline.period == parsed[2]))
    if parsed[0] == "D":
        return Deadline.get_or_none(Deadline.id == parsed[1])
    source = f"{'work_item' if parsed[0] == 'W' else 'evidence'}:{parsed[1]}"
    return Deadline.get_or_none(Deadline.source == source)


def _computed(parsed: tuple) -> _Computed | None:
    """The deadline as the rules and items give it now (None: there is none)."""
    if parsed[0] == "R":
        rule, period = DeadlineRule.get_or_none(DeadlineRule.id == parsed[1]), parsed[2]
        year = int(period[:4])
        if rule is None or not rule.active or year < 1:
            return None
        return next((c for c in _from_rules(rule.commune, date(year, 1, 1), date(year, 12, 31),
                                            date(year, 1, 1), rule=rule) if c.period == period), None)
    if parsed[0] == "W":
        work = WorkItem.select(WorkItem, Plan).join(Plan).where(WorkItem.id == parsed[1]).first()
        if work is None or work.due_date is None or work.status == "cancelled":
            return None
        return _work_deadline(work, work.plan.commune_id)
    if parsed[0] == "E":
        item = EvidenceItem.get_or_none(EvidenceItem.id == parsed[1])
        return _evidence_deadline(item) if item is not None and item.expiry_date else None
    return None


def _resolve(key: int | str, commune: Commune | None) -> tuple[Deadline | None, _Computed | None]:
    """The recorded row and the computed deadline of a key (either may be None, not both)."""
    missing = NotFoundError("deadline_not_found", id=str(key).strip())
    parsed = _parse(key)
    row = _recorded(parsed)
    if row is not None and parsed[0] == "D":  # a row by its number: the deadline it records
        parsed = _parse(key_of(row))
    computed = _computed(parsed)
    if row is None and computed is None:
        raise missing
    owner = row.commune_id if row is not None else computed.commune_id
    if commune is not None and owner != commune.id:
        raise missing
    return row, computed


def find(key: int | str, today: date, commune: Commune | None = None,
         lang: str = "vi") -> DeadlineView:
    """One deadline by its key, recorded or computed."""
    return _view(*_resolve(key, commune), today, lang)


def _stale(row: Deadline | None) -> ConflictError:
    if row is None:  # the record seen was cancelled meanwhile
        return ConflictError("conflict", who="?", when="?")
    return ConflictError("conflict", who=row.updated_by or "?",
                         when=row.updated_at.strftime("%d/%m/%Y %H:%M"))


def _check_version(row: Deadline | None, expected_version: int | None) -> None:
    """`expected_version` as shown: 0 for "not recorded", else the row's version."""
    if expected_version is None:
        return
    if (row.version if row is not None else 0) != expected_version:
        raise _stale(row)


def _create(computed: _Computed, batch: str | None = None, **fields) -> Deadline:
    return create_logged(Deadline, label=computed.title, batch=batch or new_batch(),
                         commune=computed.commune_id, rule=computed.rule_id, kind=computed.kind,
                         period=computed.period, title=computed.title, due_date=computed.due_date,
                         latest_date=computed.latest_date, source=computed.source, **fields)


def _as_computed(computed: _Computed) -> dict:
    """A row's title and dates set to the computed deadline's (when it is recorded sent)."""
    return {"title": computed.title, "due_date": computed.due_date,
            "latest_date": computed.latest_date, "kind": computed.kind}


def submit(deadline_id: int | str, on: date | str, file_path: str = "",
           expected_version: int | None = None, today: date | None = None,
           commune: Commune | None = None, batch: str | None = None) -> DeadlineView:
    """Mark a report sent (or a meeting held) on a date, optionally with the exported file.

    The record keeps the title and dates the deadline has now; `expected_version` 0 means
    "seen not recorded"."""
    _resolve(deadline_id, commune)  # an unknown key is refused before anything else
    on = rules.parse_date(on)
    if today is not None and on > today:
        raise ValidationError("submit_in_future", on=on.strftime("%d/%m/%Y"),
                              today=today.strftime("%d/%m/%Y"))
    if file_path:  # the exported report that was sent: a typo is caught here, not months later
        path = Path(checked_text(file_path, "file_path", long=True)).expanduser()
        if not path.is_file():
            raise NotFoundError("file_not_found", path=file_path)
        file_path = str(path.resolve())
    fields = {"status": "submitted", "submitted_on": on, "submitted_by": current_user(),
              "file_path": file_path}
    with database.atomic():  # IMMEDIATE: two sessions never record the same deadline twice
        row, computed = _resolve(deadline_id, commune)
        _check_version(row, expected_version)
        if row is None:
            row = _create(computed, batch=batch, **fields)
        else:
            if computed is not None and _follows(row):  # a noted one: its dates are fixed now
                fields.update(_as_computed(computed))
            apply_changes(row, fields, label=row.title, batch=batch or new_batch())
    return _row_view(Deadline.get_by_id(row.id), today or on, "vi")


def unsubmit(deadline_id: int | str, expected_version: int | None = None, today: date | None = None,
             commune: Commune | None = None, batch: str | None = None) -> DeadlineView:
    """Cancel a submission recorded by mistake: the record goes and the deadline is computed
    again; a note stays (and a deadline entered by hand stays, open)."""
    today = today or date.today()
    with database.atomic():
        row, computed = _resolve(deadline_id, commune)
        if row is None or row.status != "submitted":  # nothing sent recorded: nothing to cancel
            return _view(row, computed, today, "vi")
        _check_version(row, expected_version)
        if row.note or (row.rule_id is None and not row.source):
            apply_changes(row, {"status": "open", "submitted_on": None, "submitted_by": "",
                                "file_path": ""}, label=row.title, batch=batch or new_batch())
            row = Deadline.get_by_id(row.id)
        else:
            gone = replace(_row_view(row, today, "vi"), submitted_on=None, submitted_by="",
                           file_path="", version=0, record_id=None,
                           state=_state(row.due_date, row.latest_date, today))
            delete_logged(row, label=row.title, batch=batch or new_batch())
            row = None
    if computed is None:  # the rule was switched off, the item cancelled: as it was recorded
        return _row_view(row, today, "vi") if row is not None else gone
    return _view(row, computed, today, "vi")


def set_note(deadline_id: int | str, note: str, expected_version: int | None = None,
             today: date | None = None, commune: Commune | None = None,
             batch: str | None = None) -> DeadlineView:
    """The officer's note on a deadline ("" removes it). A note alone is a record: the row is
    written, and removing the last thing recorded removes the row."""
    today = today or date.today()
    _resolve(deadline_id, commune)
    note = checked_text(note, "note", long=True)
    with database.atomic():
        row, computed = _resolve(deadline_id, commune)
        _check_version(row, expected_version)
        if row is None:
            if note:
                row = _create(computed, note=note)
        elif not note and _follows(row):  # nothing left recorded
            delete_logged(row, label=row.title, batch=batch or new_batch())
            row = None
        else:
            apply_changes(row, {"note": note}, label=row.title, batch=batch or new_batch())
            row = Deadline.get_by_id(row.id)
    if row is None and computed is None:
        raise NotFoundError("deadline_not_found", id=str(deadline_id).strip())
    return _view(row, computed, today, "vi")


def add_one_off(commune: Commune, kind: str, title: str, due: date, latest: date | None = None,
                source: str = "") -> Deadline:
    return create_logged(Deadline, label=title, commune=commune, kind=kind, title=title,
                         due_date=due, latest_date=latest, source=source, period=str(due.year))
