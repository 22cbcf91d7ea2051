"""What changed in a period: each indicator whose result at the period's end differs from its
result the day before the period began, read from the results' history (schema 8)."""
from __future__ import annotations

from datetime import date, timedelta

from db import rules
from db.change_words import number_words, value_words
from db.dataclass_lite import dataclass
from db.services.status import IndicatorStatus, YearStatus, year_status


@dataclass(frozen=True)
class IndicatorChange:
    indicator_id: int
    criterion_code: str
    code: str
    content: str
    before: str  # in words: "Chưa đạt", "65 %"; "" when nothing was recorded
    after: str
    before_status: str
    after_status: str
    data_date: date | None  # the day the new value holds from, as the officer dated it
    entered_later: date | None  # entered after the period's end, dated back into it


def state_words(ind: IndicatorStatus, lang: str = "vi") -> str:
    """A result as the officer reads it: the value with its unit, else the verdict."""
    if ind.value and ind.kind in (rules.PERCENT, rules.AMOUNT):
        return number_words(ind.value, ind.target.unit or "")
    if ind.value and ind.kind == rules.COMPOUND:
        return ind.value
    return value_words("status", ind.status, "result", lang)


def compare(before: YearStatus, after: YearStatus, lang: str = "vi") -> list[IndicatorChange]:
    old = {i.id: i for i in before.indicators()}
    out = []
    for ind in after.indicators():
        prev = old.get(ind.id)
        if prev and prev.status == ind.status and (prev.value or "") == (ind.value or ""):
            continue
        if prev is None and ind.status == rules.UNASSESSED:
            continue
        out.append(IndicatorChange(
            ind.id, ind.criterion_code, ind.code, ind.content,
            state_words(prev, lang) if prev and prev.status != rules.UNASSESSED else "",
            state_words(ind, lang), prev.status if prev else rules.UNASSESSED, ind.status,
            ind.data_date, ind.entered_later))
    return out


def changes_between(commune_id: int, year: int, start: date, end: date, *,
                    lang: str = "vi") -> list[IndicatorChange]:
    """Indicators of `year` whose result on `end` differs from the one on the eve of `start`."""
    before = year_status(commune_id, year, with_evidence=False, as_of=start - timedelta(days=1))
    after = year_status(commune_id, year, with_evidence=False, as_of=end)
    return compare(before, after, lang)
