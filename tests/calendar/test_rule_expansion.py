"""Rules expand over whole years: month ends, leap years, quarter ends; bad rules are refused."""
from datetime import date

import pytest

from db.errors import ValidationError
from db.services.deadline_rules import DEFAULT_RULES, RuleView, checked_rule, expand_rule


def rule(frequency, due_day, due_month=None, latest_day=None, latest_month=None, title="Báo cáo"):
    return RuleView(0, "custom", title, frequency, due_month, due_day, latest_month, latest_day, True, 1)


@pytest.mark.parametrize("year, feb", [(2023, 28), (2024, 29), (2100, 28), (2000, 29)])
def test_monthly_on_the_31st_falls_on_each_month_end(year, feb):
    specs = expand_rule(rule("monthly", 31), year)
    assert [s["period"] for s in specs] == [f"{year}-{m:02d}" for m in range(1, 13)]
    assert [s["due"].day for s in specs] == [31, feb, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    assert all(s["latest"] is None for s in specs)


@pytest.mark.parametrize("day, y2023, y2024", [(29, 28, 29), (30, 28, 29), (28, 28, 28)])
def test_monthly_february_days_29_and_30(day, y2023, y2024):
    assert expand_rule(rule("monthly", day), 2023)[1]["due"] == date(2023, 2, y2023)
    assert expand_rule(rule("monthly", day), 2024)[1]["due"] == date(2024, 2, y2024)
    assert expand_rule(rule("monthly", day), 2024)[2]["due"] == date(2024, 3, day)


def test_quarterly_on_the_31st_is_each_quarter_end():
    specs = expand_rule(rule("quarterly", 31, due_month=3), 2024)
    assert [s["due"] for s in specs] == [date(2024, 3, 31), date(2024, 6, 30), date(2024, 9, 30),
                                         date(2024, 12, 31)]
    assert [s["period"] for s in specs] == ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]


def test_quarterly_first_month_and_leap_february():
    specs = expand_rule(rule("quarterly", 30, due_month=2, latest_day=31, latest_month=3), 2024)
    assert [s["due"] for s in specs] == [date(2024, 2, 29), date(2024, 5, 30), date(2024, 8, 30),
                                         date(2024, 11, 30)]
    assert [s["latest"] for s in specs] == [date(2024, 3, 31), date(2024, 6, 30), date(2024, 9, 30),
                                            date(2024, 12, 31)]


def test_seed_rules_over_2023():
    by_kind = {spec["kind"]: [] for spec in DEFAULT_RULES}
    for spec in DEFAULT_RULES:
        view = RuleView(0, spec["kind"], spec["title"], spec["frequency"], spec.get("due_month"),
                        spec["due_day"], spec.get("latest_month"), spec.get("latest_day"), True, 1)
        by_kind[spec["kind"]] = expand_rule(view, 2023)
    monthly = by_kind["monthly_report"]
    assert len(monthly) == 12 and all((s["due"].day, s["latest"].day) == (10, 15) for s in monthly)
    assert monthly[2]["title"] == "Báo cáo tháng 03/2023"
    quarterly = by_kind["quarterly_report"]
    assert [(s["due"], s["latest"]) for s in quarterly] == [
        (date(2023, m, 10), date(2023, m, 20)) for m in (3, 6, 9, 12)]
    assert quarterly[0]["title"] == "Báo cáo quý 1/2023"
    assert [(s["due"], s["latest"]) for s in by_kind["annual_report"]] == [
        (date(2023, 11, 10), date(2023, 11, 20))]
    meetings = by_kind["board_meeting"]
    assert [s["due"] for s in meetings] == [date(2023, 3, 31), date(2023, 6, 30), date(2023, 9, 30),
                                            date(2023, 12, 31)]
    assert meetings[0]["title"] == "Họp BQL và UBND xã quý 1/2023"


def test_an_giang_rule_15th_of_each_quarters_last_month():
    specs = expand_rule(rule("quarterly", 15, due_month=3), 2023)
    assert [s["due"] for s in specs] == [date(2023, m, 15) for m in (3, 6, 9, 12)]


def test_checked_rule_accepts_text_numbers_and_drops_months_of_monthly_rules():
    out = checked_rule(dict(title=" Báo cáo riêng ", frequency="monthly", due_day="5", latest_day="",
                            due_month="7"))
    assert out == dict(kind="custom", title="Báo cáo riêng", frequency="monthly", due_day=5,
                       latest_day=None, due_month=None, latest_month=None)


@pytest.mark.parametrize("fields, key", [
    (dict(title="x", frequency="weekly", due_day=1), "choice_invalid"),
    (dict(title="", frequency="monthly", due_day=1), "text_required"),
    (dict(title="x", frequency="monthly", due_day=32), "rule_number_invalid"),
    (dict(title="x", frequency="monthly", due_day="mười"), "rule_number_invalid"),
    (dict(title="x", frequency="quarterly", due_day=10, due_month=4), "rule_number_invalid"),
    (dict(title="x", frequency="yearly", due_day=10), "text_required"),
    (dict(title="x", frequency="monthly", due_day=20, latest_day=15), "rule_latest_before_due"),
    # 30 then 29: fine in a leap year's February (29, 29), wrong in every other month
    (dict(title="x", frequency="monthly", due_day=30, latest_day=29), "rule_latest_before_due"),
    (dict(title="x", frequency="yearly", due_day=10, due_month=11, latest_day=20, latest_month=10),
     "rule_latest_before_due"),
])
def test_checked_rule_refuses(fields, key):
    with pytest.raises(ValidationError) as info:
        checked_rule(fields)
    assert info.value.key == key
    assert info.value.message("vi") and "{" not in info.value.message("vi")
