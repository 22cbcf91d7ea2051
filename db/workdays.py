"""Working days in Vietnam: weekends and public holidays (Tết included), for deadline flags."""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

_WEEKDAYS = {"vi": ("Thứ Bảy", "Chủ nhật"), "en": ("Saturday", "Sunday")}


@lru_cache(maxsize=64)
def _holidays(year: int, lang: str) -> dict[date, str]:
    import holidays  # deferred: the package is large and only the calendar needs it

    table = holidays.country_holidays("VN", years=year, language="vi" if lang != "en" else "en_US")
    return dict(table.items())


def day_off(day: date, lang: str = "vi") -> str:
    """Why nobody works on `day` ("" for a working day): the holiday's name, else the weekend day."""
    name = _holidays(day.year, lang).get(day)
    if name:
        return name
    if day.weekday() >= 5:
        return _WEEKDAYS["en" if lang == "en" else "vi"][day.weekday() - 5]
    return ""


def working_day_before(day: date) -> date:
    """The last working day before `day` (Tết can close a whole week)."""
    day -= timedelta(days=1)
    while day_off(day):
        day -= timedelta(days=1)
    return day
