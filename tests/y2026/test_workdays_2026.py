"""The 2026 calendar from the holidays library's working-day logic: Tết 16–20/02, the make-up
Saturday 22/8 worked, the Monday 31/8 given in exchange off."""
from __future__ import annotations

from datetime import date

import pytest

from db.workdays import day_off, is_working_day, working_day_before


@pytest.mark.parametrize("day", [16, 17, 18, 19, 20])
def test_tet_2026_is_off_from_16_to_20_february(day):
    assert not is_working_day(date(2026, 2, day))
    assert "Tết" in day_off(date(2026, 2, day)) or "Giao thừa" in day_off(date(2026, 2, day))


def test_before_tet_2026_is_friday_13_february():
    assert working_day_before(date(2026, 2, 21)) == date(2026, 2, 13)  # 21–22 are a weekend too
    assert day_off(date(2026, 2, 23)) == ""


def test_saturday_22_august_2026_is_a_make_up_working_day():
    saturday = date(2026, 8, 22)
    assert saturday.weekday() == 5
    assert is_working_day(saturday) and day_off(saturday) == ""
    assert working_day_before(date(2026, 8, 23)) == saturday  # a Sunday deadline: send on the 22nd
    assert day_off(date(2026, 8, 29)) == "Thứ Bảy"  # an ordinary Saturday stays off
    assert "22/08/2026" in day_off(date(2026, 8, 31))  # the day given in exchange
    assert working_day_before(date(2026, 9, 3)) == date(2026, 8, 28)  # 29/8–2/9 all off


def test_the_pin_has_2026():
    from importlib.metadata import version

    major, minor = (int(x) for x in version("holidays").split(".")[:2])
    assert (major, minor) >= (0, 109)
