"""Weekends and Vietnamese public holidays on due dates, with the working day before."""
from datetime import date, timedelta

import pytest

from db.services.communes import get_commune
from db.services.deadline_rules import add_rule
from db.services.deadlines import list_deadlines
from db.workdays import day_off, working_day_before


def test_tet_2023_is_off_from_21_to_26_january():
    for day in range(21, 27):
        assert "Tết" in day_off(date(2023, 1, day)) or "Giao thừa" in day_off(date(2023, 1, day))
    assert day_off(date(2023, 1, 22)) == "Tết Nguyên Đán"
    assert working_day_before(date(2023, 1, 26)) == date(2023, 1, 19)  # 20/1 is off too (29 Tết)
    assert day_off(date(2023, 1, 27)) == ""


@pytest.mark.parametrize("day, name, before", [
    (date(2023, 4, 30), "Ngày Chiến thắng", date(2023, 4, 28)),
    (date(2023, 5, 1), "Ngày Quốc tế Lao động", date(2023, 4, 28)),
    (date(2023, 9, 2), "Quốc khánh", date(2023, 8, 31)),
    (date(2023, 3, 11), "Thứ Bảy", date(2023, 3, 10)),
    (date(2023, 3, 12), "Chủ nhật", date(2023, 3, 10)),
])
def test_days_off(day, name, before):
    assert day_off(day) == name
    assert working_day_before(day) == before


def test_english_names_and_working_days():
    assert day_off(date(2023, 9, 2), "en") == "National Day"
    assert day_off(date(2023, 3, 12), "en") == "Sunday"
    assert day_off(date(2023, 3, 10)) == ""  # a Friday
    monday = date(2024, 6, 3)
    assert [day_off(monday + timedelta(days=n)) for n in range(5)] == [""] * 5


def test_deadline_on_a_holiday_is_flagged(demo_db):
    commune = get_commune()
    add_rule(commune, date(2023, 1, 1), kind="custom", title="Báo cáo Tết", frequency="yearly",
             due_month=1, due_day=24, latest_month=1, latest_day=31)
    views = list_deadlines(commune, date(2023, 1, 1), date(2023, 1, 1), date(2023, 1, 31))
    tet = next(v for v in views if v.title == "Báo cáo Tết 2023")
    assert (tet.flag, tet.suggested_date, tet.flags) == ("Mùng ba Tết Nguyên Đán", date(2023, 1, 19),
                                                        ["Mùng ba Tết Nguyên Đán"])
    january = next(v for v in views if v.period == "2023-01")
    assert (january.flag, january.suggested_date) == ("", None)  # 10/1/2023 is a Tuesday
