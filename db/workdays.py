"""Working days in Vietnam from the `holidays` library's own calendar: weekends, public holidays
(Tết included), the days off given in exchange and the Saturdays worked to make up for them
(e.g. Saturday 22/8/2026). New holidays appear when the library adds them."""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

_WEEKDAYS = {"vi": ("Thứ Bảy", "Chủ nhật"), "en": ("Saturday", "Sunday")}


@lru_cache(maxsize=64)
def _calendar(year: int, lang: str):
    """One year's calendar, filled when made: later reads of that year never change it, so the
    screens' worker threads can share it."""
    import holidays  # deferred: the package is large and only the calendar needs it

    return holidays.country_holidays("VN", years=year, language="vi" if lang != "en" else "en_US")


def warm(year: int, lang: str = "vi") -> None:
    """Build the year's calendar ahead of its first use (importing the library is the cost)."""
    _calendar(year, lang)
    _calendar(year, "vi")


def is_working_day(day: date) -> bool:
    """The library's rule: a weekend day is worked only when it is a make-up day; any other
    day is worked unless it is a holiday."""
    return _calendar(day.year, "vi").is_working_day(day)


def day_off(day: date, lang: str = "vi") -> str:
    """Why nobody works on `day` ("" for a working day, make-up Saturdays included): the
    holiday's name, else the weekend day."""
    calendar = _calendar(day.year, lang)
    if calendar.is_working_day(day):
        return ""
    name = calendar.get(day)
    if name:
        return name
    return _WEEKDAYS["en" if lang == "en" else "vi"][day.weekday() - 5]


def working_day_before(day: date) -> date:
    """The last working day before `day` (Tết can close a whole week)."""
    day -= timedelta(days=1)
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day
