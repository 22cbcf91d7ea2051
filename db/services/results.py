"""Recording an indicator's result for a year (the `set` command, the space key, `v`)."""
from __future__ import annotations

import dataclasses
from datetime import date, datetime

from peewee import fn

from db import result_entries, rules
from db.changelog import apply_changes, new_batch
from db.dataclass_lite import dataclass
from db.errors import ConflictError, ContradictsValue, NotFoundError, ValidationError
from db.models import (
    Commune, CriteriaSet, Criterion, Indicator, IndicatorPart, IndicatorThreshold, IndicatorVersion, Result,
    database,
)
from db.services.communes import commune_of, criteria_set_for_year
from db.text import MAX_TEXT, clean

# expected_version for a result shown as carried over from an earlier year (no row this year
# when it was read): the write is refused if another session has written this year's row since.
NO_ROW_YET = 0
DATA_YEARS_AROUND = 5  # a data date may lie this many years before or after the set's period

MET_CHOICES = {"yes": rules.MET, "no": rules.NOT_MET, "na": rules.NA,
               "co": rules.MET, "khong": rules.NOT_MET, "dat": rules.MET, "unassessed": rules.UNASSESSED}


@dataclass(frozen=True)
class ResultView:
    code: str
    year: int
    status: str
    value: str | None
    value_number: float | None
    numerator: float | None
    denominator: float | None
    data_date: date | None
    note: str
    version: int
    updated_by: str
    updated_at: datetime | None
    # The next year's own result when it no longer agrees with this one (a past year corrected):
    # read in the same transaction, so the screen can offer to carry the correction forward.
    next_year: "ResultView | None" = None


def view(result: Result, code: str) -> ResultView:
    return ResultView(code, result.year, result.status, result.value, result.value_number,
                      result.numerator, result.denominator, result.data_date, result.note,
                      result.version, result.updated_by, result.updated_at)


def find_indicator(cset: CriteriaSet, code: str) -> Indicator:
    code = clean(code)
    indicator = (Indicator.select().join(Criterion)
                 .where((Criterion.criteria_set == cset) & (Indicator.code == code)).first())
    if indicator is None and code.endswith(".1"):
        # "11.1" typed for the one-indicator criterion "11"
        indicator = (Indicator.select().join(Criterion)
                     .where((Criterion.criteria_set == cset) & (Indicator.code == code[:-2])
                            & (Criterion.code == code[:-2])).first())
    if indicator is None:
        raise NotFoundError("indicator_not_found", code=code, set=cset.code)
    return indicator


@dataclass(frozen=True)
class Definition:
    """An indicator as it reads for an assessment year: its own definition, or the version
    (amendment) in force that year."""
    content: str
    kind: str
    op: str
    threshold: float | None
    unit: str | None
    valid_from: date | None  # None: the indicator's own definition
    version_id: int | None
    source: str = ""


def definition_for(indicator, year: int, versions: list[IndicatorVersion] | None = None) -> Definition:
    """The latest version whose date falls in or before the assessment year: a version from
    01/3/2024 governs the 2024 assessment on, and 2022–2023 keep the indicator's own."""
    rows = versions if versions is not None else list(
        IndicatorVersion.select().where(IndicatorVersion.indicator == indicator.id))
    chosen = None
    for row in sorted(rows, key=lambda v: v.valid_from):
        if row.valid_from.year <= year:
            chosen = row
    if chosen is None:
        return Definition(indicator.content, indicator.kind, indicator.op, indicator.threshold,
                          indicator.unit, None, None)
    return Definition(chosen.content, chosen.kind, chosen.op, chosen.threshold, chosen.unit,
                      chosen.valid_from, chosen.id, chosen.source)


def parts_for(definition: Definition, parts: list[IndicatorPart]) -> tuple[rules.Part, ...]:
    """The parts of the definition in force (the indicator's own, or its version's)."""
    mine = sorted((p for p in parts if p.version_id == definition.version_id), key=lambda p: p.position)
    return tuple(rules.Part(p.key, p.label, p.kind, p.op, p.threshold, p.unit,
                            (p.when_part, p.when_op, p.when_value, p.when_threshold)
                            if p.when_part else None) for p in mine)


def target_for(indicator: Indicator, year: int, commune_group: str | None = None,
               thresholds: list[IndicatorThreshold] | None = None,
               versions: list[IndicatorVersion] | None = None,
               parts: list[IndicatorPart] | None = None) -> rules.Target:
    """The indicator's target in force that year: the version in force, then a year- or
    group-specific threshold wins."""
    definition = definition_for(indicator, year, versions)
    op, threshold, unit = definition.op, definition.threshold, definition.unit
    if definition.kind == rules.COMPOUND:
        rows_parts = parts if parts is not None else list(
            IndicatorPart.select().where(IndicatorPart.indicator == indicator.id))
        return rules.Target(rules.COMPOUND, "==", None, None, parts_for(definition, rows_parts))
    rows = thresholds if thresholds is not None else list(indicator.thresholds)
    for row in rows:
        if row.year == year and row.commune_group in (None, commune_group) and _known(row, threshold):
            op, threshold, unit = row.op, row.threshold, row.unit or unit
    for row in rows:
        if (commune_group and row.commune_group == commune_group and row.year in (None, year)
                and _known(row, threshold)):
            op, threshold, unit = row.op, row.threshold, row.unit or unit
    return rules.Target(definition.kind, op, threshold, unit)


def _known(row: IndicatorThreshold, threshold: float | None) -> bool:
    """A year's or group's threshold left unknown ("2: >= ?", as the shipped 2026 slots have)
    does not hide the indicator's own threshold: the officer who types «Ngưỡng» 100 means it."""
    return row.threshold is not None or threshold is None


def effective_results(commune: Commune, year: int, indicator_ids: list[int] | None = None
                      ) -> dict[int, Result]:
    """Indicator id → the result in force that year: its own row, or the latest earlier one
    (a year starts from the previous year's results)."""
    # Only the latest row per indicator is read (not every earlier year): the subquery walks the
    # (commune, indicator, year) index, so a district database with many years stays fast.
    earlier = Result.alias()
    latest = (earlier.select(fn.MAX(earlier.year))
              .where((earlier.commune == Result.commune) & (earlier.indicator == Result.indicator)
                     & (earlier.year <= year)))
    query = Result.select().where((Result.commune == commune) & (Result.year == latest))
    if indicator_ids is not None:
        query = query.where(Result.indicator.in_(indicator_ids))
    return {row.indicator_id: row for row in query}


def carry_forward(commune: Commune, year: int, cset: CriteriaSet) -> None:
    """Materialise a year from the previous results before its first edit."""
    indicator_ids = [i.id for i in Indicator.select(Indicator.id).join(Criterion)
                     .where(Criterion.criteria_set == cset)]
    existing = {r.indicator_id for r in Result.select(Result.indicator)
                .where((Result.commune == commune) & (Result.year == year))}
    missing = [ind_id for ind_id in indicator_ids if ind_id not in existing]
    if not missing:  # the usual case: the year was materialised by its first edit
        return
    previous = effective_results(commune, year - 1, missing)
    # A result recorded under another kind of indicator (an amendment made it yes/no, or of
    # several parts) is not carried: the officer enters it once again under the new definition.
    stale = kind_changed({ind_id: prev.year for ind_id, prev in previous.items()}, year)
    previous = {ind_id: prev for ind_id, prev in previous.items() if ind_id not in stale}
    rows = []
    for ind_id in missing:
        prev = previous.get(ind_id)
        rows.append(dict(
            commune=commune.id, indicator=ind_id, year=year,
            status=prev.status if prev else rules.UNASSESSED,
            value=prev.value if prev else None, value_number=prev.value_number if prev else None,
            numerator=prev.numerator if prev else None, denominator=prev.denominator if prev else None,
            data_date=prev.data_date if prev else None, note="",
            version=1, updated_at=datetime.now().replace(microsecond=0),
            updated_by=prev.updated_by if prev else "",
        ))
    if rows:
        Result.insert_many(rows).execute()


def kind_changed(result_years: dict[int, int], year: int,
                 versions: dict[int, list[IndicatorVersion]] | None = None) -> set[int]:
    """Indicator ids (→ the year their result was recorded) whose kind in `year` differs from
    the kind they had then: such a result has to be entered again."""
    if not result_years:
        return set()
    if versions is None:
        versions = {}
        for row in IndicatorVersion.select().where(IndicatorVersion.indicator.in_(list(result_years))):
            versions.setdefault(row.indicator_id, []).append(row)
    amended = [i for i, then in result_years.items() if versions.get(i) and then != year]
    if not amended:
        return set()
    base = dict(Indicator.select(Indicator.id, Indicator.kind).where(Indicator.id.in_(amended)).tuples())
    changed = set()
    for ind_id in amended:
        kinds = []
        for when in (result_years[ind_id], year):
            chosen = [v for v in versions[ind_id] if v.valid_from.year <= when]
            kinds.append(max(chosen, key=lambda v: v.valid_from).kind if chosen else base[ind_id])
        if kinds[0] != kinds[1]:
            changed.add(ind_id)
    return changed


def parse_met(met: str | None) -> str | None:
    if met is None:
        return None
    from db.text import fold

    key = fold(met)
    if key not in MET_CHOICES:
        raise ValidationError("met_invalid", value=met)
    return MET_CHOICES[key]


def set_result(commune: Commune, year: int, code: str, value: str | None = None,
               met: str | None = None, note: str | None = None,
               numerator: str | None = None, denominator: str | None = None,
               data_date: str | date | None = None, expected_version: int | None = None,
               batch: str | None = None, clear_value: bool = False,
               parts: dict[str, str] | None = None) -> ResultView:
    """Validate everything first, then write in one transaction and log each change.
    `parts` (key → value) fills parts of a compound indicator; the others keep their value."""
    commune = commune_of(commune)
    cset = criteria_set_for_year(commune, year)
    indicator = find_indicator(cset, code)
    if parts:
        value = merged_parts(commune, year, indicator, parts)
    return _set_indicator_result(commune, year, cset, indicator, value=value, met=met, note=note,
                                 numerator=numerator, denominator=denominator, data_date=data_date,
                                 expected_version=expected_version, batch=batch, clear_value=clear_value)


def merged_parts(commune: Commune, year: int, indicator: Indicator, parts: dict[str, str]) -> str:
    """The value of a compound indicator with `parts` filled in: the other parts keep the value
    in force (unless it was recorded under another kind of indicator)."""
    target = target_for(indicator, year, commune.commune_group)
    if target.kind != rules.COMPOUND:
        raise ValidationError("parts_not_compound", code=indicator.code)
    given = rules.parse_parts(target.parts, parts)
    current = effective_results(commune, year, [indicator.id]).get(indicator.id)
    values: dict[str, object] = {}
    if current is not None and current.value and not kind_changed({indicator.id: current.year}, year):
        try:
            values = rules.parse_parts(target.parts, current.value)
        except ValidationError:
            values = {}  # a value from before the indicator had parts: entered again
    values.update(given)
    return rules.format_parts(target.parts, values)


def _set_indicator_result(commune: Commune, year: int, cset: CriteriaSet, indicator: Indicator,
                          value: str | None = None, met: str | None = None, note: str | None = None,
                          numerator: str | None = None, denominator: str | None = None,
                          data_date: str | date | None = None, expected_version: int | None = None,
                          batch: str | None = None, clear_value: bool = False,
                          toggle: bool = False, by_hand: bool = True) -> ResultView:
    """`set_result` once the set and the indicator are known. `toggle`: met ↔ not met, from the
    result in force as read inside the write transaction. `by_hand` False: a result that its
    value contradicts is refused (ContradictsValue), for the screen to ask once."""
    status = parse_met(met)
    changes: dict[str, object] = {}
    percent = None
    if numerator is not None or denominator is not None:
        if numerator is None or denominator is None:
            raise ValidationError("value_not_number", value=numerator if numerator is not None else denominator)
        num, den = rules.parse_number(numerator), rules.parse_number(denominator)
        if num < 0:
            raise ValidationError("value_negative", value=numerator)
        percent = rules.ratio(num, den)
        changes.update(numerator=num, denominator=den)
        value = f"{percent:.12f}"  # exact enough to evaluate; rounded below for display only
    if value is not None and str(value).strip():
        target = target_for(indicator, year, commune.commune_group)  # only a value needs it
        value = rules.read_amount(target, str(value))  # "1.234" đồng is 1234
        stored = rules.normalise_value(target, str(value), decimals=2 if percent is not None else 4)
        number = None if target.kind in (rules.YESNO, rules.COMPOUND) or stored in ("Không", "Có") \
            else rules.parse_number(str(value))  # the exact value, not the rounded text
        changes.update(value=stored, value_number=number)
        if status is None:
            evaluated = rules.evaluate(target, str(value))  # on the exact value
            if evaluated is not None:
                status = evaluated
    elif clear_value:
        changes.update(value=None, value_number=None, numerator=None, denominator=None)
    if note is not None:
        text = clean(note)
        if len(text) > MAX_TEXT:
            raise ValidationError("text_too_long", length=len(text), limit=MAX_TEXT)
        changes["note"] = text
    if data_date is not None:
        changes["data_date"] = rules.parse_date(data_date) if data_date != "" else None
        when = changes["data_date"]
        low, high = cset.period_start - DATA_YEARS_AROUND, cset.period_end + DATA_YEARS_AROUND
        if when is not None and not low <= when.year <= high:
            raise ValidationError("data_date_outside", value=rules.format_date(when), low=low, high=high)
    if status is not None:
        changes["status"] = status
    if not changes and not toggle:
        raise ValidationError("nothing_to_set")
    this_year = (Result.commune == commune) & (Result.indicator == indicator) & (Result.year == year)
    with database.atomic():
        row = Result.get_or_none(this_year)
        if row is None:
            # The version the caller saw belonged to an earlier year's row. The year is
            # materialised from the previous results at its first edit.
            expected_version = None
            carry_forward(commune, year, cset)
            row = Result.get(this_year)
        elif expected_version == NO_ROW_YET and row.version > 1:
            # Shown as carried over, but another session has written this year's row since
            # (rows another session's first edit only carried over are still at version 1).
            when = row.updated_at.strftime("%d/%m/%Y %H:%M") if isinstance(row.updated_at, datetime) else "?"
            raise ConflictError("conflict", who=row.updated_by or "?", when=when)
        elif expected_version == NO_ROW_YET:
            expected_version = 1  # carried over by another session's edit, unchanged since
        if toggle:  # the year's row holds the result in force (carried forward if need be)
            changes["status"] = rules.NOT_MET if row.status == rules.MET else rules.MET
            words = _words_for(indicator, row.value, changes["status"])
            if words is not None:  # a yes/no value is the result in words: it follows
                changes.update(value=words, value_number=None)
        value_now = changes.get("value", row.value)
        if not by_hand and value_now and "status" in changes and changes["status"] != row.status \
                and indicator.kind not in (rules.YESNO, rules.ABSENCE):  # their value is the result
            _refuse_contradiction(commune, year, indicator, value_now, changes["status"])
        # apply_changes leaves the row as written (fields, version, time, user): no re-read
        batch = batch or new_batch()
        logged = apply_changes(row, changes, label=f"{indicator.code} / {year}",
                               expected_version=expected_version, batch=batch)
        if logged:  # the state it leaves, from the data date given with this edit, else today
            dated = row.data_date if any(e.field == "data_date" for e in logged) else None
            result_entries.record(row, batch, dated)
        following = Result.get_or_none((Result.commune == commune) & (Result.indicator == indicator)
                                       & (Result.year == year + 1)) if logged else None
    shown = view(row, indicator.code)
    if following is not None and (following.status, following.value) != (row.status, row.value):
        shown = dataclasses.replace(shown, next_year=view(following, indicator.code))
    return shown


def assess_waiting(indicator: Indicator, batch: str) -> None:
    """Results recorded with a value while the indicator's target was unknown ("≥ ?") are
    assessed once the officer has entered the target: 72,5 waits as "Chưa đánh giá" until
    «Ngưỡng» 100 makes it "Chưa đạt". Results already assessed stay as recorded (a past
    report said them). Inside the caller's transaction and batch: one undo takes both back."""
    rows = list(Result.select(Result, Commune).join(Commune)
                .where((Result.indicator == indicator.id) & (Result.status == rules.UNASSESSED)
                       & Result.value.is_null(False)))
    if not rows:
        return
    # read once for every waiting result (communes and years differ, the definition does not)
    thresholds = list(IndicatorThreshold.select().where(IndicatorThreshold.indicator == indicator.id))
    versions = list(IndicatorVersion.select().where(IndicatorVersion.indicator == indicator.id))
    for row in rows:
        target = target_for(indicator, row.year, row.commune.commune_group, thresholds, versions)
        try:
            status = rules.evaluate(target, row.value_number if row.value_number is not None else row.value)
        except ValidationError:  # recorded under another kind ("Có" for what is now a ratio)
            continue
        if status is None:
            continue
        if apply_changes(row, {"status": status}, label=f"{indicator.code} / {row.year}", batch=batch):
            result_entries.record(row, batch, row.data_date)


def _words_for(indicator: Indicator, value: str | None, status: str) -> str | None:
    """The value in words for a toggled result whose value only says met or not ("Đạt",
    "Không"); None when the value is a measure (it stays, and may contradict)."""
    if not value:
        return None
    if indicator.kind == rules.YESNO:
        return "Đạt" if status == rules.MET else "Không đạt"
    if indicator.kind == rules.ABSENCE and value in ("Không", "Có"):
        return "Không" if status == rules.MET else "Có"
    return None


def _refuse_contradiction(commune: Commune, year: int, indicator: Indicator, value: str | None,
                          status: str) -> None:
    target = target_for(indicator, year, commune.commune_group)
    if rules.contradicts(target, value, status):
        raise ContradictsValue("contradicts_met" if status == rules.MET else "contradicts_not_met",
                               code=indicator.code, value=value, requirement=target.describe("vi"))


def toggle_met(commune: Commune, year: int, code: str, expected_version: int | None = None,
               batch: str | None = None, by_hand: bool = True) -> ResultView:
    """Space on the indicator list: met ↔ not met (anything else becomes met). `by_hand`
    False: refused (ContradictsValue) when the value says otherwise, for the screen to ask."""
    commune = commune_of(commune)
    cset = criteria_set_for_year(commune, year)
    indicator = find_indicator(cset, code)
    return _set_indicator_result(commune, year, cset, indicator, expected_version=expected_version,
                                 batch=batch, toggle=True, by_hand=by_hand)


def result_history(commune: Commune, indicator_id: int) -> list[ResultView]:
    """Every year's recorded result of one indicator, oldest first (the detail screen)."""
    commune = commune_of(commune)
    indicator = Indicator.get_by_id(indicator_id)
    rows = (Result.select().where((Result.commune == commune) & (Result.indicator == indicator_id))
            .order_by(Result.year))
    return [view(row, indicator.code) for row in rows]


# --- a past year corrected after the next year has its own results --------------------------------

_CARRIED = ("status", "value", "value_number", "numerator", "denominator", "data_date")


def _rows_of(commune: Commune, code: str, year: int) -> tuple[Result | None, Result | None]:
    """`year`'s row and the next year's, when both years use the same set (the same indicator)."""
    cset = criteria_set_for_year(commune, year)
    if criteria_set_for_year(commune, year + 1, check=False).id != cset.id:
        return None, None
    indicator = find_indicator(cset, code)
    rows = {r.year: r for r in Result.select().where(
        (Result.commune == commune) & (Result.indicator == indicator) & Result.year.in_([year, year + 1]))}
    return rows.get(year), rows.get(year + 1)


def next_year_differs(commune: Commune | int, code: str, year: int) -> ResultView | None:
    """The next year's own result of the indicator when it no longer agrees with `year`'s (just
    corrected): `year`'s end is the next year's start, and its own row stayed as it was."""
    commune = commune_of(commune)
    row, following = _rows_of(commune, code, year)
    if row is None or following is None:
        return None
    if all(getattr(row, f) == getattr(following, f) for f in ("status", "value")):
        return None
    return view(following, code)


def carry_correction(commune: Commune | int, code: str, year: int, expected_version: int | None = None,
                     batch: str | None = None) -> ResultView:
    """The next year's row takes `year`'s result (status, value, ratio, data date), logged and
    undone with ctrl+z like any edit."""
    commune = commune_of(commune)
    with database.atomic():
        row, following = _rows_of(commune, code, year)
        if row is None or following is None:
            raise NotFoundError("record_not_found", table="result", id=f"{code} / {year + 1}")
        batch = batch or new_batch()
        logged = apply_changes(following, {f: getattr(row, f) for f in _CARRIED},
                               label=f"{code} / {year + 1}", expected_version=expected_version, batch=batch)
        if logged:
            result_entries.record(following, batch, following.data_date)
    return view(following, code)
